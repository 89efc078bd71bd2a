/**
 * The `spaser` command: reads the workbooks, runs the chain, writes the output
 * workbook, prints the summary or the JSON. Every input is read before
 * anything is written, so a failing input never leaves an output file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { type ChainInput, type ChainOptions, type ChainOutput, hasUnreadSheet, isEmptyInput, NoRegisterError, noRegisterSentences, resultJson, runChain } from '../domain/chain';
import type { RegisterFieldId } from '../domain/fields';
import type { MappingOverride, SheetMapping, SpaserResult } from '../domain/model';
import { isSpaserSheet, type WritePlan } from '../domain/plan-types';
import { RESULT_SUFFIX } from '../domain/register';
import { hasUnsplitCsv } from '../domain/unsplit-csv';
import { headerPlaceOf, overrideFor, overrideHeader } from '../domain/mapping';
import { UnreadableWorkbookError } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx';
import { REASON_ACCESS, REASON_IS_DIRECTORY, REASON_NOT_FOUND, readXlsxFile, writeXlsxFile } from '../workbook/xlsx/node-files';
import { REASON_CORRUPT, REASON_EMPTY } from '../workbook/xlsx/open';
import { parseArgs, type SheetHeaderPlace, USAGE, USAGE_HINT } from './args';
import { columnReport, formatSummary, plainSpaces } from './format';
import { createProgress, type ProgressStream } from './progress';

export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  /** Folder that relative paths are resolved against. */
  readonly cwd: string;
  /** Day of the run, ISO `aaaa-mm-jj` (tests); default today. */
  readonly today?: string;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INPUT = 2;
export const EXIT_OUTPUT = 3;

/** What a run produced, for the demo (which prints its own headings). */
interface CliRunOutcome {
  readonly code: number;
  readonly result?: SpaserResult;
  readonly output?: string;
}

const caseInsensitiveFs = process.platform === 'win32' || process.platform === 'darwin';

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  const ra = real(a);
  const rb = real(b);
  return caseInsensitiveFs ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

/** `dossier/Pôle A.xlsx` → `dossier/Pôle A - SPASER.xlsx`. */
export function defaultSingleOutput(input: string): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  return path.join(path.dirname(input), `${base}${RESULT_SUFFIX}.xlsx`);
}

/** `Consolidation SPASER 2025.xlsx` in `cwd`. */
export function defaultConsolidationOutput(cwd: string, exercice: number | null): string {
  return path.join(cwd, `Consolidation SPASER ${exercice ?? 'sans exercice'}.xlsx`);
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`Erreur : ${message}\n${USAGE_HINT}`);
  return EXIT_USAGE;
}

/** What to do, for the reasons that do not say it themselves (the others end on « réessayez »). */
const READ_NEXT_STEP: Readonly<Record<string, string>> = {
  [REASON_NOT_FOUND]: 'Vérifiez son nom et son dossier.',
  [REASON_IS_DIRECTORY]: 'Indiquez le classeur .xlsx lui-même, dans ce dossier.',
  [REASON_ACCESS]: 'Vérifiez que vous avez le droit de lire ce fichier, ou copiez-le dans un de vos dossiers, puis réessayez.',
  [REASON_EMPTY]: "Reprenez une copie du classeur (son enregistrement a pu être interrompu), puis réessayez.",
  [REASON_CORRUPT]: 'Ouvrez-le dans Excel, qui propose de le réparer, et enregistrez-le, ou reprenez une copie intacte, puis réessayez.',
};

/** `Impossible de lire « x » : why. What to do.`: the file as the user typed it, where a missing one was looked for. */
function readFailure(given: string, resolved: string, reason: string): string {
  const why = reason === REASON_NOT_FOUND ? `${reason} (cherché dans « ${path.dirname(resolved)} »)` : reason;
  const next = READ_NEXT_STEP[reason];
  return `Impossible de lire « ${given} » : ${why}.${next === undefined ? '' : ` ${next}`}`;
}

function overwriteMessage(output: string): string {
  return `le classeur de sortie « ${output} » est un des classeurs d'entrée : le classeur source n'est jamais modifié. Choisissez un autre nom avec --sortie.`;
}

/** Runs the command line; returns the exit code. Never throws for a user's mistake. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return (await runCliDetailed(argv, io)).code;
}

/** Every sheet of the workbook is one the add-in writes (`SPASER …`): the result of an earlier run, such as last month's consolidation. */
function isResultOnly(input: ChainInput): boolean {
  return input.sheets.length > 0 && input.sheets.every((s) => isSpaserSheet(s.name));
}

/**
 * What to do about inputs in which no register was recognised, after the message that names them: a
 * workbook of `SPASER …` sheets only is said to be a result (never read again as a register); in a
 * consolidation, the lead is told to take the workbook off the command line; alone, the buyer how to
 * have its columns recognised.
 */
export function noRegisterAdvice(all: readonly ChainInput[], consolidation: boolean): string[] {
  // A CSV left unsplit has its own advice in the message (Données › Convertir): none on its headers.
  const unread = all.filter((i) => !hasUnsplitCsv(i));
  if (unread.length === 0) return [];
  const results = unread.filter(isResultOnly);
  const out = results.map(
    (i) => `« ${i.file} » ne contient que des feuilles écrites par le complément (SPASER …) : c'est le résultat d'un calcul précédent, dont les feuilles ne sont jamais relues comme registre.`,
  );
  const one = unread.length === 1;
  if (consolidation) {
    out.push(
      results.length === unread.length
        ? `Retirez-${one ? 'le' : 'les'} de la ligne de commande : la consolidation se fait sur les classeurs des Pôles.`
        : one
          ? "Retirez ce classeur de la ligne de commande s'il n'est pas un registre de marchés ; sinon, donnez à ses colonnes des en-têtes reconnus."
          : 'Retirez de la ligne de commande ceux qui ne sont pas des registres de marchés ; sinon, donnez à leurs colonnes des en-têtes reconnus.',
    );
  } else if (results.length > 0) {
    out.push('Calculez sur les classeurs des Pôles, ou sur le classeur de suivi des marchés lui-même.');
  } else if (!unread.every(isEmptyInput)) {
    // The command line cannot pick a column for a field: the buyer renames it, or picks it in the pane.
    out.push(
      "S'il s'agit bien d'un registre de marchés, donnez à ses colonnes des en-têtes reconnus (par exemple « Date de notification »), " +
        "ou choisissez-les dans Excel, à l'étape Colonnes du volet (« Ouvrir le registre »), puis écrivez les feuilles SPASER : " +
        'ce choix, enregistré dans le classeur, est repris par la ligne de commande.',
    );
  }
  return out;
}

/** The chain's output, or the error saying that no input holds a register. */
function chainOrNoRegister(inputs: readonly ChainInput[], options: ChainOptions): ChainOutput | NoRegisterError {
  try {
    return runChain(inputs, options);
  } catch (err) {
    if (err instanceof NoRegisterError) return err;
    throw err;
  }
}

/**
 * The column choices that read `fields` from no column, for each register sheet that maps one of
 * them: its saved choices kept, as the pane's « — aucune colonne — » does.
 */
export function withoutFieldOverrides(
  inputs: readonly ChainInput[],
  mappings: readonly SheetMapping[],
  fields: readonly RegisterFieldId[],
  /** Choices given on the command line (`--en-tete`), after the saved ones. */
  given: readonly MappingOverride[] = [],
): MappingOverride[] {
  const out: MappingOverride[] = [];
  const removed = (field: string | null) => field !== null && fields.includes(field as RegisterFieldId);
  for (const m of mappings) {
    const lost = (m.lostChoices ?? []).some((l) => removed(l.field));
    if (m.kind !== 'registre' || (!lost && !m.columns.some((c) => removed(c.field)))) continue;
    // The sheet's saved choices, kept beside the removal (an explicit choice replaces the saved one whole).
    const { saved, at } = choiceTarget(inputs, m.file, m.sheet, given);
    const columns: Record<string, string | null> = { ...saved?.columns };
    // A choice of the field whose header is gone is forgotten (it is told of at every run), as in the pane.
    for (const [header, field] of Object.entries(columns)) if (removed(field)) delete columns[header];
    // A choice names a column by its header (or letter), as the pane's does: never by the field's id.
    for (const c of m.columns) if (removed(c.field)) columns[c.header] = null;
    out.push({ ...at, ...overrideHeader(saved), columns });
  }
  return out;
}

/**
 * A command-line choice for a sheet: the choice in force for it (saved, then `given`), found as the
 * chain finds it (`overrideFor`: « SUIVI » takes the choices saved for « Suivi »), and where the new
 * one goes so that it replaces that one in the state saved: under its sheet name, and with no file
 * name for one workbook (the choice saved in the result still applies to it under its new name).
 */
function choiceTarget(
  inputs: readonly ChainInput[],
  file: string,
  sheet: string,
  given: readonly MappingOverride[] = [],
): { saved: MappingOverride | null; at: Pick<MappingOverride, 'file' | 'sheet'> } {
  const saved = overrideFor(file, sheet, [...(inputs.find((i) => i.file === file)?.state?.mappings ?? []), ...given]);
  return { saved, at: { ...(inputs.length > 1 ? { file } : {}), sheet: saved?.sheet ?? sheet } };
}

/**
 * The choices `--en-tete` gives: for each input holding the sheet (its name in any case), the header
 * place beside the sheet's saved column choices, as the pane's « Ligne d'en-tête » does; a message
 * when no input holds one of the sheets.
 */
function headerPlaceOverrides(inputs: readonly ChainInput[], places: readonly SheetHeaderPlace[]): MappingOverride[] | string {
  const out: MappingOverride[] = [];
  for (const place of places) {
    let found = false;
    for (const input of inputs) {
      const grid = input.sheets.find((g) => g.name.toLowerCase() === place.sheet.toLowerCase());
      if (!grid) continue;
      found = true;
      const { saved, at } = choiceTarget(inputs, input.file, grid.name);
      out.push({ ...at, headerRow: place.headerRow, headerRows: place.headerRows, columns: saved?.columns ?? {} });
    }
    if (!found) return `--en-tete : aucune feuille « ${place.sheet} » dans ${inputs.length > 1 ? 'les classeurs indiqués' : 'le classeur'}.`;
  }
  return out;
}

/** The asked header places the run did not take (the sheet not recognised so, or its row below a complete contract), in French. */
function placesNotTaken(places: readonly SheetHeaderPlace[], mappings: readonly SheetMapping[]): string[] {
  return places.flatMap((place) => {
    const taken = mappings.some((m) => {
      if (m.sheet.toLowerCase() !== place.sheet.toLowerCase()) return false;
      const at = headerPlaceOf(m);
      return at.headerRow === place.headerRow && at.headerRows === place.headerRows;
    });
    if (taken) return [];
    const rows = place.headerRows === 1 ? `la ligne ${place.headerRow}` : `les lignes ${place.headerRow} et ${place.headerRow + 1}`;
    return [
      `--en-tete : la feuille « ${place.sheet} » ne se lit pas avec l'en-tête sur ${rows} (trop peu de colonnes reconnues, ou la ligne ${place.headerRow + 1} est un marché complet). Rien n'est écrit.`,
    ];
  });
}

/** The terminal gets plain spaces (`plainSpaces`); the JSON on stdout is written as is, as the pane exports it. */
function plainStream(stream: ProgressStream): ProgressStream {
  return { isTTY: stream.isTTY, write: (text: string) => stream.write(plainSpaces(text)) };
}

export async function runCliDetailed(argv: readonly string[], given: CliIo): Promise<CliRunOutcome> {
  const json = given.stdout;
  const io: CliIo = { ...given, stdout: plainStream(given.stdout), stderr: plainStream(given.stderr) };
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(USAGE);
    return { code: EXIT_OK };
  }
  if (parsed.kind === 'error') return { code: usageError(io, parsed.message) };
  const args = parsed.args;
  const inputs = args.files.map((f) => path.resolve(io.cwd, f));
  const explicitOutput = args.sortie === undefined ? null : path.resolve(io.cwd, args.sortie);
  const plannedOutput = explicitOutput ?? (inputs.length === 1 ? defaultSingleOutput(inputs[0]) : null);
  if (plannedOutput && inputs.some((i) => samePath(i, plannedOutput))) {
    return { code: usageError(io, overwriteMessage(args.sortie ?? plannedOutput)) };
  }

  // A file's name is its rows' source and, by default, their Pôle: two inputs cannot share one.
  // Without case, and with accents in one form: a name from macOS (decomposed « ô ») is the same name.
  const names = inputs.map((i) => path.basename(i).normalize('NFC').toLocaleLowerCase('fr'));
  const twin = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (twin !== -1) {
    // The very same file given twice (`a.xlsx ./a.xlsx`) is a slip of the command, not two files to rename.
    const first = names.indexOf(names[twin]);
    const given = (i: number): string => `« ${args.files[i]} »`;
    return {
      code: usageError(
        io,
        samePath(inputs[first], inputs[twin])
          ? `le classeur « ${path.basename(inputs[twin])} » est donné deux fois${args.files[first] === args.files[twin] ? '' : ` (${given(first)} et ${given(twin)})`} : retirez-le une fois de la ligne de commande (un classeur ne se consolide qu'une fois).`
          : `deux classeurs portent le même nom « ${path.basename(inputs[twin])} » : renommez l'un d'eux (le nom du fichier désigne la source de chaque ligne et, par défaut, son Pôle).`,
      ),
    };
  }

  const progress = createProgress(io.stderr);

  // 1. Read every input first.
  const workbooks: XlsxWorkbook[] = [];
  const chainInputs: ChainInput[] = [];
  for (let i = 0; i < inputs.length; i++) {
    progress.report('lecture', i, inputs.length);
    const given = args.files[i];
    try {
      const wb = await readXlsxFile(inputs[i]);
      const sheets = await wb.readSheets();
      const state = await wb.readState();
      workbooks.push(wb);
      chainInputs.push({ file: path.basename(inputs[i]), sheets, state });
    } catch (err) {
      progress.end();
      const reason =
        err instanceof UnreadableWorkbookError ? err.reason : `lecture impossible (${err instanceof Error ? err.message : String(err)})`;
      io.stderr.write(`${readFailure(given, inputs[i], reason)}\n`);
      return { code: EXIT_INPUT };
    }
  }
  progress.report('lecture', inputs.length, inputs.length);

  // 2. The chain.
  const chainOptions: ChainOptions = {
    exercice: args.exercice,
    today: io.today,
    // The file writer draws the plan's charts (`charts.ts`).
    writesCharts: workbooks[0]?.writesCharts ?? true,
    onProgress: progress.report,
  };
  const places = headerPlaceOverrides(chainInputs, args.headerPlaces);
  if (typeof places === 'string') {
    progress.end();
    return { code: usageError(io, places) };
  }
  let chain: ChainOutput | NoRegisterError | null = chainOrNoRegister(chainInputs, { ...chainOptions, overrides: places });
  // `--sans-champ`: the register sheets that read such a field are computed again without it. The first
  // pass showed every step (no sheet may read the field); this one runs under its last line, not shown twice.
  const removals = chain instanceof NoRegisterError ? [] : withoutFieldOverrides(chainInputs, chain.register.mappings, args.withoutFields, places);
  if (removals.length > 0) {
    // A removal, last, wins over the header place given for its sheet (`overrideFor`), which it carries.
    chain = chainOrNoRegister(chainInputs, { ...chainOptions, overrides: [...places, ...removals], onProgress: undefined });
  }
  // A header place given that the run could not take is said, rather than a workbook written without it.
  const refused = placesNotTaken(args.headerPlaces, chain instanceof NoRegisterError ? [] : chain.register.mappings);
  if (refused.length > 0) {
    progress.end();
    io.stderr.write(refused.map((r) => `Erreur : ${r}\n`).join(''));
    return { code: EXIT_USAGE };
  }
  if (chain instanceof NoRegisterError) {
    progress.end();
    const advice = noRegisterAdvice(chainInputs, args.files.length > 1);
    io.stderr.write(`${[chain.message, ...advice].join(' ')}\n`);
    return { code: EXIT_INPUT };
  }
  // Exit 2 names any input in which nothing was recognised, even when another input holds a register.
  const { mappings } = chain.register;
  const unread = args.files.flatMap((file, i) => (mappings.some((m) => m.file === chainInputs[i].file) ? [] : [{ file, input: chainInputs[i] }]));
  if (unread.length > 0) {
    progress.end();
    const missing = noRegisterSentences(unread.map((u) => u.input));
    const message = new NoRegisterError(unread.map((u) => u.file), false, missing, unread.some((u) => hasUnreadSheet(u.input))).message;
    const advice = noRegisterAdvice(unread.map((u) => u.input), true);
    io.stderr.write(`${[message, ...advice].join(' ')}\n`);
    return { code: EXIT_INPUT };
  }

  for (const notice of chain.notices) progress.note(`Attention : ${notice}`);
  const notices = { shown: chain.notices.length, written: chain.remarks.length };
  // The ambiguous and unused columns: in the summary, or on stderr beside the JSON (never in it).
  const columns = columnReport(mappings, inputs.length > 1);

  // 3. The output workbook.
  const output = plannedOutput ?? defaultConsolidationOutput(io.cwd, chain.result.exercice);
  if (inputs.some((i) => samePath(i, output))) {
    progress.end();
    return { code: usageError(io, overwriteMessage(output)) };
  }
  progress.report('écriture', 0, 1);
  // What is left to use of the run: the write keeps the whole workbook in memory (ExcelJS), so
  // the grids, the register and the plan are let go as soon as they are written.
  const { result } = chain;
  let plan: WritePlan | null = chain.plan;
  chain = null;
  chainInputs.length = 0;
  try {
    const target = inputs.length === 1 ? workbooks[0] : new XlsxWorkbook(path.basename(output), new ExcelJS.Workbook());
    await target.writePlan(plan);
    plan = null;
    await writeXlsxFile(target, output);
    for (const notice of target.saveNotices()) progress.note(notice);
  } catch (err) {
    progress.end();
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`${message.startsWith('Impossible') ? message : `Impossible d'écrire « ${output} » : ${message}`}\n`);
    return { code: EXIT_OUTPUT };
  }
  progress.report('écriture', 1, 1);
  progress.end();

  // 4. What the user reads.
  if (args.json) {
    json.write(resultJson(result));
    if (columns.length > 0) io.stderr.write(`${columns.join('\n')}\n`);
    io.stderr.write(`Classeur écrit : ${output}\n`);
  } else {
    io.stdout.write(formatSummary(result, { inputs: args.files.map((f) => path.basename(f)), output, columns, notices }));
  }
  return { code: EXIT_OK, result, output };
}
