/**
 * A register kept in stacked sections (README « Registre en sections »): which rows are its layout
 * (a copy of the header row, the section title right above one) and which stay rows. Session 40
 * mutation audit of `layoutRows` (`test/mutants-session40.md`, S…).
 */
import { buildRegister } from '../../src/domain/register';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'];

function register(rows: CellValue[][]): ReturnType<typeof buildRegister> {
  return buildRegister([{ file: 'pole-a.xlsx', sheets: [grid('Registre', rows)], state: null }], { today: TODAY });
}

/** Each row read, by sheet row: its findings' codes. */
function read(rows: CellValue[][]): Record<number, string[]> {
  const reg = register(rows);
  return Object.fromEntries(reg.rows.map((r) => [r.source.row, r.findings.map((f) => f.code)]));
}

describe('layout rows of a register in sections', () => {
  test('a section title right under the first header, above its copy, is layout too', () => {
    expect(read([HEAD, ['1. TRAVAUX'], HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], ['2. SERVICES'], HEAD, ['S-01', 'Nettoyage', 2000, d('2025-04-01')]])).toEqual({
      4: [],
      7: [],
    });
  });

  test('a copy of the header that leaves one column blank is still a copy (three header texts)', () => {
    const copy = ['N° de marché', 'Objet du marché', null, 'Date de notification'];
    expect(read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], ['SERVICES'], copy, ['S-01', 'Nettoyage', 2000, d('2025-04-01')]])).toEqual({ 2: [], 5: [] });
  });

  test('two header texts are no copy: the row is told', () => {
    const rows = read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], [null, 'Objet du marché', 'Montant notifié HT (€)', null], ['S-01', 'Nettoyage', 2000, d('2025-04-01')]]);
    expect(Object.keys(rows).map(Number)).toEqual([2, 3, 4]);
    expect(rows[3]).toContain('numero-manquant');
  });

  test('header texts beside a numero typed as a number are a row, not a copy', () => {
    const rows = read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], [17, 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification']]);
    expect(rows[3]).toEqual(['montant-invalide', 'date-invalide']);
  });

  test('a contract whose texts begin as the headers do is no copy', () => {
    const rows = read([HEAD, ['N-07', 'Outillage', 'montant à définir', 'date à confirmer'], ['S-01', 'Nettoyage', 2000, d('2025-04-01')]]);
    expect(rows[2]).toEqual(['montant-invalide', 'date-invalide']);
  });

  test('a numero typed as a number alone right above a copy is a contract begun, not a title', () => {
    const rows = read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], [2025017, null, null, null], HEAD, ['S-01', 'Nettoyage', 2000, d('2025-04-01')]]);
    expect(rows).toEqual({ 2: [], 3: ['objet-manquant', 'montant-manquant', 'date-manquante'], 5: [] });
  });

  test('a contract right above a copy is no title, even with a space in its numero', () => {
    const rows = read([
      HEAD,
      ['AO 2025-03', 'Toiture', 1000, d('2025-03-01')],
      HEAD,
      ['AO 2025-04', 'Charpente', null, null],
      HEAD,
      ['S-01', 'Nettoyage', 2000, d('2025-04-01')],
    ]);
    expect(rows).toEqual({ 2: [], 4: ['montant-manquant', 'date-manquante'], 6: [] });
  });

  test('a title of one word, or with blank cells beside it, is a title', () => {
    expect(read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], ['FOURNITURES', ' ', '', null], HEAD, ['F-01', 'Papier', 300, d('2025-05-01')]])).toEqual({
      2: [],
      5: [],
    });
  });

  test('a numero with a trailing space alone above a copy is still a contract begun', () => {
    const rows = read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], ['T-02 ', null, null, null], HEAD, ['S-01', 'Nettoyage', 2000, d('2025-04-01')]]);
    expect(rows[3]).toEqual(['objet-manquant', 'montant-manquant', 'date-manquante']);
  });

  test('an empty last section (its title and header copy at the end of the sheet) says nothing', () => {
    expect(read([HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')], ['2. SERVICES'], HEAD])).toEqual({ 2: [] });
  });

  test('a copy retyped without the accent of a capital (« ECONOMIE REALISEE » for « Économie réalisée ») is a copy', () => {
    const head = [...HEAD, 'Économie réalisée'];
    const reg = register([
      head,
      ['T-01', 'Toiture', 1000, d('2025-03-01'), 100],
      ['2. SERVICES'],
      ['N° DE MARCHE', 'OBJET DU MARCHE', 'MONTANT NOTIFIE HT (€)', 'DATE DE NOTIFICATION', 'ECONOMIE REALISEE'],
      ['S-01', 'Nettoyage', 2000, d('2025-04-01'), 50],
    ]);
    expect(reg.rows.map((r) => r.values.gainNegociation)).toEqual([100, 50]);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });
});
