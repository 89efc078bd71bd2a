import type { CellValue } from '../../src/domain/cell';
import { isErrorText } from '../../src/domain/cell';
import { type FieldDef, REGISTER_FIELDS } from '../../src/domain/fields';
import { readField } from '../../src/domain/read-cell';
import { buildRegister } from '../../src/domain/register';
import { importedGrid, importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { d, err, grid } from '../helpers/grid';

// regles.md §2: formula error values are never read as data. An error value written as text
// (values pasted from another workbook, a consolidation import) looks the same to a person
// reading the sheet, so it reads as the same error.

const TODAY = '2026-03-15';
const fieldById = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)!;
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Titulaire', 'Clause sociale', 'Procédure', "Nombre d'avenants"];

function findings(cells: CellValue[]) {
  const reg = buildRegister([{ file: 'a.xlsx', sheets: [grid('Marchés', [HEAD, cells])], state: null }], { today: TODAY });
  const row = reg.rows[0];
  return { hasError: row.hasError, found: row.findings.map((f) => [f.code, f.colonne, f.valeurLue]) };
}

describe('an error value written as text', () => {
  it.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', ' #n/a ', '#Ref!'])('%p is an error value', (t) => {
    expect(isErrorText(t.trim())).toBe(true);
  });

  it.each(['#12', '#N/A bis', 'N/A', '#', '', 'REF!'])('%p is not', (t) => {
    expect(isErrorText(t)).toBe(false);
  });

  it.each(['titulaire', 'montant', 'nbAvenants', 'dateNotification', 'clauseSociale', 'procedure'] as const)(
    'reads as a formula error in a %s cell, whatever its type',
    (id) => {
      expect(readField(fieldById(id), ' #N/A ')).toEqual({ kind: 'invalid', reason: 'erreur-formule', shown: '#N/A' });
    },
  );

  it('leaves other texts starting with # as they were', () => {
    expect(readField(fieldById('titulaire'), '#12 Entreprise')).toEqual({ kind: 'value', value: '#12 Entreprise' });
    expect(readField(fieldById('montant'), '#12')).toMatchObject({ kind: 'invalid', reason: 'illisible' });
  });

  it('gives a register row the same findings as the error values themselves', () => {
    const texts = findings(['M-1', 'Papier', '#REF!', d('2025-01-10'), '#N/A', '#VALUE!', '#NAME?', '#DIV/0!']);
    const errors = findings(['M-1', 'Papier', err('#REF!'), d('2025-01-10'), err('#N/A'), err('#VALUE!'), err('#NAME?'), err('#DIV/0!')]);
    expect(texts).toEqual(errors);
    expect(texts.hasError).toBe(true);
    // `valeur-illisible` on each, not `montant-invalide`, and the titulaire is no supplier name.
    expect(texts.found.map((f) => f[0])).toEqual(['valeur-illisible', 'valeur-illisible', 'valeur-illisible', 'valeur-illisible', 'valeur-illisible']);
    expect(texts.found.map((f) => f[2])).toEqual(['#REF!', '#N/A', '#VALUE!', '#NAME?', '#DIV/0!']);
  });

  it('keeps a row in error after a consolidation import, as when its file is read directly', () => {
    const source = grid('Marchés', [HEAD.slice(0, 5), ['M-1', 'Papier', 100, d('2025-01-10'), err('#N/A')]]);
    const direct = buildRegister([{ file: 'a.xlsx', sheets: [source], state: null }], { today: TODAY }).rows[0];
    const [sheet] = importPlan([recogniseFile({ name: 'a.xlsx', sheets: [source] }, TODAY)], { 'a.xlsx': 'Ressources' });
    expect(sheet.rows[1]).toContain('#N/A'); // imported as its text
    const imported = buildRegister([{ file: 'c.xlsx', sheets: [importedGrid(sheet)], state: null }], { today: TODAY }).rows[0];
    expect(imported.hasError).toBe(true);
    expect(imported.findings.map((f) => [f.code, f.valeurLue])).toEqual(direct.findings.map((f) => [f.code, f.valeurLue]));
  });
});

describe('a totals row', () => {
  it('is not one when its numero is an error value, as text or as an error', () => {
    const reg = (numero: CellValue) =>
      buildRegister([{ file: 'a.xlsx', sheets: [grid('Marchés', [HEAD.slice(0, 5), [numero, 'Total', 100, d('2025-01-10'), 'X']])], state: null }], { today: TODAY });
    for (const numero of ['#N/A', err('#N/A')] as CellValue[]) {
      const rows = reg(numero).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0].findings.map((f) => f.code)).toContain('valeur-illisible');
    }
    // An empty numero beside a total word is a totals row, skipped silently.
    expect(reg(null).rows).toHaveLength(0);
  });
});
