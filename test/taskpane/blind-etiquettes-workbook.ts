/**
 * BLIND acceptance of step 3 « Étiquettes » (regles.md §4, sortie.md
 * « SPASER État » and `suggestions`, README « Utiliser le produit » and
 * « Choix faits — Étiquettes suggérées »), as a buyer uses it over two
 * weeks, on the Excel double. Every expectation below was worked out BY
 * HAND from the spec and the README before the program was run; none is
 * copied from a program run.
 *
 * What the buyer must see and be able to do (from the spec / README):
 *  - step 3 lists, per contract, the considerations; each suggestion tirée du
 *    libellé shows its sub-tag (Clause sociale, Marché réservé, Marché
 *    d'insertion, Clause environnementale, Critère environnemental, Marché
 *    innovant) and the words that triggered it (regles.md §4: « A suggestion
 *    carries the words that triggered it »; README: « Le déclencheur affiché
 *    est le terme du lexique »);
 *  - each suggestion can be confirmed or rejected; a decision can be taken
 *    back (« Annuler », or « Rétablir » for a rejected one, even one of a
 *    previous run);
 *  - negations (`sans`, `pas`, `aucun(e)`, `non`, `ni`, `hors` in the three
 *    preceding words) do not trigger; whole words only, plurals and
 *    feminines included; a sub-tag already declared by a column is not
 *    suggested;
 *  - suggestions never count in indicators until confirmed; a confirmed one
 *    makes sociale(r)/env(r)/innov(r) true, but a field formula
 *    (3.1.1-clauses-env, 4.2.2-clause-sociale-*) counts the column only;
 *  - `suggestion-non-confirmee` (avertissement) for each row still holding an
 *    undecided suggestion (whole row, no column); a rejected suggestion
 *    disappears from the outputs (Étiquettes column, controls) but stays in
 *    SPASER État and the pane shows it with « Rétablir »;
 *  - decisions are stored in the workbook (SPASER État, keyed by numero and
 *    source — sortie.md) only when the sheets are written (README « Volet »:
 *    « rien n'est écrit avant un calcul réussi »), and survive a re-run;
 *  - everything in French.
 *
 * Workbook « Pôle Éducation.xlsx », sheet « Suivi achats »: title in A1,
 * row 2 empty, header row 3, data rows 4… (sheet row = contract k + 3).
 * Header → field (champs.md synonyms, exact after normalisation):
 *   A Réf. marché → numero        B Intitulé → objet
 *   C Montant HT (€) → montant    D Notifié le → dateNotification
 *   E Clause sociale → clauseSociale
 *   F Clause env. → clauseEnvironnementale
 *   G Marché innovant → marcheInnovant
 *   H Observations → commentaires
 * No mandaté column: dep(r) = montant. No horsMarche column: M = R.
 * No marcheReserve / critère columns. Every date is in 2025 → N = 2025.
 *
 * Every row judged once (week 1, TODAY 02/03/2026):
 *  k  numero    sheet row  text → suggestion (lexicon term shown)                 week-1 decision
 *  1  2025-001  4   « papiers recyclés » → env / Clause environnementale [recyclé]   confirmed
 *  2  2025-002  5   obs « confiée à un esat » → sociale / Marché réservé [ESAT]       confirmed
 *  3  2025-003  6   obs « Marché sans clause sociale » → negation: none                —
 *  4  2025-004  7   « … avec clause d'insertion », Clause sociale = oui → sub-tag
 *                   Clause sociale declared, so not suggested: none                  (déclaré)
 *  5  2025-005  8   « AGRICULTURE BIOLOGIQUE et circuits courts » → env / Clause
 *                   environnementale [agriculture biologique, circuit court]         confirmed then « Annuler » → undecided
 *  6  2025-006  9   « Expérimentation d'un capteur… » → innovation / Marché innovant
 *                   [expérimentation]                                                confirmed
 *  7  2025-007  10  « Maintenance électrique : protection court-circuit » →
 *                   near-homonyms (électrique without véhicule, court-circuit ≠
 *                   circuit court): none                                             —
 *  8  2025-008  11  obs « Pas de critère environnemental, aucune clause
 *                   d'insertion » → both negated: none                              —
 *  9  2025-009  12  « Analyses biologiques… », obs « … en Essonne » → near-homonyms
 *                   (biologiques without agriculture; Essonne ≠ ESS): none          —
 * 10  2025-010  13  « Solution de réservation… », obs « Démarche innovante… »,
 *                   Marché innovant = oui → sub-tag declared: none                   (déclaré)
 * 11  2025-011  14  « Chantier d'insertion : … » → sociale / Marché d'insertion
 *                   [chantier d'insertion]                                            rejected
 * 12  2025-012  15  « Location de véhicules électriques… » → env / Clause
 *                   environnementale [véhicule électrique]                           undecided
 * 13  2025-013  16  obs « Aucune clause sociale », Clause env. = oui → negation: none (déclaré env)
 * 14  2025-014  17  obs « Papier issu du réemploi ; prestataire : entreprise adaptée »
 *                   → env / Clause environnementale [réemploi]                       rejected
 *                   → sociale / Marché réservé [entreprise adaptée]                  confirmed
 * 15  2025-015  18  « Ateliers de prototypage numérique » → near-homonym: none        —
 * 16  2025-016  19  « Accompagnement à l'INNOVATION pédagogique » → innovation /
 *                   Marché innovant [innovation]                                     undecided
 *
 * Week 2 (TODAY 09/03/2026): the buyer rewrites the objet of 2025-001
 * (confirmed) as « Fourniture de cahiers en papier de réemploi et
 * expérimentation de tablettes » and adds three rows:
 *  1  2025-001  4   → env / Clause environnementale [réemploi]: same sub-tag, same
 *                   numero → the confirmed decision survives (sortie.md: decisions
 *                   keyed by numero and source); NEW innovation / Marché innovant
 *                   [expérimentation]                                                undecided
 * 17  2025-017  20  « … avec compostage des biodéchets » → env / Clause
 *                   environnementale [compostage]                                    undecided
 * 18  2025-018  21  « Marché réservé SIAE : blanchisserie » → sociale / Marché
 *                   réservé [marché réservé, SIAE]                                   undecided
 * 19  2025-019  22  « Achat de vélos à assistance électrique » → near-homonym: none —
 * All other decisions of week 1 survive unchanged (same numero, same text).
 */
import type { SeedCell, SeedSheet } from '../doubles/excel-double';

export const FILE = 'Pôle Éducation.xlsx';
export const SHEET = 'Suivi achats';
export const WEEK1 = '2026-03-02';
export const WEEK2 = '2026-03-09';
export const HEADER_ROW = 3;
export const HEADERS = ['Réf. marché', 'Intitulé', 'Montant HT (€)', 'Notifié le', 'Clause sociale', 'Clause env.', 'Marché innovant', 'Observations'];

export interface Contract {
  numero: string;
  objet: string;
  montant: number | string;
  /** The amount as a number, for the hand computations. */
  mt: number;
  date: string;
  cs: string | null;
  ce: string | null;
  innov: string | null;
  obs: string | null;
}

const c = (numero: string, objet: string, montant: number | string, mt: number, date: string, cs: string | null, ce: string | null, innov: string | null, obs: string | null): Contract => ({
  numero,
  objet,
  montant,
  mt,
  date,
  cs,
  ce,
  innov,
  obs,
});

export const CONTRACTS_W1: Contract[] = [
  c('2025-001', 'Fourniture de papiers recyclés pour les écoles', 12000, 12000, '15/01/2025', 'non', 'non', 'non', null),
  c('2025-002', 'Entretien des espaces verts', '30 000,00 €', 30000, '03/02/2025', null, null, null, 'Prestation confiée à un esat'),
  c('2025-003', 'Nettoyage des locaux scolaires', 45000, 45000, '10/02/2025', 'non', 'non', 'non', 'Marché sans clause sociale'),
  c('2025-004', "Travaux de rénovation de l'école Jules Ferry avec clause d'insertion", 250000, 250000, '20/02/2025', 'oui', 'non', 'non', null),
  c('2025-005', 'Restauration scolaire : AGRICULTURE BIOLOGIQUE et circuits courts', '180 000', 180000, '01/03/2025', 'non', 'non', 'non', null),
  c('2025-006', "Expérimentation d'un capteur de qualité de l'air dans les classes", 25000, 25000, '12/03/2025', 'non', 'non', 'non', null),
  c('2025-007', 'Maintenance électrique : protection court-circuit des tableaux', 18000, 18000, '25/03/2025', 'non', 'non', 'non', null),
  c('2025-008', 'Achat de mobilier de bureau', 22000, 22000, '02/04/2025', 'non', 'non', 'non', "Pas de critère environnemental, aucune clause d'insertion"),
  c('2025-009', "Analyses biologiques de l'eau des piscines", 15000, 15000, '14/04/2025', 'non', 'non', 'non', 'Laboratoire situé en Essonne'),
  c('2025-010', 'Solution de réservation en ligne des cantines', 40000, 40000, '05/05/2025', 'non', 'non', 'oui', 'Démarche innovante saluée par le jury'),
  c('2025-011', "Chantier d'insertion : entretien des berges du canal", 60000, 60000, '20/05/2025', 'non', 'non', 'non', null),
  c('2025-012', 'Location de véhicules électriques pour les agents', 35000, 35000, '10/06/2025', 'non', 'non', 'non', null),
  c('2025-013', 'Transport scolaire', 90000, 90000, '01/07/2025', 'non', 'oui', 'non', 'Aucune clause sociale'),
  c('2025-014', 'Impression des bulletins municipaux', 8000, 8000, '15/09/2025', 'non', 'non', 'non', 'Papier issu du réemploi ; prestataire : entreprise adaptée'),
  c('2025-015', 'Ateliers de prototypage numérique au fablab', 14000, 14000, '06/10/2025', 'non', 'non', 'non', null),
  c('2025-016', "Accompagnement à l'INNOVATION pédagogique", 20000, 20000, '12/11/2025', 'non', 'non', 'non', null),
];

export const NEW_OBJET_001 = 'Fourniture de cahiers en papier de réemploi et expérimentation de tablettes';

export const ADDED_W2: Contract[] = [
  c('2025-017', 'Collecte des déchets avec compostage des biodéchets', 28000, 28000, '20/11/2025', 'non', 'non', 'non', null),
  c('2025-018', 'Marché réservé SIAE : blanchisserie', 16000, 16000, '01/12/2025', 'non', 'non', 'non', null),
  c('2025-019', 'Achat de vélos à assistance électrique', 9000, 9000, '05/12/2025', 'non', 'non', 'non', null),
];

const rowOf = (k: Contract): SeedCell[] => [k.numero, k.objet, k.montant, k.date, k.cs, k.ce, k.innov, k.obs];

export function week1Sheets(): SeedSheet[] {
  return [
    {
      name: SHEET,
      cells: [["Suivi des achats — Direction de l'Éducation", null, null, null, null, null, null, null], [null, null, null, null, null, null, null, null], HEADERS, ...CONTRACTS_W1.map(rowOf)],
    },
  ];
}

export function week2Row(k: Contract): SeedCell[] {
  return rowOf(k);
}

/** Sheet row of a contract (1-based): header on row 3, contract index i (0-based) on row 4 + i. */
export const sheetRow = (i: number) => HEADER_ROW + 1 + i;

// ---------- suggestions shown in step 3 ----------

export type Consideration = 'sociale' | 'environnementale' | 'innovation';

export interface Suggestion {
  numero: string;
  consideration: Consideration;
  etiquette: string;
  /** The lexicon terms the buyer must see beside the suggestion. */
  words: string[];
}

const s = (numero: string, consideration: Consideration, etiquette: string, ...words: string[]): Suggestion => ({ numero, consideration, etiquette, words });

/** Week 1: exactly these nine suggestions (see the table above), no other. */
export const SUGGESTIONS_W1: Suggestion[] = [
  s('2025-001', 'environnementale', 'Clause environnementale', 'recyclé'),
  s('2025-002', 'sociale', 'Marché réservé', 'ESAT'),
  s('2025-005', 'environnementale', 'Clause environnementale', 'agriculture biologique', 'circuit court'),
  s('2025-006', 'innovation', 'Marché innovant', 'expérimentation'),
  s('2025-011', 'sociale', "Marché d'insertion", "chantier d'insertion"),
  s('2025-012', 'environnementale', 'Clause environnementale', 'véhicule électrique'),
  s('2025-014', 'environnementale', 'Clause environnementale', 'réemploi'),
  s('2025-014', 'sociale', 'Marché réservé', 'entreprise adaptée'),
  s('2025-016', 'innovation', 'Marché innovant', 'innovation'),
];

/** Contracts of week 1 with no suggestion at all (negations, near-homonyms, declared sub-tags). */
export const NO_SUGGESTION_W1 = ['2025-003', '2025-004', '2025-007', '2025-008', '2025-009', '2025-010', '2025-013', '2025-015'];

/** The buyer's week-1 decisions (2025-005 is confirmed, then taken back with « Annuler »). */
export const CONFIRM_W1 = [SUGGESTIONS_W1[0], SUGGESTIONS_W1[1], SUGGESTIONS_W1[3], SUGGESTIONS_W1[7]];
export const REJECT_W1 = [SUGGESTIONS_W1[4], SUGGESTIONS_W1[6]];
export const UNDO_W1 = SUGGESTIONS_W1[2];
export const UNDECIDED_W1 = [SUGGESTIONS_W1[2], SUGGESTIONS_W1[5], SUGGESTIONS_W1[8]];

/** Week 2: the suggestions still shown (decided ones keep their decision), and the new ones. */
export const NEW_SUGGESTIONS_W2: Suggestion[] = [
  s('2025-001', 'innovation', 'Marché innovant', 'expérimentation'),
  s('2025-017', 'environnementale', 'Clause environnementale', 'compostage'),
  s('2025-018', 'sociale', 'Marché réservé', 'marché réservé', 'SIAE'),
];
/** 2025-001's environmental suggestion now comes from « réemploi » and stays confirmed. */
export const SURVIVING_001 = s('2025-001', 'environnementale', 'Clause environnementale', 'réemploi');

// ---------- controls ----------

/**
 * suggestion-non-confirmee (avertissement, whole row): rows still holding an
 * undecided suggestion. Week 1: 2025-005 (undone), 2025-012, 2025-016 →
 * sheet rows 8, 15, 19. No other finding: every numero, objet, montant and
 * date is filled and readable (« 30 000,00 € », « 180 000 » are French
 * amounts), dates of 2025 ≤ 31/12/2027, booleans oui/non/empty.
 * Week 2: the same three + 2025-001 (new innovation suggestion) + 2025-017
 * + 2025-018 → sheet rows 4, 8, 15, 19, 20, 21.
 */
export const UNCONFIRMED_ROWS_W1 = [8, 15, 19];
export const UNCONFIRMED_ROWS_W2 = [4, 8, 15, 19, 20, 21];

// ---------- the SPASER Registre's Étiquettes column ----------

/**
 * sortie.md: sub-tags each marked déclaré / confirmé / suggéré; README: a
 * rejected suggestion disappears from the column. Week 1, per numero:
 */
export const ETIQUETTES_W1: Record<string, [string, 'déclaré' | 'confirmé' | 'suggéré'][]> = {
  '2025-001': [['Clause environnementale', 'confirmé']],
  '2025-002': [['Marché réservé', 'confirmé']],
  '2025-003': [],
  '2025-004': [['Clause sociale', 'déclaré']],
  '2025-005': [['Clause environnementale', 'suggéré']],
  '2025-006': [['Marché innovant', 'confirmé']],
  '2025-007': [],
  '2025-008': [],
  '2025-009': [],
  '2025-010': [['Marché innovant', 'déclaré']],
  '2025-011': [],
  '2025-012': [['Clause environnementale', 'suggéré']],
  '2025-013': [['Clause environnementale', 'déclaré']],
  '2025-014': [['Marché réservé', 'confirmé']],
  '2025-015': [],
  '2025-016': [['Marché innovant', 'suggéré']],
};

/** Considération columns (oui/non) of SPASER Registre: declared or confirmed only. */
export const CONSIDERATIONS_W1: Record<string, [boolean, boolean, boolean]> = Object.fromEntries(
  CONTRACTS_W1.map((k) => [k.numero, [['2025-002', '2025-004', '2025-014'].includes(k.numero), ['2025-001', '2025-013'].includes(k.numero), ['2025-006', '2025-010'].includes(k.numero)]]),
);

// ---------- indicators, by hand ----------

/**
 * Week 1. M = R = the 16 contracts (no error, no horsMarche column).
 * Σ mt = 12 000 + 30 000 + 45 000 + 250 000 + 180 000 + 25 000 + 18 000
 *      + 22 000 + 15 000 + 40 000 + 60 000 + 35 000 + 90 000 + 8 000
 *      + 14 000 + 20 000 = 864 000.
 * sociale (declared or confirmed): 2025-004 (column), 2025-002, 2025-014
 *   (confirmed Marché réservé); 2025-011 rejected → 3.
 *   4.1.2-consideration-sociale = 100 × 3/16 = 18.75.
 * env: 2025-013 (column), 2025-001 (confirmed); 2025-005 undone, 2025-012
 *   undecided, 2025-014's env rejected → 2. 3.1.1-consideration-env = 100 × 2/16 = 12.5.
 * innov: 2025-010 (column), 2025-006 (confirmed); 2025-016 undecided → 2.
 *   5.2.1-innovants-nb = 100 × 2/16 = 12.5;
 *   5.2.1-innovants-montant = 100 × (40 000 + 25 000)/864 000 = 100 × 65/864.
 * Field formulas count the column only (README):
 *   3.1.1-clauses-env = 100 × 1/16 (2025-013) = 6.25;
 *   4.2.2-clause-sociale-nb = 1 (2025-004); -part = 100 × 1/16 = 6.25.
 * AR = sociale or env: 2025-001, -002, -004, -013, -014 → 1.1.2-marches-ar = 5;
 *   1.1.2-montant-ar = 12 000 + 30 000 + 250 000 + 90 000 + 8 000 = 390 000.
 * lignes: lues 16, exercice 16, erreurs 0, avertissements 3.
 */
export const SUM_MT_W1 = CONTRACTS_W1.reduce((a, k) => a + k.mt, 0);
export const EXPECTED_W1: Record<string, number> = {
  '4.1.2-consideration-sociale': (100 * 3) / 16,
  '3.1.1-consideration-env': (100 * 2) / 16,
  '5.2.1-innovants-nb': (100 * 2) / 16,
  '5.2.1-innovants-montant': (100 * 65000) / 864000,
  '3.1.1-clauses-env': (100 * 1) / 16,
  '4.2.2-clause-sociale-nb': 1,
  '4.2.2-clause-sociale-part': (100 * 1) / 16,
  '1.1.2-marches-ar': 5,
  '1.1.2-montant-ar': 390000,
};

/**
 * Week 2. M = R = 19 contracts; Σ mt = 864 000 + 28 000 + 16 000 + 9 000 = 917 000.
 * sociale: 2025-004, -002, -014 → 3 (2025-018 undecided): 100 × 3/19.
 * env: 2025-013, 2025-001 (confirmed decision survives) → 2 (2025-017
 *   undecided): 100 × 2/19.
 * innov: 2025-010, 2025-006 → 2 (2025-001's new innovation suggestion and
 *   2025-016 undecided): 100 × 2/19; montant 100 × 65 000/917 000.
 * clauses-env 100 × 1/19; clause-sociale-nb 1, part 100 × 1/19.
 * AR: same five → 5; montant-ar 390 000 (2025-001's montant unchanged).
 * lignes: lues 19, avertissements 6.
 */
export const EXPECTED_W2: Record<string, number> = {
  '4.1.2-consideration-sociale': (100 * 3) / 19,
  '3.1.1-consideration-env': (100 * 2) / 19,
  '5.2.1-innovants-nb': (100 * 2) / 19,
  '5.2.1-innovants-montant': (100 * 65000) / 917000,
  '3.1.1-clauses-env': (100 * 1) / 19,
  '4.2.2-clause-sociale-nb': 1,
  '4.2.2-clause-sociale-part': (100 * 1) / 19,
  '1.1.2-marches-ar': 5,
  '1.1.2-montant-ar': 390000,
};

/**
 * Suggestions of the JSON (sortie.md) after week 1's write, decided ones with
 * their decision; a rejected one disappears from the list (README):
 * 2025-001 env confirmé, 2025-002 Marché réservé confirmé, 2025-005 null,
 * 2025-006 confirmé, 2025-012 null, 2025-014 Marché réservé confirmé, 2025-016 null.
 * (Checked through what the pane and the sheets show, not the JSON itself.)
 */

/**
 * Week 2, end: in the reopened pane the buyer clicks « Rétablir » on
 * 2025-011 (rejected last week) and « Annuler » on 2025-002's confirmation
 * (saved last week), then writes the sheets. Both become undecided:
 * sociale = 2025-004 (column), 2025-014 (confirmed) → 100 × 2/19;
 * AR = 2025-001, -004, -013, -014 → 4; montant-ar = 12 000 + 250 000 + 90 000 + 8 000 = 360 000;
 * env and innov unchanged. suggestion-non-confirmee rows: 4, 5 (2025-002),
 * 8, 14 (2025-011), 15, 19, 20, 21. SPASER État keeps 2025-001, -006, -014
 * and holds nothing for 2025-002, -011 (decisions taken back) nor -005.
 */
export const EXPECTED_W2_UNDONE: Record<string, number> = {
  ...EXPECTED_W2,
  '4.1.2-consideration-sociale': (100 * 2) / 19,
  '1.1.2-marches-ar': 4,
  '1.1.2-montant-ar': 360000,
};
export const UNCONFIRMED_ROWS_W2_UNDONE = [4, 5, 8, 14, 15, 19, 20, 21];
