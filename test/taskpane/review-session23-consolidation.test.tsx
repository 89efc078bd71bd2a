/**
 * The project lead's monthly consolidation (session-23 usability review): what the step and the
 * import's message said that misled, and what the lead could not do.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SheetGrid } from '../../src/domain/cell';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import type { ImportRecord } from '../../src/domain/state';
import { App, importedNotice } from '../../src/taskpane/components/App';
import { ConsolidationStep } from '../../src/taskpane/components/ConsolidationStep';
import { importedGrid, importPlan, importWithSameContracts, poleOfEarlierImport, recogniseFile, type FileRecognition } from '../../src/taskpane/consolidation';
import { d, grid } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';
import { enabled } from '../helpers/enabled-button';

afterEach(cleanup);

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const sport2024 = () => grid('2024', [HEADER, ['S-1', 'Gymnase', 1500, d('2024-03-04')]]);
const sport2025 = () => grid('2025', [HEADER, ['S-2', 'Piscine', 2500, d('2025-04-05')], ['S-3', 'Stade', 900, d('2025-05-06')]]);
const SPORT = { name: 'Pôle Sport.xlsx', sheets: [sport2024(), sport2025()] };
const record = (sheet: string, fingerprint: string, extra: Partial<ImportRecord> = {}): ImportRecord => ({
  sheet,
  file: 'Pôle Sport.xlsx',
  pole: 'Sport',
  kind: 'registre',
  date: '2026-01-15',
  fingerprint,
  ...extra,
});

describe('the import’s message', () => {
  const plan = () => importPlan([recogniseFile(SPORT, TODAY)], { 'Pôle Sport.xlsx': 'Sport' });

  it('tells the sheets that replaced an earlier import apart from those added', () => {
    expect(importedNotice(plan(), ['Sport'])).toBe(
      'Feuille ajoutée au classeur : « Sport (2) » (2 lignes, feuille « 2025 »). ' +
        'Feuille remplacée (import précédent) : « Sport » (1 ligne, feuille « 2024 »). ' +
        'Les indicateurs portent sur toutes les feuilles registre du classeur.',
    );
  });

  it('says the sheets added beside a kept earlier import of their Pôle double it', () => {
    expect(importedNotice(plan(), [], [], ['Sport', 'Sport (2)'])).toContain(
      "« Sport », « Sport (2) » s'ajoutent à l'import précédent de leur Pôle, qui est gardé : leurs marchés y sont en double " +
        "(l'import précédent l'emporte, voir l'étape Contrôles).",
    );
    expect(importedNotice(plan(), [], [], ['Sport (2)'])).toContain("« Sport (2) » s'ajoute à l'import précédent de son Pôle, qui est gardé : ses marchés");
    expect(importedNotice(plan())).not.toContain('doublons');
  });

  it('counts a register’s lines as the file’s card did: a total row copied is not a line', () => {
    const withTotal = grid('2025', [HEADER, ['S-2', 'Piscine', 2500, d('2025-04-05')], ['S-3', 'Stade', 900, d('2025-05-06')], ['Total :', null, 3400, null]]);
    const file = recogniseFile({ name: 'Pôle Sport.xlsx', sheets: [withTotal] }, TODAY);
    expect(file.rowsBySheet['2025']).toBe(2);
    const [sheet] = importPlan([file], { 'Pôle Sport.xlsx': 'Sport' });
    // The total is copied as the file has it…
    expect(sheet.rows).toHaveLength(4);
    // …and the message counts what the card showed.
    expect(importedNotice([sheet])).toContain('« Sport » (2 lignes)');
  });
});

describe('the step', () => {
  /** The workbook after last month's import of Sport (2024 → « Sport », 2025 → « Sport (2) »), as imported. */
  function lastMonth(): { workbook: SheetGrid[]; grids: Record<string, SheetGrid> } {
    const grids = Object.fromEntries(importPlan([recogniseFile(SPORT, TODAY)], { 'Pôle Sport.xlsx': 'Sport' }).map((p) => [p.name, importedGrid(p)]));
    return { workbook: [buyerSheet(), ...Object.values(grids)], grids };
  }

  function renderStep(records: ImportRecord[], workbook: SheetGrid[], files: FileRecognition[]) {
    const onImport = jest.fn();
    render(
      <ConsolidationStep
        busy={false}
        existingSheets={workbook.map((g) => g.name)}
        workbook={workbook}
        records={records}
        onChooseFiles={async () => files}
        onImport={onImport}
      />,
    );
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: files.map((f) => new File([new Uint8Array([1])], f.name)) } });
    return onImport;
  }

  it('proposes the Pôle a file was imported as last month, so that the import replaces it', async () => {
    const { workbook, grids } = lastMonth();
    const records = [record('Sport', sheetFingerprint(grids['Sport'])), record('Sport (2)', sheetFingerprint(grids['Sport (2)']))];
    expect(poleOfEarlierImport('pôle sport.xlsx', workbook, records)).toBe('Sport');
    renderStep(records, workbook, [recogniseFile(SPORT, TODAY)]);
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    expect((within(card).getByRole('textbox', { name: 'Pôle du fichier « Pôle Sport.xlsx »' }) as HTMLInputElement).value).toBe('Sport');
    expect(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Sport », « Sport \(2\) »/ })).toBeChecked();
  });

  it('proposes the file’s own Pôle when its earlier import is no longer in the workbook, and the latest import’s otherwise', () => {
    const { workbook } = lastMonth();
    expect(poleOfEarlierImport('Pôle Sport.xlsx', workbook, [record('Absente', 'x')])).toBeNull();
    const later = record('Sport (2)', 'y', { pole: 'Pôle Sport', date: '2026-02-15' });
    expect(poleOfEarlierImport('Pôle Sport.xlsx', workbook, [later, record('Sport', 'x')])).toBe('Pôle Sport');
    expect(poleOfEarlierImport('Pôle Culture.xlsx', workbook, [record('Sport', 'x')])).toBeNull();
  });

  it('an earlier import one sheet of which was edited: says why the unchanged one is not replaced either', async () => {
    const { workbook, grids } = lastMonth();
    const records = [record('Sport', 'empreinte du 15 janvier'), record('Sport (2)', sheetFingerprint(grids['Sport (2)']))];
    renderStep(records, workbook, [recogniseFile(SPORT, TODAY)]);
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    expect(
      within(card).getByText(
        /L'import ne remplace pas ces feuilles : « Sport » a été modifiée depuis son import du 15\/01\/2026 ; « Sport \(2\) » n'a pas été modifiée, mais l'import d'un Pôle se remplace en entier ou pas du tout\./,
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText(/supprimez-les \(dans Excel\) avant d'importer ; sinon, renommez-les\. Pour importer les autres fichiers sans celui-ci, retirez-le de l'import\./)).toBeInTheDocument();
  });

  it('an earlier import of the Pôle from another of its files: to delete in Excel, or that file to import too', async () => {
    const { workbook, grids } = lastMonth();
    const cibles = grid('Sport - Cibles', [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2025, 30]]);
    const records = [
      record('Sport', sheetFingerprint(grids['Sport'])),
      record('Sport (2)', sheetFingerprint(grids['Sport (2)'])),
      record('Sport - Cibles', sheetFingerprint(cibles), { file: 'Cibles Sport.xlsx', kind: 'cibles' }),
    ];
    renderStep(records, [...workbook, cibles], [recogniseFile(SPORT, TODAY)]);
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    expect(within(card).getByText(/^Un import précédent du Pôle « Sport »/).textContent).toMatch(
      /supprimez-la \(dans Excel\) ; sinon, importez aussi le classeur qui la met à jour\.$/,
    );
  });

  it('a file its Pôle renamed, holding last month’s contracts: proposed that Pôle, said why, and its import replaces', async () => {
    // Session-23 review: « Ressources - suivi mars 2026.xlsx » came in as a new Pôle, every contract a doublon.
    const { workbook, grids } = lastMonth();
    const records = [record('Sport', sheetFingerprint(grids['Sport'])), record('Sport (2)', sheetFingerprint(grids['Sport (2)']))];
    const renamed = recogniseFile({ name: 'Sport - suivi mars 2026.xlsx', sheets: [sport2024(), sport2025()] }, TODAY);
    expect(importWithSameContracts(renamed, workbook, records, TODAY)).toEqual({ pole: 'Sport', file: 'Pôle Sport.xlsx', date: '2026-01-15', shared: 3, total: 3 });
    renderStep(records, workbook, [renamed]);
    const card = await screen.findByRole('region', { name: 'Fichier Sport - suivi mars 2026.xlsx' });
    const pole = within(card).getByRole('textbox', { name: 'Pôle du fichier « Sport - suivi mars 2026.xlsx »' }) as HTMLInputElement;
    expect(pole.value).toBe('Sport');
    expect(
      within(card).getByText(
        "Pôle proposé d'après ses marchés : 3 des 3 marchés de ce fichier sont dans l'import du Pôle « Sport » (fichier « Pôle Sport.xlsx », importé le 15/01/2026). Si ce fichier n'en est pas la nouvelle version, donnez-lui le nom de son Pôle.",
      ),
    ).toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent/ })).toBeChecked();
    // Another name typed: the reason is no longer said.
    fireEvent.change(pole, { target: { value: 'Sport bis' } });
    expect(within(card).queryByText(/Pôle proposé d'après ses marchés/)).toBeNull();
  });

  it('no Pôle taken from contracts when fewer than half are in an import, or when the file name was imported', () => {
    const { workbook, grids } = lastMonth();
    const records = [record('Sport', sheetFingerprint(grids['Sport'])), record('Sport (2)', sheetFingerprint(grids['Sport (2)']))];
    // One of three contracts (S-1) known: not the same Pôle's file.
    const other = grid('2025', [HEADER, ['S-1', 'Gymnase', 1500, d('2024-03-04')], ['X-1', 'Autre', 10, d('2025-01-02')], ['X-2', 'Autre', 20, d('2025-01-03')]]);
    expect(importWithSameContracts(recogniseFile({ name: 'Divers.xlsx', sheets: [other] }, TODAY), workbook, records, TODAY)).toBeNull();
    // Two of four: half is enough.
    const half = grid('2025', [HEADER, ['S-1', 'Gymnase', 1500, d('2024-03-04')], ['S-2', 'Piscine', 2500, d('2025-04-05')], ['X-1', 'Autre', 10, d('2025-01-02')], ['X-2', 'Autre', 20, d('2025-01-03')]]);
    expect(importWithSameContracts(recogniseFile({ name: 'Divers.xlsx', sheets: [half] }, TODAY), workbook, records, TODAY)).toMatchObject({ pole: 'Sport', shared: 2, total: 4 });
    // The file's own name on record: `poleOfEarlierImport` speaks for it.
    expect(importWithSameContracts(recogniseFile(SPORT, TODAY), workbook, records, TODAY)).toBeNull();
  });

  it('one file left out of the import without choosing the others again', async () => {
    const culture = recogniseFile({ name: 'Pôle Culture.xlsx', sheets: [grid('Suivi', [HEADER, ['C-1', 'Expo', 700, d('2025-06-01')]])] }, TODAY);
    const onImport = renderStep([], [buyerSheet()], [recogniseFile(SPORT, TODAY), culture]);
    await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    fireEvent.click(screen.getByRole('button', { name: "Retirer ce fichier de l'import : Pôle Sport.xlsx" }));
    expect(screen.queryByRole('region', { name: 'Fichier Pôle Sport.xlsx' })).toBeNull();
    // The picker names the files left, and the keyboard is back on it (the card's button is gone).
    expect(screen.getByText('Pôle Culture.xlsx', { selector: 'span' })).toBeInTheDocument();
    expect(screen.queryByText(/Pôle Sport\.xlsx, /)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Choisir les classeurs…' }));
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect((onImport.mock.calls[0][0] as FileRecognition[]).map((f) => f.name)).toEqual(['Pôle Culture.xlsx']);
  });
});

it('in the pane, the whole import: the card’s count, not one more for a total row', async () => {
  const withTotal = grid('Marchés', [HEADER, ['R-1', 'Papier', 100, d('2025-01-10')], ['Total', null, 100, null]]);
  const host = fakeHost([buyerSheet()], { files: [{ name: 'Pôle Ressources.xlsx', sheets: [withTotal] }] });
  render(<App host={host} today={TODAY} initialStep="consolidation" />);
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], 'Pôle Ressources.xlsx')] } });
  const card = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
  expect(within(card).getByText('« Marchés » : Registre des marchés, 1 ligne')).toBeInTheDocument();
  fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
  // The import runs the whole chain: on a loaded machine it may take longer than the default 10 s.
  expect(await screen.findByText(/^Feuille ajoutée au classeur : « Pôle Ressources » \(1\sligne\)\./, {}, { timeout: 30_000 })).toBeInTheDocument();
});

it('in the pane: an earlier import replaced while the file adds a new year’s sheet — that sheet doubles nothing', async () => {
  // Last month Sport sent its 2024 sheet only (imported as « Sport »); this month 2024 and 2025.
  const [lastSheet] = importPlan([recogniseFile({ name: 'Pôle Sport.xlsx', sheets: [sport2024()] }, TODAY)], { 'Pôle Sport.xlsx': 'Sport' });
  const imported = importedGrid(lastSheet);
  const host = fakeHost([buyerSheet(), imported], { files: [SPORT] });
  host.inputs = [
    { ...host.inputs[0], state: { version: 1, mappings: [], decisions: [], imports: [record('Sport', sheetFingerprint(imported))] } },
  ];
  render(<App host={host} today={TODAY} initialStep="consolidation" />);
  // The workbook read first, as the lead sees it before choosing files.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Relire le classeur' })).not.toHaveAttribute('aria-disabled', 'true'));
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], 'Pôle Sport.xlsx')] } });
  const card = await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
  expect(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Sport »/ })).toBeChecked();
  fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
  const notice = await screen.findByText(/^Feuille ajoutée au classeur : « Sport \(2\) »/);
  expect(notice.textContent).toContain('Feuille remplacée (import précédent) : « Sport »');
  // README: the sentence is for sheets added beside an earlier import that is kept; this one was replaced.
  expect(notice.textContent).not.toMatch(/s'ajoute/);
});
