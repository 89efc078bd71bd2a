/**
 * The change from N−1 (`indicateurs.md`: « each indicator also shows its N−1 value and the
 * change »): computed once for the `Évolution` column of `SPASER Indicateurs`, the pane and the
 * command line, and worded once for the pane and the command line.
 */
import type { IndicatorResult, Unite } from './model';

/** Value N minus value N−1; null when either is missing. */
export function indicatorChange(ind: Pick<IndicatorResult, 'valeur' | 'n1'>): number | null {
  return ind.valeur !== null && ind.n1 !== null ? ind.valeur - ind.n1 : null;
}

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const EURO = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A value as the pane shows it: `37,5 %`, `12 500 €`, `4 jours`; `—` for none. */
export function formatValue(value: number | null, unite: Unite): string {
  if (value === null) return '—';
  switch (unite) {
    case '%':
      return `${NUMBER.format(value)} %`;
    case '€':
      return `${EURO.format(value)} €`;
    case 'jours':
      // The plural follows the number shown: 1,96 is shown « 2 jours ».
      return `${NUMBER.format(value)} ${Math.abs(Math.round(value * 10) / 10) < 2 ? 'jour' : 'jours'}`;
    case 'nombre':
      return NUMBER.format(value);
  }
}

/** A change from N−1: `+2,5 points` for a share, `−3 jours`, `+1 200 €`, `0`. */
export function formatChange(change: number, unite: Unite): string {
  // Worded from the change as shown (`€` to the euro, else to a tenth): no `+0 point`, no `+2 point`.
  const shown = unite === '€' ? Math.round(change) : Math.round(change * 10) / 10;
  if (shown === 0) return unite === '%' ? '0 point' : '0';
  const sign = shown > 0 ? '+' : '−';
  const size = Math.abs(shown);
  return unite === '%' ? `${sign}${NUMBER.format(size)} ${size < 2 ? 'point' : 'points'}` : `${sign}${formatValue(size, unite)}`;
}

/** Which amount the spend indicators used (`sortie.md` `depense`, `regles.md` §5), worded once for the pane and the command line. */
export function spendText(depense: 'montantMandate' | 'montant'): string {
  return `Dépense retenue : ${depense === 'montantMandate' ? 'dépenses mandatées (à défaut, montant notifié)' : 'montant notifié'}`;
}
