/**
 * Blind recipe `resume` — expectations computed by hand from the spec only
 * (regles.md, indicateurs.md, sortie.md, README « Choix faits »), before any
 * run and without reading src/.
 *
 * Rows judged (sheet « Suivi marchés », header row 3, amounts ×1 000 : k€):
 *  r4  RBX-25-001 2025 Ressources 120 000 € CS oui CE non AOO 4 offres DGP 25 SIRET valide Roubaix prog oui   OK
 *  r5  RBX-25-002 2025 Ressources  12 500 € CS non CE oui MAPA 2 offres DGP 35 Lille prog non               Avert. delai-paiement-depasse (J5)
 *  r6  RBX-25-003 2025 Cadre de vie 48 000 € CS non CE non MAPA 3 offres DGP 28 SIRET 12345678901234 Tourcoing prog oui
 *                                                                         Avert. siret-invalide (K6, Luhn fails)
 *  r7  RBX-25-004 2025 Cadre de vie  7 200 € gré à gré (MSPMC, not a consultation) DGP 20 Paris (no CP → Inconnue)  OK
 *  r8  RBX-25-005 2025 montant empty                                                                         Erreur montant-manquant (D8)
 *  r9  RBX-25-002 2025 same numero as r5, same year                                                          Erreur doublon (A9)
 *  r10 RBX-99-006 1999-06-15                                                                                 Erreur date-invalide (E10)
 *  r11 RBX-24-010 2024 Ressources 100 000 € CS oui AOO 5 offres DGP 30 Roubaix prog oui                       OK (N−1)
 *  r12 RBX-24-011 2024 Cadre de vie 10 000 € MAPA 2 offres DGP 40 Croix prog non                              Avert. delai-paiement-depasse (J12)
 *
 * Exercice: readable dates 2025 ×6 (r4–r9), 2024 ×2, 1999 ×1 → N = 2025.
 * R = M = {r4, r5, r6, r7} (horsMarche not mapped); MC = {r4, r5, r6}; dep = montant.
 * lignes: lues 9, exercice 4, erreurs 3 (r8, r9, r10), avertissements 2 (r5, r6).
 * Σ_R mt = 120 000 + 12 500 + 48 000 + 7 200 = 187 700.
 * N−1 = 2024: R' = {r11, r12}, Σ mt = 110 000.
 * Pôles: « Pôle Ressources » = {r4, r5}, « Pôle Cadre de vie » = {r6, r7}.
 */

export interface Expected {
  value: number | null; // null → non calculable
  unit: '%' | '€' | 'nombre' | 'jours';
  n1?: number;
  cible?: number;
  motif?: RegExp; // when non calculable
  parPole?: Record<string, number>;
}

export const EXERCICE = 2025;
export const LIGNES = { lues: 9, exercice: 4, erreurs: 3, avertissements: 2 };
export const POLES = ['Pôle Ressources', 'Pôle Cadre de vie'];

const absent = /absente/i;

export const EXPECTED: Record<string, Expected> = {
  // Cibles of 2025: 4.2.2-clause-sociale-part 25 ≥ 30 → not met; 2.1.5-delai-paiement 27 ≤ 30 → met. 1/2.
  // (9.9.9-inconnu is not an indicator: ignored.)
  '1.1.1-cibles-atteintes': { value: 50, unit: '%' },
  // AR = {r4 (social), r5 (env)}.
  '1.1.2-marches-ar': { value: 2, unit: 'nombre', n1: 1, parPole: { 'Pôle Ressources': 2, 'Pôle Cadre de vie': 0 } },
  '1.1.2-avenants-ar': { value: null, unit: 'nombre', motif: absent },
  // 120 000 + 12 500; N−1: r11 100 000.
  '1.1.2-montant-ar': { value: 132500, unit: '€', n1: 100000, parPole: { 'Pôle Ressources': 132500, 'Pôle Cadre de vie': 0 } },
  // Charts: considérations (1), zones (2), par Pôle (5, two Pôles); no size column, no Suivi insertion.
  '1.1.2-dataviz': { value: 3, unit: 'nombre' },
  '1.2.1-formations': { value: null, unit: 'nombre', motif: /Actions/ },
  '1.2.1-personnes-formees': { value: null, unit: 'nombre', motif: /Actions/ },
  '1.2.1-ateliers-evenements': { value: null, unit: 'nombre', motif: /Actions/ },
  // programme oui: r4, r6 → 2/4; N−1 r11 of 2 → 50.
  '2.1.1-programmes-nb': { value: 50, unit: '%', n1: 50, parPole: { 'Pôle Ressources': 50, 'Pôle Cadre de vie': 50 } },
  // (120 000 + 48 000) / 187 700 = 89,5045…; N−1 100 000 / 110 000 = 90,909…
  '2.1.1-programmes-montant': { value: (168000 / 187700) * 100, unit: '%', n1: (100000 / 110000) * 100 },
  '2.1.1-prolongations-recurrents': { value: null, unit: 'nombre', motif: absent },
  '2.1.2-hors-marche-nb': { value: null, unit: '%', motif: absent },
  '2.1.2-hors-marche-montant': { value: null, unit: '%', motif: absent },
  '2.1.2-sans-nomenclature-nb': { value: null, unit: '%', motif: absent },
  '2.1.2-sans-nomenclature-montant': { value: null, unit: '%', motif: absent },
  '2.1.3-sourcage': { value: null, unit: 'nombre', motif: absent },
  '2.1.4-cout-global': { value: null, unit: 'nombre', motif: absent },
  '2.1.5-relation-fournisseur': { value: null, unit: '%', motif: absent },
  '2.1.5-reunions': { value: null, unit: 'nombre', motif: absent },
  // (25 + 35 + 28 + 20) / 4 = 27; N−1 (30 + 40) / 2 = 35; target ≤ 30.
  // Pôles: Ressources (25 + 35) / 2 = 30, Cadre de vie (28 + 20) / 2 = 24.
  '2.1.5-delai-paiement': { value: 27, unit: 'jours', n1: 35, cible: 30, parPole: { 'Pôle Ressources': 30, 'Pôle Cadre de vie': 24 } },
  '2.2.2-hors-bpu': { value: null, unit: '€', motif: absent },
  // MC offres 4, 2, 3 → 3; N−1 (5 + 2) / 2 = 3,5. Ressources (4 + 2) / 2 = 3, Cadre de vie 3.
  '2.2.3-soumissionnaires': { value: 3, unit: 'nombre', n1: 3.5 },
  '2.2.3-fiches-suivi': { value: null, unit: 'nombre', motif: absent },
  '2.2.4-dossiers-negocies': { value: null, unit: 'nombre', motif: absent },
  '2.2.4-gain-negociation': { value: null, unit: '€', motif: absent },
  '2.2.5-offre-technique-amelioree': { value: null, unit: '%', motif: absent },
  // env: r5 → 1/4; N−1 0/2.
  '3.1.1-consideration-env': { value: 25, unit: '%', n1: 0, parPole: { 'Pôle Ressources': 50, 'Pôle Cadre de vie': 0 } },
  '3.1.1-criteres-env': { value: null, unit: '%', motif: absent },
  '3.1.1-clauses-env': { value: 25, unit: '%', n1: 0 },
  '3.1.1-reemploi': { value: null, unit: '€', motif: absent },
  '3.1.1-reutilisation': { value: null, unit: '€', motif: absent },
  '3.1.1-recycle': { value: null, unit: '€', motif: absent },
  '3.2.1-fournitures-evitees': { value: null, unit: '%', motif: /./ },
  '3.2.1-mobilier-reemploye': { value: null, unit: '%', motif: /./ },
  '3.2.1-location': { value: null, unit: '%', motif: absent },
  '3.2.1-achat-usage': { value: null, unit: '%', motif: absent },
  '3.2.1-centrales': { value: null, unit: '€', motif: absent },
  // sociale: r4 → 1/4; N−1 r11 → 1/2.
  '4.1.2-consideration-sociale': { value: 25, unit: '%', n1: 50, parPole: { 'Pôle Ressources': 50, 'Pôle Cadre de vie': 0 } },
  '4.2.1-insertion-nb': { value: null, unit: 'nombre', motif: absent },
  '4.2.1-insertion-montant': { value: null, unit: '€', motif: absent },
  '4.2.2-clause-sociale-nb': { value: 1, unit: 'nombre', n1: 1 },
  // 25 against the target ≥ 30: not met.
  '4.2.2-clause-sociale-part': { value: 25, unit: '%', n1: 50, cible: 30 },
  '4.2.2-heures': { value: null, unit: 'nombre', motif: /./ },
  '4.2.2-personnes': { value: null, unit: 'nombre', motif: /Suivi insertion/ },
  '4.2.2-contrats': { value: null, unit: 'nombre', motif: /Suivi insertion/ },
  '4.2.2-typologie': { value: null, unit: 'nombre', motif: /Suivi insertion/ },
  '4.2.2-femmes': { value: null, unit: '%', motif: /Suivi insertion/ },
  '4.2.2-roubaisiens': { value: null, unit: '%', motif: /Suivi insertion/ },
  '4.2.2-residents-qpv': { value: null, unit: 'nombre', motif: /Suivi insertion/ },
  '4.2.3-reserves': { value: null, unit: 'nombre', motif: absent },
  '4.2.3-montant-esat-siae-ess': { value: null, unit: '€', motif: absent },
  // Breakdown: checked separately (ZONES).
  // Roubaix: Toitures du Nord (r4) 120 000 / 1 supplier; N−1 r11 100 000 / 1.
  '5.1.1-montant-moyen-roubaix': { value: 120000, unit: '€', n1: 100000 },
  '5.1.4-fournisseurs-typologie': { value: null, unit: '%', motif: absent },
  '5.2.1-innovants-nb': { value: null, unit: '%', motif: absent },
  '5.2.1-innovants-montant': { value: null, unit: '%', motif: absent },
};

/**
 * 5.1.1-fournisseurs-zone, N: suppliers (SIRET when valid, else name):
 * Toitures du Nord (Roubaix, 120 000), Papeterie Lilloise (Lille → MEL, 12 500),
 * Ascenseurs Services (Tourcoing → MEL, 48 000), Vitres Nettes (Paris without
 * postal code → Inconnue, 7 200). 4 suppliers, Σ dep 187 700.
 */
export const ZONES: Record<string, { fournisseurs: number; depense: number }> = {
  Roubaix: { fournisseurs: 25, depense: (120000 / 187700) * 100 },
  'MEL (hors Roubaix)': { fournisseurs: 50, depense: (60500 / 187700) * 100 },
  Inconnue: { fournisseurs: 25, depense: (7200 / 187700) * 100 },
};

/** Expected findings (all years): sheet row, code, the user's header of the column. */
export const CONTROLES = [
  { ligne: 5, code: 'delai-paiement-depasse', gravite: 'avertissement', colonne: 'DGP (jours)' },
  { ligne: 6, code: 'siret-invalide', gravite: 'avertissement', colonne: 'N° SIRET' },
  { ligne: 8, code: 'montant-manquant', gravite: 'erreur', colonne: 'Montant HT (k€)' },
  { ligne: 9, code: 'doublon', gravite: 'erreur', colonne: 'Réf. marché' },
  { ligne: 10, code: 'date-invalide', gravite: 'erreur', colonne: 'Notifié le' },
  { ligne: 12, code: 'delai-paiement-depasse', gravite: 'avertissement', colonne: 'DGP (jours)' },
];

/** Axes as titled in indicateurs.md. */
export const AXES = [
  'Axe 1 — gouvernance du schéma',
  'Axe 2 — une commande publique plus sobre et plus performante',
  'Axe 3 — transition écologique et environnementale',
  'Axe 4 — transformation sociale',
  'Axe 5 — développement territorial et innovation',
];

/** Words that must never reach a buyer. */
export const FORBIDDEN = [/NaN/, /undefined/, /\bnull\b/, /\[object Object\]/, /Infinity/, /\btrue\b/, /\bfalse\b/, /\berror\b/i, /\bwarning\b/i, /\bN\/A\b/];

/** Raw field ids of champs.md that have a French label and must not be shown instead of it. */
export const RAW_FIELD_IDS = [
  'montantMandate', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale', 'offresRecues', 'delaiPaiement',
  'communeTitulaire', 'codePostalTitulaire', 'horsMarche', 'nbAvenants', 'codeNomenclature', 'marcheInnovant',
  'categorieEntreprise', 'effectifTitulaire', 'critereEnvironnemental', 'montantReemploi', 'modeAcquisition',
];

/** The labels of indicateurs.md, read from the spec (every id in order). */
import * as fs from 'node:fs';
import * as path from 'node:path';
export function specLabels(): Map<string, string> {
  const root = path.resolve(__dirname, '..', '..');
  const shared = path.resolve(root, '..', 'shared', 'spec', 'indicateurs.md');
  const file = fs.existsSync(shared) ? shared : path.join(root, 'test', 'fixtures', 'spec', 'indicateurs.md');
  const text = fs.readFileSync(file, 'utf8');
  return new Map([...text.matchAll(/^\| `(\d\.\d\.\d-[a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()]));
}

// ---- French number reading of what is shown ----
const NUM = String.raw`-?\d{1,3}(?:[  \u202f]\d{3})*(?:,\d+)?`;
export const FR_NUMBER = new RegExp(NUM);
/** All French-formatted numbers of a text, with their decimals count. */
export function frNumbers(text: string): { value: number; decimals: number; raw: string }[] {
  return [...text.matchAll(new RegExp(`(?<![\\d.,])${NUM}(?![\\d.])`, 'g'))].map((m) => {
    const raw = m[0];
    const decimals = raw.includes(',') ? raw.split(',')[1].length : 0;
    return { raw, decimals, value: Number(raw.replace(/[  \u202f]/g, '').replace(',', '.')) };
  });
}
/** A shown number equals `expected` rounded as shown. */
export function shownEquals(shown: { value: number; decimals: number }, expected: number): boolean {
  return Math.abs(shown.value - expected) <= 0.5 * 10 ** -shown.decimals + 1e-9;
}
/** Text pattern of a unit after a number. */
export function unitPattern(unit: Expected['unit']): RegExp {
  return unit === '%' ? /%/ : unit === '€' ? /€/ : unit === 'jours' ? /jours?/ : /./;
}
