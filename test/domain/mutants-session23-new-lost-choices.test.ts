/**
 * Hand mutation audit of session 23 (lost column choices, « choisies par vous », progress): gaps the
 * existing tests left open.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { detectSheet, findIncompleteRegisters } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-03-15';
const g = (name: string, rows: CellValue[][]): SheetGrid => ({ name, firstRow: 1, firstCol: 1, tables: [], rows });
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Papier', 1000, d('2025-02-01')],
]);
const CHOSEN: MappingOverride = { sheet: 'Feuil1', columns: { 'Jours pour payer': 'delaiPaiement' } };

describe('README « SPASER État »: the lost choice is told of, « nommant l’en-tête et le champ »', () => {
  it('on a companion sheet, the field is named by its label, as on a register sheet', () => {
    const saisies = g('Saisies', [
      ['Indicateur', 'Année', 'Valeur', 'Provenance (service)'],
      ['4.1.2-consideration-sociale', 2025, 30, 'DAJ'],
    ]);
    const notices = runChain([{ file: 'Pôle Sport.xlsx', sheets: [REGISTER, saisies], state: null }], {
      today: TODAY,
      overrides: [{ sheet: 'Saisies', columns: { Provenance: 'source' } }],
    }).notices;
    expect(notices.find((n) => n.includes('Feuille « Saisies »'))).toContain("l'en-tête « Provenance », choisi pour « Source »");
  });

  it('on a sheet left out as an incomplete register too (its fields are the ones it lacks)', () => {
    const incomplete = g('Feuil1', [
      ['Objet', 'Titulaire', 'Montant HT', 'Jours (moyenne)'],
      ['Papier', 'Durand', 100, 30],
    ]);
    const notices = runChain([{ file: 'Pôle Sport.xlsx', sheets: [REGISTER, incomplete], state: null }], { today: TODAY, overrides: [CHOSEN] }).notices;
    expect(notices.some((n) => n.startsWith("Feuille « Feuil1 » du classeur « Pôle Sport.xlsx » : votre choix de colonne ne s'applique plus"))).toBe(true);
  });
});

describe('README « SPASER État »: « choisies par vous » is no longer said when every column choice of the sheet is lost', () => {
  it('an incomplete register whose only column choice is lost', () => {
    const sheet = g('Feuil1', [['Objet', 'Titulaire', 'Montant HT', 'Payé']]);
    expect(findIncompleteRegisters('f.xlsx', [sheet], [CHOSEN])[0].explicit).toBe(false);
  });

  it('a header on two rows whose only column choice is lost', () => {
    const header = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'];
    const sheet = g('Feuil1', [header, header, ['A-1', 'Entretien', 1000, { date: '2025-02-01' } as CellValue, 'oui']]);
    const [m] = detectSheet('f.xlsx', sheet, [CHOSEN]);
    expect(m.firstHeaderRow).toBe(1);
    expect(m.explicit).toBe(false);
  });

  it('a saved entry choosing nothing (no column, no header row) is no choice of the user', () => {
    expect(detectSheet('f.xlsx', REGISTER, [{ sheet: 'Marchés', columns: {} }])[0].explicit).toBe(false);
  });
});

it('README session 23: the checks step ends at its total, one step per sheet read (register and companion of one workbook)', () => {
  const saisies = g('Saisies', [
    ['Indicateur', 'Année', 'Valeur'],
    ['4.1.2-consideration-sociale', 2025, 30],
  ]);
  const checks: [number, number][] = [];
  runChain([{ file: 'Pôle Sport.xlsx', sheets: [REGISTER, saisies], state: null }], {
    today: TODAY,
    onProgress: (step, done, total) => {
      if (step === 'contrôles') checks.push([done, total]);
    },
  });
  expect(checks).toEqual([
    [1, 2],
    [2, 2],
  ]);
});
