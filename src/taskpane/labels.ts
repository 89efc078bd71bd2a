/** French words of the pane, one place per family. */
import type { FindingCode, ProgressStep, Statut } from '../domain/model';

export type StepId = 'colonnes' | 'controles' | 'etiquettes' | 'indicateurs' | 'consolidation';

export const STEPS: readonly { readonly id: StepId; readonly label: string }[] = [
  { id: 'colonnes', label: 'Colonnes' },
  { id: 'controles', label: 'Contrôles' },
  { id: 'etiquettes', label: 'Étiquettes' },
  { id: 'indicateurs', label: 'Indicateurs' },
  { id: 'consolidation', label: 'Consolidation' },
];

/** One label per finding code, as a heading of its group. */
export const FINDING_LABELS: Readonly<Record<FindingCode, string>> = {
  'numero-manquant': 'N° de marché manquant',
  'objet-manquant': 'Objet manquant',
  'montant-manquant': 'Montant manquant',
  'montant-invalide': 'Montant illisible ou négatif',
  'date-manquante': 'Date de notification manquante',
  'date-invalide': 'Date de notification invalide',
  'valeur-illisible': 'Valeur illisible',
  doublon: 'Marché en double',
  'prolongations-incoherentes': 'Avenants de prolongation incohérents',
  'siret-invalide': 'SIRET invalide',
  'cpv-invalide': 'Code CPV invalide',
  'montants-ae-superieurs': 'Montants réemploi/recyclé supérieurs à la dépense',
  'gain-sans-negociation': 'Gain sans négociation',
  'heures-sans-clause': "Heures d'insertion sans clause sociale",
  'delai-paiement-depasse': 'Délai de paiement supérieur à 30 jours',
  'code-postal-invalide': 'Code postal invalide',
  'suggestion-non-confirmee': 'Étiquette suggérée à confirmer',
};

export const PROGRESS_LABELS: Readonly<Record<ProgressStep, string>> = {
  lecture: 'Lecture du classeur…',
  colonnes: 'Reconnaissance des colonnes…',
  contrôles: 'Contrôle des lignes…',
  calcul: 'Calcul des indicateurs…',
  écriture: 'Écriture des feuilles SPASER…',
};

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
      return `${NUMBER.format(value)} ${Math.abs(value) < 2 ? 'jour' : 'jours'}`;
    case 'nombre':
      return NUMBER.format(value);
  }
}

/** `1 ligne`, `3 lignes`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n < 2 ? one : many}`;
}
