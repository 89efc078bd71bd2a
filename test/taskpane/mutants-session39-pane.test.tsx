/**
 * Session-39 hand mutation audit of the pane around its steps (App.tsx, errors.ts), for
 * what the tests already there left open: the import's
 * message, and which failures are said to be a workbook of SPASER sheets only.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CellValue } from '../../src/domain/cell';
import { NoRegisterError } from '../../src/domain/chain';
import { App, importedNotice } from '../../src/taskpane/components/App';
import { importPlan, importRecords, recogniseFile } from '../../src/taskpane/consolidation';
import { describeComputeError, describeError, describeUnmarkedSheets } from '../../src/taskpane/errors';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';
import { enabled } from '../helpers/enabled-button';

afterEach(cleanup);

const marches = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
  ['C-1', 'Théâtre', 900, d('2025-04-04'), 'Culture'],
  ['C-2', 'Musée', 1200, d('2025-05-05'), 'Culture'],
]);
const objectifs = grid('Objectifs', [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
]);

describe("the import's message", () => {
  it('names the file\'s sheet only beside a second register of the file, not beside a companion sheet', () => {
    const file = recogniseFile({ name: 'Pôle Culture.xlsx', sheets: [marches, objectifs] }, TODAY);
    const plan = importPlan([file], { 'Pôle Culture.xlsx': 'Culture' });
    expect(plan.map((p) => p.kind)).toEqual(['registre', 'cibles']);
    const notice = importedNotice(plan).replace(/\u00a0/g, ' ');
    expect(notice).toContain('« Culture » (2 lignes)');
    expect(notice).not.toMatch(/feuille « Marchés »/);
  });

  it('counts the lines of a companion sheet under a header on two rows without its second header row', () => {
    // A Cibles sheet whose header the Pôle said on two rows: copied whole, two rows of header then one target.
    const notice = importedNotice([
      {
        name: 'Culture - Cibles',
        kind: 'cibles',
        source: { file: 'Pôle Culture.xlsx', sheet: 'Objectifs' },
        rows: [['Indicateur', 'Année', 'Cible'], [null, null, '(en %)'], ['4.1.2-consideration-sociale', 2025, 30]],
        headerRows: 2,
      },
    ]).replace(/\u00a0/g, ' ');
    expect(notice).toContain('« Culture - Cibles » (1 ligne)');
  });
});

describe('a failed computation on a workbook of SPASER sheets', () => {
  const spaserOnly = [{ file: 'Résultat.xlsx', sheets: [grid('SPASER Indicateurs', [['Indicateur']]), grid('SPASER Pôles', [['Pôle']])], state: null }];
  const only = /ne contient que des feuilles SPASER/;

  it('is said so when no register is found there', () => {
    expect(describeComputeError(new NoRegisterError(['Résultat.xlsx']), spaserOnly)).toMatch(only);
  });

  it('is not said so when the workbook also holds a sheet of the user (not a register)', () => {
    const mixed = [{ ...spaserOnly[0], sheets: [...spaserOnly[0].sheets, grid('Notes', [['Réunion du 3 mars']])] }];
    const error = new NoRegisterError(['Résultat.xlsx']);
    expect(describeComputeError(error, mixed)).not.toMatch(only);
    expect(describeComputeError(error, mixed)).toBe(describeError(error, 'calcul'));
  });

  it('is not said so for another failure than no register', () => {
    const error = new Error('calcul interrompu');
    expect(describeComputeError(error, spaserOnly)).not.toMatch(only);
    expect(describeComputeError(error, spaserOnly)).toBe(describeError(error, 'calcul'));
  });
});

describe('marks of an earlier computation left on protected sheets', () => {
  it('beside one sheet whose faulty cells are not marked: the way to unprotect is said once, not twice', () => {
    const text = describeUnmarkedSheets(['Marchés'], ['Archives']);
    expect(text.match(/ôtez la protection/g)).toHaveLength(1);
    expect(text).not.toMatch(/pour le mettre à jour/);
  });

  it('alone: says how to update it', () => {
    expect(describeUnmarkedSheets([], ['Archives'])).toMatch(/pour le mettre à jour, ôtez la protection/);
  });
});

describe('an import beside the earlier import of its Pôle, kept', () => {
  const FILE = 'Pôle Culture.xlsx';
  const poleFile = { name: FILE, sheets: [marches] };
  /** The lead's workbook holding last month's import of the file as « Culture », with its record. */
  function lastMonth() {
    const plan = importPlan([recogniseFile(poleFile, TODAY)], { [FILE]: 'Culture' });
    const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
    const host = fakeHost(sheets, { files: [poleFile], name: 'Consolidation.xlsx' });
    host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings: [], decisions: [], imports: importRecords(plan, { [FILE]: 'Culture' }, sheets, '2026-01-15') } }];
    return host;
  }
  async function chooseFile() {
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], FILE)] } });
    return screen.findByRole('region', { name: `Fichier ${FILE}` });
  }
  const doubled = /«\sCulture \(2\)\s» s'ajoute à l'import précédent de son Pôle, qui est gardé/;
  // The card shows before the pane's first read of the workbook ends: a click on the still disabled
  // button would be lost (seen when an earlier test of the file leaves an operation in the shared lock).
  async function clickImport() {
    fireEvent.click(await enabled(screen.getByRole('button', { name: /^Importer 1\sclasseur et calculer$/ })));
  }

  it('unticked by the lead: the message says the new sheet doubles the earlier import', async () => {
    render(<App host={lastMonth()} today={TODAY} initialStep="consolidation" />);
    const card = await chooseFile();
    fireEvent.click(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent/ }));
    await clickImport();
    expect(await screen.findByText(doubled)).toBeInTheDocument();
  });

  it('ticked, but the earlier sheet edited before the click: kept, and the message says the new sheet doubles it', async () => {
    const host = lastMonth();
    render(<App host={host} today={TODAY} initialStep="consolidation" />);
    const card = await chooseFile();
    expect(within(card).getByRole('checkbox', { name: /^Remplacer l'import précédent/ })).toBeChecked();
    // A line typed into last month's sheet while the pane shows the box ticked.
    const [culture] = host.inputs[0].sheets;
    host.inputs = [{ ...host.inputs[0], sheets: [grid('Culture', [...(culture.rows as CellValue[][]), ['C-9', 'Ajout', 10, d('2025-06-06'), 'Culture']])] }];
    await clickImport();
    expect(await screen.findByText(doubled)).toBeInTheDocument();
    expect(screen.getByText(/Non remplacé\s: «\sCulture\s» a été modifiée depuis son import/)).toBeInTheDocument();
  });

  it('ticked and unchanged: replaced, nothing said to double it', async () => {
    const host = lastMonth();
    render(<App host={host} today={TODAY} initialStep="consolidation" />);
    await chooseFile();
    await clickImport();
    await waitFor(() => expect(host.imported).toHaveLength(1));
    expect(await screen.findByText(/Feuille remplacée \(import précédent\)/)).toBeInTheDocument();
    expect(screen.queryByText(/s'ajoute à l'import précédent/)).toBeNull();
  });

  it('a first import of the Pôle: nothing said to double an earlier import', async () => {
    const host = fakeHost([grid('Notes', [['Réunion du 3 mars']])], { files: [poleFile], name: 'Consolidation.xlsx' });
    render(<App host={host} today={TODAY} initialStep="consolidation" />);
    await chooseFile();
    await clickImport();
    expect(await screen.findByText(/Feuille ajoutée au classeur\s: «\sCulture\s»/)).toBeInTheDocument();
    expect(screen.queryByText(/s'ajoute à l'import précédent/)).toBeNull();
  });
});

