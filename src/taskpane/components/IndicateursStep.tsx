/** Step 4 — exercice and Pôle, the results by axe, and the button that writes the sheets. */
import { useMemo } from 'react';
import { Badge, Button, Field, Link, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import type { ChainOutput } from '../../domain/chain';
import { poleView, type PoleBreakdowns, type PoleFigures } from '../../domain/indicators/engine';
import { coverageText, digitsRow, repartitionLines, repartitionText, spendText, valueWithBreakdown } from '../../domain/change';
import { nationalReference } from '../../domain/national-reference';
import type { IndicatorResult, Statut } from '../../domain/model';
import { axeTitle } from '../../domain/plan';
import { frenchCompare } from '../../domain/french-text';
import { poleKeyMemo, poleNames } from '../../domain/normalize';
import { choosableYear } from '../../domain/exercice-notice';
import type { DownloadLink, HostKind } from '../host';
import { comparisonLines, doneIndicators, formatValue, plural, STATUT_LABELS } from '../labels';
import { ResultExport } from './ResultExport';

interface IndicateursStepProps {
  readonly output: ChainOutput | null;
  readonly hostKind: HostKind;
  readonly pole: string | null;
  readonly busy: boolean;
  readonly written: boolean;
  readonly download: DownloadLink | null;
  /** For the exported JSON's file name. */
  readonly workbookName: string | null;
  readonly downloadsFiles: boolean;
  readonly onExercice: (exercice: number | null) => void;
  readonly onPole: (pole: string | null) => void;
  readonly onWrite: () => void;
}

const CITY = '';

/**
 * Years of the register's readable dates within the allowed period, latest first, and the exercice in
 * force: a date out of the period (`date-invalide`, a typo such as 2031) offers no year to choose.
 */
function yearsOf(output: ChainOutput): number[] {
  const years = new Set<number>();
  for (const r of output.register.rows) {
    const year = choosableYear(r);
    if (year !== null) years.add(year);
  }
  if (output.result.exercice !== null) years.add(output.result.exercice);
  return [...years].sort((a, b) => b - a);
}

/**
 * The register's Pôles, each once under the name the indicators give it (spellings grouped), every
 * year's: the list stays the same when the exercice changes.
 */
export function polesOf(output: ChainOutput): string[] {
  return [...poleNames(output.register.rows).values()].sort(frenchCompare);
}

/**
 * The Pôles with no row retained for the exercice (not in `SPASER Pôles`): their option says so, or a
 * Pôle of other years only (an archive sheet without a Pôle column takes the file's name) looks like
 * a Pôle of the year with nothing in it.
 */
export function polesWithoutRowsOf(output: ChainOutput): Set<string> {
  const keyOf = poleKeyMemo();
  const retained = new Set<string>();
  for (const r of output.register.rows) if (!r.hasError && r.annee === output.result.exercice) retained.add(keyOf(r.pole));
  const without = new Set<string>();
  for (const [key, name] of poleNames(output.register.rows, keyOf)) if (!retained.has(key)) without.add(name);
  return without;
}

/**
 * The indicator's coverage (`regles.md` §2) when some rows of its scope lacked the field: a
 * value computed on part of the contracts says so beside it, as the sheet's `Couverture` does.
 */
export function coverageLine(ind: Pick<IndicatorResult, 'statut' | 'couverture'> & { readonly id?: string }): string | null {
  const text = coverageText(ind);
  return text === null ? null : `Couverture : ${text}`;
}

const STATUT_COLORS = { calculé: 'success', saisi: 'informative', 'non calculable': 'warning' } as const;

/** What the list shows of one indicator, for the City or for the chosen Pôle. */
interface ShownIndicator {
  readonly value: string;
  readonly statut: Statut;
  /** N−1 with its change, then the target (the City's only: the COPIL sets none per Pôle). */
  readonly lines: readonly string[];
  readonly coverage: string | null;
  readonly motif: string | null;
  /** The City's note of `SPASER Indicateurs` (spend used, source of a manual value, one set aside…). */
  readonly note: string | null;
  /** A breakdown without a single value (zones, sizes): `value`, one category a line. */
  readonly breakdown: readonly string[] | null;
}

export function shownIndicator(
  ind: IndicatorResult,
  pole: string | null,
  figures: ReadonlyMap<string, PoleFigures> | null,
  breakdowns: PoleBreakdowns,
): ShownIndicator {
  const city = { statut: ind.statut, lines: [], coverage: null, motif: ind.statut === 'non calculable' ? ind.motif : null, note: null, breakdown: null };
  // The digits of the indicator's row in both sheets; a Pôle's own N−1 (in no sheet) may add one to its lines.
  const row = digitsRow(ind);
  // N−1 and the target stay said when N is not calculable (indicateurs.md: N−1 whenever it has rows), as the sheet says them.
  if (ind.statut === 'non calculable') {
    return pole === null ? { ...city, value: 'Non calculable', lines: comparisonLines(ind, row), note: ind.note ?? null } : { ...city, value: 'Non calculable', lines: [] };
  }
  if (pole === null) {
    // A count with its breakdown (contract types, women and men) gives both, as the command line does.
    const breakdown = ind.valeur === null && ind.repartition !== null ? repartitionLines(ind.repartition) : null;
    return { ...city, value: valueWithBreakdown(ind, row), lines: comparisonLines(ind, row), coverage: coverageLine(ind), note: ind.note ?? null, breakdown };
  }
  // In a Pôle's view, the badge and the counts are the Pôle's: without a value of its own, not calculable.
  const none = (value: string): ShownIndicator => ({ statut: 'non calculable', value, lines: [], coverage: null, motif: null, note: null, breakdown: null });
  if (!ind.parPole) return none('Non ventilé par Pôle');
  // Broken down by Pôle, but this Pôle has no contract of the exercice taking part.
  if (!(pole in ind.parPole)) return none("Aucun marché de ce Pôle pour l'exercice");
  const own = figures?.get(ind.id);
  // Computed for the City only (targets, charts, the Actions SPASER sheet, manual values).
  if (figures !== null && own === undefined) return none('Non ventilé par Pôle');
  if (own?.statut === 'non calculable') return { ...none('Non calculable pour ce Pôle'), motif: own.motif };
  // Zones, company sizes: the Pôle's own categories (no single value).
  const byPole = breakdowns.get(ind.id);
  const rep = byPole !== undefined && pole in byPole ? byPole[pole] : undefined;
  const valeur = ind.parPole[pole];
  const value = rep !== undefined ? (rep === null ? 'Non calculable pour ce Pôle' : repartitionText(rep)) : formatValue(valeur, ind.unite, row);
  const breakdown = rep ? repartitionLines(rep) : null;
  if (own === undefined || valeur === null) return { ...city, value, breakdown };
  // Beside the Pôle's value, its own N−1 and coverage, from its own rows.
  const lines = comparisonLines({ valeur, n1: own.n1, unite: ind.unite, cible: null }, [...row, own.n1]);
  // Not the City's note (it counts the City's rows): only what the Pôle's own N−1 rests on, or why it has none.
  return { ...city, statut: own.statut, value, lines, coverage: coverageLine(own), note: own.n1Note, breakdown };
}

export function IndicateursStep(props: IndicateursStepProps) {
  const { output, hostKind, pole, busy, written, download } = props;
  const exercice = output?.result.exercice ?? null;
  // Computed when a Pôle is chosen: neither the sheets nor the JSON hold a Pôle's N−1.
  const view = useMemo(
    () => (output !== null && pole !== null && exercice !== null ? poleView(output.register, exercice, pole) : null),
    [output, pole, exercice],
  );
  // Passes over every row of the register: once per computation, not at each render (a Pôle chosen, an axe opened).
  const lists = useMemo(
    () => (output === null ? null : { years: yearsOf(output), poles: polesOf(output), withoutRows: polesWithoutRowsOf(output) }),
    [output],
  );
  if (!output || !lists) return <Text>Les indicateurs s'afficheront une fois le registre reconnu.</Text>;
  const { result } = output;
  const { years, poles, withoutRows } = lists;
  const axes = [...new Set(result.indicateurs.map((i) => i.axe))].sort((a, b) => a - b);
  const computed = result.indicateurs.filter((i) => i.statut !== 'non calculable').length;
  const shown = new Map(result.indicateurs.map((ind) => [ind.id, shownIndicator(ind, pole, view?.figures ?? null, output.poleBreakdowns)]));
  const computedForPole = [...shown.values()].filter((s) => s.statut !== 'non calculable').length;
  return (
    <div className="step-body">
      <Field label="Exercice">
        <Select value={result.exercice === null ? '' : String(result.exercice)} onChange={(_, d) => props.onExercice(d.value === '' ? null : Number(d.value))}>
          {result.exercice === null && <option value="">Aucun exercice</option>}
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Pôle">
        <Select value={pole ?? CITY} onChange={(_, d) => props.onPole(d.value === CITY ? null : d.value)}>
          <option value={CITY}>Toute la Ville</option>
          {poles.map((p) => (
            <option key={p} value={p}>
              {withoutRows.has(p) ? `${p} (aucune ligne retenue pour ${result.exercice ?? '—'})` : p}
            </option>
          ))}
        </Select>
      </Field>
      <Text as="p" block>
        {plural(result.lignes.exercice, 'ligne retenue', 'lignes retenues')} pour {result.exercice ?? '—'} sur{' '}
        {plural(result.lignes.lues, 'ligne lue', 'lignes lues')}&nbsp;; {doneIndicators(computed)} sur {result.indicateurs.length}.
      </Text>
      {pole !== null && view !== null ? (
        <Text as="p" block>
          {`${pole} : ${plural(view.lignes, 'ligne retenue', 'lignes retenues')} pour ${result.exercice}\u00a0; ${doneIndicators(computedForPole)} pour ce Pôle sur ${result.indicateurs.length}.`}
        </Text>
      ) : null}
      {/* As the sheet and the command line say it: the spend indicators' amount. */}
      <Text as="p" block size={200}>
        {spendText(result.depense)}
      </Text>
      {/* Writing first: a buyer should not have to scroll past 56 indicators to find it. */}
      <div className="write-bar">
        {/* disabledFocusable: while writing, keyboard focus stays on the button instead of falling to the page. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={props.onWrite}>
          {hostKind === 'excel' ? 'Écrire les feuilles et les graphiques' : 'Écrire les feuilles SPASER'}
        </Button>
      </div>
      {written && hostKind === 'apercu' && download && (
        <MessageBar intent="success" aria-labelledby={undefined}>
          <MessageBarBody>
            Classeur prêt.{' '}
            <Link href={download.url} download={download.fileName}>
              Télécharger le classeur
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {written && hostKind === 'apercu' && download?.notice && (
        <MessageBar intent="warning" aria-labelledby={undefined}>
          <MessageBarBody>{download.notice}</MessageBarBody>
        </MessageBar>
      )}
      <ResultExport result={result} workbookName={props.workbookName} downloadsFiles={props.downloadsFiles} />
      {axes.map((axe) => {
        const list = result.indicateurs.filter((i) => i.axe === axe);
        // Counted as shown: a Pôle's own statuses in its view.
        const done = list.filter((i) => shown.get(i.id)?.statut !== 'non calculable').length;
        // Folded by default: the pane stays short; the summary says how complete each axe is.
        return (
          <details key={axe} className="axe">
            <summary>
              <h3 id={`axe-${axe}`}>{axeTitle(axe)}</h3>
              <Text size={200}>{`${done} calculé${done > 1 ? 's' : ''} ou saisi${done > 1 ? 's' : ''} sur ${list.length}`}</Text>
            </summary>
            <ul className="indicator-list" aria-labelledby={`axe-${axe}`}>
              {list.map((ind) => (
                <IndicatorItem key={ind.id} ind={ind} shown={shown.get(ind.id) as ShownIndicator} />
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

function IndicatorItem({ ind, shown }: { readonly ind: IndicatorResult; readonly shown: ShownIndicator }) {
  return (
    <li data-indicateur={ind.id}>
      <Text as="p" block size={200}>
        {`${ind.objectif} ${ind.libelle}`}
      </Text>
      {/* « Non calculable » is the badge's word: not said twice. */}
      {shown.value !== STATUT_LABELS[shown.statut] ? (
        <>
          {shown.breakdown ? (
            // One category a line; the separators stay in the text, read as one sentence.
            <Text weight="semibold" className="breakdown">
              {shown.breakdown.map((line, i) => (
                <span key={line}>{i < shown.breakdown!.length - 1 ? `${line} ; ` : line}</span>
              ))}
            </Text>
          ) : (
            <Text weight="semibold">{shown.value}</Text>
          )}{' '}
        </>
      ) : null}
      <Badge appearance="tint" color={STATUT_COLORS[shown.statut]}>
        {STATUT_LABELS[shown.statut]}
      </Badge>
      {shown.lines.map((line) => (
        <Text key={line} as="p" block size={200}>
          {line}
        </Text>
      ))}
      {ind.statut !== 'non calculable' && nationalReference(ind.id) !== null ? (
        <Text as="p" block size={200}>
          {`Référence nationale : ${formatValue(nationalReference(ind.id), '%')} (plan national pour des achats durables 2022-2025)`}
        </Text>
      ) : null}
      {shown.coverage !== null ? (
        <Text as="p" block size={200}>
          {shown.coverage}
        </Text>
      ) : null}
      {shown.motif ? <Text as="p" block size={200}>{`Motif : ${shown.motif}`}</Text> : null}
      {shown.note ? <Text as="p" block size={200}>{`Note : ${shown.note}`}</Text> : null}
    </li>
  );
}
