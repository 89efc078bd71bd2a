/**
 * Between the ribbon button and the task pane. With the shared runtime both
 * run in one JavaScript context: the button's runner publishes its short
 * result here and the pane, subscribed, shows it.
 */
import type { ChainInput, ChainOptions, ChainOutput } from '../domain/chain';
import { REQUIRED_FIELDS } from '../domain/fields';
import type { MappingOverride } from '../domain/model';
import type { DecisionChange, ImportRecord } from '../domain/state';
import { describeError, type Stage } from './errors';
import type { WriteReport } from './host';
import type { StepId } from './labels';
import { workbookLock, type WorkbookLock } from './workbook-lock';

/** The short result of a run started from the ribbon. */
export interface RibbonSummary {
  readonly lignesLues: number;
  readonly erreurs: number;
  readonly indicateursCalcules: number;
  readonly indicateurs: number;
  readonly exercice: number | null;
  /** French message when the run failed, null when it succeeded. */
  readonly echec: string | null;
  /** What a run that succeeded could not do besides (French; the marks on a protected sheet), else null. */
  readonly avertissement?: string | null;
}

type Listener<T> = (value: T) => void;

let lastSummary: RibbonSummary | null = null;

/** The pane's choices of this session (column choices, tag decisions, imported sheets, exercice), not yet saved in the workbook. */
interface SessionChoices {
  readonly overrides: readonly MappingOverride[];
  readonly decisions: readonly DecisionChange[];
  readonly imports?: readonly ImportRecord[];
  /** The exercice picked in the pane's Indicateurs step; absent or null: the default (`regles.md` §9). */
  readonly exercice?: number | null;
}

const NO_CHOICES: SessionChoices = { overrides: [], decisions: [] };
let sessionChoices: SessionChoices = NO_CHOICES;

/**
 * The pane tells the ribbon what the user chose since the last write: the button's run
 * uses it as the pane's own calculation does, and so saves it with the SPASER sheets.
 */
export function publishSessionChoices(choices: SessionChoices): void {
  sessionChoices = choices;
}
const summaryListeners = new Set<Listener<RibbonSummary>>();
const stepListeners = new Set<Listener<StepId>>();

/** Shows a ribbon run's result in the pane (now, or when it subscribes). */
export function publishRibbonResult(summary: RibbonSummary): void {
  lastSummary = summary;
  for (const l of summaryListeners) l(summary);
}

/** Calls `listener` with the last result (if any) and every later one; returns the unsubscribe function. */
export function subscribeRibbonResult(listener: Listener<RibbonSummary>): () => void {
  summaryListeners.add(listener);
  if (lastSummary) listener(lastSummary);
  return () => summaryListeners.delete(listener);
}

/** Asks the pane to show one step (e.g. `colonnes` when required fields are not mapped). */
function openStep(step: StepId): void {
  for (const l of stepListeners) l(step);
}

export function subscribeOpenStep(listener: Listener<StepId>): () => void {
  stepListeners.add(listener);
  return () => stepListeners.delete(listener);
}

/** Forgets the last result (tests). */
export function resetRibbonBridge(): void {
  lastSummary = null;
  sessionChoices = NO_CHOICES;
  summaryListeners.clear();
  stepListeners.clear();
}

function summarize(output: ChainOutput): RibbonSummary {
  const { result } = output;
  return {
    lignesLues: result.lignes.lues,
    erreurs: result.lignes.erreurs,
    indicateursCalcules: result.indicateurs.filter((i) => i.statut !== 'non calculable').length,
    indicateurs: result.indicateurs.length,
    exercice: result.exercice,
    echec: null,
  };
}

export function failedSummary(message: string): RibbonSummary {
  return { lignesLues: 0, erreurs: 0, indicateursCalcules: 0, indicateurs: 0, exercice: null, echec: message };
}

/** Raised by the ribbon runner when a required field has no column: the user maps it in Colonnes. */
export class MissingFieldsError extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(
      `Colonnes obligatoires introuvables dans ${sheets.map((s) => `« ${s} »`).join(', ')} : choisissez-les à l'étape Colonnes du volet, puis relancez le calcul.`,
    );
    this.name = 'MissingFieldsError';
  }
}

/** Register sheets where a required field has no column. */
function sheetsMissingRequired(output: ChainOutput): string[] {
  return output.register.mappings
    .filter((m) => m.kind === 'registre' && REQUIRED_FIELDS.some((f) => !m.columns.some((c) => c.field === f)))
    .map((m) => m.sheet);
}

interface RibbonHost {
  readonly writesCharts: boolean;
  read(): Promise<ChainInput[]>;
  write(output: ChainOutput): Promise<WriteReport | void>;
}

/**
 * The ribbon's « Calculer les indicateurs »: read, compute with the saved
 * mapping, write only after success, then publish the short result and show
 * the pane, where it appears. On failure the pane opens the step that fixes
 * it, and the error is rethrown.
 */
export function createRibbonRunner(
  host: RibbonHost,
  chain: (inputs: readonly ChainInput[], options: ChainOptions) => ChainOutput,
  showPane: () => Promise<void> = async () => undefined,
  lock: WorkbookLock = workbookLock,
): () => Promise<void> {
  return async () => {
    let stage: Stage = 'lecture';
    try {
      // Read to write alone: a pane import or write in progress finishes first, and none starts meanwhile.
      const output = await lock.exclusive('ruban', async () => {
        const inputs = await host.read();
        stage = 'calcul';
        // The pane's unsaved choices win over the saved ones, as in the pane's own calculation.
        const { overrides, decisions, imports, exercice } = sessionChoices;
        const computed = chain(inputs, {
          writesCharts: host.writesCharts,
          overrides,
          decisions,
          ...(imports?.length ? { imports } : {}),
          // The sheets written are those of the year the pane shows.
          ...(exercice != null ? { exercice } : {}),
        });
        const missing = sheetsMissingRequired(computed);
        if (missing.length > 0) throw new MissingFieldsError(missing);
        stage = 'ecriture';
        const report = await host.write(computed);
        return { computed, warning: report?.warning ?? null };
      });
      publishRibbonResult({ ...summarize(output.computed), ...(output.warning !== null ? { avertissement: output.warning } : {}) });
    } catch (error) {
      // Office's own errors are in English and say nothing of what to do: the pane shows a French message.
      publishRibbonResult(failedSummary(describeError(error, stage)));
      if (error instanceof MissingFieldsError || (error instanceof Error && error.name === 'NoRegisterError')) openStep('colonnes');
      await showPane().catch(() => undefined);
      throw error;
    }
    // The short result is shown in the pane: bring it up if it is closed.
    await showPane().catch(() => undefined);
  };
}
