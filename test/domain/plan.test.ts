import { buildPlan, plannedChartCount, tableName, frenchNumber } from '../../src/domain/plan';
import {
  FORMAT_DATE,
  FORMAT_DECIMAL,
  FORMAT_AMOUNT,
  FORMAT_EURO,
  FORMAT_INTEGER,
  FORMAT_NUMBER,
  FORMAT_PERCENT,
  type PlanValue,
  type SheetPlan,
} from '../../src/domain/plan-types';
import type { IndicatorResult, Register, RegisterRow } from '../../src/domain/model';
import { parseState } from '../../src/domain/state-sheet';
import { FILE_A, INDICATORS, makeRegister, makeResult, ROW_A, STATE, planInput } from './fixtures/plan-fixtures';
import { cellAt, findRow, formatAt, sheet } from '../helpers/plan-sheet';

const input = planInput;

function rowAt(s: SheetPlan, row: number, col: number, count: number): (PlanValue | undefined)[] {
  return Array.from({ length: count }, (_, i) => cellAt(s, row, col + i));
}

/** 1-based column of a header text in row 1, 0 when absent. */
function headerCol(s: SheetPlan, text: string): number {
  const header = s.blocks.find((b) => b.row === 1 && b.col === 1)?.values[0] ?? [];
  return header.indexOf(text) + 1;
}

function rangeValues(s: SheetPlan, d: { row: number; col: number; rowCount: number; colCount: number }): (PlanValue | undefined)[][] {
  return Array.from({ length: d.rowCount }, (_, i) => rowAt(s, d.row + i, d.col, d.colCount));
}

function expectNoOverlap(s: SheetPlan): void {
  const seen = new Set<string>();
  for (const b of s.blocks) {
    b.values.forEach((line, r) =>
      line.forEach((_, c) => {
        const key = `${b.row + r}:${b.col + c}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }),
    );
    if (b.formats) for (const line of b.values) expect(b.formats.length).toBe(line.length);
  }
}

const plan = buildPlan(input());

describe('buildPlan: sheets', () => {
  it('writes the SPASER sheets in order, the state sheet very hidden', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      'SPASER Registre',
      'SPASER Contrôles',
      'SPASER Indicateurs',
      'SPASER Pôles',
      'SPASER État',
    ]);
    expect(plan.sheets.map((s) => s.visibility)).toEqual(['visible', 'visible', 'visible', 'visible', 'veryHidden']);
  });

  it('never writes two blocks over the same cell, and gives one format per block column', () => {
    for (const s of plan.sheets) expectNoOverlap(s);
  });

  it('is deterministic: two builds of the same input are deep-equal', () => {
    const again = buildPlan(input());
    expect(again).toEqual(plan);
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
  });

  it('never produces formula objects: every value is a plain value', () => {
    for (const s of plan.sheets)
      for (const b of s.blocks)
        for (const line of b.values)
          for (const v of line) {
            if (v !== null && typeof v === 'object') expect(Object.keys(v)).toEqual(['date']);
          }
  });
});

describe('SPASER Registre', () => {
  const s = sheet(plan, 'SPASER Registre');
  const header = [
    'N° de marché',
    'Objet du marché',
    'Pôle',
    'Date de notification',
    'Durée (mois)',
    'Montant notifié HT (€)',
    'Dépenses mandatées HT (€)',
    'Clause sociale',
    'Considération sociale',
    'Considération environnementale',
    'Innovation',
    'Étiquettes',
    'Statut',
    'Exercice',
    'Source',
  ];

  it('has the mapped canonical columns in champs.md order, then the added columns', () => {
    expect(rowAt(s, 1, 1, header.length + 1)).toEqual([...header, undefined]);
  });

  it('writes typed values, oui/non, tags with their origin, status, year and source', () => {
    expect(rowAt(s, 2, 1, header.length)).toEqual([
      '2025-001',
      'Nettoyage des locaux',
      'Pôle Ressources',
      { date: '2025-03-14' },
      12,
      12500.5,
      null,
      'oui',
      'oui',
      'non',
      'non',
      'Clause sociale (déclaré) ; Critère environnemental (suggéré)',
      'OK',
      2025,
      'suivi-pole-a.xlsx › Marchés 2025 › ligne 5',
    ]);
  });

  it('writes the raw text of unreadable cells, and text starting with = as text', () => {
    expect(rowAt(s, 3, 1, header.length)).toEqual([
      '2025-002',
      '=SOMME(A1)',
      'Pôle Éducation',
      { date: '2025-05-02' },
      '#N/A',
      '12 5OO',
      null,
      'non',
      'non',
      'non',
      'oui',
      'Marché innovant (confirmé)',
      'Erreur',
      2025,
      'suivi-pole-a.xlsx › Marchés 2025 › ligne 6',
    ]);
    // Not mapped by its sheet: empty. Unreadable number: its text, French decimal comma.
    expect(cellAt(s, 4, 5)).toBe('1,5');
    expect(cellAt(s, 4, 8)).toBeNull();
    expect(cellAt(s, 4, 7)).toBe(800);
    expect(cellAt(s, 4, 13)).toBe('Avertissement');
    expect(cellAt(s, 4, 14)).toBe(2024);
  });

  it('formats amounts in euros, dates jj/mm/aaaa, integers', () => {
    expect(formatAt(s, 2, 4)).toBe(FORMAT_DATE);
    expect(formatAt(s, 2, 5)).toBe(FORMAT_INTEGER);
    expect(formatAt(s, 2, 6)).toBe(FORMAT_EURO);
    expect(formatAt(s, 2, 7)).toBe(FORMAT_EURO);
    expect(formatAt(s, 2, 14)).toBe(FORMAT_INTEGER);
    expect(formatAt(s, 2, 1)).toBeNull();
  });

  it('is one Excel table with filters over the whole range, header frozen', () => {
    expect(s.tables).toEqual([{ name: 'SPASER_Registre', row: 1, col: 1, rowCount: 4, colCount: header.length }]);
    expect(s.freezeRows).toBe(1);
    expect(s.widths).toHaveLength(header.length);
    for (const w of s.widths) {
      expect(w).toBeGreaterThanOrEqual(8);
      expect(w).toBeLessThanOrEqual(60);
    }
    // The source column is wider than the header alone because of its content.
    expect(s.widths[14]).toBeGreaterThan('Source'.length + 3);
  });

  it('keeps a huge register as one block of rows', () => {
    const rows: RegisterRow[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...ROW_A,
      index: i,
      source: { ...ROW_A.source, row: i + 2 },
    }));
    const big = buildPlan(input({ register: makeRegister({ rows, otherFindings: [] }) }));
    const reg = sheet(big, 'SPASER Registre');
    expect(reg.blocks).toHaveLength(2);
    expect(reg.blocks[1].values).toHaveLength(100_000);
    expect(reg.tables[0].rowCount).toBe(100_001);
    const sourceCol = headerCol(reg, 'Source');
    expect(cellAt(reg, 100_001, sourceCol)).toBe('suivi-pole-a.xlsx › Marchés 2025 › ligne 100001');
  });
});

describe('SPASER Contrôles', () => {
  const s = sheet(plan, 'SPASER Contrôles');
  const header = ['Gravité', 'Code', 'Message', 'Feuille', 'Ligne', 'Colonne', 'Valeur lue', 'Fichier', 'Aller à la cellule'];

  it('lists errors first, then warnings in source order (files, sheets, rows)', () => {
    expect(rowAt(s, 1, 1, 9)).toEqual(header);
    expect([2, 3, 4, 5].map((r) => [cellAt(s, r, 1), cellAt(s, r, 2), cellAt(s, r, 4), cellAt(s, r, 5)])).toEqual([
      ['Erreur', 'montant-invalide', 'Marchés 2025', 6],
      ['Avertissement', 'suggestion-non-confirmee', 'Marchés 2025', 6],
      ['Avertissement', 'valeur-illisible', 'Suivi insertion', 3],
      ['Avertissement', 'siret-invalide', 'Feuil1', 2],
    ]);
    expect(cellAt(s, 6, 1)).toBeUndefined();
  });

  it('writes the message, column header, value read and file', () => {
    expect(rowAt(s, 2, 3, 6)).toEqual(['Ligne 6 : montant illisible dans « Montant HT ».', 'Marchés 2025', 6, 'Montant HT', '12 5OO', FILE_A]);
  });

  it('links to the cell only when the source is a sheet of the written workbook', () => {
    expect(s.links).toEqual([
      { row: 2, col: 9, text: 'Aller en D6', sheet: 'Marchés 2025', address: 'D6' },
      { row: 3, col: 9, text: 'Aller en A6', sheet: 'Marchés 2025', address: 'A6' },
      { row: 4, col: 9, text: 'Aller en A3', sheet: 'Suivi insertion', address: 'A3' },
    ]);
    // Same sheet name in another file (consolidation): no link.
    expect(cellAt(s, 5, 9)).toBeNull();
  });

  it('makes no link when the sources are other files', () => {
    const other = buildPlan(input({ workbookName: 'Consolidation.xlsx', sourceSheetsInWorkbook: new Set() }));
    expect(sheet(other, 'SPASER Contrôles').links).toEqual([]);
  });

  it('matches the workbook name without its extension', () => {
    const other = buildPlan(input({ workbookName: 'suivi-pole-a' }));
    expect(sheet(other, 'SPASER Contrôles').links).toHaveLength(3);
  });

  it('is a table over the findings', () => {
    expect(s.tables).toEqual([{ name: 'SPASER_Controles', row: 1, col: 1, rowCount: 5, colCount: 9 }]);
  });

  it('says so in a single line when there is no finding', () => {
    const rows = makeRegister().rows.map((r) => ({ ...r, findings: [], hasError: false }));
    const clean = sheet(buildPlan(input({ register: makeRegister({ rows, otherFindings: [] }) })), 'SPASER Contrôles');
    expect(clean.blocks).toEqual([{ row: 1, col: 1, values: [['Aucune anomalie détectée.']], style: 'note' }]);
    expect(clean.tables).toEqual([]);
    expect(clean.links).toEqual([]);
  });
});

describe('SPASER Indicateurs', () => {
  const s = sheet(plan, 'SPASER Indicateurs');

  it('starts with the title and the spend used', () => {
    expect(cellAt(s, 1, 1)).toBe('Indicateurs SPASER — exercice 2025');
    expect(cellAt(s, 2, 1)).toBe('Dépense retenue : dépenses mandatées (à défaut, montant notifié)');
    const other = sheet(buildPlan(input({ result: makeResult({ depense: 'montant' }) })), 'SPASER Indicateurs');
    expect(cellAt(other, 2, 1)).toBe("Dépense retenue : montant notifié (aucune dépense mandatée renseignée sur les lignes valides de l'exercice)");
  });

  it('has the indicator header, then each axe with its title from indicateurs.md', () => {
    const headerRow = findRow(s, 1, 'Id');
    expect(rowAt(s, headerRow, 1, 12)).toEqual([
      'Id',
      'Objectif',
      'Indicateur',
      'Valeur',
      'Unité',
      'N−1',
      'Évolution',
      'Cible',
      'Atteinte',
      'Statut',
      'Couverture',
      'Note',
    ]);
    expect(cellAt(s, headerRow + 1, 1)).toBe('Axe 1 — gouvernance du schéma');
    expect(cellAt(s, headerRow + 2, 1)).toBe('1.1.2-dataviz');
    expect(cellAt(s, headerRow + 3, 1)).toBe('Axe 2 — une commande publique plus sobre et plus performante');
    expect(cellAt(s, headerRow + 5, 1)).toBe('Axe 3 — transition écologique et environnementale');
    const axe4 = findRow(s, 1, 'Axe 4 — transformation sociale');
    expect(cellAt(s, axe4 + 1, 1)).toBe('4.1.2-consideration-sociale');
    expect(findRow(s, 1, 'Axe 5 — développement territorial et innovation')).toBeGreaterThan(axe4);
    const axeBlock = s.blocks.find((b) => b.row === axe4);
    expect(axeBlock?.style).toBe('axe');
  });

  it('writes value, unit, N−1, change, target, attainment, status, coverage', () => {
    const r = findRow(s, 1, '3.1.1-consideration-env');
    expect(rowAt(s, r, 1, 12)).toEqual([
      '3.1.1-consideration-env',
      '3.1.1',
      'Libellé 3.1.1-consideration-env',
      25,
      '%',
      20,
      5,
      '≥ 30',
      'non',
      'calculé',
      '600 / 640',
      // The national reference beside, never in the value (indicateurs.md: 100 % environmental).
      'référence nationale (plan national pour des achats durables 2022-2025) : 100,0 %',
    ]);
    expect([4, 6, 7].map((c) => formatAt(s, r, c))).toEqual([FORMAT_PERCENT, FORMAT_PERCENT, FORMAT_PERCENT]);
  });

  it('gives each unit its display format', () => {
    expect(formatAt(s, findRow(s, 1, '1.1.2-dataviz'), 4)).toBe(FORMAT_NUMBER);
    expect(formatAt(s, findRow(s, 1, '2.2.3-soumissionnaires'), 4)).toBe(FORMAT_DECIMAL);
    // Session 35: the Unité column says « € », the number no longer repeats it (« 47 862,94 € € »).
    expect(formatAt(s, findRow(s, 1, '3.1.1-reemploi'), 4)).toBe(FORMAT_AMOUNT);
    expect(cellAt(s, findRow(s, 1, '2.2.3-soumissionnaires'), 4)).toBe(2.5);
    expect(cellAt(s, findRow(s, 1, '2.2.3-soumissionnaires'), 11)).toBe('1 200 / 1 300');
  });

  it('leaves the value empty and gives the reason when non calculable', () => {
    const r = findRow(s, 1, '3.1.1-reemploi');
    expect(cellAt(s, r, 4)).toBeNull();
    expect(cellAt(s, r, 7)).toBeNull();
    expect(cellAt(s, r, 10)).toBe('non calculable');
    expect(cellAt(s, r, 12)).toBe('colonne Dépenses issues du réemploi HT (€) absente');
  });

  /** The row of a breakdown table's title (an indicator's label, also in column C of its row above). */
  const tableTitleRow = (text: string): number => {
    const b = s.blocks.find((x) => x.style === 'axe' && x.values[0][0] === text);
    if (!b) throw new Error(`no table titled ${text}`);
    expect(b.col).toBe(3);
    return b.row;
  };

  it('writes the breakdown tables with categories in the spec order, from column C (the wide text column)', () => {
    const zone = tableTitleRow('Libellé 5.1.1-fournisseurs-zone');
    expect(rangeValues(s, { row: zone + 1, col: 3, rowCount: 4, colCount: 3 })).toEqual([
      ['Catégorie', 'Fournisseurs (%)', 'Dépense (%)'],
      ['Roubaix', 50, 60],
      ['MEL (hors Roubaix)', 40, 35],
      ['Inconnue', 10, 5],
    ]);
    expect(formatAt(s, zone + 2, 5)).toBe(FORMAT_PERCENT);
    const contracts = tableTitleRow('Libellé 4.2.2-typologie');
    expect(rangeValues(s, { row: contracts + 1, col: 3, rowCount: 3, colCount: 2 })).toEqual([
      ['Catégorie', 'Nombre'],
      ['CDI', 3],
      ['CDDI', 2],
    ]);
    const sexes = tableTitleRow('Libellé 4.2.2-femmes');
    expect(rangeValues(s, { row: sexes + 1, col: 3, rowCount: 3, colCount: 2 })).toEqual([
      ['Catégorie', 'Nombre'],
      ['Femmes', 2],
      ['Hommes', 3],
    ]);
    // A breakdown without data (non calculable) has no table.
    expect(() => tableTitleRow('Libellé 5.1.4-fournisseurs-typologie')).toThrow();
  });

  it('draws the charts over data written in the same sheet', () => {
    expect(s.charts.map((c) => [c.id, c.kind, c.title])).toEqual([
      ['considerations', 'colonnes', 'Part des marchés avec une considération sociale / environnementale / innovante'],
      ['zones', 'anneau', 'Fournisseurs par zone géographique (part de la dépense)'],
      ['contrats-insertion', 'colonnes', "Typologie des contrats d'insertion"],
      ['considerations-poles', 'colonnesGroupees', 'Considérations par Pôle'],
    ]);
    const [cons, zones, contracts, poles] = s.charts;
    expect(rangeValues(s, cons.data)).toEqual([
      ['Considération', 'Roubaix', 'Référence nationale'],
      ['Sociale', 37.5, 30],
      ['Environnementale', 25, 100],
      ['Innovante', null, null],
    ]);
    expect(rangeValues(s, zones.data)).toEqual([
      ['Zone', 'Part de la dépense (%)'],
      ['Roubaix', 60],
      ['MEL (hors Roubaix)', 35],
      ['Inconnue', 5],
    ]);
    expect(rangeValues(s, contracts.data)).toEqual([
      ['Type de contrat', 'Nombre de contrats'],
      ['CDI', 3],
      ['CDDI', 2],
    ]);
    // Poles in French order (É sorts with E), values from each consideration's parPole.
    expect(rangeValues(s, poles.data)).toEqual([
      ['Pôle', 'Sociale (%)', 'Environnementale (%)', 'Innovante (%)'],
      ['Pôle Achats', null, null, null],
      ['Pôle Éducation', 30, 0, null],
      ['Pôle Ressources', 41.2, 50, null],
    ]);
  });

  it('places each chart beside its data, below the previous chart', () => {
    let previousEnd = 0;
    for (const c of s.charts) {
      expect(c.anchor.col).toBeGreaterThan(c.data.col + c.data.colCount - 1);
      expect(c.anchor.row).toBeGreaterThanOrEqual(previousEnd);
      expect(cellAt(s, c.data.row - 1, c.data.col)).toBe(c.title);
      previousEnd = c.anchor.row + c.anchor.height;
    }
    // Nothing is written under a chart.
    for (const c of s.charts)
      for (let r = c.anchor.row; r < c.anchor.row + c.anchor.height; r++)
        for (let col = c.anchor.col; col < c.anchor.col + c.anchor.width; col++) expect(cellAt(s, r, col)).toBeUndefined();
  });

  it('plannedChartCount equals the number of charts the plan draws', () => {
    expect(plannedChartCount(makeRegister(), makeResult())).toBe(s.charts.length);
  });

  it('leaves out the insertion chart without a Suivi insertion sheet', () => {
    const register = makeRegister({ has: { suiviInsertion: false, actions: false, cibles: false, saisies: false } });
    const charts = sheet(buildPlan(input({ register })), 'SPASER Indicateurs').charts;
    expect(charts.map((c) => c.id)).toEqual(['considerations', 'zones', 'considerations-poles']);
    expect(plannedChartCount(register, makeResult())).toBe(3);
  });

  it('draws the size doughnut when the size breakdown is computed', () => {
    const indicateurs = INDICATORS.map((i) =>
      i.id === '5.1.4-fournisseurs-typologie'
        ? { ...i, statut: 'calculé' as const, motif: null, repartition: { GE: { fournisseurs: 20, depense: 70 }, TPE: { fournisseurs: 80, depense: 30 } } }
        : i,
    );
    const result = makeResult({ indicateurs });
    const s2 = sheet(buildPlan(input({ result })), 'SPASER Indicateurs');
    const sizes = s2.charts.find((c) => c.id === 'typologie-fournisseurs');
    expect(sizes?.kind).toBe('anneau');
    expect(sizes?.title).toBe('Fournisseurs par typologie (part de la dépense)');
    expect(rangeValues(s2, sizes!.data)).toEqual([
      ['Typologie', 'Part de la dépense (%)'],
      ['TPE', 30],
      ['GE', 70],
    ]);
    expect(plannedChartCount(makeRegister(), result)).toBe(s2.charts.length);
    expect(s2.charts).toHaveLength(5);
  });

  it('draws no chart when all their data is non calculable, and no pole chart with one pole', () => {
    const nc = (i: IndicatorResult): IndicatorResult => ({
      ...i,
      statut: 'non calculable',
      valeur: null,
      repartition: null,
      parPole: null,
      motif: 'aucun marché',
    });
    const result = makeResult({ indicateurs: INDICATORS.map(nc) });
    const s2 = sheet(buildPlan(input({ result })), 'SPASER Indicateurs');
    expect(s2.charts).toEqual([]);
    expect(plannedChartCount(makeRegister(), result)).toBe(0);

    const onePole = makeResult({
      indicateurs: INDICATORS.map((i) => (i.parPole ? { ...i, parPole: { 'Pôle Ressources': 10 } } : i)),
    });
    const s3 = sheet(buildPlan(input({ result: onePole })), 'SPASER Indicateurs');
    expect(s3.charts.map((c) => c.id)).not.toContain('considerations-poles');
    expect(plannedChartCount(makeRegister(), onePole)).toBe(s3.charts.length);
  });
});

describe('SPASER Pôles', () => {
  const s = sheet(plan, 'SPASER Pôles');

  it('has one column per Pôle in French order, then the City total', () => {
    expect(rowAt(s, 1, 1, 7)).toEqual(['Id', 'Indicateur', 'Unité', 'Pôle Achats', 'Pôle Éducation', 'Pôle Ressources', 'Ville (total)']);
    expect(s.tables).toEqual([{ name: 'SPASER_Poles', row: 1, col: 1, rowCount: INDICATORS.length + 1, colCount: 7 }]);
  });

  it('writes one row per indicator, pole values and total, — for breakdowns', () => {
    const rows = Array.from({ length: INDICATORS.length }, (_, i) => cellAt(s, i + 2, 1));
    expect(rows).toEqual(INDICATORS.map((i) => i.id));
    const env = findRow(s, 1, '3.1.1-consideration-env');
    expect(rowAt(s, env, 3, 5)).toEqual(['%', null, 0, 50, 25]);
    expect(formatAt(s, env, 6)).toBe(FORMAT_PERCENT);
    const zone = findRow(s, 1, '5.1.1-fournisseurs-zone');
    expect(rowAt(s, zone, 4, 4)).toEqual(['—', '—', '—', '—']);
    const dataviz = findRow(s, 1, '1.1.2-dataviz');
    expect(rowAt(s, dataviz, 4, 4)).toEqual([null, null, null, 4]);
  });

  it('is not written when no indicator is broken down by pole', () => {
    const result = makeResult({ indicateurs: INDICATORS.map((i) => ({ ...i, parPole: null })) });
    const names = buildPlan(input({ result })).sheets.map((x) => x.name);
    expect(names).not.toContain('SPASER Pôles');
    expect(names).toHaveLength(4);
  });
});

describe('SPASER État', () => {
  it('holds the saved state in column A and a note in B1', () => {
    const s = sheet(plan, 'SPASER État');
    expect(s.visibility).toBe('veryHidden');
    expect(cellAt(s, 1, 2)).toBe('Feuille technique du complément Registre SPASER — ne pas modifier');
    const columnA: PlanValue[] = [];
    for (let r = 1; cellAt(s, r, 1) !== undefined; r++) columnA.push(cellAt(s, r, 1)!);
    expect(parseState(columnA as string[])).toEqual(STATE);
  });

  it('spreads a long state over several rows', () => {
    const decisions = Array.from({ length: 800 }, (_, i) => ({ ...STATE.decisions[0], numero: `N-${i}` }));
    const state = { ...STATE, decisions };
    const s = sheet(buildPlan(input({ state })), 'SPASER État');
    const columnA: string[] = [];
    for (let r = 1; cellAt(s, r, 1) !== undefined; r++) columnA.push(cellAt(s, r, 1) as string);
    expect(columnA.length).toBeGreaterThan(1);
    expect(parseState(columnA)).toEqual(state);
  });
});

describe('helpers', () => {
  it('makes Excel table names of letters, digits and underscores', () => {
    expect(tableName('SPASER Registre')).toBe('SPASER_Registre');
    expect(tableName('SPASER Contrôles')).toBe('SPASER_Controles');
    expect(tableName('SPASER Pôles')).toBe('SPASER_Poles');
    expect(tableName('2025 marchés')).toBe('T_2025_marches');
  });

  it('writes French numbers with space thousands and comma decimals', () => {
    expect(frenchNumber(1234567.891)).toBe('1 234 567,89');
    expect(frenchNumber(30)).toBe('30');
    expect(frenchNumber(12.5)).toBe('12,5');
    expect(frenchNumber(-1500)).toBe('-1 500');
  });
});

describe('register columns', () => {
  it('leaves out fields that no source sheet maps', () => {
    const s = sheet(plan, 'SPASER Registre');
    const header = rowAt(s, 1, 1, 15);
    expect(header).not.toContain('Titulaire');
    expect(header).not.toContain('Marché innovant');
  });

  it('includes a field mapped by one sheet only', () => {
    const register: Register = makeRegister();
    const withCpv = { ...register.rows[2], mapped: new Set([...register.rows[2].mapped, 'codeCPV' as const]), values: { ...register.rows[2].values, codeCPV: '45000000-7' } };
    const s = sheet(buildPlan(input({ register: { ...register, rows: [register.rows[0], register.rows[1], withCpv] } })), 'SPASER Registre');
    const col = headerCol(s, 'Code CPV');
    // champs.md order: Code CPV comes just before Date de notification.
    expect(col).toBe(4);
    expect(headerCol(s, 'Date de notification')).toBe(5);
    expect(cellAt(s, 4, col)).toBe('45000000-7');
    expect(cellAt(s, 2, col)).toBeNull();
  });
});
