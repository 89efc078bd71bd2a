/**
 * README « Dans Excel », step 5 Consolidation — on the real Excel host over
 * the Excel double, with real `.xlsx` files: several files chosen, a preview
 * of what is recognised, each register and companion sheet imported as values
 * into one sheet per source named after the Pôle, a `Pôle` column holding
 * the name confirmed in the pane (a file's own Pôle column is kept instead),
 * text kept text, then the computation over every register sheet of the
 * workbook. When the computation fails, nothing is imported; messages are French.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import type { SourceFile } from '../../src/taskpane/host';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { serial } from '../workbook/office/spec-office-fixture';
import { enabled } from '../helpers/enabled-button';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';
const SPORT = 'Pôle Sport.xlsx';
const CULTURE = 'Pôle Culture.xlsx';
const NOTES = 'Notes.xlsx';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Pôle Sport: a title row, a register without Pôle column (texts that look like formulas), a companion sheet of targets (unless left out). */
async function sportFile(withTargets = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.getCell('A1').value = 'Marchés du Pôle Sport';
  ws.getRow(2).values = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
  ws.getRow(3).values = ['S-1', '=SOMME(A1)', 1500, utc('2025-03-04'), '@Fournisseur'];
  ws.getRow(4).values = ['00042', '+ gymnase', 2500, utc('2025-04-05'), '-Dupont'];
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.getCell('D4').numFmt = 'dd/mm/yyyy';
  if (withTargets) {
    const cibles = wb.addWorksheet('Objectifs');
    cibles.getRow(1).values = ['Indicateur', 'Année', 'Cible'];
    cibles.getRow(2).values = ['4.1.2-consideration-sociale', 2025, 30];
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Culture: a register with its own Pôle column. */
async function cultureFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  ws.getRow(1).values = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
  ws.getRow(2).values = ['C-1', 'Spectacle', 800, utc('2025-05-06'), 'Culture et patrimoine'];
  ws.getRow(3).values = ['C-2', '=AFFICHES', 200, utc('2025-06-07'), 'Culture et patrimoine'];
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A second file of the Pôle Sport (its works), without Pôle column. */
async function sportWorksFile(amount = 9000): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Travaux');
  ws.getRow(1).values = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
  ws.getRow(2).values = ['ST-1', 'Réfection du gymnase', amount, utc('2025-07-08')];
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function notesFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Feuil1').getCell('A1').value = 'Bonjour';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function workbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Consolidation 2025.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif'],
          ['2025-001', 'Papier', 1200, { v: serial('2025-02-03'), nf: 'dd/mm/yyyy' }],
          ['2025-002', 'Nettoyage', 3000, { v: serial('2025-03-10'), nf: 'dd/mm/yyyy' }],
        ],
      },
    ],
  });
}

/** The Excel host, reading the chosen files from their bytes (jsdom's File is only a name here). */
class TestHost extends ExcelHost {
  constructor(
    excel: ExcelDouble,
    private readonly bytes: Readonly<Record<string, Uint8Array>>,
  ) {
    super(excel.run as unknown as typeof Excel.run);
  }
  override readFiles(files: readonly SourceFile[]) {
    return readXlsxFiles(files.map((f) => ({ name: f.name, data: this.bytes[f.name] })));
  }
}

async function setup(chain?: (inputs: readonly ChainInput[], options: ChainOptions) => ReturnType<typeof runChain>) {
  const excel = workbook();
  const host = new TestHost(excel, { [SPORT]: await sportFile(), [CULTURE]: await cultureFile(), [NOTES]: await notesFile() });
  render(<App host={host} today={TODAY} initialStep="consolidation" chain={chain} />);
  await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
  const chosen = [SPORT, CULTURE, NOTES].map((n) => new File([new Uint8Array([1])], n));
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: chosen } });
  await screen.findByRole('region', { name: `Fichier ${SPORT}` });
  return excel;
}

afterEach(cleanup);

describe('Consolidation in Excel — preview of the chosen files', () => {
  it('lists each file with its recognised sheets, kind and rows; the Pôle proposed; a file without register is announced', async () => {
    await setup();
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    expect(within(sport).getByText('« Marchés » : Registre des marchés, 2 lignes')).toBeInTheDocument();
    expect(within(sport).getByText('« Objectifs » : Cibles')).toBeInTheDocument();
    // No Pôle column: the file name without extension, and the added column is announced.
    expect((within(sport).getByRole('textbox', { name: `Pôle du fichier « ${SPORT} »` }) as HTMLInputElement).value).toBe('Pôle Sport');
    expect(within(sport).getByText('Ce nom remplit la colonne « Pôle » ajoutée et nomme la feuille.')).toBeInTheDocument();

    const culture = screen.getByRole('region', { name: `Fichier ${CULTURE}` });
    // Its own Pôle column: the most frequent value is proposed, and its values are kept.
    expect((within(culture).getByRole('textbox', { name: `Pôle du fichier « ${CULTURE} »` }) as HTMLInputElement).value).toBe('Culture et patrimoine');
    expect(
      within(culture).getByText('Le fichier a sa propre colonne « Pôle » : ses valeurs sont gardées, ce nom sert à nommer la feuille.'),
    ).toBeInTheDocument();

    const notes = screen.getByRole('region', { name: `Fichier ${NOTES}` });
    expect(within(notes).getByText('Aucune feuille reconnue dans ce fichier : il ne sera pas importé.')).toBeInTheDocument();
    // Two usable files out of three.
    expect(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })).toBeEnabled();
  });
});

describe('Consolidation in Excel — import as values, one sheet per source, then the computation', () => {
  it('adds the sheets named after the Pôle, a Pôle column with the confirmed name, texts as texts, and computes over all registers', async () => {
    const excel = await setup();
    const before = excel.snapshot(SHEET);
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    fireEvent.change(within(sport).getByRole('textbox', { name: `Pôle du fichier « ${SPORT} »` }), { target: { value: 'Sport' } });
    const culture = screen.getByRole('region', { name: `Fichier ${CULTURE}` });
    fireEvent.change(within(culture).getByRole('textbox', { name: `Pôle du fichier « ${CULTURE} »` }), { target: { value: 'Culture' } });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });

    // One sheet per source, after the user's sheet; the companion sheet is `Pôle - kind`; the user's sheet is untouched.
    // The import's records are saved with it, in the (very hidden) state sheet written alone after it.
    expect(excel.sheetNames()).toEqual([SHEET, 'Sport', 'Sport - Cibles', 'Culture', 'SPASER État']);
    expect(excel.sheet('SPASER État').visibility).toBe('VeryHidden');
    expect(excel.snapshot(SHEET)).toEqual(before);

    const at = (sheet: string, r: number, c: number) => excel.cell(sheet, r, c);
    // Header row first (the title row above it is not copied), then a Pôle column with the confirmed name.
    expect([1, 2, 3, 4, 5, 6].map((c) => at('Sport', 1, c)?.value)).toEqual(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Pôle']);
    expect([2, 3].map((r) => at('Sport', r, 6)?.value)).toEqual(['Sport', 'Sport']);
    // Values only: texts that look like formulas stay texts, a number-looking N° stays text, numbers and dates stay so.
    for (const [r, c, text] of [
      [2, 2, '=SOMME(A1)'],
      [2, 5, '@Fournisseur'],
      [3, 1, '00042'],
      [3, 2, '+ gymnase'],
      [3, 5, '-Dupont'],
    ] as const) {
      expect(at('Sport', r, c)?.value).toBe(text);
      expect(at('Sport', r, c)?.formula).toBeUndefined();
    }
    expect(at('Sport', 2, 3)?.value).toBe(1500);
    expect(at('Sport', 2, 4)).toMatchObject({ value: serial('2025-03-04'), numberFormat: 'dd/mm/yyyy' });
    expect([1, 2].map((r) => [1, 2, 3].map((c) => at('Sport - Cibles', r, c)?.value))).toEqual([
      ['Indicateur', 'Année', 'Cible'],
      ['4.1.2-consideration-sociale', 2025, 30],
    ]);
    // A sheet that already has a Pôle column keeps it (its values, not the typed name) and gets no second one.
    expect([1, 2, 3].map((r) => at('Culture', r, 5)?.value)).toEqual(['Pôle', 'Culture et patrimoine', 'Culture et patrimoine']);
    expect(at('Culture', 1, 6)?.value ?? null).toBeNull();
    expect(at('Culture', 3, 2)).toMatchObject({ value: '=AFFICHES' });
    expect(at('Culture', 3, 2)?.formula).toBeUndefined();

    // Computed over every register sheet of the workbook: 2 + 2 + 2 rows.
    await screen.findByText(/sur 6\slignes lues/);
    // The lead is told what was added (the blind pane test found the pane jumped to step 4 silently),
    // and the message outlives the computation that follows.
    expect(
      screen.getByText(
        '3 feuilles ajoutées au classeur : « Sport » (2 lignes), « Sport - Cibles » (1 ligne), « Culture » (2 lignes). Les indicateurs portent sur toutes les feuilles registre du classeur.',
      ),
    ).toBeInTheDocument();
  });

  it('imports nothing when the computation on the consolidated workbook fails, and says so in French', async () => {
    // The chain fails as soon as an imported sheet is part of its input.
    const failing = (inputs: readonly ChainInput[], options: ChainOptions) => {
      if (inputs.some((i) => i.sheets.some((s) => s.name === 'Pôle Sport'))) throw new Error('calcul impossible');
      return runChain(inputs, options);
    };
    const excel = await setup(failing);
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    const alert = await screen.findByText(/L'import des fichiers a échoué/);
    expect(alert.textContent).toContain("L'import des fichiers a échoué (calcul impossible). Aucune feuille n’a été ajoutée : corrigez le fichier signalé ou retirez-le de la sélection, puis réessayez.");
    expect(excel.sheetNames()).toEqual([SHEET]);
    // The pane stays on the Consolidation step, the files still listed for another try.
    expect(screen.getByRole('region', { name: `Fichier ${SPORT}` })).toBeInTheDocument();
  });

  it('adds no sheet when Excel refuses the import, and says so in French', async () => {
    const excel = await setup();
    // The import reads the workbook again (3 round trips), then writes: the second write is refused, after sheets were added.
    excel.failOnSync(5);
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    const alert = await screen.findByText(/L'import des fichiers a échoué/);
    // Office's English message is not shown: the cause, what is sure, what to do, and the code for support.
    expect(alert.textContent).toContain(
      "L'import des fichiers a échoué : Excel a rencontré une erreur interne. Aucune feuille n’a été ajoutée. Réessayez ; si elle revient, enregistrez, fermez et rouvrez le classeur. Code Excel : GeneralException.",
    );
    expect(alert.textContent).not.toMatch(/échec simulé/);
    expect(excel.sheetNames()).toEqual([SHEET]);
    expect(screen.queryByRole('heading', { name: /Étape 4 sur 5/ })).toBeNull();
  });
});

describe('Consolidation in Excel — a Pôle imported again (next month)', () => {
  it('offers on each file whose unchanged earlier import the workbook holds to replace it, naming the sheets; nothing on the first import', async () => {
    await setup();
    expect(screen.queryByText(/semble déjà importé/)).toBeNull();
    fireEvent.change(within(screen.getByRole('region', { name: `Fichier ${SPORT}` })).getByRole('textbox', { name: `Pôle du fichier « ${SPORT} »` }), {
      target: { value: 'Sport' },
    });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/sur 6\slignes lues/);

    // Next month: the same files chosen again in step 5.
    fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
    const chosen = [SPORT, CULTURE].map((n) => new File([new Uint8Array([1])], n));
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: chosen } });
    const sport = await screen.findByRole('region', { name: `Fichier ${SPORT}` });
    // The Pôle proposed is the file name again: « Pôle Sport », not last month's « Sport ».
    expect(within(sport).queryByText(/semble déjà importé/)).toBeNull();
    fireEvent.change(within(sport).getByRole('textbox', { name: `Pôle du fichier « ${SPORT} »` }), { target: { value: 'Sport' } });
    // Last month's sheets are unchanged: replacing them is offered, ticked.
    const offer = within(sport).getByRole('checkbox', {
      // Only values are compared: the label must not say more (a note or a colour added since is lost).
      name: `Remplacer l'import précédent (« Sport », « Sport - Cibles », importé le 15/01/2026) : les valeurs de ces feuilles n'ont pas été modifiées depuis ; leur mise en forme, leurs notes et commentaires ne sont pas gardés.`,
    });
    expect(offer).toBeChecked();
    // Unticked, the lead is told what adding beside them does.
    fireEvent.click(offer);
    expect(within(sport).getByText(/ajoute des feuilles « … \(2\) ».*comptées deux fois/)).toBeInTheDocument();
    const culture = screen.getByRole('region', { name: `Fichier ${CULTURE}` });
    expect(
      within(culture).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Culture et patrimoine », importé le 15\/01\/2026\) : les valeurs de cette feuille n'ont pas été modifiées depuis ; sa mise en forme, ses notes et commentaires ne sont pas gardés\.$/ }),
    ).toBeChecked();
  });
});

describe('Consolidation in Excel — re-import replacing an unchanged earlier import', () => {
  /** First import, then the same two files chosen again in step 5. */
  async function importedThenChosenAgain(): Promise<ExcelDouble> {
    const excel = await setup();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/sur 6\slignes lues/);
    await chooseAgain();
    return excel;
  }

  async function chooseAgain(): Promise<void> {
    fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
    const chosen = [SPORT, CULTURE].map((n) => new File([new Uint8Array([1])], n));
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: chosen } });
    await screen.findByRole('region', { name: `Fichier ${SPORT}` });
  }

  // The first import saved its records in the state sheet, written after its sheets; a replacement keeps it in its place.
  const FIRST = [SHEET, 'Pôle Sport', 'Pôle Sport - Cibles', 'Culture et patrimoine', 'SPASER État'];

  it('replaces the unchanged sheets under their names, at their places, and leaves the user sheet as it was', async () => {
    const excel = await importedThenChosenAgain();
    const user = excel.snapshot(SHEET);
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    expect(within(sport).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Pôle Sport », « Pôle Sport - Cibles », importé le 15\/01\/2026\)/ })).toBeChecked();
    expect(within(sport).queryByText(/semble déjà importé/)).toBeNull();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    // The same 6 rows: nothing counted twice.
    await screen.findByText(/3\sfeuilles remplacées \(import précédent\) : « Pôle Sport » \(2\slignes\), « Pôle Sport - Cibles » \(1\sligne\), « Culture et patrimoine » \(2\slignes\)\./);
    await screen.findByText(/sur 6\slignes lues/);
    expect(excel.sheetNames()).toEqual(FIRST);
    expect(excel.snapshot(SHEET)).toEqual(user);
    expect(excel.cell('Pôle Sport', 2, 1)?.value).toBe('S-1');
  });

  it('saves the records in SPASER État with the next write: a pane opened later still offers the replacement', async () => {
    const excel = await setup();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/sur 6\slignes lues/);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    const etat = excel.sheet('SPASER État');
    const json = [...etat.rows.values()].map((r) => r.get(0)?.value ?? '').join('');
    expect(JSON.parse(json).imports.map((r: { sheet: string; pole: string; date: string }) => [r.sheet, r.pole, r.date])).toEqual([
      ['Pôle Sport', 'Pôle Sport', TODAY],
      ['Pôle Sport - Cibles', 'Pôle Sport', TODAY],
      ['Culture et patrimoine', 'Culture et patrimoine', TODAY],
    ]);

    // The pane closed and opened again: no session left, the records come from the workbook.
    cleanup();
    const host = new TestHost(excel, { [SPORT]: await sportFile(), [CULTURE]: await cultureFile() });
    render(<App host={host} today="2026-02-15" initialStep="consolidation" />);
    await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
    await chooseAgain();
    expect(within(screen.getByRole('region', { name: `Fichier ${SPORT}` })).getByRole('checkbox', { name: /importé le 15\/01\/2026/ })).toBeChecked();
  });

  it('an import edited since (read when the pane opens) is not offered: a warning names it and says why; importing adds beside it', async () => {
    const excel = await setup();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/sur 6\slignes lues/);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    // The lead corrects an amount in last month's import, and replaces its targets by a sheet of their own of the same name.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Pôle Sport').getRange('C2').values = [[1600]];
      ctx.workbook.worksheets.getItem('Pôle Sport - Cibles').delete();
      await ctx.sync();
    });
    excel.seed({ name: 'Pôle Sport - Cibles', cells: [['Mes cibles']] });
    cleanup();
    render(<App host={new TestHost(excel, { [SPORT]: await sportFile(), [CULTURE]: await cultureFile() })} today="2026-02-15" initialStep="consolidation" />);
    await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
    await chooseAgain();
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    expect(within(sport).queryByRole('checkbox')).toBeNull();
    expect(
      within(sport).getByText(
        /L'import ne remplace pas ces feuilles : « Pôle Sport » a été modifiée depuis son import du 15\/01\/2026 ; « Pôle Sport - Cibles » a été modifiée depuis son import du 15\/01\/2026\..*supprimez-les \(dans Excel\) avant d'importer ; sinon, renommez-les\. Pour importer les autres fichiers sans celui-ci, retirez-le de l'import\./,
      ),
    ).toBeInTheDocument();
    // The other Pôle's import is unchanged: still offered.
    expect(within(screen.getByRole('region', { name: `Fichier ${CULTURE}` })).getByRole('checkbox')).toBeChecked();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    // Culture replaced; Sport's new sheets beside its kept import, said to double it.
    await screen.findByText(/2\sfeuilles ajoutées au classeur : « Pôle Sport \(2\) » .*« Pôle Sport - Cibles \(2\) » .*Feuille remplacée \(import précédent\) : « Culture et patrimoine »/);
    expect(
      screen.getByText(/« Pôle Sport \(2\) », « Pôle Sport - Cibles \(2\) » s'ajoutent à l'import précédent de leur Pôle, qui est gardé : leurs marchés y sont en double/),
    ).toBeInTheDocument();
    expect(excel.cell('Pôle Sport', 2, 3)?.value).toBe(1600);
    expect(excel.cell('Pôle Sport - Cibles', 1, 1)?.value).toBe('Mes cibles');
    expect(excel.sheetNames().filter((n) => !n.startsWith('SPASER '))).toEqual([SHEET, 'Pôle Sport', 'Culture et patrimoine', 'Pôle Sport - Cibles', 'Pôle Sport (2)', 'Pôle Sport - Cibles (2)']);
  });

  it('an import edited after the pane offered to replace it is kept all the same (checked again at import)', async () => {
    const excel = await importedThenChosenAgain();
    expect(within(screen.getByRole('region', { name: `Fichier ${SPORT}` })).getByRole('checkbox', { name: /^Remplacer/ })).toBeChecked();
    // Edited in Excel while the pane shows the offer.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Pôle Sport').getRange('B2').values = [['Gymnase (corrigé)']];
      await ctx.sync();
    });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/Non remplacé : « Pôle Sport » a été modifiée depuis son import du 15\/01\/2026\./);
    expect(excel.cell('Pôle Sport', 2, 2)?.value).toBe('Gymnase (corrigé)');
    expect(excel.sheetNames()).toEqual([...FIRST, 'Pôle Sport (2)', 'Pôle Sport - Cibles (2)']);
  });

  it('an earlier import of the Pôle that the new file no longer makes (its targets sheet removed) is named: it still counts, and stays', async () => {
    const excel = workbook();
    const files: Record<string, Uint8Array> = { [SPORT]: await sportFile(), [CULTURE]: await cultureFile() };
    render(<App host={new TestHost(excel, files)} today={TODAY} initialStep="consolidation" />);
    await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [SPORT, CULTURE].map((n) => new File([new Uint8Array([1])], n)) } });
    await screen.findByRole('region', { name: `Fichier ${SPORT}` });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/sur 6\slignes lues/);
    // Next month the Pôle has dropped its « Objectifs » sheet.
    files[SPORT] = await sportFile(false);
    await chooseAgain();
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    expect(within(sport).getByRole('checkbox', { name: /^Remplacer l'import précédent \(« Pôle Sport », importé le 15\/01\/2026\)/ })).toBeChecked();
    expect(
      within(sport).getByText(
        "Un import précédent du Pôle « Pôle Sport » a aussi créé la feuille « Pôle Sport - Cibles » (du fichier « Pôle Sport.xlsx », importée le 15/01/2026). Cet import ne la remplace pas : elle compte toujours dans le calcul. Si elle ne correspond plus à rien dans les fichiers du Pôle (feuille retirée de son classeur, fichier abandonné), supprimez-la (dans Excel).",
      ),
    ).toBeInTheDocument();
    // Culture's import is all taken by its file: nothing to say.
    expect(within(screen.getByRole('region', { name: `Fichier ${CULTURE}` })).queryByText(/Un import précédent/)).toBeNull();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/2\sfeuilles remplacées \(import précédent\) : « Pôle Sport » \(.*\), « Culture et patrimoine » \(.*\)\./);
    expect(excel.sheetNames()).toEqual(FIRST);
    expect(excel.cell('Pôle Sport - Cibles', 2, 1)?.value).toBe('4.1.2-consideration-sociale');
  });

  it('the same file given another Pôle name is told that its earlier import would not be replaced, and under which name it would', async () => {
    await importedThenChosenAgain();
    const sport = screen.getByRole('region', { name: `Fichier ${SPORT}` });
    const pole = within(sport).getByRole('textbox', { name: `Pôle du fichier « ${SPORT} »` });
    fireEvent.change(pole, { target: { value: 'Sport' } });
    expect(
      within(sport).getByText(
        "Ce fichier a déjà été importé pour le Pôle « Pôle Sport » (feuilles « Pôle Sport », « Pôle Sport - Cibles », le 15/01/2026). Sous le nom « Sport », cet import ne les remplace pas : ses marchés y seraient des doublons (l'import précédent l'emporte) et ses feuilles compagnes compteraient deux fois. Pour les remplacer, donnez à ce Pôle le nom « Pôle Sport ».",
      ),
    ).toBeInTheDocument();
    expect(within(sport).queryByRole('checkbox')).toBeNull();
    // The other file, under its own name, is not concerned.
    expect(within(screen.getByRole('region', { name: `Fichier ${CULTURE}` })).queryByText(/Ce fichier a déjà été importé/)).toBeNull();
    fireEvent.change(pole, { target: { value: 'pôle  sport' } });
    expect(within(sport).queryByText(/Ce fichier a déjà été importé/)).toBeNull();
    expect(within(sport).getByRole('checkbox', { name: /^Remplacer l'import précédent/ })).toBeChecked();
  });

  it.each([
    ['in the same order', false],
    ['in the other order (names swapped, still nothing counted twice)', true],
  ])('a Pôle sending two files, chosen again %s: each earlier import is replaced, under the same names', async (_, swapped) => {
    const WORKS = 'Sport travaux.xlsx';
    const excel = workbook();
    const files: Record<string, Uint8Array> = { [SPORT]: await sportFile(), [WORKS]: await sportWorksFile() };
    render(<App host={new TestHost(excel, files)} today={TODAY} initialStep="consolidation" />);
    await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
    const choose = async (order = [SPORT, WORKS]) => {
      fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: order.map((n) => new File([new Uint8Array([1])], n)) } });
      const works = await screen.findByRole('region', { name: `Fichier ${WORKS}` });
      fireEvent.change(within(works).getByRole('textbox', { name: `Pôle du fichier « ${WORKS} »` }), { target: { value: 'Pôle Sport' } });
      return works;
    };
    await choose();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    // 2 rows of the user's sheet, 2 of Sport, 1 of its works.
    await screen.findByText(/sur 5\slignes lues/);
    const names = excel.sheetNames();
    expect(names.filter((n) => n.startsWith('Pôle Sport'))).toEqual(['Pôle Sport', 'Pôle Sport - Cibles', 'Pôle Sport (2)']);
    // Next month: the works' amount changed.
    files[WORKS] = await sportWorksFile(9500);
    fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
    await choose(swapped ? [WORKS, SPORT] : [SPORT, WORKS]);
    for (const box of screen.getAllByRole('checkbox')) expect(box).toBeChecked();
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.queryByText(/Un import précédent du Pôle/)).toBeNull();
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByText(/feuilles remplacées \(import précédent\)/);
    await screen.findByText(/sur 5\slignes lues/);
    expect(excel.sheetNames()).toEqual(names);
    expect(excel.cell(swapped ? 'Pôle Sport' : 'Pôle Sport (2)', 2, 3)?.value).toBe(9500);
    expect(excel.cell(swapped ? 'Pôle Sport (2)' : 'Pôle Sport', 2, 1)?.value).toBe('S-1');
  });

  it('unticked, the import adds beside the earlier one as before', async () => {
    const excel = await importedThenChosenAgain();
    for (const box of screen.getAllByRole('checkbox', { name: /^Remplacer/ })) fireEvent.click(box);
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    // Unticked: the new sheets double the earlier import, and the banner says so (the first import's banner said « 3 feuilles ajoutées » too).
    await screen.findByText(/^3\sfeuilles ajoutées au classeur : « Pôle Sport \(2\) ».*« Pôle Sport \(2\) », « Pôle Sport - Cibles \(2\) », « Culture et patrimoine \(2\) » s'ajoutent à l'import précédent de leur Pôle, qui est gardé/);
    expect(excel.sheetNames()).toEqual([...FIRST, 'Pôle Sport (2)', 'Pôle Sport - Cibles (2)', 'Culture et patrimoine (2)']);
  });
});
