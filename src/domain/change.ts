/**
 * The change from N−1 (`indicateurs.md`: « each indicator also shows its N−1 value and the
 * change »): computed once for the `Évolution` column of `SPASER Indicateurs`, the pane and the
 * command line, and worded once for the pane and the command line.
 */
import { categoryLabel, orderedCategories } from './categories';
import { fixedNumber, NBSP, plainFixed } from './french-text';
import type { IndicatorResult, Repartition, Unite } from './model';

/**
 * Value N minus value N−1 as they are shown, each rounded to the row's digits (`rowDecimals`): the
 * reader redoes the subtraction, and « 1 000,00 € — N−1 : 1 000,01 € » must not read « évolution :
 * 0,00 € » (the exact change, −0,004 99…, rounds to zero). Null when either is missing.
 */
export function indicatorChange(
  ind: Pick<IndicatorResult, 'valeur' | 'n1' | 'unite'>,
  /** The numbers whose digits the row shares: by default the value and N−1. */
  row: readonly (number | null)[] = [ind.valeur, ind.n1],
): number | null {
  if (ind.valeur === null || ind.n1 === null) return null;
  const decimals = rowDecimals(ind.unite, row);
  return roundedAt(roundedAt(ind.valeur, decimals) - roundedAt(ind.n1, decimals), decimals);
}

/** `x` as shown with `decimals` decimals (half up on its decimal value, as Excel), never −0. */
function roundedAt(x: number, decimals: number): number {
  const shown = Number(plainFixed(Math.abs(x), decimals));
  return shown === 0 ? 0 : x < 0 ? -shown : shown;
}

/** The change written in the `Évolution` cell of `SPASER Indicateurs`, with the digits of its whole row. */
export function writtenChange(ind: Pick<IndicatorResult, 'valeur' | 'n1' | 'unite' | 'parPole'>): number | null {
  return indicatorChange(ind, digitsRow(ind));
}

/**
 * Digits shown for the numbers of one row (an indicator's value, N−1 and change), those of the row's
 * number format in `SPASER Indicateurs` (`plan.ts` `unitFormat`): a count has no decimal, but a row
 * holding a mean (soumissionnaires: 3,0 against 2,8) keeps one for all its numbers.
 */
export function rowDecimals(unite: Unite, row: readonly (number | null)[]): number {
  if (unite === '€') return 2;
  return unite === 'nombre' && row.every((v) => v === null || Number.isInteger(v)) ? 0 : 1;
}

/**
 * The numbers of an indicator that share its digits: value, N−1 and every Pôle's value. Both sheets
 * format the indicator's row from them, so that `SPASER Indicateurs`, `SPASER Pôles`, the pane and
 * the command line show one value with the same digits.
 */
export function digitsRow(ind: Pick<IndicatorResult, 'valeur' | 'n1' | 'parPole'>): (number | null)[] {
  return [ind.valeur, ind.n1, ...Object.values(ind.parPole ?? {})];
}

/**
 * A value as the pane and the command line show it, with the decimals the `SPASER Indicateurs`
 * sheet shows beside it: `37,5 %`, `12 500,00 €`, `4,0 jours`, `1 234`, `2,6`; `—` for none.
 */
export function formatValue(value: number | null, unite: Unite, row: readonly (number | null)[] = [value]): string {
  return value === null ? '—' : withUnit(value, rowDecimals(unite, row), unite);
}

/**
 * A target of *Cibles* as the COPIL typed it: the unit's digits, more when the target has more
 * (`≥ 12,35 %`, not a rounded `≥ 12,3 %` beside a value of 12,3 % that does not meet it).
 */
export function formatTarget(value: number, unite: Unite): string {
  const typed = (String(Number(Math.abs(value).toPrecision(15))).split('.')[1] ?? '').length;
  return withUnit(value, Math.max(rowDecimals(unite, [value]), Math.min(typed, 4)), unite);
}

function withUnit(value: number, decimals: number, unite: Unite): string {
  const digits = fixedNumber(value, decimals);
  switch (unite) {
    case '%':
    case '€':
      return `${digits}${NBSP}${unite}`;
    case 'jours':
      // The plural follows the number shown: 1,96 is shown « 2,0 jours ».
      return `${digits}${NBSP}${Number(plainFixed(Math.abs(value), decimals)) < 2 ? 'jour' : 'jours'}`;
    case 'nombre':
      return digits;
  }
}

/** A change from N−1, with the value's decimals: `+2,5 points` for a share, `−3,0 jours`, `+1 200,00 €`, `0,0 point`. */
export function formatChange(change: number, unite: Unite, row: readonly (number | null)[] = [change]): string {
  // Worded from the change as shown: no `+0,0 point`, no `+2,0 point`.
  const shown = Number(plainFixed(Math.abs(change), rowDecimals(unite, row)));
  const sign = shown === 0 ? '' : change > 0 ? '+' : '−';
  if (unite === '%') return `${sign}${fixedNumber(shown, 1)}${NBSP}${shown < 2 ? 'point' : 'points'}`;
  return `${sign}${formatValue(shown, unite, row)}`;
}

/**
 * `1 ligne`, `3 lignes`, `12 000 lignes` (grouped as French writes it), the noun bound to its count
 * by a no-break space so that no line of the pane ends on a bare number (« — 1 / erreur »).
 */
export function plural(n: number, one: string, many: string): string {
  return `${formatValue(n, 'nombre')}\u00a0${n < 2 ? one : many}`;
}

/**
 * The indicator's coverage (`regles.md` §2) when some rows of its scope lacked the field, worded once
 * for the pane and the command line (`3 lignes renseignées sur 5`); null when every row had it.
 */
export function coverageText(ind: Pick<IndicatorResult, 'statut' | 'couverture'> & { readonly id?: string }): string | null {
  const { renseignees, total } = ind.couverture;
  if (ind.statut !== 'calculé' || total === 0 || renseignees >= total) return null;
  // `1.1.1-cibles-atteintes` counts targets, judged when their indicator has a value: no rows of a sheet.
  const [one, many] = ind.id === '1.1.1-cibles-atteintes' ? ['cible jugée', 'cibles jugées'] : ['ligne renseignée', 'lignes renseignées'];
  return `${plural(renseignees, one, many)} sur ${formatValue(total, 'nombre')}`;
}

/**
 * Which amount the spend indicators used (`sortie.md` `depense`, `regles.md` §5), worded once for
 * the pane, the command line and the note of `SPASER Indicateurs`.
 */
export function spendText(depense: 'montantMandate' | 'montant'): string {
  return `Dépense retenue : ${
    depense === 'montantMandate'
      ? 'dépenses mandatées (à défaut, montant notifié)'
      : "montant notifié (aucune dépense mandatée renseignée sur les lignes valides de l'exercice)"
  }`;
}

/**
 * A breakdown worded once for the pane and the command line: both shares of a supplier category, as
 * the indicator is « en nombre et en € » (`Roubaix : 40,0 % des fournisseurs, 73,3 % de la dépense`),
 * or a count per category (`CDI : 16 ; CDD : 11`).
 */
export function repartitionText(repartition: Repartition): string {
  return repartitionLines(repartition).join(`${NBSP}; `);
}

/**
 * The same, one category a line (the pane's supplier breakdowns, ten lines of one sentence at 350 px otherwise):
 * the categories in the order and under the names of the breakdown tables of `SPASER Indicateurs`
 * (`Femmes : 2`, where the JSON's key is `F`).
 */
export function repartitionLines(repartition: Repartition): string[] {
  return orderedCategories(Object.keys(repartition)).map((k) => {
    const v = repartition[k];
    const name = categoryLabel(k);
    return typeof v === 'number'
      ? `${name} : ${formatValue(v, 'nombre')}`
      : `${name} : ${formatValue(v.fournisseurs, '%')} des fournisseurs, ${formatValue(v.depense, '%')} de la dépense`;
  });
}

/** An indicator's value with its breakdown beside (`113 (CDI : 16 ; …)`), or the breakdown alone (zones, sizes). */
export function valueWithBreakdown(ind: Pick<IndicatorResult, 'valeur' | 'repartition' | 'unite'>, row: readonly (number | null)[]): string {
  const shown = formatValue(ind.valeur, ind.unite, row);
  if (ind.repartition === null) return shown;
  return ind.valeur === null ? repartitionText(ind.repartition) : `${shown} (${repartitionText(ind.repartition)})`;
}
