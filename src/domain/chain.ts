/**
 * The whole chain on plain data: sheets → mapping → reading → validation →
 * tagging → indicators → plan. Both adapters and every front end call this.
 */
import type { SheetGrid } from './cell';
import { companionNotices, orphanSuiviNotices } from './companion-notices';
import { emptyExerciceNotices, fileOutsideExerciceNotices, partialN1Notices } from './exercice-notice';
import { goneSheetNotices, lostChoiceNotices } from './lost-choices';
import { hiddenSheetNotices } from './hidden-sheets';
import { misdecodedSheetNotices } from './misdecoded-sheets';
import { copiedSheetKey, copiedSheetNotices, copiedSheets } from './copied-sheets';
import { oversizedSheetNotices } from './oversized-sheets';
import { unreadMergeNotices } from './unread-merges';
import { uncalculatedFormulaNotices } from './uncalculated-formulas';
import { incompleteRegisterNotices, incompleteRegisters, missingColumnSentences } from './incomplete-registers';
import { computeIndicators, defaultExercice, evaluateIndicators, type PoleBreakdowns, spendUsed } from './indicators/engine';
import { fieldOfRows } from './indicators/row-view';
import type { Finding, IndicatorResult, MappingOverride, ProgressListener, Register, SheetMapping, SpaserResult, SuggestionResult } from './model';
import { buildPlan, plannedChartCount } from './plan';
import { isSpaserSheet, SHEET_ETAT, type WritePlan } from './plan-types';
import { recogniseWorkbook } from './mapping';
import { buildRegister, mergeOverrides, registerSheets } from './register';
import { goneSheetChoices, renamedSheets, withRenamedSheets } from './renamed-sheets';
import { type DecisionChange, type ImportRecord, type SavedState, withImports } from './state';
import { decisionsInForce } from './tagging';
import { unreadableColumnNotices } from './unreadable-columns';
import { hasUnsplitCsv, unsplitCsvSentences } from './unsplit-csv';

export interface ChainInput {
  /** File name (with extension) or workbook name. */
  readonly file: string;
  readonly sheets: readonly SheetGrid[];
  /** State saved in that workbook (`SPASER État`), if any. */
  readonly state: SavedState | null;
}

export interface ChainOptions {
  /** Exercice N; default per `regles.md` §9. */
  readonly exercice?: number;
  /** Day of the run, ISO `aaaa-mm-jj` (for `date-invalide`); default today. */
  readonly today?: string;
  /** Explicit mappings, winning over those saved in the inputs. */
  readonly overrides?: readonly MappingOverride[];
  /** Tag decisions (or decisions taken back), winning over those saved in the inputs. */
  readonly decisions?: readonly DecisionChange[];
  /** Sheets imported in this session, recorded with the saved state (replacing those of the same sheet). */
  readonly imports?: readonly ImportRecord[];
  /** Whether the writer draws native charts (Office.js, and the file writer's `charts.ts`): feeds `1.1.2-dataviz`. */
  readonly writesCharts?: boolean;
  readonly onProgress?: ProgressListener;
}

export interface ChainOutput {
  readonly register: Register;
  readonly result: SpaserResult;
  readonly plan: WritePlan;
  /** The state to save back (mappings in force and decisions). */
  readonly state: SavedState;
  /** Zones and company sizes by Pôle, which `parPole` has no room for (not in the JSON). */
  readonly poleBreakdowns: PoleBreakdowns;
  /** What the user should know of this run beyond the controls (French). */
  readonly notices: readonly string[];
  /** Those of `notices` also written in `SPASER Indicateurs` (« Remarques du calcul »): all but an unreadable state's. */
  readonly remarks: readonly string[];
  /** Register-like sheets left out for a missing required column: told in `notices`, completed in the pane. */
  readonly incomplete: readonly SheetMapping[];
}

const REQUIRED_LABELS = 'N° de marché, Objet, Montant HT et Date de notification';

/** Raised when no input holds a recognisable register; French message. */
export class NoRegisterError extends Error {
  /** `empty`: not a cell is filled in any sheet of the inputs (nothing to point at by hand either). */
  constructor(
    readonly files: readonly string[],
    readonly empty = false,
    /** Why no sheet is a register: too large to read, or what the closest ones miss (`noRegisterSentences`). */
    readonly missing: readonly string[] = [],
    /** Some sheet was too large to read (`SheetGrid.oversized`): only the sheets read had no header. */
    someUnread = false,
    /** Some input is a CSV whose columns were never split (`unsplit-csv.ts`): `missing` says how to split it. */
    readonly unsplitCsv = false,
  ) {
    super(
      [
        empty
          ? files.length === 1
            ? `Le classeur « ${files[0]} » est vide : aucune de ses feuilles n'a de cellule remplie (un registre a au moins les colonnes ${REQUIRED_LABELS}).`
            : `Ces classeurs sont vides : ${files.map((f) => `« ${f} »`).join(', ')} (un registre a au moins les colonnes ${REQUIRED_LABELS}).`
          : files.length === 1
            ? `Aucun registre reconnu dans « ${files[0]} » : aucune feuille${someUnread ? ' lue' : ''} n'a d'en-tête avec les colonnes ${REQUIRED_LABELS}.`
            : `Aucun registre reconnu dans ces classeurs : ${files.map((f) => `« ${f} »`).join(', ')}.`,
        ...missing,
      ].join(' '),
    );
    this.name = 'NoRegisterError';
  }
}

/** Why inputs hold no register: sheets too large to read, then what the closest sheets miss. */
export function noRegisterSentences(inputs: readonly ChainInput[], overrides?: readonly MappingOverride[]): string[] {
  return [...unsplitCsvSentences(inputs), ...oversizedSheetNotices(inputs), ...missingColumnSentences(inputs, overrides)];
}

/** A sheet of the input was too large to read (`SheetGrid.oversized`). */
export function hasUnreadSheet(input: ChainInput): boolean {
  return input.sheets.some((s) => s.oversized !== undefined);
}

/** Not a cell filled in any sheet (an error value or a space is something; a sheet too large to read is not empty). */
export function isEmptyInput(input: ChainInput): boolean {
  return !hasUnreadSheet(input) && input.sheets.every((s) => s.rows.every((r) => r.every((c) => c === null || c === '')));
}

/** Today as ISO `aaaa-mm-jj`, in local time (the buyer's day). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function runChain(inputs: readonly ChainInput[], options: ChainOptions = {}): ChainOutput {
  const progress = options.onProgress ?? (() => undefined);
  // The sheets looked at: not the add-in's own (`SPASER …`), never sources; then the sheets recognised, each read.
  const totalSheets = inputs.reduce((n, i) => n + i.sheets.filter((s) => !isSpaserSheet(s.name)).length, 0);
  progress('colonnes', 0, totalSheets);
  let sheetsDone = 0;
  let sheetsRead = 0;
  const today = options.today ?? todayIso();
  const register = buildRegister(inputs, {
    today,
    overrides: options.overrides,
    decisions: options.decisions,
    onRecognised: (sheets) => {
      progress('colonnes', totalSheets, totalSheets);
      sheetsRead = sheets;
    },
    onSheet: () => progress('contrôles', ++sheetsDone, sheetsRead),
  });
  if (!register.mappings.some((m) => m.kind === 'registre')) {
    throw new NoRegisterError(
      inputs.map((i) => i.file),
      inputs.every(isEmptyInput),
      noRegisterSentences(inputs, options.overrides),
      inputs.some(hasUnreadSheet),
      inputs.some(hasUnsplitCsv),
    );
  }

  progress('calcul', 0, 1);
  const exercice = options.exercice ?? defaultExercice(register.rows);
  // The breakdowns of each Pôle do not depend on the charts: taken from this first computation.
  const { indicateurs: chartless, poleBreakdowns } = evaluateIndicators(register, exercice ?? NaN, { chartsWritten: 0 });
  let result = assembleResult(register, exercice, chartless);
  // Charts are known once the other indicators are: patch `1.1.2-dataviz` afterwards.
  const charts = options.writesCharts ? plannedChartCount(register, result) : 0;
  // A target on `1.1.2-dataviz` is judged on the charts written, and so is `1.1.1-cibles-atteintes`:
  // computed again with the count then (the charts do not depend on either).
  const indicateurs = charts !== 0 && targetsDataviz(register, exercice) ? computeIndicators(register, exercice ?? NaN, { chartsWritten: charts }) : chartless;
  result = { ...result, indicateurs: indicateurs.map((r) => (r.id === DATAVIZ_ID ? withDataviz(r, charts) : r)) };
  progress('calcul', 1, 1);

  const state = stateInForce(inputs, options, inputs.map((i) => registerSheets(register.mappings.filter((m) => m.file === i.file))));
  const incomplete = incompleteRegisters(inputs, options.overrides);
  // A state sheet that could not be read is dropped: the user is told, since the next write replaces it.
  const stateNotices = inputs
    .filter((i) => i.state === null && i.sheets.some((s) => s.name === SHEET_ETAT && s.rows.length > 0))
    .map((i) => unreadableStateNotice(i.file));
  // What the figures rest on (sheets left out or read hidden, values unread, rows of Cibles, Saisies or
  // Suivi insertion set aside): also written in `SPASER Indicateurs`, read long after the run. The state notice is not: the write replaces that sheet.
  // Sheets repeating another's rows: told once, hidden or not.
  const copies = copiedSheets(register);
  const remarks = [
    ...emptyExerciceNotices(register.rows, options.exercice),
    ...incompleteRegisterNotices(incomplete),
    // A sheet holding a CSV's lines unsplit beside the register: its rows are not read.
    ...unsplitCsvSentences(inputs),
    ...lostChoiceNotices([...register.mappings, ...incomplete]),
    ...goneSheetNotices(inputs),
    ...unreadableColumnNotices(register),
    ...companionNotices(register.cibles, register.saisies, exercice, result.indicateurs),
    ...orphanSuiviNotices(register, exercice),
    ...hiddenSheetNotices(inputs, register, new Set(copies.map((c) => copiedSheetKey(c.file, c.sheet)))),
    ...copiedSheetNotices(inputs, copies),
    ...oversizedSheetNotices(inputs),
    ...unreadMergeNotices(inputs, register),
    ...misdecodedSheetNotices(inputs, register),
    ...uncalculatedFormulaNotices(inputs, register),
    // Last: these only narrow the N−1 values, and the remarks of rows left out or values unread come first
    // (README « Ouvrir le registre »: the pane shows the first two of more than three).
    ...fileOutsideExerciceNotices(inputs.map((i) => i.file), register.rows, exercice),
    ...partialN1Notices(inputs.map((i) => i.file), register.rows, exercice),
  ];
  const notices = [...stateNotices, ...remarks];
  // The plan belongs to writing: built on first use (the pane recomputes often and writes once).
  let plan: WritePlan | null = null;
  return {
    register,
    result,
    state,
    poleBreakdowns,
    notices,
    remarks,
    incomplete,
    get plan(): WritePlan {
      plan ??= buildPlan({
        register,
        result,
        state,
        poleBreakdowns,
        remarks,
        today,
        workbookName: inputs.length === 1 ? inputs[0].file : '',
        sourceSheetsInWorkbook: new Set(inputs.length === 1 ? inputs[0].sheets.map((s) => s.name) : []),
      });
      return plan;
    },
  };
}

const DATAVIZ_ID = '1.1.2-dataviz';

export function unreadableStateNotice(file: string): string {
  return (
    `La feuille « ${SHEET_ETAT} » du classeur « ${file} » est illisible (modifiée à la main, ou écrite par une version plus récente du complément) : ` +
    "les choix de colonnes et les décisions qu'elle gardait ne sont pas repris, et la prochaine écriture la remplacera par ceux de ce calcul."
  );
}

/** A *Cibles* row of N gives `1.1.2-dataviz` a target. */
function targetsDataviz(register: Register, exercice: number | null): boolean {
  return register.cibles.some((c) => c.values.annee === exercice && c.values.indicateur?.trim() === DATAVIZ_ID && c.values.cible !== undefined);
}

/** Charts of this run only: nothing is known of N−1's charts or of per-Pôle ones (null for each Pôle, as for every indicator without Pôle). */
function withDataviz(r: IndicatorResult, charts: number): IndicatorResult {
  const parPole = r.parPole === null ? null : Object.fromEntries(Object.keys(r.parPole).map((pole) => [pole, null]));
  return { ...r, statut: 'calculé', valeur: charts, n1: null, parPole, motif: null };
}

/**
 * The result as the command line prints it with `--json` and the pane exports it: one
 * spelling for both, so a project lead gets the same file from either.
 */
export function resultJson(result: SpaserResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The machine-readable result of `sortie.md`. */
export function assembleResult(register: Register, exercice: number | null, indicateurs: readonly IndicatorResult[]): SpaserResult {
  // One pass over the rows with indexed loops: rows' arrays come in several shapes
  // (shared, frozen), on which for…of falls to a slow path.
  let exerciceRows = 0;
  let errors = 0;
  let warned = 0;
  const controles: SpaserResult['controles'][number][] = [];
  const suggestions: SuggestionResult[] = [];
  const rows = register.rows;
  // Read only for rows with a suggestion, from the reader's column (no values object built).
  const numeroOf = fieldOfRows(rows, 'numero');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const findings = r.findings;
    if (r.hasError) errors++;
    else if (exercice !== null && r.annee === exercice) {
      exerciceRows++;
      if (findings.length > 0) warned++;
    }
    for (let k = 0; k < findings.length; k++) controles.push(controle(findings[k]));
    const tags = r.tags;
    for (let k = 0; k < tags.length; k++) {
      const t = tags[k];
      if (t.origine === 'déclaré') continue;
      const numero = numeroOf(i) as string | undefined;
      if (numero === undefined) break;
      suggestions.push({
        numero,
        consideration: t.consideration,
        etiquette: t.etiquette,
        declencheur: t.declencheur ?? '',
        decision: t.origine === 'confirmé' ? 'confirmée' : null,
      });
    }
  }
  for (const f of register.otherFindings) controles.push(controle(f));
  return {
    exercice,
    depense: exercice === null ? 'montant' : spendUsed(register, exercice),
    lignes: {
      lues: register.rows.length,
      exercice: exerciceRows,
      erreurs: errors,
      avertissements: warned,
    },
    indicateurs,
    controles,
    suggestions,
  };
}

function controle(f: Finding): SpaserResult['controles'][number] {
  return {
    gravite: f.gravite,
    code: f.code,
    message: f.message,
    feuille: f.source.sheet,
    ligne: f.source.row,
    colonne: f.colonne,
    source: f.source.file,
  };
}

/**
 * Explicit mappings (saved and new), decisions and import records, to be saved back in the workbook.
 * `registerSheetsByInput[i]`: the register sheets of `inputs[i]` (recognised again when not given).
 */
export function stateInForce(
  inputs: readonly ChainInput[],
  options: Pick<ChainOptions, 'overrides' | 'decisions' | 'imports'>,
  registerSheetsByInput: readonly (readonly string[])[] = inputs.map((i) => registerSheets(recogniseWorkbook(i.file, i.sheets, mergeOverrides(i, options.overrides ?? [])))),
): SavedState {
  const bySheet = new Map<string, MappingOverride>();
  // A choice whose sheet was renamed (saved, or made in the session before) is saved under the new name (`renamedSheets`).
  const renamed = inputs.map((i) => renamedSheets(i.state?.mappings ?? [], i.sheets));
  const sessionChoices = (options.overrides ?? []).map((o) => {
    const at = inputs.findIndex((i) => o.file === undefined || o.file === i.file);
    return at < 0 ? o : withRenamedSheets([o], renamed[at])[0];
  });
  // A saved choice whose sheet is gone, renamed beyond telling or deleted, is let go (and said: `goneSheetNotices`).
  const saved = inputs.flatMap((i, at) => {
    const gone = new Set(goneSheetChoices(i.state?.mappings ?? [], i.sheets, renamed[at]));
    return withRenamedSheets((i.state?.mappings ?? []).filter((o) => !gone.has(o)), renamed[at]);
  });
  for (const o of [...saved, ...sessionChoices]) {
    bySheet.set(`${o.file ?? ''}|${o.sheet}`, o);
  }
  // The decisions as the register applied them (each on the sheets of its input it applies to): one
  // taken back or changed on a row replaces, on that row's sheet, the one in force there.
  const decisions = decisionsInForce(inputs, registerSheetsByInput, options.decisions).saved;
  // Records of sheets gone from the workbook are dropped: a sheet made later under that name is not an import.
  const sheets = new Set(inputs.flatMap((i) => i.sheets.map((s) => s.name.toLowerCase())));
  const imports = withImports(inputs.flatMap((i) => i.state?.imports ?? []), options.imports ?? []).filter((r) => sheets.has(r.sheet.toLowerCase()));
  return { version: 1, mappings: [...bySheet.values()], decisions, ...(imports.length > 0 ? { imports } : {}) };
}
