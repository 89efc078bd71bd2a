import { NoRegisterError, runChain, type ChainInput } from '../../src/domain/chain';
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import { SHEET_ETAT, SHEET_INDICATEURS, SHEET_REGISTRE } from '../../src/domain/plan-types';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Clause sociale', 'Pôle'];

function input(file: string, rows: CellValue[][], sheet = 'Marchés'): ChainInput {
  return { file, sheets: [grid(sheet, rows)], state: null };
}

const SAMPLE = input('a.xlsx', [
  HEAD,
  ['A', 'x', 100, d('2025-01-02'), 'oui', 'P1'],
  ['B', 'y', 300, d('2025-03-02'), 'non', 'P2'],
  ['B', 'y', 300, d('2025-04-02'), 'non', 'P2'],
  ['C', 'y', 300, d('2024-03-02'), 'oui', 'P2'],
  ['D', null, 50, d('2024-03-02'), 'oui', 'P2'],
]);

describe('runChain', () => {
  test('no recognisable register is a NoRegisterError naming the file, in French', () => {
    expect(() => runChain([input('vide.xlsx', [['Nom', 'Prénom'], ['a', 'b']])])).toThrow(NoRegisterError);
    expect(() => runChain([input('vide.xlsx', [['Nom']])])).toThrow(/Aucun registre reconnu dans « vide\.xlsx »/);
  });

  test('the exercice defaults to the year with most dated rows (errors included), ties to the later year', () => {
    // 2025: A, B, B (3 rows) ; 2024: C, D (2 rows)
    expect(runChain([SAMPLE], { today: '2025-06-01' }).result.exercice).toBe(2025);
    const tie = input('t.xlsx', [HEAD, ['A', 'x', 1, d('2024-01-01')], ['B', 'x', 1, d('2025-01-01')]]);
    expect(runChain([tie], { today: '2025-06-01' }).result.exercice).toBe(2025);
  });

  test('lignes counts follow sortie.md', () => {
    const { result } = runChain([SAMPLE], { today: '2025-06-01' });
    // lues 5; erreurs: second B (doublon) and D (objet manquant) = 2; exercice: A and first B = 2
    expect(result.lignes).toEqual({ lues: 5, exercice: 2, erreurs: 2, avertissements: 0 });
    expect(result.controles.map((c) => [c.code, c.ligne, c.feuille, c.source])).toEqual([
      ['doublon', 4, 'Marchés', 'a.xlsx'],
      ['objet-manquant', 6, 'Marchés', 'a.xlsx'],
    ]);
  });

  test('every indicator id appears once, in catalogue order', () => {
    const { result } = runChain([SAMPLE], { today: '2025-06-01' });
    expect(result.indicateurs.map((i) => i.id)).toEqual(CATALOGUE.map((c) => c.id));
    expect(new Set(result.indicateurs.map((i) => i.id)).size).toBe(result.indicateurs.length);
  });

  test('an explicit exercice is honoured', () => {
    const { result } = runChain([SAMPLE], { today: '2025-06-01', exercice: 2024 });
    expect(result.exercice).toBe(2024);
    expect(result.lignes.exercice).toBe(1); // C only (D has an error)
  });

  test('1.1.2-dataviz counts the charts the writer draws: none with ExcelJS, the planned ones with Office', () => {
    const noCharts = runChain([SAMPLE], { today: '2025-06-01' });
    const withCharts = runChain([SAMPLE], { today: '2025-06-01', writesCharts: true });
    const dataviz = (r: typeof noCharts) => r.result.indicateurs.find((i) => i.id === '1.1.2-dataviz');
    expect(dataviz(noCharts)).toMatchObject({ statut: 'calculé', valeur: 0 });
    const planned = withCharts.plan.sheets.flatMap((s) => s.charts).length;
    expect(planned).toBeGreaterThan(0);
    expect(dataviz(withCharts)).toMatchObject({ statut: 'calculé', valeur: planned, n1: null });
  });

  test('the plan holds the SPASER sheets and the state in force', () => {
    const override = { sheet: 'Marchés', columns: { 'Clause sociale': null } };
    const out = runChain([SAMPLE], { today: '2025-06-01', overrides: [override] });
    expect(out.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET_REGISTRE, SHEET_INDICATEURS, SHEET_ETAT]));
    expect(out.state.mappings).toEqual([override]);
    // Unmapping the column makes the social indicator non calculable.
    const social = out.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale');
    expect(social?.statut).toBe('non calculable');
  });

  test('a mapping saved in the workbook is used, and an explicit one replaces it for that sheet', () => {
    const saved: ChainInput = { ...SAMPLE, state: { version: 1, mappings: [{ sheet: 'Marchés', columns: { 'Clause sociale': null } }], decisions: [] } };
    const social = (o: ReturnType<typeof runChain>) => o.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')?.statut;
    expect(social(runChain([saved], { today: '2025-06-01' }))).toBe('non calculable');
    expect(social(runChain([saved], { today: '2025-06-01', overrides: [{ sheet: 'Marchés', columns: { 'Clause sociale': 'clauseSociale' } }] }))).toBe('calculé');
  });

  test('progress is reported for columns, controls and computation', () => {
    const steps: string[] = [];
    runChain([SAMPLE], { today: '2025-06-01', onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(expect.arrayContaining(['colonnes', 'contrôles', 'calcul']));
  });

  test('progress counts the sheets looked at without last week’s SPASER sheets, and the checks end at their total', () => {
    // Session-23 review: « Reconnaissance des colonnes (10 feuilles) » for a buyer's 5 sheets, and a check
    // step counted on every sheet though only recognised ones are checked (never reaching its total).
    const notes = { name: 'Notes', firstRow: 1, firstCol: 1, rows: [['Bonjour']], tables: [] };
    const old = { name: 'SPASER Registre', firstRow: 1, firstCol: 1, rows: SAMPLE.sheets[0].rows, tables: [] };
    const seen: [string, number, number][] = [];
    runChain([{ ...SAMPLE, sheets: [...SAMPLE.sheets, notes, old] }], { today: '2025-06-01', onProgress: (s, done, total) => seen.push([s, done, total]) });
    const sources = SAMPLE.sheets.length + 1;
    expect(seen.filter(([s]) => s === 'colonnes')).toEqual([
      ['colonnes', 0, sources],
      ['colonnes', sources, sources],
    ]);
    const checks = seen.filter(([s]) => s === 'contrôles');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.at(-1)![1]).toBe(checks.at(-1)![2]);
    expect(checks.every(([, , total]) => total === checks.length)).toBe(true);
  });
});
