/**
 * Mutation audit of session 40 (lot U of `test/mutants-session40-b.md`): which line of a sheet is a
 * CSV's header left unsplit in column A (`unsplit-csv.ts`), and how the message quotes it.
 */
import type { CellValue } from '../../src/domain/cell';
import type { ChainInput } from '../../src/domain/chain';
import { unsplitCsvSentences } from '../../src/domain/unsplit-csv';
import { grid } from '../helpers/grid';

const said = (rows: CellValue[][], file = 'export.xlsx') =>
  unsplitCsvSentences([{ file, state: null, sheets: [grid('export', rows)] }]).map((s) => s.replace(/[\u00a0\u202f]/g, ' '));

describe('the header line of an unsplit CSV', () => {
  it('below a title and a number, within the first 20 rows', () => {
    const out = said([['Export du 12/03/2025'], [2025], ['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']]);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('(« NUM_MARCHE;OBJET;DATE_NOTIF;… »)');
  });

  it('three fields, two of them required: a header, quoted whole and trimmed', () => {
    expect(said([['Objet;Montant HT;Titulaire '], ['Festival;18500.00;COLLECTIF 59']])).toEqual([
      expect.stringContaining('séparées par des points-virgules (« Objet;Montant HT;Titulaire ») :'),
    ]);
  });

  it('two fields, or three with one required, are no header', () => {
    expect(said([['Objet;Montant HT'], ['Festival;18500.00']])).toEqual([]);
    expect(said([['Objet;Titulaire;SIRET'], ['Festival;COLLECTIF 59;12345678900012']])).toEqual([]);
  });

  it('the data line may come after a blank row and four lines Excel cut at a comma', () => {
    const cut: CellValue[] = ['C-02;Ateliers théâtre', ' danse;05/05/2025;9600.00'];
    const rows: CellValue[][] = [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], [null], cut, cut, cut, cut, ['C-01;Festival;14/04/2025;18500.00']];
    expect(said(rows)).toHaveLength(1);
    // One more cut line: the data line is past the five looked at.
    expect(said([...rows.slice(0, 2), cut, ...rows.slice(2)])).toEqual([]);
  });

  it('tabs are quoted as spaces, as the cell shows them', () => {
    expect(said([['N° marché\tObjet\tMontant HT\tDate notif'], ['1\tObjet\t12\t01/02/2025']])[0]).toContain('(« N° marché Objet Montant HT … »)');
  });

  it('among several workbooks, the workbook is named', () => {
    const inputs: ChainInput[] = [
      { file: 'a.xlsx', state: null, sheets: [grid('Registre', [['N° de marché', 'Objet', 'Montant HT', 'Date de notification']])] },
      { file: 'b.xlsx', state: null, sheets: [grid('export', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']])] },
    ];
    expect(unsplitCsvSentences(inputs).map((s) => s.replace(/\u00a0/g, ' '))).toEqual([expect.stringMatching(/^Feuille « export » du classeur « b\.xlsx » : /)]);
  });
});
