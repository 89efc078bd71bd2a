import { NoRegisterError, runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import type { SavedState } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

// README « Colonnes »: each choice of column is saved in the workbook (`SPASER État`) and the
// ribbon button runs « avec les colonnes enregistrées (ou reconnues automatiquement) »; champs.md:
// the user can always override the mapping by hand. A saved choice names a header text (what the
// pane saves) or, written by hand, a column letter.

const TODAY = '2026-01-15';

function run(sheetName: string, rows: CellValue[][], mappings: MappingOverride[], file = 'a.xlsx') {
  const state: SavedState = { version: 1, mappings, decisions: [] };
  const input: ChainInput = { file, sheets: [grid(sheetName, rows)], state };
  return runChain([input], { today: TODAY });
}

const fieldsOf = (out: ReturnType<typeof run>) => out.register.mappings[0].columns.map((c) => `${c.col}:${c.field}`);

describe('a saved choice whose header is no longer in the sheet', () => {
  it('a renamed header: the saved choice no longer applies and the column is recognised automatically again', () => {
    // Saved: « Payé » is the Montant mandaté. The buyer renames it « Montant mandaté ».
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Montant mandaté'], ['M-1', 'Papier', 100, d('2025-02-01'), 80]];
    const out = run('Marchés', rows, [{ sheet: 'Marchés', columns: { Payé: 'montantMandate' } }]);
    expect(fieldsOf(out)).toContain('5:montantMandate');
    expect(out.register.rows[0].values.montantMandate).toBe(80);
    // The choice stays saved: nothing is dropped behind the buyer's back.
    expect(out.state.mappings).toEqual([{ sheet: 'Marchés', columns: { Payé: 'montantMandate' } }]);
  });

  it('a deleted column: its field is simply not mapped, no other column is taken for it', () => {
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Commentaires'], ['M-1', 'Papier', 100, d('2025-02-01'), 'rien']];
    const out = run('Marchés', rows, [{ sheet: 'Marchés', columns: { 'Montant payé': 'montantMandate' } }]);
    expect(fieldsOf(out)).toEqual(['1:numero', '2:objet', '3:montant', '4:dateNotification', '5:commentaires']);
  });

  it('a header made of capitals (« TTC ») that was renamed is not read as column letters TTC', () => {
    // « TTC » was chosen for Montant mandaté; the buyer renames the header « Montant mandaté ».
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Montant mandaté'], ['M-1', 'Papier', 100, d('2025-02-01'), 80]];
    const out = run('Marchés', rows, [{ sheet: 'Marchés', columns: { TTC: 'montantMandate' } }]);
    // Column TTC (the 14,043rd) is far outside the sheet: the renamed column is recognised instead.
    expect(fieldsOf(out)).toEqual(['1:numero', '2:objet', '3:montant', '4:dateNotification', '5:montantMandate']);
    expect(out.register.rows[0].values.montantMandate).toBe(80);
    expect(out.result.depense).toBe('montantMandate');
  });

  it('a column letter written by hand still names a column of the sheet, header or not', () => {
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Réglé', null], ['M-1', 'Papier', 100, d('2025-02-01'), 80, 'x']];
    expect(fieldsOf(run('Marchés', rows, [{ sheet: 'Marchés', columns: { E: 'montantMandate' } }]))).toContain('5:montantMandate');
  });

  it('a required column chosen by hand then renamed: nothing is computed and the French message names the file', () => {
    // « Réf » is not recognised on its own: only the saved choice made it the N° de marché.
    const before: CellValue[][] = [['Réf', 'Objet', 'Montant HT', 'Date de notification'], ['M-1', 'Papier', 100, d('2025-02-01')]];
    const choice: MappingOverride = { sheet: 'Marchés', columns: { Réf: 'numero' } };
    expect(run('Marchés', before, [choice]).register.rows[0].values.numero).toBe('M-1');
    const after: CellValue[][] = [['Code', ...before[0].slice(1)], before[1]];
    expect(() => run('Marchés', after, [choice])).toThrow(NoRegisterError);
    expect(() => run('Marchés', after, [choice])).toThrow('Aucun registre reconnu dans « a.xlsx »');
  });
});

describe('a saved choice for a sheet that was renamed', () => {
  const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'], ['M-1', 'Papier', 100, d('2025-02-01'), 'oui']];
  const saved: MappingOverride = { sheet: 'Suivi 2024', columns: { 'Clause sociale': null } };

  // Until session 34 the choice did not apply to the renamed sheet (it was recognised automatically, the
  // choice dropped without a word: blind recipe « semaines »). It now follows the one sheet that no saved
  // choice names and whose header holds every header it names (README « Colonnes »), and is saved under
  // the new name.
  it('follows the renamed sheet, and is saved under its new name', () => {
    const out = run('Suivi 2025', rows, [saved]);
    expect(out.register.mappings[0].explicit).toBe(true);
    expect(out.register.rows[0].sociale).toBe(false);
    expect(out.state.mappings).toEqual([{ ...saved, sheet: 'Suivi 2025' }]);
  });

  // Until session 35 such a choice stayed saved, applying nowhere and said nowhere, run after run. It is now
  // said once, and let go from the state that run saves (README « Colonnes »).
  it('does not follow a sheet whose header lacks a header it names (recognised automatically): said, and let go', () => {
    const other: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause insertion'], rows[1]];
    const out = run('Suivi 2025', other, [saved]);
    expect(out.register.mappings[0].explicit).toBe(false);
    expect(out.register.rows[0].sociale).toBe(true);
    expect(out.state.mappings).toEqual([]);
    expect(out.notices.filter((n) => n.includes('Suivi 2024'))).toEqual([
      "Feuille « Suivi 2024 » du classeur « a.xlsx » : vos choix de colonnes ne s'appliquent plus, car le classeur n'a plus de feuille de ce nom. " +
        "Si elle a été renommée, refaites ces choix à l'étape Colonnes du volet, sur la feuille renommée ; les anciens ne sont plus gardés.",
    ]);
  });

  it('the next run, on the workbook written, says nothing more of it', () => {
    const other: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause insertion'], rows[1]];
    const first = run('Suivi 2025', other, [saved]);
    const next = runChain([{ file: 'a.xlsx', sheets: [grid('Suivi 2025', other)], state: first.state }], { today: TODAY });
    expect(next.notices.some((n) => n.includes('Suivi 2024'))).toBe(false);
  });

  it('applies again under the same name, whatever its case', () => {
    expect(run('Suivi 2024', rows, [saved]).register.rows[0].sociale).toBe(false);
    expect(run('SUIVI 2024', rows, [saved]).register.rows[0].sociale).toBe(false);
  });

  it('a saved choice without a file still applies once the workbook is renamed', () => {
    expect(run('Suivi 2024', rows, [saved], 'Suivi 2024 (copie).xlsx').register.rows[0].sociale).toBe(false);
  });
});

describe('explicit choices of the run replace the saved ones sheet by sheet, and are saved once', () => {
  const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'], ['M-1', 'Papier', 100, d('2025-02-01'), 'oui']];

  it('the new choice wins and replaces the saved one of the same sheet; other sheets keep theirs', () => {
    const savedHere: MappingOverride = { sheet: 'Marchés', columns: { 'Clause sociale': null } };
    const savedOther: MappingOverride = { sheet: 'Archives', columns: { Réf: 'numero' } };
    const explicit: MappingOverride = { sheet: 'Marchés', columns: { 'Clause sociale': 'clauseSociale' } };
    const archives = grid('Archives', [['Réf', 'Libellé'], ['A-1', 'Vieux papier']]);
    const input: ChainInput = { file: 'a.xlsx', sheets: [grid('Marchés', rows), archives], state: { version: 1, mappings: [savedHere, savedOther], decisions: [] } };
    const out = runChain([input], { today: TODAY, overrides: [explicit] });
    expect(out.register.rows[0].sociale).toBe(true);
    expect(out.state.mappings).toEqual([explicit, savedOther]);
  });
});
