/**
 * The pane's state and its reducer: pure, tested on its own. Every change
 * of input, mapping, decision or exercice leads the App to re-run the chain.
 */
import type { ChainInput, ChainOutput } from '../domain/chain';
import type { MappingOverride } from '../domain/model';
import { type DecisionChange, type ImportRecord, type TagDecision, withImports } from '../domain/state';
import { decisionKey } from '../domain/tagging';
import type { HostProgress } from './host';
import type { StepId } from './labels';
import type { RibbonSummary } from './ribbon-bridge';

export interface PaneState {
  readonly step: StepId;
  readonly inputs: readonly ChainInput[] | null;
  /** The last successful run; null before one and after a failure. */
  readonly output: ChainOutput | null;
  /** Mapping choices made in the pane (each replaces the saved one of its sheet). */
  readonly overrides: readonly MappingOverride[];
  /** The user's decisions of this session, and decisions taken back (they win over saved ones). */
  readonly decisions: readonly DecisionChange[];
  /** Sheets imported in this session (consolidation): saved with the next write, as the choices are. */
  readonly imports: readonly ImportRecord[];
  /** Exercice chosen by the user; null for the default (`regles.md` §9). */
  readonly exercice: number | null;
  /** Pôle shown in the indicators; null for the whole City. */
  readonly pole: string | null;
  /** What is running, in French; null when idle. */
  readonly busy: string | null;
  /** How far the workbook's read or write in progress has gone (Excel), null when not told. */
  readonly progress: HostProgress | null;
  readonly error: string | null;
  /** The error is only that no register was recognised (shown as a warning, not on the Consolidation step). */
  readonly noRegister: boolean;
  readonly notice: string | null;
  /** What the last write or highlight removal, which went through, could not do besides (French). */
  readonly warning: string | null;
  /** The workbook, as last read, cannot take new sheets (Excel: structure protected), in French; null when it can. */
  readonly protection: string | null;
  /** The sheets the last consolidation added to the workbook, in French; kept across the recomputations that follow. */
  readonly imported: string | null;
  /** The last import's records could not be saved (French); cleared by the write that saves them. */
  readonly importWarning: string | null;
  /** Whether the current output has been written. */
  readonly written: boolean;
  readonly ribbon: RibbonSummary | null;
}

export const INITIAL_STATE: PaneState = {
  step: 'colonnes',
  inputs: null,
  output: null,
  overrides: [],
  decisions: [],
  imports: [],
  exercice: null,
  pole: null,
  busy: null,
  progress: null,
  error: null,
  noRegister: false,
  notice: null,
  warning: null,
  protection: null,
  imported: null,
  importWarning: null,
  written: false,
  ribbon: null,
};

/** A user's choice in the Colonnes step: `header` (or none) for `field` of one sheet. */
export interface ColumnChoice {
  readonly file?: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly field: string;
  /** The header chosen, null for « aucune colonne ». */
  readonly header: string | null;
  /** The header that fed the field until now, if any. */
  readonly previousHeader: string | null;
  /** The override in force for that sheet (saved in the workbook), if any. */
  readonly base?: MappingOverride;
  /** The rows the form without a register says the header is on: 2 says both, 1 undoes two said before for that row. */
  readonly headerRows?: 1 | 2;
}

/** A user's choice in the Colonnes step: where a sheet's header is, on one row or two. */
export interface HeaderChoice {
  readonly file?: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly headerRows: 1 | 2;
  /** The override in force for that sheet (saved in the workbook), if any. */
  readonly base?: MappingOverride;
}

type PaneAction =
  | { readonly type: 'goto'; readonly step: StepId }
  | { readonly type: 'busy'; readonly label: string }
  | { readonly type: 'progress'; readonly progress: HostProgress }
  /** With `label`: only if that is still what the pane shows (a later operation's progress stays). */
  | { readonly type: 'idle'; readonly label?: string }
  | { readonly type: 'loaded'; readonly inputs: readonly ChainInput[] }
  | { readonly type: 'computed'; readonly output: ChainOutput }
  /** `inputs`: the workbook read by the operation that failed, shown from now on. */
  /** `keepsWorkbook`: nothing of the workbook in the pane changed (a file that could not be opened): its steps stay. */
  | { readonly type: 'failed'; readonly message: string; readonly noRegister?: boolean; readonly inputs?: readonly ChainInput[]; readonly keepsWorkbook?: boolean }
  | { readonly type: 'chooseColumn'; readonly choice: ColumnChoice }
  | { readonly type: 'chooseHeader'; readonly choice: HeaderChoice }
  | { readonly type: 'decide'; readonly decision: DecisionChange }
  | { readonly type: 'addDecisions'; readonly decisions: readonly TagDecision[] }
  | { readonly type: 'addOverrides'; readonly overrides: readonly MappingOverride[] }
  | { readonly type: 'addImports'; readonly imports: readonly ImportRecord[] }
  | { readonly type: 'chooseExercice'; readonly exercice: number | null }
  | { readonly type: 'choosePole'; readonly pole: string | null }
  /** `fresh`: the workbook read again and computed just before the write (Excel), now shown by the steps. */
  | {
      readonly type: 'written';
      readonly notice: string;
      readonly warning?: string;
      readonly fresh?: { readonly inputs: readonly ChainInput[]; readonly output: ChainOutput };
    }
  /** The add-in's marks removed, `warning` naming the sheets that kept them. */
  | { readonly type: 'highlightsCleared'; readonly warning?: string }
  | { readonly type: 'imported'; readonly inputs: readonly ChainInput[]; readonly notice: string; readonly warning?: string }
  | { readonly type: 'ribbon'; readonly summary: RibbonSummary }
  /** Told after each read of the workbook. */
  | { readonly type: 'protection'; readonly notice: string | null }
  | { readonly type: 'dismiss' };

const sheetKey = (o: { file?: string; sheet: string }) => `${o.file ?? ''}|${o.sheet}`;

/** `overrides` with the sheet's one replaced: `rest` of it from the one in force (else the saved `base`). */
function withSheetChoice(
  overrides: readonly MappingOverride[],
  choice: { readonly file?: string; readonly sheet: string; readonly headerRow: number; readonly base?: MappingOverride },
  rest: (current: MappingOverride | undefined) => Pick<MappingOverride, 'headerRows' | 'columns'>,
): MappingOverride[] {
  const key = sheetKey(choice);
  const current = overrides.find((o) => sheetKey(o) === key) ?? choice.base;
  const next: MappingOverride = {
    ...(choice.file !== undefined ? { file: choice.file } : {}),
    sheet: choice.sheet,
    headerRow: choice.headerRow,
    ...rest(current),
  };
  return [...overrides.filter((o) => sheetKey(o) !== key), next];
}

/** The overrides once `choice` is applied: one override per sheet, the field fed by `header` only. */
export function withColumnChoice(overrides: readonly MappingOverride[], choice: ColumnChoice): MappingOverride[] {
  return withSheetChoice(overrides, choice, (current) => {
    const columns: Record<string, string | null> = { ...(current?.columns ?? {}) };
    // The new choice is the field's only one: an earlier one, maybe of a header renamed since
    // (`lostChoices`, told at every run), goes.
    for (const [header, field] of Object.entries(columns)) if (field === choice.field) delete columns[header];
    if (choice.previousHeader !== null && choice.previousHeader !== choice.header) columns[choice.previousHeader] = null;
    if (choice.header !== null) columns[choice.header] = choice.field;
    // A header said on one or two rows stays said (the choice names the same header row); said in
    // the saved choice too, when the session's names another row (the form without a register).
    const said = [current, choice.base].find((o) => o?.headerRow === choice.headerRow)?.headerRows;
    // The form's place wins: two rows, or one row instead of two (a row alone otherwise left to the program, as before).
    const headerRows = choice.headerRows === 2 || (choice.headerRows === 1 && said === 2) ? choice.headerRows : said;
    return { ...(headerRows !== undefined ? { headerRows } : {}), columns };
  });
}

/** The overrides once a sheet's header place is chosen: its column choices kept (those naming a header gone are told of). */
function withHeaderChoice(overrides: readonly MappingOverride[], choice: HeaderChoice): MappingOverride[] {
  return withSheetChoice(overrides, choice, (current) => ({ headerRows: choice.headerRows, columns: current?.columns ?? {} }));
}

/** Overrides for new sheets (imported ones): one per sheet, the added one replacing any earlier. */
export function withOverrides(list: readonly MappingOverride[], added: readonly MappingOverride[]): MappingOverride[] {
  const keys = new Set(added.map(sheetKey));
  return [...list.filter((o) => !keys.has(sheetKey(o))), ...added];
}

// A later decision on the same suggestion of the same source replaces the earlier one; equal numbers
// of two sheets stay apart, as the chain applies them (`decisionsInForce`).
const keyOf = (d: DecisionChange) => `${d.source ?? ''}\u0000${decisionKey(d.numero, d.consideration, d.etiquette)}`;

function withDecisions(list: readonly DecisionChange[], added: readonly DecisionChange[]): DecisionChange[] {
  const byKey = new Map(list.map((d) => [keyOf(d), d]));
  // Moved last: a decision naming its row's source by another spelling (a saved one under an old
  // file name) may reach the same row, and the chain lets the later one win.
  for (const d of added) {
    byKey.delete(keyOf(d));
    byKey.set(keyOf(d), d);
  }
  return [...byKey.values()];
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'goto':
      return { ...state, step: action.step };
    case 'busy':
      return { ...state, busy: action.label, progress: null, notice: null, warning: null };
    case 'progress':
      // Only while something runs: a late report after the end would show a bar for nothing.
      // At 100 % that phase is over, the operation is not (a write then marks the faulty cells): the bar
      // goes back to saying only what runs.
      if (state.busy === null) return state;
      return { ...state, progress: action.progress.fraction >= 1 ? null : action.progress };
    case 'idle':
      return action.label === undefined || state.busy === action.label ? { ...state, busy: null, progress: null } : state;
    case 'loaded':
      return { ...state, inputs: action.inputs, output: null, written: false, error: null, imported: null, importWarning: null };
    case 'computed':
      return { ...state, output: action.output, busy: null, error: null, written: false };
    case 'failed':
      if (action.keepsWorkbook) return { ...state, busy: null, error: action.message };
      // A failed run leaves nothing to write: the last output is dropped.
      return {
        ...state,
        ...(action.inputs ? { inputs: action.inputs } : {}),
        output: null,
        busy: null,
        error: action.message,
        noRegister: action.noRegister ?? false,
        written: false,
      };
    case 'chooseColumn':
      return { ...state, overrides: withColumnChoice(state.overrides, action.choice) };
    case 'chooseHeader':
      return { ...state, overrides: withHeaderChoice(state.overrides, action.choice) };
    case 'decide':
      return { ...state, decisions: withDecisions(state.decisions, [action.decision]) };
    case 'addDecisions':
      return { ...state, decisions: withDecisions(state.decisions, action.decisions) };
    case 'addOverrides':
      return { ...state, overrides: withOverrides(state.overrides, action.overrides) };
    case 'addImports':
      return { ...state, imports: withImports(state.imports, action.imports) };
    case 'chooseExercice':
      return { ...state, exercice: action.exercice };
    case 'choosePole':
      return { ...state, pole: action.pole };
    case 'written': {
      const shown = action.fresh ? { inputs: action.fresh.inputs, output: action.fresh.output } : {};
      return {
        ...state,
        ...shown,
        busy: null,
        error: null,
        written: true,
        notice: action.notice,
        warning: action.warning ?? null,
        imported: null,
        importWarning: null,
      };
    }
    case 'highlightsCleared':
      return { ...state, error: null, warning: action.warning ?? null };
    case 'imported':
      return {
        ...state,
        inputs: action.inputs,
        output: null,
        written: false,
        error: null,
        imported: action.notice,
        importWarning: action.warning ?? null,
        step: 'indicateurs',
      };
    case 'ribbon':
      return { ...state, ribbon: action.summary };
    case 'protection':
      return { ...state, protection: action.notice };
    case 'dismiss':
      return { ...state, error: null, notice: null, warning: null };
  }
}
