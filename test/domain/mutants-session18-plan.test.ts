/**
 * Mutation audit of session 18 (plan.ts, Stryker over the whole file): rules of the sheets written
 * (`sortie.md` « Sheets », README « Choix faits là où la spécification se tait », « Feuilles
 * écrites » and « Contrôles ») and of the plan's own comments that no test pinned. Expectations
 * worked out by hand from those texts, never copied from the plan.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import type { Finding, FindingCode, IndicatorResult, Register, RegisterRow, SheetMapping } from '../../src/domain/model';
import { buildPlan, INDICATOR_HEADERS } from '../../src/domain/plan';
import type { PlanValue, SheetPlan } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';
import { cellAt, findRow, sheet } from '../helpers/plan-sheet';
import { FILE_A, FILE_B, indicator, makeRegister, makeResult, ROW_A, ROW_C, planInput } from './fixtures/plan-fixtures';

const input = planInput;

/** Row 1 of a sheet (its header). */
function headerRow(s: SheetPlan): readonly PlanValue[] {
  return s.blocks.find((b) => b.row === 1 && b.col === 1)!.values[0];
}

/** The cell of `SPASER Registre` under `header` on sheet row `row`. */
function registreCell(s: SheetPlan, row: number, header: string): PlanValue | undefined {
  const col = headerRow(s).indexOf(header) + 1;
  if (col === 0) throw new Error(`no column ${header}`);
  return cellAt(s, row, col);
}

// ---------------------------------------------------------------------------
// SPASER Registre

describe('README « Feuilles écrites »: an unreadable value appears in SPASER Registre as it was', () => {
  // The amount could not be read (no value), its cell held a yes/no box or a date: the register
  // shows what the user saw in French Excel, VRAI / FAUX and jj/mm/aaaa, not an empty cell.
  const unreadable = (raw: CellValue): RegisterRow => {
    const { montant: _dropped, ...values } = ROW_A.values;
    return { ...ROW_A, values, raw: { ...ROW_A.raw, montant: raw } };
  };
  const montantOf = (raw: CellValue) =>
    registreCell(sheet(buildPlan(input({ register: makeRegister({ rows: [unreadable(raw)] }) })), 'SPASER Registre'), 2, 'Montant notifié HT (€)');

  it('a TRUE box in the amount column is written VRAI, a FALSE box FAUX', () => {
    expect(montantOf(true)).toBe('VRAI');
    expect(montantOf(false)).toBe('FAUX');
  });

  it('a date in the amount column is written as the French date it showed', () => {
    expect(montantOf(d('2025-03-14'))).toBe('14/03/2025');
  });
});

describe('sortie.md « SPASER Registre »: the canonical columns keep their type', () => {
  it('a number field (Délai moyen de paiement, type nombre) is written as a number, not as text', () => {
    const row: RegisterRow = {
      ...ROW_A,
      values: { ...ROW_A.values, delaiPaiement: 32.5 },
      mapped: new Set([...ROW_A.mapped, 'delaiPaiement' as const]),
      raw: { ...ROW_A.raw, delaiPaiement: 32.5 },
    };
    const s = sheet(buildPlan(input({ register: makeRegister({ rows: [row] }) })), 'SPASER Registre');
    expect(registreCell(s, 2, 'Délai moyen de paiement (jours)')).toBe(32.5);
  });
});

describe('README « Feuilles écrites »: the register shows the fields recognised in at least one source', () => {
  it('a field mapped only by a register sheet without any data row still has its column, empty', () => {
    // Consolidation: Pôle B's sheet has only its header, which names the Titulaire.
    const empty: SheetMapping = {
      file: FILE_B,
      sheet: 'Vide',
      kind: 'registre',
      headerRow: 1,
      columns: [
        { col: 1, header: 'N° marché', field: 'numero' },
        { col: 2, header: 'Titulaire', field: 'titulaire' },
      ],
      ambiguous: [],
      unmapped: [],
      explicit: false,
    };
    const register = makeRegister();
    const s = sheet(buildPlan(input({ register: { ...register, mappings: [...register.mappings, empty] } })), 'SPASER Registre');
    expect(headerRow(s)).toContain('Titulaire');
    expect([2, 3, 4].map((r) => registreCell(s, r, 'Titulaire'))).toEqual([null, null, null]);
  });
});

describe('README « Contrôles »: the Pôle of a row with no Pôle cell is its file name, and SPASER Registre shows it', () => {
  it('a file without a Pôle column: its rows read « Pôle Sport »; a file with one keeps each row’s writing', () => {
    const header: CellValue[] = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
    const sport = grid('Suivi', [header, ['S-1', 'Ballons', 1000, d('2025-02-01')]]);
    const culture = grid('Suivi', [
      [...header, 'Pôle'],
      ['C-1', 'Livres', 2000, d('2025-03-01'), 'CULTURE '],
    ]);
    const out = runChain(
      [
        { file: 'Pôle Sport.xlsx', sheets: [sport], state: null },
        { file: 'Pôle Culture.xlsx', sheets: [culture], state: null },
      ],
      { today: '2026-01-15', writesCharts: false },
    );
    const s = sheet(out.plan, 'SPASER Registre');
    expect([2, 3].map((r) => [registreCell(s, r, 'N° de marché'), registreCell(s, r, 'Pôle')])).toEqual([
      ['S-1', 'Pôle Sport'],
      ['C-1', 'CULTURE'],
    ]);
  });
});

// ---------------------------------------------------------------------------
// Links, charts and visibility of each sheet (sortie.md « Sheets »)

describe('sortie.md « Sheets »: links only in SPASER Contrôles, charts only in SPASER Indicateurs, every sheet visible but État', () => {
  const plan = buildPlan(input());

  it('SPASER Registre, Pôles and État carry neither link nor chart; Contrôles no chart; Indicateurs no link', () => {
    expect(plan.sheets.map((s) => [s.name, s.links.length > 0, s.charts.length > 0])).toEqual([
      ['SPASER Registre', false, false],
      ['SPASER Contrôles', true, false],
      ['SPASER Indicateurs', false, true],
      ['SPASER Pôles', false, false],
      ['SPASER État', false, false],
    ]);
  });

  it('SPASER Contrôles without any finding is still a visible sheet, without link nor chart', () => {
    const rows = makeRegister().rows.map((r) => ({ ...r, findings: [], hasError: false }));
    const clean = sheet(buildPlan(input({ register: makeRegister({ rows, otherFindings: [] }) })), 'SPASER Contrôles');
    expect([clean.visibility, clean.links, clean.charts]).toEqual(['visible', [], []]);
  });
});

// ---------------------------------------------------------------------------
// SPASER Contrôles: the order of the findings

describe('SPASER Contrôles: errors first, then warnings, each in source order (sheets in reading order, then rows)', () => {
  const finding = (gravite: Finding['gravite'], sheetName: string, file: string, row: number, code: FindingCode): Finding => ({
    gravite,
    code,
    message: `Ligne ${row} : ${code}.`,
    source: { file, sheet: sheetName, row },
    colonne: null,
    col: null,
    valeurLue: null,
  });
  const rowWith = (base: RegisterRow, findings: Finding[]): RegisterRow => ({
    ...base,
    findings,
    hasError: findings.some((f) => f.gravite === 'erreur'),
  });

  it('an error of a later sheet comes before a warning of the first sheet; warnings of a sheet go by row', () => {
    // Reading order: Marchés 2025 (file A), then Feuil1 (file B). Warnings on rows 9 then 3 of
    // Marchés 2025 (given in that order), an error on row 2 of Feuil1.
    const register: Register = makeRegister({
      rows: [
        rowWith(ROW_A, [finding('avertissement', 'Marchés 2025', FILE_A, 9, 'siret-invalide')]),
        rowWith({ ...ROW_A, index: 1 }, [finding('avertissement', 'Marchés 2025', FILE_A, 3, 'code-postal-invalide')]),
        rowWith(ROW_C, [finding('erreur', 'Feuil1', FILE_B, 2, 'montant-manquant')]),
      ],
      otherFindings: [],
    });
    const s = sheet(buildPlan(input({ register })), 'SPASER Contrôles');
    expect([2, 3, 4].map((r) => [cellAt(s, r, 1), cellAt(s, r, 4), cellAt(s, r, 5)])).toEqual([
      ['Erreur', 'Feuil1', 2],
      ['Avertissement', 'Marchés 2025', 3],
      ['Avertissement', 'Marchés 2025', 9],
    ]);
  });
});

// ---------------------------------------------------------------------------
// SPASER Indicateurs: Atteinte, charts drawn only with a value

describe('sortie.md « SPASER Indicateurs »: Atteinte says oui / non when there is a target, nothing without one', () => {
  it('met (value equal to the target counts, indicateurs.md) → oui; missed → non; no target → empty', () => {
    const result = makeResult({
      indicateurs: [
        indicator({ id: '4.1.2-consideration-sociale', axe: 4, unite: '%', valeur: 30, cible: { valeur: 30, sens: '≥', atteinte: true } }),
        indicator({ id: '3.1.1-consideration-env', axe: 3, unite: '%', valeur: 25, cible: { valeur: 30, sens: '≥', atteinte: false } }),
        indicator({ id: '2.1.3-sourcage', axe: 2, unite: 'nombre', valeur: 7 }),
      ],
    });
    const s = sheet(buildPlan(input({ result })), 'SPASER Indicateurs');
    const atteinte = (id: string) => cellAt(s, findRow(s, 1, id), INDICATOR_HEADERS.indexOf('Atteinte') + 1);
    expect([atteinte('4.1.2-consideration-sociale'), atteinte('3.1.1-consideration-env'), atteinte('2.1.3-sourcage')]).toEqual(['oui', 'non', null]);
  });
});

describe('README « Indicateurs »: each chart is drawn only when it has at least one value', () => {
  const chartsOf = (indicateurs: IndicatorResult[]) => sheet(buildPlan(input({ result: makeResult({ indicateurs }) })), 'SPASER Indicateurs').charts.map((c) => c.id);
  const considerations = (parPole: Record<string, number | null>) => [
    indicator({ id: '4.1.2-consideration-sociale', axe: 4, unite: '%', valeur: 40, parPole }),
    indicator({ id: '3.1.1-consideration-env', axe: 3, unite: '%', valeur: 20, parPole }),
    indicator({ id: '5.2.1-innovants-nb', axe: 5, unite: '%', valeur: 10, parPole }),
  ];

  it('Suivi insertion without any contract of N (typologie 0, no category): no insertion chart', () => {
    // README « Indicateurs »: the counts are 0 — 4.2.2-typologie has no contract type to draw.
    const ids = chartsOf([...considerations({}), indicator({ id: '4.2.2-typologie', axe: 4, unite: 'nombre', valeur: 0, repartition: {} })]);
    expect(ids).toEqual(['considerations']);
  });

  it('a zone breakdown without any category: no doughnut', () => {
    expect(chartsOf([...considerations({}), indicator({ id: '5.1.1-fournisseurs-zone', axe: 5, unite: '%', repartition: {} })])).toEqual(['considerations']);
  });

  it('two Pôles, but no Pôle has a consideration value: no chart by Pôle', () => {
    expect(chartsOf(considerations({ 'Pôle A': null, 'Pôle B': null }))).toEqual(['considerations']);
    // Guard: one value for one Pôle is enough.
    expect(chartsOf(considerations({ 'Pôle A': 12.5, 'Pôle B': null }))).toEqual(['considerations', 'considerations-poles']);
  });
});

// ---------------------------------------------------------------------------
// SPASER Pôles: « — » only for the breakdowns without a single value

describe('README « Valeurs par Pôle »: « — » only for a breakdown with no single value; an empty value stays empty', () => {
  const result = makeResult({
    indicateurs: [
      indicator({ id: '3.1.1-consideration-env', axe: 3, unite: '%', valeur: 25, parPole: { 'Pôle A': 50, 'Pôle B': 0 } }),
      // Non calculable, no breakdown: empty for each Pôle and the City, not « — ».
      indicator({ id: '3.1.1-reemploi', axe: 3, unite: '€', statut: 'non calculable', motif: 'colonne absente', parPole: { 'Pôle A': null, 'Pôle B': null } }),
      // A breakdown that also has a value (sortie.md: % of women, count of contracts): its numbers.
      indicator({ id: '4.2.2-femmes', axe: 4, unite: '%', valeur: 40, repartition: { F: 2, H: 3 }, parPole: { 'Pôle A': 50, 'Pôle B': 0 } }),
      indicator({ id: '4.2.2-typologie', axe: 4, unite: 'nombre', valeur: 5, repartition: { CDI: 3, CDDI: 2 }, parPole: { 'Pôle A': 3, 'Pôle B': 2 } }),
      // Zones: no single value, « — » everywhere.
      indicator({ id: '5.1.1-fournisseurs-zone', axe: 5, unite: '%', repartition: { Roubaix: { fournisseurs: 100, depense: 100 } }, parPole: { 'Pôle A': null, 'Pôle B': null } }),
    ],
  });
  const s = sheet(buildPlan(input({ result })), 'SPASER Pôles');
  const line = (id: string) => [4, 5, 6].map((c) => cellAt(s, findRow(s, 1, id), c));

  it('Pôle A, Pôle B, Ville (total) of each row', () => {
    expect([1, 2, 3, 4, 5, 6].map((c) => cellAt(s, 1, c))).toEqual(['Id', 'Indicateur', 'Unité', 'Pôle A', 'Pôle B', 'Ville (total)']);
    expect(line('3.1.1-reemploi')).toEqual([null, null, null]);
    expect(line('4.2.2-femmes')).toEqual([50, 0, 40]);
    expect(line('4.2.2-typologie')).toEqual([3, 2, 5]);
    expect(line('5.1.1-fournisseurs-zone')).toEqual(['—', '—', '—']);
  });
});

// ---------------------------------------------------------------------------
// Excel tables need distinct headers (uniqueHeaders' comment)

describe('Excel table headers are distinct, case ignored, as Excel requires: a Pôle named like a fixed header', () => {
  it('a Pôle « INDICATEUR » beside the fixed « Indicateur » gets a header of its own, in the table and under it', () => {
    const result = makeResult({
      indicateurs: [
        indicator({ id: '4.1.2-consideration-sociale', axe: 4, unite: '%', valeur: 40, parPole: { INDICATEUR: 10, 'Pôle B': 20 } }),
        indicator({ id: '5.1.1-fournisseurs-zone', axe: 5, unite: '%', repartition: { Roubaix: { fournisseurs: 100, depense: 100 } }, parPole: { INDICATEUR: null, 'Pôle B': null } }),
      ],
    });
    const breakdowns = new Map([['5.1.1-fournisseurs-zone', { INDICATEUR: { Roubaix: { fournisseurs: 100, depense: 100 } }, 'Pôle B': null }]]);
    const s = sheet(buildPlan(input({ result, poleBreakdowns: breakdowns })), 'SPASER Pôles');
    const headerRows = s.blocks.filter((b) => b.style === 'entete').map((b) => b.values[0] as string[]);
    expect(headerRows.length).toBeGreaterThanOrEqual(2);
    for (const h of headerRows) {
      expect(h.every((x) => typeof x === 'string' && x.trim() !== '')).toBe(true);
      expect(new Set(h.map((x) => x.toLowerCase())).size).toBe(h.length);
    }
    expect(headerRows[0].slice(0, 3)).toEqual(['Id', 'Indicateur', 'Unité']);
  });
});

// ---------------------------------------------------------------------------
// Choices of the plan that README does not state (see the session report): pinned so that they stay consistent.

describe('plan choice: the Note « répartition détaillée plus bas » goes with a breakdown table below, and only then', () => {
  it('typologie with categories: note and table; typologie 0 without any category: neither', () => {
    const texts = (rep: Record<string, number>) => {
      const result = makeResult({ indicateurs: [indicator({ id: '4.2.2-typologie', axe: 4, unite: 'nombre', valeur: 0, repartition: rep })] });
      const s = sheet(buildPlan(input({ result })), 'SPASER Indicateurs');
      const note = cellAt(s, findRow(s, 1, '4.2.2-typologie'), INDICATOR_HEADERS.indexOf('Note') + 1);
      const tableTitles = s.blocks.filter((b) => b.values[0][0] === 'Libellé 4.2.2-typologie').length;
      return { note, tableTitles };
    };
    expect(texts({ CDI: 1 })).toEqual({ note: 'répartition détaillée plus bas', tableTitles: 1 });
    expect(texts({})).toEqual({ note: null, tableTitles: 0 });
  });
});

describe('orderedFindings’ comment: the findings of one row keep their order', () => {
  it('two warnings of the same row stay in the order the row gives them', () => {
    const w = (code: FindingCode): Finding => ({
      gravite: 'avertissement',
      code,
      message: code,
      source: { file: FILE_A, sheet: 'Marchés 2025', row: 5 },
      colonne: null,
      col: null,
      valeurLue: null,
    });
    const register = makeRegister({ rows: [{ ...ROW_A, findings: [w('siret-invalide'), w('code-postal-invalide'), w('suggestion-non-confirmee')] }], otherFindings: [] });
    const s = sheet(buildPlan(input({ register })), 'SPASER Contrôles');
    expect([2, 3, 4].map((r) => cellAt(s, r, 2))).toEqual(['siret-invalide', 'code-postal-invalide', 'suggestion-non-confirmee']);
  });
});
