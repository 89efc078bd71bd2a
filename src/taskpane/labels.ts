/** French words of the pane, one place per family. */
import { formatChange, formatTarget, formatValue, indicatorChange, plural } from '../domain/change';
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

export { formatChange, formatValue, plural } from '../domain/change';

/**
 * What the pane says beside a value for the whole City (`indicateurs.md`: with N−1 rows, the
 * N−1 value and the change; a target from *Cibles* and whether it is met).
 */
export function comparisonLines(
  ind: Pick<IndicatorResult, 'valeur' | 'n1' | 'unite' | 'cible'>,
  /** The numbers whose digits the lines share (`rowDecimals`): by default the value and N−1, as `SPASER Indicateurs`. */
  row: readonly (number | null)[] = [ind.valeur, ind.n1],
): string[] {
  const lines: string[] = [];
  if (ind.n1 !== null) {
    const change = indicatorChange(ind, row);
    const changeText = change !== null ? ` (évolution : ${formatChange(change, ind.unite, row)})` : '';
    lines.push(`N−1 : ${formatValue(ind.n1, ind.unite, row)}${changeText}`);
  }
  if (ind.cible) {
    const met = ind.cible.atteinte === null ? '' : ind.cible.atteinte ? ' — atteinte' : ' — non atteinte';
    lines.push(`Cible : ${ind.cible.sens} ${formatTarget(ind.cible.valeur, ind.unite)}${met}`);
  }
  return lines;
}


/** Indicators with a value, computed or entered in *Saisies manuelles*: the words of each axe's count. */
export function doneIndicators(n: number): string {
  return plural(n, 'indicateur calculé ou saisi', 'indicateurs calculés ou saisis');
}
