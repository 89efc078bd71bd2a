/** French display of the chain's result for the terminal (numbers, indicators, controls). */
import { coverageText, digitsRow, formatChange, formatTarget, formatValue as domainFormatValue, indicatorChange, spendText, valueWithBreakdown } from '../domain/change';
import { SHEET_KINDS } from '../domain/fields';
import { FINDING_CODES, type IndicatorResult, type SheetMapping, type SpaserResult, type Unite } from '../domain/model';
import { FINDING_LABELS } from '../domain/finding-labels';
import { ambiguousColumnText, unusedColumnText } from '../domain/mapping';
import { nationalReference } from '../domain/national-reference';
import { axeTitle } from '../domain/plan';
import { fixedNumber } from '../domain/french-text';
import { SHEET_CONTROLES, SHEET_INDICATEURS } from '../domain/plan-types';

/**
 * The terminal's text: plain spaces where the pane and the sheets write French no-break spaces
 * (U+00A0, U+202F), so that the output stays readable in any terminal and greppable.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** `12345.678` → `12 345,68` with `decimals` digits, plain spaces. */
export function formatNumber(n: number, decimals: number): string {
  return plainSpaces(fixedNumber(n, decimals));
}

/** A value with its unit, as the pane and `SPASER Indicateurs` show it: `37,5 %`, `12 345,00 €`, `28,4 jours`, `1 234`, `2,6`. */
export function formatValue(v: number, unite: Unite, row: readonly (number | null)[] = [v]): string {
  return plainSpaces(domainFormatValue(v, unite, row));
}

/** The value part of an indicator line. */
export function formatIndicatorValue(ind: IndicatorResult): string {
  // Value, N−1 and change with the digits of the indicator's row in the sheets.
  const row = digitsRow(ind);
  let text: string;
  if (ind.statut === 'non calculable') text = `non calculable : ${ind.motif ?? 'motif non précisé'}`;
  else {
    // The value, its breakdown beside, as the pane words them (a computed or manual result has one or the other).
    text = valueWithBreakdown(ind, row);
    if (ind.statut === 'saisi') text += ' (saisi)';
  }
  // N−1 and the target are said even when N is not calculable, as the sheet and the pane say them.
  if (ind.n1 !== null) {
    text += ` — N−1 : ${formatValue(ind.n1, ind.unite, row)}`;
    // The change as the pane words it and the `Évolution` column of `SPASER Indicateurs` computes it.
    const change = indicatorChange(ind, row);
    if (change !== null) text += ` (évolution : ${formatChange(change, ind.unite, row)})`;
  }
  if (ind.cible) {
    const atteinte = ind.cible.atteinte === null ? '' : ind.cible.atteinte ? ', atteinte' : ', non atteinte';
    text += ` — cible ${ind.cible.sens} ${formatTarget(ind.cible.valeur, ind.unite)}${atteinte}`;
  }
  if (ind.statut === 'non calculable') return plainSpaces(text);
  // Beside, never mixed in (indicateurs.md).
  const reference = nationalReference(ind.id);
  if (reference !== null) text += ` — référence nationale : ${formatValue(reference, ind.unite)}`;
  // Rows without the field, as the pane's « Couverture » line says.
  const coverage = coverageText(ind);
  if (coverage !== null) text += ` — couverture : ${coverage}`;
  return plainSpaces(text);
}

function codeRank(code: string): number {
  const i = (FINDING_CODES as readonly string[]).indexOf(code);
  return i < 0 ? FINDING_CODES.length : i;
}

/**
 * `Montant illisible ou négatif (montant-invalide) 2, Marché en double (doublon) 3`: in the order of
 * the pane's groups of the Contrôles step (the catalogue's, `ERROR_CODES` then `WARNING_CODES`), so that
 * a code is found at the same place in both; the code stays beside its French name, as in `SPASER Contrôles`.
 */
export function countByCode(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => codeRank(a[0]) - codeRank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([c, n]) => {
      const label = (FINDING_LABELS as Readonly<Record<string, string>>)[c];
      return `${label === undefined ? c : `${label} (${c})`} ${n}`;
    })
    .join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n, 0)} ${n > 1 ? many : one}`;
}

interface SummaryInfo {
  readonly inputs: readonly string[];
  /** Where the output workbook was written, null when none. */
  readonly output: string | null;
  /** The ambiguous and unused columns (`columnReport`), printed before the output's name. */
  readonly columns?: readonly string[];
  /** How many notices the run printed on stderr while it ran (scrolled away above a long summary), and how many of them the written workbook keeps. */
  readonly notices?: { readonly shown: number; readonly written: number };
}

/** What a run tells of the columns of one sheet it read (register or companion). */
type ColumnsOfSheet = Pick<SheetMapping, 'file' | 'sheet' | 'kind' | 'ambiguous' | 'unmapped'>;

/**
 * The columns left for the user, as the pane's Colonnes step shows them (regles.md §1: an ambiguous
 * header is reported, never guessed): per sheet, the ambiguous ones with their letter and their
 * candidate fields, the ones no field uses; then, when one is ambiguous, how to have it read.
 * No line when every column was recognised.
 */
export function columnReport(mappings: readonly ColumnsOfSheet[], withFile: boolean): string[] {
  const lines: string[] = [];
  for (const m of mappings) {
    if (m.ambiguous.length === 0 && m.unmapped.length === 0) continue;
    const fields = SHEET_KINDS[m.kind].fields as readonly { readonly id: string; readonly label: string }[];
    const label = (id: string): string => fields.find((f) => f.id === id)?.label ?? id;
    lines.push(`Colonnes de la feuille « ${m.sheet} »${withFile ? ` (${m.file})` : ''} :`);
    // One line each: the candidates make a line long enough.
    for (const a of m.ambiguous) {
      lines.push(`  Colonne ambiguë, lue pour aucun champ : ${ambiguousColumnText(a, label)}`);
    }
    if (m.unmapped.length > 0) {
      lines.push(`  ${m.unmapped.length > 1 ? 'Colonnes non utilisées' : 'Colonne non utilisée'} : ${m.unmapped.map(unusedColumnText).join(', ')}`);
    }
  }
  if (mappings.some((m) => m.ambiguous.length > 0)) {
    lines.push(
      "Pour lire une colonne ambiguë : choisissez son champ à l'étape Colonnes du volet (le choix, enregistré dans le classeur avec les feuilles SPASER, vaut aussi pour la ligne de commande), ou renommez son en-tête.",
    );
  }
  return lines.map(plainSpaces);
}

/** The readable French summary printed on stdout without `--json`. */
export function formatSummary(result: SpaserResult, info: SummaryInfo): string {
  const lines: string[] = [];
  lines.push(`Registre SPASER — exercice ${result.exercice ?? 'indéterminé (aucune date lisible)'}`);
  lines.push(`Classeur${info.inputs.length > 1 ? 's' : ''} : ${info.inputs.join(', ')}`);
  const l = result.lignes;
  // Rows (`sortie.md` `lignes`), told apart from the findings below as `SPASER Indicateurs` tells them.
  lines.push(
    `Lignes : ${plural(l.lues, 'lue', 'lues')}, dont ${formatNumber(l.erreurs, 0)} en erreur (tous exercices) ; ${formatNumber(l.exercice, 0)} de l'exercice sans erreur, dont ${formatNumber(l.avertissements, 0)} avec avertissement`,
  );
  lines.push(spendText(result.depense));

  let axe = 0;
  for (const ind of result.indicateurs) {
    if (ind.axe !== axe) {
      axe = ind.axe;
      // Worded as the pane and `SPASER Indicateurs` head it (`indicateurs.md`).
      lines.push('', axeTitle(axe));
    }
    lines.push(`  ${ind.id}  ${ind.libelle} : ${formatIndicatorValue(ind)}`);
    // The note of `SPASER Indicateurs` (spend used, source of a manual value, one set aside), as the pane
    // says it, on a line of its own: the indicator's line stays readable.
    if (ind.note) lines.push(`      note : ${plainSpaces(ind.note)}`);
  }

  const errors = result.controles.filter((c) => c.gravite === 'erreur');
  const warnings = result.controles.filter((c) => c.gravite === 'avertissement');
  lines.push('', `Contrôles (constats sur toutes les lignes lues) : ${plural(errors.length, 'erreur', 'erreurs')}, ${plural(warnings.length, 'avertissement', 'avertissements')}`);
  if (errors.length > 0) lines.push(`  Erreurs : ${countByCode(errors.map((c) => c.code))}`);
  if (warnings.length > 0) lines.push(`  Avertissements : ${countByCode(warnings.map((c) => c.code))}`);
  // The counts say how many, not which: the rows are listed where the user can follow the links.
  if (info.output && errors.length + warnings.length > 0) lines.push(`  Détail ligne par ligne dans la feuille « ${SHEET_CONTROLES} » du classeur écrit.`);
  const pending = result.suggestions.filter((s) => s.decision === null).length;
  if (result.suggestions.length > 0) {
    lines.push(`Suggestions d'étiquettes : ${formatNumber(result.suggestions.length, 0)}, dont ${formatNumber(pending, 0)} à confirmer ou rejeter dans le classeur`);
  }
  if (info.notices && info.notices.shown > 0) {
    // Printed before the summary, they are out of sight once it is read: counted here, at the end.
    const { shown, written } = info.notices;
    const s = shown > 1 ? 's' : '';
    const sheet = `dans la feuille « ${SHEET_INDICATEURS} » du classeur écrit`;
    // An unreadable state's notice is not written there: the write replaces that sheet.
    const where = !info.output || written === 0 ? '' : written === shown ? ` et reprise${s} ${sheet}` : `, dont ${formatNumber(written, 0)} reprise${written > 1 ? 's' : ''} ${sheet}`;
    lines.push(`Remarque${s} du calcul : ${formatNumber(shown, 0)}, affichée${s} pendant le calcul${where}.`);
  }
  if (info.columns && info.columns.length > 0) lines.push('', ...info.columns);
  lines.push('', info.output ? `Classeur écrit : ${info.output}` : 'Aucun classeur écrit.');
  return plainSpaces(`${lines.join('\n')}\n`);
}
