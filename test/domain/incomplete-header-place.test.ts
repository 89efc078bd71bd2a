import { NoRegisterError, runChain, type ChainInput } from '../../src/domain/chain';
import { describeMissingRequired, detectSheet, findIncompleteRegisters, headerPlaces, missingRequiredFields, twoRowHeaderTexts } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';
import { COLUMNS_ON_TWO_ROWS, HEADERS_ON_TWO_ROWS, INCOMPLETE_ON_TWO_ROWS, incompleteOnTwoRows, saidOnTwoRows } from '../helpers/incomplete-on-two-rows';

// README « Colonnes » (ligne d'en-tête dite par l'acheteur): a register missing a required column
// whose saved choice says its header is on two rows is read on both, as once complete (session 33:
// it was read on the first alone, its messages and the pane's lists naming that row's headers).

const FILE = 'Pôle A.xlsx';
const TODAY = '2026-01-15';

/** A complete register beside it: the run goes on, the incomplete sheet told of in a notice. */
const OTHER = grid('Registre', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['R-1', 'Voirie', 5000, d('2025-04-01')],
]);

function input(mappings: MappingOverride[], sheets = [incompleteOnTwoRows()]): ChainInput {
  return { file: FILE, sheets, state: { version: 1, mappings, decisions: [] } };
}

describe('an incomplete register whose header the user said is on two rows', () => {
  it('is read on both rows, as the complete register would be', () => {
    const [m] = findIncompleteRegisters(FILE, [incompleteOnTwoRows()], [saidOnTwoRows()]);
    expect(m).toMatchObject({ sheet: 'Suivi', kind: 'registre', headerRow: 3, firstHeaderRow: 2, explicit: true });
    expect(m.columns.map((c) => [c.col, c.header, c.field])).toEqual(COLUMNS_ON_TWO_ROWS);
    expect(missingRequiredFields(m)).toEqual(['dateNotification']);
    expect(twoRowHeaderTexts(incompleteOnTwoRows(), m)!.map((h) => h.text)).toEqual(HEADERS_ON_TWO_ROWS);
  });

  it('is read on its first row when nothing is said, or one row is', () => {
    for (const overrides of [[], [{ ...saidOnTwoRows(), headerRows: 1 as const }], [{ ...saidOnTwoRows(), headerRows: undefined }]]) {
      const [m] = findIncompleteRegisters(FILE, [incompleteOnTwoRows()], overrides);
      expect(m).toMatchObject({ headerRow: 2 });
      expect(m.firstHeaderRow).toBeUndefined();
      expect(m.columns.find((c) => c.col === 6)).toMatchObject({ header: 'Titulaire', field: 'titulaire' });
    }
  });

  it('its messages name both rows', () => {
    const [m] = findIncompleteRegisters(FILE, [incompleteOnTwoRows()], [saidOnTwoRows()]);
    const sentence = 'Colonne obligatoire introuvable dans la feuille «\u00a0Suivi\u00a0» (en-tête lignes 2 et 3)\u00a0: «\u00a0Date de notification\u00a0».';
    expect(describeMissingRequired(m)).toBe(sentence);
    // Alone: no register, the message says what the closest sheet misses.
    expect(() => runChain([input([saidOnTwoRows()])], { today: TODAY })).toThrow(NoRegisterError);
    expect(() => runChain([input([saidOnTwoRows()])], { today: TODAY })).toThrow(sentence);
    // Beside a register: the notice, and the pane's section (`incomplete`).
    const out = runChain([input([saidOnTwoRows()], [OTHER, incompleteOnTwoRows()])], { today: TODAY });
    expect(out.incomplete).toMatchObject([{ sheet: 'Suivi', headerRow: 3, firstHeaderRow: 2 }]);
    expect(out.notices.some((n) => n.includes('(en-tête lignes 2 et 3)'))).toBe(true);
  });

  it('completed by a column read on both rows, it is a register read from the row below them', () => {
    const chosen: MappingOverride = { ...saidOnTwoRows(), columns: { 'Dates Signature': 'dateNotification' } };
    const [m] = detectSheet(FILE, incompleteOnTwoRows(), [chosen]);
    expect(m).toMatchObject({ kind: 'registre', headerRow: 3, firstHeaderRow: 2, explicit: true });
    expect(m.columns.find((c) => c.field === 'dateNotification')).toMatchObject({ col: 4, header: 'Dates Signature' });
    expect(m.lostChoices).toBeUndefined();
    expect(findIncompleteRegisters(FILE, [incompleteOnTwoRows()], [chosen])).toEqual([]);
    // Offered where it is, so that the pane keeps it.
    expect(headerPlaces(FILE, incompleteOnTwoRows(), 'registre', chosen.columns)).toEqual([{ headerRow: 2, headerRows: 2 }]);

    const out = runChain([input([chosen])], { today: TODAY });
    expect(out.incomplete).toEqual([]);
    expect(out.register.rows.map((r) => [r.source.row, r.values.dateNotification, r.values.titulaire])).toEqual([
      [4, '2025-02-01', 'Papeterie du Nord'],
      [5, '2025-03-01', 'Net Plus'],
    ]);
    expect(out.register.rows.filter((r) => r.hasError)).toEqual([]);
  });

  it('a column chosen on the first row completes it too', () => {
    // « Dates » alone, the label over both dates: the register is still read on both rows.
    const rows = INCOMPLETE_ON_TWO_ROWS.map((r, i) => (i === 2 ? [null, null, null, null, 'Fin', 'Fournisseur'] : r));
    const chosen: MappingOverride = { ...saidOnTwoRows(), columns: { Dates: 'dateNotification' } };
    const [m] = detectSheet(FILE, grid('Suivi', rows), [chosen]);
    expect(m).toMatchObject({ headerRow: 3, firstHeaderRow: 2 });
    expect(m.columns.find((c) => c.field === 'dateNotification')).toMatchObject({ col: 4 });
  });

  it('a complete row of data below is no header: the first row is read alone, as for a register', () => {
    // The date now named: row 3 is gone, the first contract right below the header.
    const rows = [INCOMPLETE_ON_TWO_ROWS[1].map((h) => (h === 'Dates' ? 'Date de notification' : h)), ...INCOMPLETE_ON_TWO_ROWS.slice(3)];
    const [m] = detectSheet(FILE, grid('Suivi', [INCOMPLETE_ON_TWO_ROWS[0], ...rows]), [saidOnTwoRows()]);
    expect(m).toMatchObject({ headerRow: 2 });
    expect(m.firstHeaderRow).toBeUndefined();
  });
});
