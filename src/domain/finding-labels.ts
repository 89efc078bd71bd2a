/** French names of the finding codes of `regles.md` §3: group headings in the pane, counts in the command line's summary. */
import type { FindingCode } from './model';

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
  'delai-paiement-depasse': 'Délai de paiement supérieur à 30 jours',
  'code-postal-invalide': 'Code postal invalide',
  'suggestion-non-confirmee': 'Étiquette suggérée à confirmer',
};
