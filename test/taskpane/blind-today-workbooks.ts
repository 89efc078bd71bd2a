/**
 * Workbooks of the blind acceptance of today's pane features (blind-today.test.tsx).
 * Every expected value is worked out BY HAND from the spec and the README, next to it;
 * none is copied from a program run. Today is 15/01/2026 for the pane and the CLI.
 *
 * ÉDUCATION — « Pôle Éducation & Jeunesse (v2) — l'été #3.xlsx » (odd but legal file-name
 * characters: accents, &, brackets, an em dash, an apostrophe, #):
 *   sheet « Marchés 2025 » (header row 1; dates as TEXT):
 *     N° marché | Objet | Montant HT | Date notif | Pôle | Clause sociale | Délai de paiement | Montant hors BPU
 *     r2 E25-01 Nettoyage des écoles     10000  03/02/2025 Éducation oui 20     100
 *     r3 E25-02 Fournitures scolaires     4000  10/03/2025 Éducation non (vide) 200
 *     r4 E25-03 Entretien des gymnases    6000  15/04/2025 Sport     non 40     300   → delai-paiement-depasse (warning)
 *     r5 E24-01 Transport scolaire        8000  12/05/2024 Éducation oui 25     400
 *   sheet « Marchés Sport » (header row 1, other synonyms; dates as Excel date serials):
 *     N° de marché | Intitulé | Montant notifié | Notifié le | Pôle | Montant hors BPU
 *     r2 S25-01 Tonte des stades          5000  05/06/2025 Sport  50
 *     r3 S25-02 Matériel de gymnastique   3000  07/07/2025 Sport  60
 *     r4 S24-01 Réfection des vestiaires 12000  01/09/2024 Sport  70
 *   No word of the suggestion lexicon (regles.md §4) in any objet: no suggestion.
 *   Dated rows: 2025 → 5, 2024 → 2: default exercice 2025 (regles.md §9).
 *   2025: R = E25-01, E25-02, E25-03, S25-01, S25-02 (no error).
 *     2.1.5-delai-paiement: only « Marchés 2025 » maps delaiPaiement (regles.md §2 absent
 *       columns); filled on E25-01 (20) and E25-03 (40): value (20+40)/2 = 30,
 *       couverture { renseignees: 2, total: 5 } → « Couverture : 2 lignes renseignées sur 5 ».
 *     2.2.2-hors-bpu: both sheets map it, filled everywhere: 100+200+300+50+60 = 710,
 *       couverture 5/5 → no « Couverture » line in the pane.
 *   2024: R = E24-01, S24-01.
 *     2.1.5-delai-paiement: 25 (E24-01 only), couverture 1 of 2.
 *     2.2.2-hors-bpu: 400 + 70 = 470, couverture 2/2.
 *   Pôles: « Éducation » and « Sport ».
 */
import type { SeedCell, SeedSheet } from '../doubles/excel-double';

export const TODAY = '2026-01-15';

/** Excel's 1900 serial of an ISO date (days since 30/12/1899). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export const EDU_FILE = "Pôle Éducation & Jeunesse (v2) — l'été #3.xlsx";
export const EDU_JSON_2025 = "Pôle Éducation & Jeunesse (v2) — l'été #3 - SPASER 2025.json";
export const EDU_JSON_2024 = "Pôle Éducation & Jeunesse (v2) — l'été #3 - SPASER 2024.json";

export const EDU_2025_HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle', 'Clause sociale', 'Délai de paiement', 'Montant hors BPU'];
export const EDU_2025_ROWS: (string | number | null)[][] = [
  ['E25-01', 'Nettoyage des écoles', 10000, '03/02/2025', 'Éducation', 'oui', 20, 100],
  ['E25-02', 'Fournitures scolaires', 4000, '10/03/2025', 'Éducation', 'non', null, 200],
  ['E25-03', 'Entretien des gymnases', 6000, '15/04/2025', 'Sport', 'non', 40, 300],
  ['E24-01', 'Transport scolaire', 8000, '12/05/2024', 'Éducation', 'oui', 25, 400],
];
export const EDU_SPORT_HEADER = ['N° de marché', 'Intitulé', 'Montant notifié', 'Notifié le', 'Pôle', 'Montant hors BPU'];
/** The date column holds ISO dates here, written as serials (double) or Date (file). */
export const EDU_SPORT_ROWS: (string | number)[][] = [
  ['S25-01', 'Tonte des stades', 5000, '2025-06-05', 'Sport', 50],
  ['S25-02', 'Matériel de gymnastique', 3000, '2025-07-07', 'Sport', 60],
  ['S24-01', 'Réfection des vestiaires', 12000, '2024-09-01', 'Sport', 70],
];

export function educationSheets(): SeedSheet[] {
  return [
    { name: 'Marchés 2025', cells: [[...EDU_2025_HEADER], ...EDU_2025_ROWS.map((r) => [...r])] },
    {
      name: 'Marchés Sport',
      cells: [
        EDU_SPORT_HEADER,
        ...EDU_SPORT_ROWS.map((r): SeedCell[] => [r[0], r[1], r[2], { v: serial(String(r[3])), nf: 'dd/mm/yyyy' }, r[4], r[5]]),
      ],
    },
  ];
}

/**
 * WRITE — « Suivi Ville durable.xlsx », sheet « Suivi 2025 » (header row 1):
 *   N° marché | Objet | Montant HT | Date notif
 *   r2 V-01 Balayage       1000   03/02/2025
 *   r3 V-02 (vide)         2000   04/02/2025   → objet-manquant (B3)
 *   r4 V-03 Désherbage     3000   05/02/2025
 *   r5 V-04 Poubelles      « abc » 06/02/2025  → montant unreadable (C5), an error
 * Then, the pane open, the buyer deletes row 3 (V-02: rows below move up) and adds a column E
 * « Délai de paiement »: V-01 45 (> 30 → delai-paiement-depasse, a warning), V-03 10, V-04 empty.
 * After: V-04 is on row 4 (its montant in C4); V-02 is gone; R = V-01, V-03.
 */
export const VILLE_FILE = 'Suivi Ville durable.xlsx';
export function villeSheets(): SeedSheet[] {
  return [
    {
      name: 'Suivi 2025',
      cells: [
        ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
        ['V-01', 'Balayage', 1000, '03/02/2025'],
        ['V-02', null, 2000, '04/02/2025'],
        ['V-03', 'Désherbage', 3000, '05/02/2025'],
        ['V-04', 'Poubelles', 'abc', '06/02/2025'],
      ],
    },
  ];
}

/**
 * RE-READ — « Achats 2025.xlsx », sheet « Marchés » (header row 1):
 *   N° marché | Objet | Montant HT | Date notif | Clause sociale
 *   r2 A-01 Gardiennage   1000 03/02/2025 oui
 *   r3 A-02 Traiteur      2000 31/02/2025 non        → date unreadable (no 31 February): an error on D3
 *   r4 A-03 Reprographie  3000 05/03/2025 peut-être  → valeur-illisible on E4 (README « Contrôles »)
 */
export const ACHATS_FILE = 'Achats 2025.xlsx';
export function achatsSheets(): SeedSheet[] {
  return [
    {
      name: 'Marchés',
      cells: [
        ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale'],
        ['A-01', 'Gardiennage', 1000, '03/02/2025', 'oui'],
        ['A-02', 'Traiteur', 2000, '31/02/2025', 'non'],
        ['A-03', 'Reprographie', 3000, '05/03/2025', 'peut-être'],
      ],
    },
  ];
}

/**
 * DUPLICATES IN EXCEL — « Consolidation 2025.xlsx », two Pôle sheets as after an import, each
 * with its Pôle column:
 *   « Pôle Culture » : N° marché | Objet | Montant HT | Date notif | Titulaire | Durée (mois) | Code postal | Pôle
 *     r2 K-10 Sonorisation        8000 04/03/2025 Son et Lumière 18 59000 Culture
 *     r3 K-11 Affiches            2000 05/04/2025 Imprimerie Nord 6 59100 Culture
 *   « Pôle Sport »   : same header
 *     r2 K-10 Régie son du stade  9500 20/05/2025 Audio Pro      48 75011 Sport
 *        → doublon of Pôle Culture r2 (same numero, 2025); differs on 6 compared fields
 *          (Objet, Montant, Date, Titulaire, Durée, Code postal; Pôle not compared):
 *          « Conflit, … à arbitrer », 4 fields named (this row's value, then the first's),
 *          the 2 others counted.
 *     r3 k-11  « AFFICHES »       2000.004 05/04/2025 imprimerie  nord 6 59100 Sport
 *        → doublon of Pôle Culture r3 (case/spaces of numero ignored, regles.md §3);
 *          text case/spaces and < 1 cent make no difference, Pôle not compared:
 *          « saisie en double ».
 */
export const CONSO_FILE = 'Consolidation 2025.xlsx';
const CONSO_HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Titulaire', 'Durée (mois)', 'Code postal', 'Pôle'];
export function consoSheets(): SeedSheet[] {
  return [
    {
      name: 'Pôle Culture',
      cells: [
        CONSO_HEADER,
        ['K-10', 'Sonorisation', 8000, '04/03/2025', 'Son et Lumière', 18, '59000', 'Culture'],
        ['K-11', 'Affiches', 2000, '05/04/2025', 'Imprimerie Nord', 6, '59100', 'Culture'],
      ],
    },
    {
      name: 'Pôle Sport',
      cells: [
        CONSO_HEADER,
        ['K-10', 'Régie son du stade', 9500, '20/05/2025', 'Audio Pro', 48, '75011', 'Sport'],
        ['k-11 ', 'AFFICHES', 2000.004, '05/04/2025', 'imprimerie  nord', 6, '59100', 'Sport'],
      ],
    },
  ];
}

/** One differing field of the K-10 conflict: this row's value, then the first row's, as a person reads them. */
export interface Difference {
  field: string;
  mine: string[];
  first: string[];
}

/** The 6 differences of K-10 (Pôle Sport r2 against Pôle Culture r2). A value may be written in several ways. */
export const K10_DIFFERENCES: Difference[] = [
  { field: 'objet', mine: ['Régie son du stade'], first: ['Sonorisation'] },
  { field: 'montant', mine: ['9500'], first: ['8000'] },
  { field: 'date', mine: ['20/05/2025', '2025-05-20'], first: ['04/03/2025', '2025-03-04'] },
  { field: 'titulaire', mine: ['Audio Pro'], first: ['Son et Lumière'] },
  { field: 'duree', mine: ['48'], first: ['18'] },
  { field: 'codePostal', mine: ['75011'], first: ['59000'] },
];
