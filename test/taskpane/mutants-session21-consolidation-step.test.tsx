/**
 * Session-21 hand mutation audit of step 5 (src/taskpane/components/ConsolidationStep.tsx): the
 * step rendered alone over last month's import of the Pôle Sport, for what the existing tests left
 * open (README « Réimport d'un Pôle »): the warnings follow the Pôle name as typed by the lead.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { ImportRecord } from '../../src/domain/state';
import { importPlan, importRecords, recogniseFile, type FileRecognition } from '../../src/taskpane/consolidation';
import { ConsolidationStep, keptSentence } from '../../src/taskpane/components/ConsolidationStep';
import { d, grid } from '../helpers/grid';
import { enabled } from '../helpers/enabled-button';

const TODAY = '2026-02-15';
const FILE = 'Pôle Sport.xlsx';

const marches = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['S-1', 'Gymnase', 1500, d('2025-03-04')],
]);
const objectifs = grid('Objectifs', [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
]);

/** Last month's import of the file (register and targets) as `pole`, read back, with its records. */
function lastMonth(pole: string): { sheets: SheetGrid[]; records: ImportRecord[] } {
  const file = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
  const plan = importPlan([file], { [FILE]: pole });
  const sheets = [grid('Synthèse', [['Notes']]), ...plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]))];
  return { sheets, records: importRecords(plan, { [FILE]: pole }, sheets, '2026-01-15') };
}

async function step(before: { sheets: SheetGrid[]; records: ImportRecord[] }, file: FileRecognition) {
  const onImport = jest.fn();
  render(
    <ConsolidationStep
      busy={false}
      existingSheets={before.sheets.map((g) => g.name)}
      workbook={before.sheets}
      records={before.records}
      onChooseFiles={async () => [file]}
      onImport={onImport}
    />,
  );
  const choose = () => fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], FILE)] } });
  choose();
  const card = await screen.findByRole('region', { name: `Fichier ${FILE}` });
  const pole = within(card).getByRole('textbox', { name: `Pôle du fichier « ${FILE} »` }) as HTMLInputElement;
  return { card, pole, onImport, choose };
}

afterEach(cleanup);

describe('the warnings follow the Pôle name typed by the lead, not the one proposed', () => {
  it('an earlier import of the typed Pôle that this file no longer makes is named (typed with spaces: named without)', async () => {
    // This month the file has no targets sheet; last month's Pôle « Sport » is proposed (session 23), the lead types it with spaces.
    const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const { card, pole } = await step(lastMonth('Sport'), file);
    expect(pole.value).toBe('Sport');
    fireEvent.change(pole, { target: { value: '  Sport ' } });
    // textContent, not getByText: its default normaliser would hide the spaces typed around the name.
    expect(within(card).getByText(/^Un import précédent du Pôle/).textContent).toMatch(
      /^Un import précédent du Pôle « Sport » a aussi créé la feuille « Sport - Cibles » \(du fichier « Pôle Sport\.xlsx », importée le 15\/01\/2026\)\./,
    );
    expect(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Sport », importé le 15\/01\/2026\)/ })).toBeChecked();
  });

  it('no warning about another Pôle name while the name is empty (« Donnez le nom du Pôle. » only)', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const { card, pole } = await step(lastMonth('Sport'), file);
    // Typed « Pôle Sport » (the file's name): the import as « Sport » is told.
    fireEvent.change(pole, { target: { value: 'Pôle Sport' } });
    expect(within(card).getByText(/^Ce fichier a déjà été importé pour le Pôle « Sport »/)).toBeInTheDocument();
    fireEvent.change(pole, { target: { value: ' ' } });
    expect(within(card).getByText('Donnez le nom du Pôle.')).toBeInTheDocument();
    expect(within(card).queryByText(/déjà été importé|Un import précédent/)).toBeNull();
  });
});

describe('the replacement checkbox', () => {
  it('ticked: no warning about doublons; unticked: the warning; files chosen again: ticked again', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const { card, pole, onImport, choose } = await step(lastMonth('Sport'), file);
    fireEvent.change(pole, { target: { value: 'Sport' } });
    const box = () => within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent/ });
    expect(box()).toBeChecked();
    expect(within(card).queryByText(/L'importer à nouveau sans remplacer/)).toBeNull();
    fireEvent.click(box());
    expect(box()).not.toBeChecked();
    expect(within(card).getByText(/^L'importer à nouveau sans remplacer ajoute des feuilles « … \(2\) »/)).toBeInTheDocument();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    expect(onImport).toHaveBeenLastCalledWith([file], { [FILE]: 'Sport' }, { [FILE]: false });

    choose();
    const again = await screen.findByRole('textbox', { name: `Pôle du fichier « ${FILE} »` });
    // Proposed again: last month's Pôle.
    await within(card).findByDisplayValue('Sport');
    fireEvent.change(again, { target: { value: 'Sport' } });
    expect(box()).toBeChecked();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    expect(onImport).toHaveBeenLastCalledWith([file], { [FILE]: 'Sport' }, { [FILE]: true });
  });
});

describe('an earlier import kept (edited since), in the singular', () => {
  it('names « la feuille » and tells to delete « la » or rename « la »', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const plan = importPlan([file], { [FILE]: 'Sport' });
    const read = [grid('Sport', plan[0].rows.map((r) => [...r]) as CellValue[][])];
    const records = importRecords(plan, { [FILE]: 'Sport' }, read, '2026-01-15');
    const edited = grid('Sport', [...(read[0].rows as CellValue[][]), ['S-2', 'Piscine', 700, d('2025-05-06'), 'Sport']]);
    const { card, pole } = await step({ sheets: [edited], records }, file);
    fireEvent.change(pole, { target: { value: 'Sport' } });
    expect(within(card).getByText(/^Ce Pôle semble déjà importé/).textContent).toBe(
      "Ce Pôle semble déjà importé dans ce classeur (feuille « Sport »). L'import ne remplace pas cette feuille : « Sport » a été modifiée depuis son import du 15/01/2026. " +
        // A file without companion sheet: none to count twice (session 23).
        "L'importer à nouveau sans remplacer ajoute des feuilles « … (2) » : ses marchés y seraient des doublons (l'import précédent l'emporte). " +
        "Si ce sont bien les feuilles de l'import précédent, reportez vos modifications dans le classeur du Pôle puis supprimez-la (dans Excel) avant d'importer ; sinon, renommez-la. " +
        'Pour importer les autres fichiers sans celui-ci, retirez-le de l\'import.',
    );
    expect(within(card).queryByRole('checkbox')).toBeNull();
  });
});

describe('keptSentence', () => {
  it('names the other Pôle a sheet was imported for', () => {
    expect(keptSentence({ sheet: 'Sport', reason: 'autre Pôle', pole: 'Culture', date: '2026-01-15' })).toBe(
      '« Sport » a été importée pour un autre Pôle (« Culture »)',
    );
  });
});
