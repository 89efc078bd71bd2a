/**
 * README « Colonnes », header on two rows: header cells merged over two rows echo their text on
 * the second (the adapters spread merges as a reader sees them), so the second row is header, not
 * data; it also carries the sub-headers of a group label.
 */
import type { CellValue, SheetGrid, TableArea } from '../../src/domain/cell';
import { detectSheet, twoRowHeaderTexts } from '../../src/domain/mapping';

const grid = (rows: CellValue[][], tables: TableArea[] = []): SheetGrid => ({ name: 'Suivi', firstRow: 1, firstCol: 1, rows, tables });
const fields = (g: SheetGrid, overrides?: Parameters<typeof detectSheet>[2]) => {
  const [m] = detectSheet('pole.xlsx', g, overrides);
  return { row: m.headerRow, fields: m.columns.map((c) => c.field), headers: m.columns.map((c) => c.header) };
};
const KEYS = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const DATA: CellValue[] = ['A-1', 'Entretien', 1000, { date: '2025-02-01' } as CellValue, 'oui', 'non'];

describe('a header on two rows', () => {
  it('every cell merged over both rows (a tall header): the second row is the header, data start below', () => {
    const header = [...KEYS, 'Clause sociale'];
    expect(detectSheet('pole.xlsx', grid([header, header, DATA.slice(0, 5)]))[0]).toMatchObject({ firstHeaderRow: 1, headerRow: 2 });
    expect(detectSheet('pole.xlsx', grid([header, DATA.slice(0, 5)]))[0].firstHeaderRow).toBeUndefined();
    expect(fields(grid([header, header, DATA.slice(0, 5)]))).toEqual({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale'],
      headers: header,
    });
  });

  it('a group label above sub-headers, the other headers merged down: the sub-headers are mapped', () => {
    const upper = [...KEYS, 'Clauses', null];
    const lower = [...KEYS, 'Clause sociale', 'Clause environnementale'];
    expect(fields(grid([upper, lower, DATA]))).toEqual({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale'],
      headers: lower,
    });
  });

  it('an upper header over an empty lower cell keeps its text', () => {
    const upper = [...KEYS, 'Titulaire'];
    const lower = [...KEYS, null];
    expect(fields(grid([upper, lower, DATA.slice(0, 5)]))).toMatchObject({ row: 2, fields: ['numero', 'objet', 'montant', 'dateNotification', 'titulaire'] });
  });

  it('a first data row that repeats no header text is data: the header stays one row', () => {
    const header = [...KEYS, 'Clause sociale'];
    expect(fields(grid([header, DATA.slice(0, 5)])).row).toBe(1);
    // An empty row under the header (or a note in one cell) is no part of it.
    expect(fields(grid([header, [], DATA.slice(0, 5)])).row).toBe(1);
    expect(fields(grid([header, [null, null, null, null, null, 'Mis à jour le 2 mars'], DATA.slice(0, 5)])).row).toBe(1);
    // One data cell equal to its header (an objet « Objet »), even in an all-text row, is data.
    // Two, beside a number or a date, are data too: only a row of texts is a header.
    expect(fields(grid([header, ['N° marché', 'Objet', 1000, { date: '2025-03-01' } as CellValue, 'oui'], DATA.slice(0, 5)])).row).toBe(1);
    expect(fields(grid([header, ['M1', 'Objet', '1 000', '01/03/2025', 'oui'], DATA.slice(0, 5)])).row).toBe(1);
    // A data cell equal to its header elsewhere in the row does not count: same column only.
    expect(fields(grid([header, ['Objet', 'N° marché', 1000, { date: '2025-02-01' } as CellValue, 'oui']])).row).toBe(1);
  });

  it('a note under a single label leaves the label (« Clause sociale » over « Oui / Non »)', () => {
    const upper = [...KEYS, 'Clause sociale'];
    const lower = [...KEYS, 'Oui / Non'];
    expect(fields(grid([upper, lower, DATA.slice(0, 5)]))).toEqual({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale'],
      headers: [...KEYS, 'Clause sociale'],
    });
  });

  it('a second row that would map fewer columns is left as it was', () => {
    // « Objet » again under « Clause sociale »: two columns for one field, one column fewer.
    const upper = [...KEYS, 'Clause sociale'];
    const lower = [...KEYS, 'Objet'];
    expect(fields(grid([upper, lower, DATA.slice(0, 5)]))).toMatchObject({ row: 1, fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale'] });
  });

  it('a sub-header whose group label names another field is left unmapped, not read as the field it names alone', () => {
    // « Réalisé » alone is the mandated spend (champs.md); under « Insertion » it is the hours done.
    const upper = [...KEYS, 'Clause sociale', 'Insertion', null];
    const lower = [null, null, null, null, null, 'Objectif', 'Réalisé'];
    const g = grid([upper, lower, [...DATA.slice(0, 5), 100, 80]]);
    const [m] = detectSheet('pole.xlsx', g);
    expect(m).toMatchObject({ firstHeaderRow: 1, headerRow: 2 });
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale']);
    expect(m.unmapped).toEqual([
      { col: 6, header: 'Insertion Objectif' },
      { col: 7, header: 'Insertion Réalisé' },
    ]);
    // The user may still choose it: the choice is kept.
    const [chosen] = detectSheet('pole.xlsx', g, [{ sheet: 'Suivi', headerRow: 1, columns: { 'Insertion Réalisé': 'heuresInsertionRealisees' } }]);
    expect(chosen.columns.find((c) => c.col === 7)?.field).toBe('heuresInsertionRealisees');
    // Left out before the columns share the fields: a weaker header of that field keeps it.
    const rival = grid([
      [...upper, 'Suivi réalisé'],
      [...lower, null],
      [...DATA.slice(0, 5), 100, 80, 900],
    ]);
    const [withRival] = detectSheet('pole.xlsx', rival);
    expect(withRival.firstHeaderRow).toBe(1);
    expect(withRival.columns.find((c) => c.field === 'montantMandate')?.col).toBe(8);
    // « Mandaté » under « Montant HT »: the label's words are the field's own, the spend it is.
    const spend = grid([[...KEYS, 'Montant HT', null], [null, null, null, null, 'Notifié', 'Mandaté'], [...DATA.slice(0, 4), 1000, 800]]);
    expect(detectSheet('pole.xlsx', spend)[0].columns.find((c) => c.col === 6)?.field).toBe('montantMandate');
  });

  it('sub-headers under a group label, nothing merged down: the second row completes the header', () => {
    const upper = [...KEYS, 'Clauses', null];
    const lower = [null, null, null, null, 'Clause sociale', 'Clause environnementale'];
    expect(fields(grid([upper, lower, DATA]))).toEqual({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale'],
      headers: [...KEYS, 'Clause sociale', 'Clause environnementale'],
    });
  });

  it('one label merged down beside groups: the echo and the sub-headers complete the header', () => {
    const upper = ['N° marché', 'Objet', 'Montant', null, 'Date de notification', 'Clauses', null];
    const lower = ['N° marché', null, 'HT', 'TTC', null, 'Clause sociale', 'Clause environnementale'];
    expect(fields(grid([upper, lower, [...DATA.slice(0, 3), 1200, ...DATA.slice(3)]]))).toMatchObject({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale'],
    });
  });

  it('without the echo, a row that is not all texts, or holds a text outside a group, is data', () => {
    const upper = [...KEYS, 'Clauses', null];
    // A number, a date, a yes/no among the texts.
    for (const odd of [12, { date: '2025-02-01' } as CellValue, true]) {
      expect(fields(grid([upper, [null, null, null, odd, 'Clause sociale', 'Clause environnementale'], DATA])).row).toBe(1);
    }
    // An all-text data row (an export): its texts name no more fields than the header.
    expect(fields(grid([upper, ['A-1', 'Entretien', '1 000', '01/02/2025', 'Oui', 'Non'], DATA])).row).toBe(1);
    // A label over one text is no group: « Fournisseur » under « Titulaire » (a half-filled data row?).
    expect(fields(grid([[...KEYS, 'Titulaire'], [null, null, null, null, 'Fournisseur'], DATA.slice(0, 5)])).row).toBe(1);
  });

  it('a group label names the field with its sub-header when the sub-header alone does not', () => {
    const expected = {
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification'],
      headers: ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    };
    // Key labels merged down (the echo) …
    const upper = ['N° marché', 'Objet', 'Montant', null, 'Date de notification'];
    expect(fields(grid([upper, ['N° marché', 'Objet', 'HT', 'TTC', 'Date de notification'], DATA.slice(0, 5)]))).toEqual(expected);
    // … or written in the upper row only. « Montant TTC » is never the HT amount: left unmapped.
    expect(fields(grid([upper, [null, null, 'HT', 'TTC', null], DATA.slice(0, 5)]))).toEqual(expected);
  });

  it('a group of the supplier: « Titulaire » over « Nom », « SIRET », « Code postal »', () => {
    const upper = [...KEYS, 'Titulaire', null, null];
    const lower = [null, null, null, null, 'Nom', 'SIRET', 'Code postal'];
    expect(fields(grid([upper, lower, [...DATA.slice(0, 4), 'ESAT du Nord', '12345678200010', '59100']]))).toEqual({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification', 'titulaire', 'siret', 'codePostalTitulaire'],
      headers: [...KEYS, 'Titulaire Nom', 'SIRET', 'Code postal'],
    });
  });

  it('gives the pane the header texts as read, on two rows only', () => {
    const upper = ['N° marché', 'Objet', 'Montant', null, 'Date de notification'];
    const g = grid([upper, [null, null, 'HT', 'TTC', null], DATA.slice(0, 5)]);
    const [m] = detectSheet('pole.xlsx', g);
    expect(twoRowHeaderTexts(g, m)).toEqual([
      { col: 1, text: 'N° marché' },
      { col: 2, text: 'Objet' },
      { col: 3, text: 'Montant HT' },
      { col: 4, text: 'Montant TTC' },
      { col: 5, text: 'Date de notification' },
    ]);
    const one = grid([[...KEYS, 'Titulaire'], DATA.slice(0, 5)]);
    expect(twoRowHeaderTexts(one, detectSheet('pole.xlsx', one)[0])).toBeNull();
  });

  it('never for an Excel table, whose header is one row', () => {
    const header = [...KEYS, 'Clause sociale'];
    const table: TableArea = { name: 'Marchés', headerRow: 1, firstCol: 1, lastCol: 5, lastRow: 3 };
    expect(fields(grid([header, header, DATA.slice(0, 5)], [table])).row).toBe(1);
  });

  it('a header row chosen by the user is where the header starts: the row below may complete it', () => {
    const header = [...KEYS, 'Clause sociale'];
    const chosen = (headerRow: number) => detectSheet('pole.xlsx', grid([header, header, DATA.slice(0, 5)]), [{ sheet: 'Suivi', headerRow, columns: {} }])[0];
    expect(chosen(1)).toMatchObject({ headerRow: 2, firstHeaderRow: 1 });
    // The second row chosen: read alone (the row below it is data).
    expect(chosen(2).headerRow).toBe(2);
    expect(chosen(2).firstHeaderRow).toBeUndefined();
    // A choice of columns alone does not fix the row: the two-row reading still applies.
    expect(fields(grid([header, header, DATA.slice(0, 5)]), [{ sheet: 'Suivi', columns: { E: null } }])).toMatchObject({
      row: 2,
      fields: ['numero', 'objet', 'montant', 'dateNotification'],
    });
  });
});
