/**
 * Spec audit — consolidation (founding issue): several workbooks become one
 * register; each row keeps its source (file, sheet, row); `pole` is the row's own
 * cell when that column is mapped, else the file's name without extension;
 * duplicates across files follow the `doublon` rule in the order the files are
 * given; each file may name its columns differently; a workbook with one sheet per
 * year is consolidated like several files.
 */
import type { CellValue } from '../../src/domain/cell';
import { type ChainInput, runChain } from '../../src/domain/chain';
import { buildRegister, poleFromFile } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';

function input(file: string, sheets: [string, CellValue[][]][]): ChainInput {
  return { file, sheets: sheets.map(([name, rows]) => grid(name, rows)), state: null };
}

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];

describe('several workbooks become one register, each row with its source', () => {
  const a = input('Pôle A.xlsx', [
    ['Suivi', [HEAD, ['A-1', 'Papier', 100, d('2025-01-10')], ['A-2', 'Encre', 200, d('2025-02-10')]]],
    ['Archives', [HEAD, ['A-3', 'Toner', 300, d('2025-03-10')]]],
  ]);
  const b = input('Pôle B.xlsx', [['Marchés', [['Suivi des marchés du Pôle B'], [], HEAD, ['B-1', 'Voirie', 400, d('2025-04-10')]]]]);
  const c = input('Pôle C.xlsx', [['Feuil1', [HEAD, ['C-1', 'Espaces verts', 500, d('2025-05-10')]]]]);

  test('rows come file by file in the order given, then sheet by sheet, then row by row, with file, sheet and sheet row', () => {
    const reg = buildRegister([c, a, b], { today: TODAY });
    expect(reg.rows.map((r) => [r.values.numero, r.source])).toEqual([
      ['C-1', { file: 'Pôle C.xlsx', sheet: 'Feuil1', row: 2 }],
      ['A-1', { file: 'Pôle A.xlsx', sheet: 'Suivi', row: 2 }],
      ['A-2', { file: 'Pôle A.xlsx', sheet: 'Suivi', row: 3 }],
      ['A-3', { file: 'Pôle A.xlsx', sheet: 'Archives', row: 2 }],
      // The header of B is on its row 3, under a title and an empty row.
      ['B-1', { file: 'Pôle B.xlsx', sheet: 'Marchés', row: 4 }],
    ]);
  });

  test('the findings of a row carry the same source (file, sheet, row)', () => {
    const bad = input('Pôle D.xlsx', [['2025', [HEAD, ['D-1', 'o', 1, d('2025-01-01')], ['D-2', null, 1, d('2025-01-01')]]]]);
    const reg = buildRegister([a, bad], { today: TODAY });
    const findings = reg.rows.flatMap((r) => r.findings);
    expect(findings.map((f) => [f.code, f.source])).toEqual([['objet-manquant', { file: 'Pôle D.xlsx', sheet: '2025', row: 3 }]]);
  });

  test('the result of the chain counts the rows of every file', () => {
    const out = runChain([a, b, c], { today: TODAY });
    // 3 + 1 + 1 rows, all valid, all of 2025.
    expect(out.result.lignes).toEqual({ lues: 5, exercice: 5, erreurs: 0, avertissements: 0 });
  });
});

describe('each file may name its columns differently', () => {
  test('three house styles, columns in other orders, read into the same fields', () => {
    const one = input('un.xlsx', [['S', [['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'], ['U-1', 'Papier', 1000, d('2025-01-10'), 'oui']]]]);
    const two = input('deux.xlsx', [
      ['S', [['Date notif', 'Intitulé', 'Réf. marché', 'Clause d’insertion', 'Montant notifié (€)'], [d('2025-02-10'), 'Encre', 'D-1', 'non', 2000]]],
    ]);
    const three = input('trois.xlsx', [
      ['S', [['Suivi 2025'], ['Montant du marché HT', 'Numéro de marché', 'Désignation', "Date d'attribution", 'Clause insertion'], [3000, 'T-1', 'Toner', d('2025-03-10'), 'OUI']]],
    ]);
    const reg = buildRegister([one, two, three], { today: TODAY });
    expect(reg.mappings.map((m) => [m.file, m.kind])).toEqual([
      ['un.xlsx', 'registre'],
      ['deux.xlsx', 'registre'],
      ['trois.xlsx', 'registre'],
    ]);
    expect(reg.rows.map((r) => [r.values.numero, r.values.objet, r.values.montant, r.values.dateNotification, r.values.clauseSociale])).toEqual([
      ['U-1', 'Papier', 1000, '2025-01-10', true],
      ['D-1', 'Encre', 2000, '2025-02-10', false],
      ['T-1', 'Toner', 3000, '2025-03-10', true],
    ]);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
    // Findings name each file's own header.
    const bad = buildRegister([two, input('quatre.xlsx', [['S', [['Référence', 'Libellé', 'Montant attribué', 'Notifié le'], [null, 'x', 1, d('2025-01-01')]]]])], {
      today: TODAY,
    });
    expect(bad.rows[1].findings.map((f) => [f.code, f.colonne])).toEqual([['numero-manquant', 'Référence']]);
  });

  test('a field mapped in one file only is read there and absent (not false) elsewhere', () => {
    const withClause = input('a.xlsx', [['S', [[...HEAD, 'Clause sociale'], ['A-1', 'o', 1, d('2025-01-01'), 'non']]]]);
    const without = input('b.xlsx', [['S', [HEAD, ['B-1', 'o', 1, d('2025-01-01')]]]]);
    const reg = buildRegister([withClause, without], { today: TODAY });
    expect(reg.rows.map((r) => [r.values.numero, r.mapped.has('clauseSociale'), r.values.clauseSociale])).toEqual([
      ['A-1', true, false],
      ['B-1', false, undefined],
    ]);
  });
});

describe('pole: the row’s own cell when the column is mapped, else the file name without extension', () => {
  test('file names: folder and extension removed, whatever the case of the extension, inner dots kept', () => {
    expect(poleFromFile('Pôle Culture.xlsx')).toBe('Pôle Culture');
    expect(poleFromFile('Pôle Culture.XLSX')).toBe('Pôle Culture');
    expect(poleFromFile('/srv/partage/Pôle Sport.xlsx')).toBe('Pôle Sport');
    expect(poleFromFile('C:\\Users\\achat\\Pôle Sport.xlsx')).toBe('Pôle Sport');
    expect(poleFromFile('Pôle Ressources v2.1.xlsx')).toBe('Pôle Ressources v2.1');
  });

  test('in a consolidation each row takes its own Pôle cell, or its file’s name', () => {
    const withColumn = input('Suivi DGA.xlsx', [
      [
        'S',
        [
          [...HEAD, 'Pôle gestionnaire'],
          ['1', 'o', 1, d('2025-01-01'), 'Pôle Sport'],
          ['2', 'o', 1, d('2025-01-01'), 'Pôle Culture'],
          // Choice (README): a mapped Pôle column left empty on a row gives the file's name.
          ['2b', 'o', 1, d('2025-01-01'), '   '],
        ],
      ],
    ]);
    const withoutColumn = input('Pôle Cadre de vie.xlsx', [['2025', [HEAD, ['3', 'o', 1, d('2025-01-01')]]]]);
    const reg = buildRegister([withColumn, withoutColumn], { today: TODAY });
    expect(reg.rows.map((r) => [r.values.numero, r.pole])).toEqual([
      ['1', 'Pôle Sport'],
      ['2', 'Pôle Culture'],
      ['2b', 'Suivi DGA'],
      ['3', 'Pôle Cadre de vie'],
    ]);
  });

  test('a Pôle cell is taken as the row has it (spaces around it aside), not rewritten from the file name', () => {
    const reg = buildRegister([input('Pôle A.xlsx', [['S', [[...HEAD, 'DGA'], ['1', 'o', 1, d('2025-01-01'), '  DGA Solidarités ']]]])], { today: TODAY });
    expect(reg.rows[0].pole).toBe('DGA Solidarités');
  });

  test('the City-wide indicators are broken down by those Pôles', () => {
    const withColumn = input('Suivi DGA.xlsx', [
      [
        'S',
        [
          [...HEAD, 'Pôle', 'Clause sociale'],
          ['1', 'o', 1, d('2025-01-01'), 'Pôle Sport', 'oui'],
          ['2', 'o', 1, d('2025-01-01'), 'Pôle Sport', 'non'],
        ],
      ],
    ]);
    const withoutColumn = input('Pôle Cadre de vie.xlsx', [['2025', [[...HEAD, 'Clause sociale'], ['3', 'o', 1, d('2025-01-01'), 'oui']]]]);
    const out = runChain([withColumn, withoutColumn], { today: TODAY });
    const sociale = out.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')!;
    // City: 2 of 3; Pôle Sport: 1 of 2; Pôle Cadre de vie: 1 of 1.
    expect(sociale.valeur).toBeCloseTo(200 / 3, 10);
    expect(sociale.parPole).toEqual({ 'Pôle Sport': 50, 'Pôle Cadre de vie': 100 });
  });
});

describe('duplicates across files follow the doublon rule, in the order the files are given', () => {
  // Same numero (case and spaces aside), same year, each with a clause sociale and its own amount.
  const HEAD_CS = [...HEAD, 'Clause sociale'];
  const f1 = input('un.xlsx', [['S', [HEAD_CS, ['2025-007', 'o', 1, d('2025-01-01'), 'oui']]]]);
  const f2 = input('deux.xlsx', [['S', [HEAD_CS, [' 2025- 007 ', 'o', 20, d('2025-05-01'), 'oui']]]]);
  const f3 = input('trois.xlsx', [['S', [HEAD_CS, ['2025-007', 'o', 300, d('2025-09-01'), 'oui']]]]);

  test.each([
    ['un, deux, trois', [f1, f2, f3]],
    ['trois, un, deux', [f3, f1, f2]],
    ['deux, trois, un', [f2, f3, f1]],
  ])('%s: the first file given keeps its row, the later ones are doublons', (_name, files) => {
    const reg = buildRegister(files, { today: TODAY });
    const first = files[0].file;
    expect(reg.rows.map((r) => [r.source.file, r.findings.map((f) => f.code)])).toEqual(
      files.map((f) => [f.file, f.file === first ? [] : ['doublon']]),
    );
    // Each doublon names the kept row, in the first file.
    for (const r of reg.rows.slice(1)) expect(r.findings[0].message).toContain(`du classeur « ${first} »`);
    // Only the kept row takes part in the indicators: Σ dep of the AR rows = the first file's amount.
    const out = runChain(files, { today: TODAY });
    expect(out.result.lignes).toEqual({ lues: 3, exercice: 1, erreurs: 2, avertissements: 0 });
    const firstAmount = { 'un.xlsx': 1, 'deux.xlsx': 20, 'trois.xlsx': 300 }[first];
    expect(out.result.indicateurs.find((i) => i.id === '1.1.2-montant-ar')!.valeur).toBe(firstAmount);
  });

  test('the same numero in two files but two different years is no doublon', () => {
    const other = input('quatre.xlsx', [['S', [HEAD, ['2025-007', 'o', 4, d('2024-12-31')]]]]);
    const reg = buildRegister([f1, other], { today: TODAY });
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });
});

describe('a workbook with one sheet per year is consolidated like several files', () => {
  const s2024: CellValue[][] = [
    [...HEAD, 'Clause sociale'],
    ['2024-001', 'Nettoyage', 1000, d('2024-03-01'), 'oui'],
    ['2024-002', 'Papier', 2000, d('2024-06-01'), 'non'],
    // A 2025 contract typed in the 2024 sheet by mistake.
    ['2025-009', 'Encre', 700, d('2025-01-20'), 'non'],
  ];
  const s2025: CellValue[][] = [
    [...HEAD, 'Clause sociale'],
    ['2025-001', 'Nettoyage', 1500, d('2025-03-01'), 'oui'],
    ['2025-009', 'Encre', 700, d('2025-01-20'), 'non'],
    ['2025-002', 'Toner', 500, d('2025-04-01'), 'non'],
    ['2024-002', 'Papier', 2500, d('2025-06-01'), 'non'],
  ];
  const byYear = input('Pôle Sport.xlsx', [
    ['2024', s2024],
    ['2025', s2025],
  ]);
  const asFiles = [input('Pôle Sport.xlsx', [['2024', s2024]]), input('Pôle Sport.xlsx', [['2025', s2025]])];

  test('rows, sources, Pôle and findings are those of the same sheets given as separate files', () => {
    const one = buildRegister([byYear], { today: TODAY });
    const several = buildRegister(asFiles, { today: TODAY });
    const view = (reg: ReturnType<typeof buildRegister>) =>
      reg.rows.map((r) => [r.source.sheet, r.source.row, r.values.numero, r.pole, r.annee, r.findings.map((f) => f.code)]);
    expect(view(one)).toEqual(view(several));
    expect(view(one)).toEqual([
      ['2024', 2, '2024-001', 'Pôle Sport', 2024, []],
      ['2024', 3, '2024-002', 'Pôle Sport', 2024, []],
      ['2024', 4, '2025-009', 'Pôle Sport', 2025, []],
      ['2025', 2, '2025-001', 'Pôle Sport', 2025, []],
      // Same numero, same year as the row of the 2024 sheet, which comes first.
      ['2025', 3, '2025-009', 'Pôle Sport', 2025, ['doublon']],
      ['2025', 4, '2025-002', 'Pôle Sport', 2025, []],
      // Same numero as a 2024 contract, but notified in 2025: no doublon.
      ['2025', 5, '2024-002', 'Pôle Sport', 2025, []],
    ]);
    // The doublon names the other sheet of the same workbook.
    expect(one.rows[4].findings[0].message).toContain('à la ligne 4 de la feuille « 2024 »');
  });

  test('the indicators are the same, with N−1 from the other sheet', () => {
    const one = runChain([byYear], { today: TODAY });
    const several = runChain(asFiles, { today: TODAY });
    expect(one.result.exercice).toBe(2025);
    expect(one.result.lignes).toEqual(several.result.lignes);
    // R(2025) = 2025-009 (sheet 2024), 2025-001, 2025-002, 2024-002 (sheet 2025) → lues 7, 4 of N, 1 error.
    expect(one.result.lignes).toEqual({ lues: 7, exercice: 4, erreurs: 1, avertissements: 0 });
    expect(one.result.indicateurs).toEqual(several.result.indicateurs);
    const sociale = one.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')!;
    // N: 1 of 4 (2025-001); N−1: 1 of 2 (2024-001).
    expect([sociale.valeur, sociale.n1]).toEqual([25, 50]);
  });
});
