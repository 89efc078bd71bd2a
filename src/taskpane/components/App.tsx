/**
 * The task pane: five steps over one run of the chain. The chain runs here,
 * on what the Host reads; the Host alone touches the workbook.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  AriaLiveAnnouncer,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { resultJson, runChain, stateInForce, todayIso, type ChainInput, type ChainOptions, type ChainOutput } from '../../domain/chain';
import { type ImportRecord, withImports } from '../../domain/state';
import { describeComputeError, describeError, describeUnreadAfterImport, describeUnsavedImportRecords, isNoRegister } from '../errors';
import {
  earlierImport,
  type FileRecognition,
  importedGrid,
  importedDecisions,
  importedOverrides,
  importPlan,
  importRecords,
  type ImportSheet,
  type KeptSheet,
  recogniseFile,
  sheetsAfterImport,
} from '../consolidation';
import { fileToSource, type Host, type HostProgress } from '../host';
import { doneIndicators, formatValue, plural, PROGRESS_LABELS, STEPS, WAITING_LABELS, type StepId } from '../labels';
import { publishSessionChoices, subscribeOpenStep, subscribeRibbonResult, type RibbonSummary } from '../ribbon-bridge';
import { INITIAL_STATE, paneReducer, withOverrides } from '../state';
import { workbookLock } from '../workbook-lock';
import { ColonnesStep } from './ColonnesStep';
import { ConsolidationStep, keptSentence } from './ConsolidationStep';
import { ControlesStep } from './ControlesStep';
import { FilePicker } from './FilePicker';
import { EtiquettesStep } from './EtiquettesStep';
import { IndicateursStep } from './IndicateursStep';

type ChainFn = (inputs: readonly ChainInput[], options: ChainOptions) => ChainOutput;

interface AppProps {
  readonly host: Host;
  /** The chain (tests may pass a spy around the real one). */
  readonly chain?: ChainFn;
  /** ISO day of the run (tests); default today. */
  readonly today?: string;
  readonly initialStep?: StepId;
}

/** Layout for the pane's narrow width (320 px); Fluent styles the controls themselves. */
const PANE_CSS = `
.pane { padding: 8px 12px 24px; max-width: 100%; box-sizing: border-box; font-family: inherit; }
.pane h1 { font-size: 18px; margin: 4px 0 8px; }
.pane h2 { font-size: 16px; margin: 12px 0 8px; }
.pane h3 { font-size: 14px; margin: 12px 0 4px; }
.pane ol.steps { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 0 0 8px; }
.pane ul { padding-left: 16px; margin: 4px 0; }
.pane p { margin: 2px 0; }
.pane li { margin: 4px 0; overflow-wrap: anywhere; }
.pane .step-body { display: flex; flex-direction: column; gap: 8px; }
.pane .progress { min-height: 4px; margin: 4px 0; }
.pane .step-next, .pane .write-bar { margin-top: 12px; }
.pane .export-bar { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.pane .file-picker { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 4px 0; }
.pane .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); border: 0; }
.pane .finding-group h3 button { text-align: left; }
.pane details.axe summary { cursor: pointer; }
.pane details.axe summary h3 { display: inline; }
.pane details.axe summary > span { display: block; margin-left: 16px; }
.pane .breakdown > span { display: block; }
/* A command-line option is one word: a lone "--" at the end of a line means nothing. */
.pane code.option { white-space: nowrap; }
/* A native list is as wide as its longest option (a Pôle with its no-row mention), so it is kept to the pane. */
.pane .fui-Field, .pane .fui-Select { min-width: 0; max-width: 100%; }
.pane .fui-Select__select { min-width: 0; max-width: 100%; text-overflow: ellipsis; }
`;

const WORKBOOK_CHANGED =
  " Le classeur avait changé depuis le dernier calcul affiché : le calcul a été refait sur le classeur tel qu'il est, avant l'écriture, et les étapes le montrent.";

/** The computation before a write failed: told as a computation's failure, not a write's. */
class ComputeFailure {
  constructor(
    readonly cause: unknown,
    /** The workbook as the write read it: the steps show it (a column to choose is one of its headers). */
    readonly inputs: readonly ChainInput[],
  ) {}
}

/** Lets the browser paint the progress bar before a synchronous computation. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function App({ host, chain = runChain, today, initialStep }: AppProps) {
  const [state, dispatch] = useReducer(paneReducer, { ...INITIAL_STATE, step: initialStep ?? INITIAL_STATE.step });
  const runId = useRef(0);
  /** The inputs of a write's own read (Excel), whose output the write already computed. */
  const precomputed = useRef<readonly ChainInput[] | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  // « Étape suivante » disappears on the last step: focus goes to the new step's heading.
  const focusStepHeading = useRef(false);
  useEffect(() => {
    if (!focusStepHeading.current) return;
    focusStepHeading.current = false;
    stepHeading.current?.focus();
  }, [state.step]);

  const options = useCallback(
    (exercice: number | null): ChainOptions => ({
      overrides: state.overrides,
      decisions: state.decisions,
      // Recorded with the state the next write saves (absent when none: the options stay as they were).
      ...(state.imports.length > 0 ? { imports: state.imports } : {}),
      ...(exercice !== null ? { exercice } : {}),
      ...(today ? { today } : {}),
      writesCharts: host.writesCharts,
    }),
    [state.overrides, state.decisions, state.imports, today, host.writesCharts],
  );

  /**
   * Runs a pane operation on the workbook alone (see workbook-lock). While the ribbon's run or
   * another operation goes on, the pane says what it waits for; then `label` (null: the waiting
   * message just goes). Never call it from inside another: it would wait for itself.
   */
  const exclusive = useCallback(<T,>(label: string | null, operation: () => Promise<T>): Promise<T> => {
    let waiting: string | null = null;
    return workbookLock.exclusive(
      'volet',
      () => {
        if (waiting !== null) dispatch(label !== null ? { type: 'busy', label } : { type: 'idle', label: waiting });
        return operation();
      },
      (ahead) => {
        waiting = ahead.includes('ruban') ? WAITING_LABELS.ruban : WAITING_LABELS.volet;
        dispatch({ type: 'busy', label: waiting });
      },
    );
  }, []);

  /** Every read of the workbook also tells whether it can take new sheets (Excel: structure protection). */
  const readWorkbook = useCallback(async () => {
    const inputs = await host.read();
    dispatch({ type: 'protection', notice: host.protectionNotice?.() ?? null });
    return inputs;
  }, [host]);

  const load = useCallback(async () => {
    dispatch({ type: 'busy', label: PROGRESS_LABELS.lecture });
    try {
      // A read for display, but not of a workbook half-written by the ribbon's run.
      const inputs = await exclusive(PROGRESS_LABELS.lecture, readWorkbook);
      dispatch({ type: 'loaded', inputs });
    } catch (error) {
      dispatch({ type: 'failed', message: describeError(error, 'lecture') });
    }
  }, [exclusive, readWorkbook]);

  // Every change of inputs, mapping, decisions or exercice re-runs the chain.
  useEffect(() => {
    if (!state.inputs) return;
    // Inputs read and computed by the write itself: their output is already shown.
    if (precomputed.current === state.inputs) {
      precomputed.current = null;
      return;
    }
    const id = ++runId.current;
    const inputs = state.inputs;
    dispatch({ type: 'busy', label: PROGRESS_LABELS.calcul });
    void (async () => {
      await nextFrame();
      if (id !== runId.current) return;
      try {
        const output = chain(inputs, options(state.exercice));
        if (id === runId.current) dispatch({ type: 'computed', output });
      } catch (error) {
        if (id === runId.current) dispatch({ type: 'failed', message: describeComputeError(error, inputs), noRegister: isNoRegister(error) });
      }
    })();
  }, [state.inputs, state.exercice, options, chain]);

  // Reads and writes of a large workbook take dozens of round trips in Excel: the bar shows how far they are.
  useEffect(() => {
    if (!host.onProgress) return undefined;
    host.onProgress((progress) => dispatch({ type: 'progress', progress }));
    return () => host.onProgress?.(null);
  }, [host]);

  // Declared after the progress listener: the first read's blocks are followed too.
  useEffect(() => {
    if (host.kind === 'excel') void load();
  }, [host, load]);

  // The ribbon button (same runtime) computes with the choices made here.
  useEffect(() => {
    publishSessionChoices({
      overrides: state.overrides,
      decisions: state.decisions,
      ...(state.imports.length > 0 ? { imports: state.imports } : {}),
      ...(state.exercice !== null ? { exercice: state.exercice } : {}),
    });
  }, [state.overrides, state.decisions, state.imports, state.exercice]);

  useEffect(() => {
    const offResult = subscribeRibbonResult((summary) => {
      dispatch({ type: 'ribbon', summary });
      // The ribbon computed on the workbook as it is now: the steps follow it (a fixed cell leaves the Contrôles list).
      if (summary.echec === null && host.kind === 'excel') void load();
    });
    const offStep = subscribeOpenStep((step) => dispatch({ type: 'goto', step }));
    return () => {
      offResult();
      offStep();
    };
  }, [host, load]);

  const write = async () => {
    const shown = state.output;
    if (!shown) return;
    dispatch({ type: 'busy', label: PROGRESS_LABELS.écriture });
    try {
      // In Excel the buyer may have fixed cells since the pane last read the workbook: the
      // sheets are computed on the workbook as it is at the click, as the ribbon does.
      const written = await exclusive(PROGRESS_LABELS.écriture, async () => {
        if (host.kind !== 'excel') {
          await host.write(shown);
          return { fresh: null, warning: undefined };
        }
        const inputs = await readWorkbook();
        let output: ChainOutput;
        try {
          output = chain(inputs, options(state.exercice));
        } catch (error) {
          throw new ComputeFailure(error, inputs);
        }
        const report = await host.write(output);
        return { fresh: { inputs, output }, warning: report?.warning };
      });
      const { fresh, warning } = written;
      const changed = fresh !== null && resultJson(fresh.output.result) !== resultJson(shown.result);
      if (fresh) precomputed.current = fresh.inputs;
      dispatch({
        type: 'written',
        notice:
          host.kind === 'excel'
            ? `Feuilles SPASER écrites dans le classeur (registre, contrôles, indicateurs et graphiques).${changed ? WORKBOOK_CHANGED : ''}`
            : 'Feuilles SPASER écrites dans le classeur à télécharger.',
        ...(warning !== undefined ? { warning } : {}),
        ...(fresh ? { fresh } : {}),
      });
    } catch (error) {
      // Nothing was written when the computation on the workbook as it is failed (a required column gone).
      if (error instanceof ComputeFailure) {
        // The steps follow the workbook as read (not the earlier read): its computation already failed.
        precomputed.current = error.inputs;
        dispatch({ type: 'failed', message: describeComputeError(error.cause, error.inputs), noRegister: isNoRegister(error.cause), inputs: error.inputs });
      } else dispatch({ type: 'failed', message: describeError(error, 'ecriture') });
    }
  };

  const selectCell = host.selectCell
    ? (sheet: string, address: string) => {
        host.selectCell!(sheet, address).catch((error) => dispatch({ type: 'failed', message: describeError(error, 'selection') }));
      }
    : undefined;

  const clearHighlights = host.clearHighlights
    ? () => {
        exclusive(null, () => host.clearHighlights!()).then(
          (report) => dispatch({ type: 'highlightsCleared', ...(report?.warning !== undefined ? { warning: report.warning } : {}) }),
          (error) => dispatch({ type: 'failed', message: describeError(error, 'surlignage') }),
        );
      }
    : undefined;

  const chooseWorkbook = async (file: File | undefined) => {
    if (!file || !host.open) return;
    dispatch({ type: 'busy', label: PROGRESS_LABELS.lecture });
    try {
      await host.open(await fileToSource(file));
    } catch (error) {
      // The workbook open before stays open (the header names it): its steps stay too.
      dispatch({ type: 'failed', message: describeError(error, 'lecture'), keepsWorkbook: true });
      return;
    }
    await load();
  };

  const chooseConsolidationFiles = async (files: readonly File[]): Promise<FileRecognition[] | null> => {
    dispatch({ type: 'busy', label: 'Lecture des classeurs des Pôles…' });
    try {
      const sources = await Promise.all(files.map(fileToSource));
      const read = await host.readFiles(sources);
      const recognised = read.map((f) => recogniseFile(f, today));
      dispatch({ type: 'idle' });
      return recognised;
    } catch (error) {
      dispatch({ type: 'failed', message: describeError(error, 'import') });
      return null;
    }
  };

  const importFiles = async (
    files: readonly FileRecognition[],
    poles: Readonly<Record<string, string>>,
    replace: Readonly<Record<string, boolean>> = {},
  ) => {
    const label = 'Import des classeurs des Pôles…';
    dispatch({ type: 'busy', label });
    // The whole import alone, from its read to its state sheet: the ribbon's run waits for it.
    await exclusive(label, () => importAlone(files, poles, replace));
  };

  const importAlone = async (
    files: readonly FileRecognition[],
    poles: Readonly<Record<string, string>>,
    replace: Readonly<Record<string, boolean>>,
  ) => {
    try {
      const current = host.workbookName() !== null ? await readWorkbook() : [];
      const sheets = current[0]?.sheets ?? [];
      // Checked again on the workbook as it is now: a sheet edited since the pane showed it is kept.
      const records = importRecordsInForce(current[0] ?? null, state.imports);
      // Each file's earlier import, checked once: replaced when ticked and replaceable, else said to be doubled.
      const earlierOf = new Map(files.map((f) => [f.name, earlierImport(f, poles[f.name] ?? '', sheets, records, { files, poles })]));
      const checks = files.filter((f) => replace[f.name]).map((f) => earlierOf.get(f.name)!);
      const replaced = new Set(checks.flatMap((c) => (c.replaceable ? c.sheets.map((n) => n.toLowerCase()) : [])));
      const existing = current.flatMap((i) => i.sheets.map((s) => s.name)).filter((n) => !replaced.has(n.toLowerCase()));
      const plan = importPlan(files, poles, existing);
      const replacing = plan.map((p) => p.name).filter((n) => replaced.has(n.toLowerCase()));
      // Compute on the workbook as it will be before writing anything: a failure leaves it untouched.
      const planned: ChainInput[] = current.length
        ? [{ ...current[0], sheets: sheetsAfterImport(current[0].sheets, plan, replacing) }, ...current.slice(1)]
        : [{ file: 'Consolidation', sheets: plan.map(importedGrid), state: null }];
      // The Pôles' column choices follow their sheets (as their tag decisions do).
      const overrides = importedOverrides(files, plan, current[0]?.file);
      const base = options(state.exercice);
      const overridesInForce = overrides.length ? withOverrides(base.overrides ?? [], overrides) : base.overrides;
      chain(planned, { ...base, overrides: overridesInForce });
      await host.importSheets(plan, replacing);
      if (overrides.length) dispatch({ type: 'addOverrides', overrides });
      const decisions = importedDecisions(files, plan, current[0]?.file);
      if (decisions.length) dispatch({ type: 'addDecisions', decisions });
      // The sheets are in: a failed read-back is not a failed import (saying so would invite a second
      // import, whose « (2) » sheets would double the Pôles' rows). Read again once, then say what happened.
      let after: ChainInput[] | null = null;
      let unread: unknown;
      try {
        after = await readWorkbook();
      } catch {
        try {
          after = await readWorkbook();
        } catch (error) {
          unread = error;
        }
      }
      // What the workbook holds now, as the chain reads it: the fingerprints of the next import's check.
      // Unread, the grids written stand for it (their fingerprint is the read-back's on the Excel double and the preview;
      // a mismatch only keeps the sheet).
      const date = today ?? todayIso();
      const imports = importRecords(plan, poles, after?.[0]?.sheets ?? plan.map(importedGrid), date);
      // Saved now, alone: an import never followed by a write must still be replaceable next month.
      let unsaved: { readonly error: unknown } | null = null;
      try {
        await host.writeState(
          stateInForce(after ?? planned, {
            overrides: overridesInForce,
            decisions: [...(base.decisions ?? []), ...decisions],
            imports: [...state.imports, ...imports],
          }),
        );
      } catch (error) {
        unsaved = { error };
      }
      const names = plan.map((p) => p.name);
      if (after === null) {
        dispatch({ type: 'failed', message: describeUnreadAfterImport(names, unread, unsaved ?? undefined) });
        return;
      }
      // Kept in the session too: the next write saves them again (and saves them at last if this one failed).
      dispatch({ type: 'addImports', imports });
      const kept = checks.flatMap((c) => (c.replaceable ? [] : c.kept));
      // The files whose earlier import stays in the workbook (kept, or not to be replaced): their new sheets double it.
      const beside = files.flatMap((f) => {
        const earlier = earlierOf.get(f.name)!;
        const stays = earlier.sheets.length > 0 && !(replace[f.name] && earlier.replaceable);
        return stays ? plan.filter((p) => p.source.file === f.name && !replacing.includes(p.name)).map((p) => p.name) : [];
      });
      dispatch({
        type: 'imported',
        inputs: after,
        notice: importedNotice(plan, replacing, kept, beside),
        ...(unsaved ? { warning: describeUnsavedImportRecords(names, unsaved.error) } : {}),
      });
    } catch (error) {
      dispatch({ type: 'failed', message: describeError(error, 'import') });
    }
  };

  const busy = state.busy !== null;
  const measured = progressShown(state.busy, state.progress);
  const stepIndex = STEPS.findIndex((s) => s.id === state.step);

  return (
    <FluentProvider theme={webLightTheme} lang="fr" className="spaser-pane">
      <style>{PANE_CSS}</style>
      {/* Without it, Fluent's MessageBars (errors, « Classeur prêt ») are silent for screen readers. */}
      <AriaLiveAnnouncer>
        <main className="pane">
          <h1 className="pane-title">Registre SPASER</h1>
          {host.kind === 'apercu' && (
            <div className="preview-open">
              <Text as="p" block size={200}>
                Aperçu hors d'Excel{host.workbookName() ? ` : ${host.workbookName()}` : ''}.
              </Text>
              <FilePicker label="Choisir un classeur (.xlsx)" buttonText="Choisir un classeur…" disabled={busy} onFiles={(files) => chooseWorkbook(files[0])} />
            </div>
          )}
          {host.kind === 'excel' && (
            <div className="reread">
              {/* Cells fixed in Excel show in the steps once the workbook is read again (the write and the ribbon read it themselves). */}
              <Button size="small" disabledFocusable={busy} onClick={() => void load()}>
                Relire le classeur
              </Button>
            </div>
          )}
          {state.ribbon && <RibbonResult summary={state.ribbon} />}
          <nav aria-label="Étapes">
            <ol className="steps">
              {STEPS.map((s, i) => (
                <li key={s.id}>
                  <Button
                    size="small"
                    appearance={s.id === state.step ? 'primary' : 'subtle'}
                    aria-current={s.id === state.step ? 'step' : undefined}
                    onClick={() => dispatch({ type: 'goto', step: s.id })}
                  >
                    {`${i + 1}. ${s.label}`}
                  </Button>
                </li>
              ))}
            </ol>
          </nav>
          <div role="status" aria-live="polite" className="progress">
            {busy && (
              <>
                <Text>{measured?.label ?? state.busy}</Text>
                <ProgressBar aria-label={measured?.label ?? state.busy ?? ''} {...(measured ? { value: measured.fraction } : {})} />
              </>
            )}
          </div>
          {state.error && !state.noRegister && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>Problème</MessageBarTitle>
                {state.error}
              </MessageBarBody>
            </MessageBar>
          )}
          {state.error && state.noRegister && state.step !== 'consolidation' && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Pas de registre</MessageBarTitle>
                {state.error}
              </MessageBarBody>
            </MessageBar>
          )}
          {state.output && <RunNotices notices={state.output.notices} />}
          {state.notice && (
            <MessageBar intent="success" aria-labelledby={undefined}>
              <MessageBarBody>{state.notice}</MessageBarBody>
            </MessageBar>
          )}
          {state.protection && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Classeur protégé</MessageBarTitle>
                {state.protection}
              </MessageBarBody>
            </MessageBar>
          )}
          {state.warning && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Surlignage incomplet</MessageBarTitle>
                {state.warning}
              </MessageBarBody>
            </MessageBar>
          )}
          {state.imported && (
            <MessageBar intent="success" aria-labelledby={undefined}>
              <MessageBarBody>{state.imported}</MessageBarBody>
            </MessageBar>
          )}
          {state.importWarning && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Import non enregistré</MessageBarTitle>
                {state.importWarning}
              </MessageBarBody>
            </MessageBar>
          )}
          <section aria-labelledby="etape-titre" className="step">
            <h2 id="etape-titre" ref={stepHeading} tabIndex={-1}>{`Étape ${stepIndex + 1} sur ${STEPS.length} — ${STEPS[stepIndex].label}`}</h2>
            {state.step === 'colonnes' && (
              <ColonnesStep
                inputs={state.inputs}
                output={state.output}
                onChoose={(choice) => dispatch({ type: 'chooseColumn', choice })}
                onChooseHeader={(choice) => dispatch({ type: 'chooseHeader', choice })}
              />
            )}
            {state.step === 'controles' && <ControlesStep output={state.output} onSelect={selectCell} onClearHighlights={clearHighlights} />}
            {state.step === 'etiquettes' && (
              <EtiquettesStep output={state.output} onDecide={(decision) => dispatch({ type: 'decide', decision })} />
            )}
            {state.step === 'indicateurs' && (
              <IndicateursStep
                output={state.output}
                hostKind={host.kind}
                pole={state.pole}
                busy={busy}
                written={state.written}
                download={host.download?.() ?? null}
                workbookName={host.workbookName()}
                downloadsFiles={host.downloadsFiles}
                onExercice={(exercice) => dispatch({ type: 'chooseExercice', exercice })}
                onPole={(pole) => dispatch({ type: 'choosePole', pole })}
                onWrite={() => void write()}
              />
            )}
            {state.step === 'consolidation' && (
              <ConsolidationStep
                busy={busy}
                existingSheets={state.inputs?.flatMap((i) => i.sheets.map((s) => s.name)) ?? []}
                workbook={state.inputs?.[0]?.sheets ?? []}
                records={importRecordsInForce(state.inputs?.[0] ?? null, state.imports)}
                onChooseFiles={chooseConsolidationFiles}
                onImport={(f, p, r) => void importFiles(f, p, r)}
              />
            )}
          </section>
          {stepIndex < STEPS.length - 1 && (
            <div className="step-next">
              <Button
                onClick={() => {
                  focusStepHeading.current = true;
                  dispatch({ type: 'goto', step: STEPS[stepIndex + 1].id });
                }}
              >{`Étape suivante : ${STEPS[stepIndex + 1].label}`}</Button>
            </div>
          )}
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

/**
 * What the consolidation did to the workbook, so that the project lead sees it before the indicators:
 * the sheets added, those that replaced an earlier import, and the added ones that sit `beside` an
 * earlier import of their Pôle kept in the workbook (their contracts are doublons of it).
 */
export function importedNotice(
  plan: readonly ImportSheet[],
  replacing: readonly string[] = [],
  kept: readonly KeptSheet[] = [],
  beside: readonly string[] = [],
): string {
  const lines = (n: number) => plural(n, 'ligne', 'lignes');
  // A file's second register sheet (one per year) is named « … (2) » like a doublon would be: its source sheet says which.
  const registersOf = (file: string) => plan.filter((q) => q.kind === 'registre' && q.source.file === file).length;
  const described = (p: ImportSheet) => {
    const from = p.kind === 'registre' && registersOf(p.source.file) > 1 ? `, feuille « ${p.source.sheet} »` : '';
    // The count of the file's card: a header on two rows and the rows the chain does not read (a total) are no lines.
    return `« ${p.name} » (${lines(p.lines ?? Math.max(0, p.rows.length - (p.headerRows ?? 1)))}${from})`;
  };
  const added = plan.filter((p) => !replacing.includes(p.name));
  const replaced = plan.filter((p) => replacing.includes(p.name));
  const parts: string[] = [];
  if (added.length > 0) {
    parts.push(`${added.length === 1 ? 'Feuille ajoutée' : `${added.length} feuilles ajoutées`} au classeur : ${added.map(described).join(', ')}.`);
  }
  if (replaced.length > 0) {
    parts.push(`${replaced.length === 1 ? 'Feuille remplacée' : `${replaced.length} feuilles remplacées`} (import précédent) : ${replaced.map(described).join(', ')}.`);
  }
  const doubled = added.filter((p) => beside.includes(p.name)).map((p) => `« ${p.name} »`);
  if (doubled.length > 0) {
    const one = doubled.length === 1;
    parts.push(
      `${doubled.join(', ')} ${one ? "s'ajoute" : "s'ajoutent"} à l'import précédent de ${one ? 'son' : 'leur'} Pôle, qui est gardé : ` +
        `${one ? 'ses' : 'leurs'} marchés y sont en double (l'import précédent l'emporte, voir l'étape Contrôles).`,
    );
  }
  // Replacing was asked for, but the sheet changed after the pane showed it: kept, the new sheets are beside it.
  if (kept.length > 0) parts.push(`Non remplacé : ${kept.map(keptSentence).join(' ; ')}.`);
  parts.push('Les indicateurs portent sur toutes les feuilles registre du classeur.');
  return parts.join(' ');
}

/** The imports recorded in the workbook's state, and those of this session (which win). */
function importRecordsInForce(input: ChainInput | null, session: readonly ImportRecord[]): ImportRecord[] {
  return withImports(input?.state?.imports ?? [], session);
}

/**
 * The progress of the workbook's read or write, while the pane itself reads or writes (not while it
 * waits for the ribbon's run, whose blocks are reported too): the label follows the phase, since the
 * pane's write reads the workbook first.
 */
export function progressShown(busy: string | null, progress: HostProgress | null): { label: string; fraction: number } | null {
  if (progress === null || (busy !== PROGRESS_LABELS.lecture && busy !== PROGRESS_LABELS.écriture)) return null;
  const label = progress.phase === 'lecture' ? PROGRESS_LABELS.lecture : PROGRESS_LABELS.écriture;
  return { label: `${label} ${Math.round(progress.fraction * 100)} %`, fraction: progress.fraction };
}

/** Notices shown before the others are folded: a messy workbook's dozen would push every step below the pane's fold. */
const NOTICES_SHOWN = 2;

/** The run's notices, as warnings; past the first ones, behind a button (never folding a single one). */
function RunNotices({ notices }: { notices: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const folded = notices.length > NOTICES_SHOWN + 1;
  const rest = notices.length - NOTICES_SHOWN;
  return (
    <>
      {(folded && !open ? notices.slice(0, NOTICES_SHOWN) : notices).map((notice) => (
        <MessageBar key={notice} intent="warning" aria-labelledby={undefined}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      {folded && (
        <div>
          <Button appearance="subtle" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? `Masquer les ${plural(rest, 'dernière remarque', 'dernières remarques')}` : `Afficher les ${plural(rest, 'autre remarque', 'autres remarques')}`}
          </Button>
        </div>
      )}
    </>
  );
}

function RibbonResult({ summary }: { summary: RibbonSummary }) {
  if (summary.echec) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Calcul depuis le ruban</MessageBarTitle>
          {summary.echec}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={summary.avertissement ? 'warning' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>Calcul depuis le ruban</MessageBarTitle>
        {`${plural(summary.lignesLues, 'ligne lue', 'lignes lues')}, ${formatValue(summary.erreurs, 'nombre')} en erreur, ${doneIndicators(summary.indicateursCalcules)} sur ${summary.indicateurs}${
          summary.exercice !== null ? ` (exercice ${summary.exercice})` : ''
        }.`}
        {summary.avertissement ? ` ${summary.avertissement}` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}
