/**
 * Session-39 hand mutation audit of step 5 (src/taskpane/components/ConsolidationStep.tsx), for what
 * the tests already there left open: the step rendered alone over last month's import of the Pôle
 * Sport (README « Réimport d'un Pôle »), as the lead sees and uses it.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { ImportRecord } from '../../src/domain/state';
import { importPlan, importRecords, recogniseFile, type FileRecognition } from '../../src/taskpane/consolidation';
import { ConsolidationStep } from '../../src/taskpane/components/ConsolidationStep';
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

/** Last month's import of the file as `pole`, read back, with its records; `edit` changes a sheet after the import. */
function lastMonth(pole: string, edit?: (sheets: SheetGrid[]) => SheetGrid[]): { sheets: SheetGrid[]; records: ImportRecord[] } {
  const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
  const plan = importPlan([file], { [FILE]: pole });
  const sheets = [grid('Synthèse', [['Notes']]), ...plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]))];
  const records = importRecords(plan, { [FILE]: pole }, sheets, '2026-01-15');
  return { sheets: edit ? edit(sheets) : sheets, records };
}

async function step(before: { sheets: SheetGrid[]; records: ImportRecord[] }, files: FileRecognition[]) {
  const onImport = jest.fn();
  render(
    <ConsolidationStep
      busy={false}
      existingSheets={before.sheets.map((g) => g.name)}
      workbook={before.sheets}
      records={before.records}
      onChooseFiles={async () => files}
      onImport={onImport}
    />,
  );
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: files.map((f) => new File([new Uint8Array([1])], f.name)) } });
  await screen.findByRole('region', { name: `Fichier ${files[0].name}` });
  return { onImport };
}

afterEach(cleanup);

describe('what the import button hands over', () => {
  it('an earlier import edited since (kept, not offered for replacement) is not asked to be replaced', async () => {
    // The lead's own line added to last month's « Sport » sheet: the import keeps it and says why.
    const edited = lastMonth('Sport', (sheets) =>
      sheets.map((g) => (g.name === 'Sport' ? grid('Sport', [...(g.rows as CellValue[][]), ['S-9', 'Ajout à la main', 10, d('2025-05-05'), 'Sport']]) : g)),
    );
    const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const { onImport } = await step(edited, [file]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    expect(within(card).getByText(/« Sport » a été modifiée depuis son import du 15\/01\/2026/)).toBeInTheDocument();
    expect(within(card).queryByRole('checkbox')).toBeNull();
    fireEvent.click(await enabled(screen.getByRole('button', { name: /^Importer 1\sclasseur et calculer$/ })));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0][2]).toEqual({ [FILE]: false });
  });

  it('an unchanged earlier import is asked to be replaced while its box stays ticked', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const { onImport } = await step(lastMonth('Sport'), [file]);
    expect(screen.getByRole('checkbox', { name: /^Remplacer l'import précédent/ })).toBeChecked();
    fireEvent.click(await enabled(screen.getByRole('button', { name: /^Importer 1\sclasseur et calculer$/ })));
    expect(onImport.mock.calls[0][2]).toEqual({ [FILE]: true });
  });
});

describe('the file card', () => {
  it('counts the lines of a register sheet only, not of a companion sheet', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    await step({ sheets: [], records: [] }, [file]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    const items = within(card).getAllByRole('listitem').map((li) => li.textContent?.replace(/\u00a0/g, ' '));
    expect(items).toEqual(['« Marchés » : Registre des marchés, 1 ligne', '« Objectifs » : Cibles']);
    // A first import: no earlier import told.
    expect(within(card).queryByText(/semble déjà importé/)).toBeNull();
    expect(within(card).queryByRole('checkbox')).toBeNull();
    // Nothing saved in the file: nothing said to be carried over.
    expect(within(card).queryByText(/^Le Pôle a enregistré/)).toBeNull();
  });

  it("says what the Pôle name does: fills the added « Pôle » column, or only names the sheet when the file has its own", async () => {
    const withColumn = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle gestionnaire'],
      ['S-1', 'Gymnase', 1500, d('2025-03-04'), 'Sports'],
    ]);
    const plain = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const own = recogniseFile({ name: 'Pôle Culture.xlsx', sheets: [withColumn] }, TODAY);
    expect(own.poleColumn).toBe('Pôle gestionnaire');
    await step({ sheets: [], records: [] }, [plain, own]);
    const plainCard = screen.getByRole('region', { name: `Fichier ${FILE}` });
    const ownCard = screen.getByRole('region', { name: 'Fichier Pôle Culture.xlsx' });
    expect(within(plainCard).getByText(/^Ce nom remplit la colonne «\sPôle\s» ajoutée et nomme la feuille\.$/)).toBeInTheDocument();
    expect(within(plainCard).queryByText(/propre colonne/)).toBeNull();
    expect(
      within(ownCard).getByText(/^Le fichier a sa propre colonne «\sPôle gestionnaire\s»\s: ses valeurs sont gardées, ce nom sert à nommer la feuille\.$/),
    ).toBeInTheDocument();
    expect(within(ownCard).queryByText(/remplit la colonne/)).toBeNull();
  });

  it('a Pôle name of spaces only marks the field as in error, as an empty one, and a name clears it', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    await step({ sheets: [], records: [] }, [file]);
    const pole = screen.getByRole('textbox', { name: /^Pôle du fichier «\sPôle Sport\.xlsx\s»$/ });
    expect(pole).not.toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(pole, { target: { value: '   ' } });
    expect(pole).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(pole, { target: { value: 'Sport' } });
    expect(pole).not.toHaveAttribute('aria-invalid', 'true');
  });
});

describe('two files, each over its own earlier import', () => {
  const culture = grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['C-1', 'Théâtre', 900, d('2025-04-04')],
  ]);
  const CULTURE = 'Pôle Culture.xlsx';

  it('each box unticked stays unticked when the other is unticked, and both are handed over as not replaced', async () => {
    const files = [recogniseFile({ name: FILE, sheets: [marches] }, TODAY), recogniseFile({ name: CULTURE, sheets: [culture] }, TODAY)];
    const poles = { [FILE]: 'Sport', [CULTURE]: 'Culture' };
    const plan = importPlan(files, poles);
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    const { onImport } = await step({ sheets, records: importRecords(plan, poles, sheets, '2026-01-15') }, files);
    const box = (file: string) => within(screen.getByRole('region', { name: `Fichier ${file}` })).getByRole('checkbox', { name: /^Remplacer l'import précédent/ });
    fireEvent.click(box(FILE));
    fireEvent.click(box(CULTURE));
    expect(box(FILE)).not.toBeChecked();
    expect(box(CULTURE)).not.toBeChecked();
    fireEvent.click(await enabled(screen.getByRole('button', { name: /^Importer 2\sclasseurs et calculer$/ })));
    expect(onImport.mock.calls[0][2]).toEqual({ [FILE]: false, [CULTURE]: false });
  });
});

describe('a renamed file proposed the Pôle of an import holding its contracts', () => {
  it('names the latest file imported for that Pôle and its date, not the first', async () => {
    const sport = grid('Sport', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ['S-1', 'Gymnase', 1500, d('2025-03-04'), 'Sport'],
    ]);
    // The Pôle's sheet imported in January from one file, replaced in February from the file renamed.
    const records: ImportRecord[] = [
      { sheet: 'Sport', file: 'Sport janvier.xlsx', pole: 'Sport', kind: 'registre', date: '2026-01-15', fingerprint: 'x' },
      { sheet: 'Sport', file: 'Sport février.xlsx', pole: 'Sport', kind: 'registre', date: '2026-02-10', fingerprint: 'y' },
    ];
    const file = recogniseFile({ name: 'Sport mars.xlsx', sheets: [marches] }, TODAY);
    await step({ sheets: [sport], records }, [file]);
    const card = screen.getByRole('region', { name: 'Fichier Sport mars.xlsx' });
    expect(within(card).getByText(/^Pôle proposé d'après ses marchés/).textContent).toMatch(
      /dans l'import du Pôle «\sSport\s» \(fichier «\sSport février\.xlsx\s», importé le 10\/02\/2026\)/,
    );
  });
});

describe('the import button', () => {
  const culture = grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['C-1', 'Théâtre', 900, d('2025-04-04')],
  ]);
  const files = () => [recogniseFile({ name: FILE, sheets: [marches] }, TODAY), recogniseFile({ name: 'Pôle Culture.xlsx', sheets: [culture] }, TODAY)];
  const button = () => screen.getByRole('button', { name: /^Importer 2\sclasseurs et calculer$/ });

  it('is disabled while one of two files has no Pôle name, the other named', async () => {
    await step({ sheets: [], records: [] }, files());
    expect(button()).toBeEnabled();
    fireEvent.change(screen.getByRole('textbox', { name: /^Pôle du fichier «\sPôle Culture\.xlsx\s»$/ }), { target: { value: '' } });
    expect(button()).toBeDisabled();
  });

  it('is disabled while another operation runs, with every Pôle named, and so are the « Retirer » buttons', async () => {
    const chosen = files();
    const props = { existingSheets: [], workbook: [], records: [], onChooseFiles: async () => chosen, onImport: jest.fn() };
    const { rerender } = render(<ConsolidationStep busy={false} {...props} />);
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: chosen.map((f) => new File([new Uint8Array([1])], f.name)) } });
    await screen.findByRole('region', { name: `Fichier ${FILE}` });
    expect(button()).toBeEnabled();
    rerender(<ConsolidationStep busy {...props} />);
    expect(button()).toBeDisabled();
    // Nor can a file be taken out of the import meanwhile.
    for (const remove of screen.getAllByRole('button', { name: /^Retirer ce fichier de l'import/ })) expect(remove).toBeDisabled();
  });
});

describe('a renamed file over two imports of one Pôle whose name was written two ways', () => {
  it('counts the contracts of both imports together for the Pôle (« Sport » and « sport »)', async () => {
    const header = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
    const sheet = (name: string, numero: string) => grid(name, [header, [numero, 'Objet', 100, d('2025-03-04'), 'Sport']]);
    // Two files of the Pôle imported last month, its name typed with another case the second time.
    const records: ImportRecord[] = [
      { sheet: 'Sport', file: 'Sport piscines.xlsx', pole: 'Sport', kind: 'registre', date: '2026-01-15', fingerprint: 'x' },
      { sheet: 'sport (2)', file: 'Sport gymnases.xlsx', pole: 'sport', kind: 'registre', date: '2026-01-15', fingerprint: 'y' },
    ];
    // Two of its four contracts are in the Pôle's imports, one in each: half of them, the least to propose the Pôle.
    const mine = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ...['S-1', 'S-2', 'N-1', 'N-2'].map((n) => [n, 'Objet', 100, d('2025-03-04')]),
    ]);
    const file = recogniseFile({ name: 'Sport mars.xlsx', sheets: [mine] }, TODAY);
    await step({ sheets: [sheet('Sport', 'S-1'), sheet('sport (2)', 'S-2')], records }, [file]);
    const card = screen.getByRole('region', { name: 'Fichier Sport mars.xlsx' });
    expect(within(card).getByRole('textbox', { name: /^Pôle du fichier/ })).toHaveValue('Sport');
    expect(within(card).getByText(/^Pôle proposé d'après ses marchés/).textContent).toMatch(/: 2 des 4\smarchés de ce fichier sont dans l'import du Pôle «\sSport\s»/);
  });
});

describe('importing again beside the earlier import', () => {
  it('says that the companion sheets of a file that has some would count twice', async () => {
    const file = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const plan = importPlan([file], { [FILE]: 'Sport' });
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    await step({ sheets, records: importRecords(plan, { [FILE]: 'Sport' }, sheets, '2026-01-15') }, [file]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    fireEvent.click(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent/ }));
    expect(within(card).getByText(/^L'importer à nouveau sans remplacer/).textContent).toMatch(
      /ses marchés y seraient des doublons \(l'import précédent l'emporte\) et ses feuilles compagnes seraient comptées deux fois\.$/,
    );
  });
});

describe('an earlier import of the file under another Pôle name', () => {
  it('is not told when another file of the batch takes that import (named as its Pôle)', async () => {
    const before = lastMonth('Sport');
    const a = recogniseFile({ name: FILE, sheets: [marches] }, TODAY);
    const b = recogniseFile({ name: 'Sport 2026.xlsx', sheets: [marches] }, TODAY);
    await step(before, [a, b]);
    const cardA = screen.getByRole('region', { name: `Fichier ${FILE}` });
    const cardB = screen.getByRole('region', { name: 'Fichier Sport 2026.xlsx' });
    fireEvent.change(within(cardB).getByRole('textbox', { name: /^Pôle du fichier/ }), { target: { value: 'Sport' } });
    // The file imported last month as « Sport » is now named « Sports »: told, while no other file takes « Sport ».
    fireEvent.change(within(cardA).getByRole('textbox', { name: /^Pôle du fichier/ }), { target: { value: 'Sports' } });
    expect(within(cardB).getByRole('checkbox', { name: /^Remplacer l'import précédent \(«\sSport\s»/ })).toBeChecked();
    expect(within(cardA).queryByText(/^Ce fichier a déjà été importé/)).toBeNull();
    fireEvent.change(within(cardB).getByRole('textbox', { name: /^Pôle du fichier/ }), { target: { value: 'Sport bis' } });
    expect(within(cardA).getByText(/^Ce fichier a déjà été importé pour le Pôle «\sSport\s»/)).toBeInTheDocument();
  });
});

describe('earlier imports of the Pôle that this import does not take', () => {
  it('one from this same file, one from another file of the Pôle: says to import that other file too', async () => {
    const first = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const second = recogniseFile({ name: 'Sport 2.xlsx', sheets: [marches] }, TODAY);
    const poles = { [FILE]: 'Sport', 'Sport 2.xlsx': 'Sport' };
    const plan = importPlan([first, second], poles);
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    expect(sheets.map((g) => g.name)).toEqual(['Sport', 'Sport - Cibles', 'Sport (2)']);
    // This month the file comes alone and without its targets sheet.
    await step({ sheets, records: importRecords(plan, poles, sheets, '2026-01-15') }, [recogniseFile({ name: FILE, sheets: [marches] }, TODAY)]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    expect(within(card).getByText(/^Un import précédent du Pôle/).textContent).toMatch(
      /les feuilles «\sSport - Cibles\s» .*«\sSport \(2\)\s» .*supprimez-les \(dans Excel\)\s; sinon, importez aussi le classeur qui les met à jour\.$/,
    );
  });
});

describe('earlier imports of the Pôle made by this same file, its name written in another case', () => {
  it('does not send to another file to import', async () => {
    const first = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const plan = importPlan([first], { [FILE]: 'Sport' });
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    // Recorded under « pôle sport.xlsx »: the same file for Excel and for the add-in (case aside).
    const records = importRecords(plan, { [FILE]: 'Sport' }, sheets, '2026-01-15').map((r) => ({ ...r, file: r.file.toLowerCase() }));
    await step({ sheets, records }, [recogniseFile({ name: FILE, sheets: [marches] }, TODAY)]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    const text = within(card).getByText(/^Un import précédent du Pôle/).textContent;
    expect(text).toMatch(/la feuille «\sSport - Cibles\s»/);
    expect(text).not.toMatch(/importez aussi le classeur/);
  });
});

describe('this file imported earlier under another Pôle name', () => {
  it('names each sheet of that import and its date once', async () => {
    const first = recogniseFile({ name: FILE, sheets: [marches, objectifs] }, TODAY);
    const plan = importPlan([first], { [FILE]: 'Sport' });
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    await step({ sheets, records: importRecords(plan, { [FILE]: 'Sport' }, sheets, '2026-01-15') }, [first]);
    const card = screen.getByRole('region', { name: `Fichier ${FILE}` });
    fireEvent.change(within(card).getByRole('textbox', { name: /^Pôle du fichier/ }), { target: { value: 'Sports' } });
    expect(within(card).getByText(/^Ce fichier a déjà été importé/).textContent).toMatch(
      /^Ce fichier a déjà été importé pour le Pôle «\sSport\s» \(feuilles «\sSport\s», «\sSport - Cibles\s», le 15\/01\/2026\)\./,
    );
  });
});

