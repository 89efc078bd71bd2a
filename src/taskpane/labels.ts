/** French words of the pane, one place per family. */
import type { IndicatorResult, ProgressStep, Statut } from '../domain/model';

export type StepId = 'colonnes' | 'controles' | 'etiquettes' | 'indicateurs' | 'consolidation';

export const STEPS: readonly { readonly id: StepId; readonly label: string }[] = [
  { id: 'colonnes', label: 'Colonnes' },
  { id: 'controles', label: 'Contrôles' },
  { id: 'etiquettes', label: 'Étiquettes' },
  { id: 'indicateurs', label: 'Indicateurs' },
  { id: 'consolidation', label: 'Consolidation' },
];

export { FINDING_LABELS } from '../domain/finding-labels';

export const PROGRESS_LABELS: Readonly<Record<ProgressStep, string>> = {
  lecture: 'Lecture du classeur…',
  colonnes: 'Reconnaissance des colonnes…',
  contrôles: 'Contrôle des lignes…',
  calcul: 'Calcul des indicateurs…',
  écriture: 'Écriture des feuilles SPASER…',
};

/** What the pane shows while an operation waits for the one on the workbook (the ribbon's run, or the pane's own). */
export const WAITING_LABELS = {
  ruban: 'En attente de la fin du calcul lancé depuis le ruban…',
  volet: "En attente de la fin de l'opération en cours sur le classeur…",
} as const;

export const STATUT_LABELS: Readonly<Record<Statut, string>> = {
  calculé: 'Calculé',
  saisi: 'Saisi',
  'non calculable': 'Non calculable',
};

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const EURO = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A value as the indicator sheet shows it: `37,5 %`, `12 500 €`, `4 jours`. */
export function formatValue(value: number | null, unite: '%' | '€' | 'nombre' | 'jours'): string {
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
export function formatChange(change: number, unite: IndicatorResult['unite']): string {
  // Worded from the change as shown (`€` to the euro, else to a tenth): no `+0 point`, no `+2 point`.
  const shown = unite === '€' ? Math.round(change) : Math.round(change * 10) / 10;
  if (shown === 0) return unite === '%' ? '0 point' : '0';
  const sign = shown > 0 ? '+' : '−';
  const size = Math.abs(shown);
  return unite === '%' ? `${sign}${NUMBER.format(size)} ${size < 2 ? 'point' : 'points'}` : `${sign}${formatValue(size, unite)}`;
}

/**
 * What the pane says beside a value for the whole City (`indicateurs.md`: with N−1 rows, the
 * N−1 value and the change; a target from *Cibles* and whether it is met).
 */
export function comparisonLines(ind: Pick<IndicatorResult, 'valeur' | 'n1' | 'unite' | 'cible'>): string[] {
  const lines: string[] = [];
  if (ind.n1 !== null) {
    const change = ind.valeur !== null ? ` (évolution : ${formatChange(ind.valeur - ind.n1, ind.unite)})` : '';
    lines.push(`N−1 : ${formatValue(ind.n1, ind.unite)}${change}`);
  }
  if (ind.cible) {
    const met = ind.cible.atteinte === null ? '' : ind.cible.atteinte ? ' — atteinte' : ' — non atteinte';
    lines.push(`Cible : ${ind.cible.sens} ${formatValue(ind.cible.valeur, ind.unite)}${met}`);
  }
  return lines;
}

/** `1 ligne`, `3 lignes`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n < 2 ? one : many}`;
}
