/**
 * Blind acceptance, scenario « couverture »: workbooks aimed at the indicators the earlier blind
 * tests check least (coût global, fiches de suivi, réemploi / réutilisation / recyclé, offre
 * technique améliorée, location / achat d'usage, ESAT/SIAE/ESS, relation fournisseur, réunions,
 * hors BPU, marchés d'insertion, actions, saisies manuelles), in house styles nobody wrote the code for.
 *
 * 1. « DCP Roubaix - Suivi des marchés.xlsx » (consolidated by the City's purchasing department):
 *    `Registre 2024-2025` (title block, header on row 4, a Pôle column « DGA » written many ways),
 *    `Sensibilisation` (Actions SPASER, header on row 2), `Suivi clauses` (Suivi insertion, header
 *    on row 2), `Objectifs COPIL` (Cibles, header on row 3), `Valeurs saisies` (Saisies manuelles).
 * 2. « Pôle Solidarités.xlsx »: a finance-software extraction, no Pôle column (its Pôle is the file
 *    name), header on row 3, French numbers and dates typed as text.
 * 3. « Régie Sport 2025.xlsx », run alone: only orders outside any contract (M is empty), no row of
 *    N−1, an Actions sheet with actions of 2024 only, a Suivi insertion sheet on an order.
 */
import ExcelJS from 'exceljs';
import { day, table, writeRows } from './helpers';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

type Cell = ExcelJS.CellValue;

// ─── Workbook 1: the purchasing department's register ──────────────────────

export const FILE_DCP = 'DCP Roubaix - Suivi des marchés.xlsx';
export const SHEET_DCP = 'Registre 2024-2025';

export const HEADER_DCP = [
  'Réf. marché', //                    numero
  'Intitulé', //                       objet
  'DGA', //                            pole
  'Type de procédure', //              procedure
  'Achat hors marché', //              horsMarche
  "Date d'attribution", //             dateNotification
  'Durée en mois', //                  dureeMois
  'Montant attribué (€ HT)', //        montant
  'Réalisé (€)', //                    montantMandate
  'Coût du cycle de vie', //           coutGlobal
  'Réunion de lancement', //           reunionCadrage
  'Réunions de bilan', //              nbBilans
  'Hors bordereau (€)', //             montantHorsBPU
  'Fiche suivi', //                    ficheSuivi
  'Dossier négocié', //                negociation
  'Amélioration technique', //         offreTechAmelioree
  'Critère env.', //                   critereEnvironnemental
  'Réemploi (€)', //                   montantReemploi
  'Réutilisation (€)', //              montantReutilisation
  'Matières recyclées (€)', //         montantRecycle
  'Achat/location', //                 modeAcquisition
  'UGAP', //                           centraleAchat
  "Support d'insertion", //            marcheInsertion
  "Clause d'insertion", //             clauseSociale
  "Heures d'insertion réalisées", //   heuresInsertionRealisees
  'Statut du titulaire', //            structureTitulaire
  'Attributaire', //                   titulaire
] as const;

type HD = (typeof HEADER_DCP)[number];
type DcpRow = Partial<Record<HD, Cell>>;

const eur = (s: string): string => s.replace(/ /g, NBSP);

/** Sheet rows 5..18, in order (see the comment table of the test for what each one checks). */
const DCP_ROWS: DcpRow[] = [
  // r5
  {
    'Réf. marché': 'EDU-25-01', Intitulé: 'Mobilier des écoles maternelles', DGA: 'Pôle Éducation', 'Type de procédure': 'MAPA',
    'Achat hors marché': 'non', "Date d'attribution": day('2025-01-15'), 'Durée en mois': 12, 'Montant attribué (€ HT)': 40000,
    'Réalisé (€)': 25000, 'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 2,
    'Hors bordereau (€)': 1500, 'Fiche suivi': 'oui', 'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Critère env.': 'oui',
    'Réemploi (€)': 2000, 'Matières recyclées (€)': 500, 'Achat/location': 'Location', UGAP: 'non', "Support d'insertion": 'non',
    "Clause d'insertion": 'oui', "Heures d'insertion réalisées": 150, 'Statut du titulaire': 'ESAT', Attributaire: 'Atelier Protégé du Nord',
  },
  // r6
  {
    'Réf. marché': 'EDU-25-02', Intitulé: 'Fournitures de bureau des services', DGA: 'EDUCATION ', 'Type de procédure': "Appel d'offres ouvert",
    "Date d'attribution": '31/10/2025', 'Durée en mois': 2, 'Montant attribué (€ HT)': eur('120 000,00 €'),
    'Coût du cycle de vie': 'non', 'Réunion de lancement': 'oui', 'Réunions de bilan': 1, 'Fiche suivi': 'oui', 'Dossier négocié': 'non',
    'Critère env.': 'oui', 'Réutilisation (€)': '3 000', 'Achat/location': 'Achat', UGAP: 'oui', "Support d'insertion": 'non',
    "Clause d'insertion": 'non', 'Statut du titulaire': 'Autre', Attributaire: 'Bureau Plus',
  },
  // r7
  {
    'Réf. marché': 'CDV-25-01', Intitulé: 'Entretien des espaces verts', DGA: 'Pôle Cadre de vie',
    'Type de procédure': 'sans publicité ni mise en concurrence', 'Achat hors marché': 'non', "Date d'attribution": '2025-03-03',
    'Durée en mois': 24, 'Montant attribué (€ HT)': 18000, 'Réalisé (€)': 18000, 'Coût du cycle de vie': 'x', 'Réunion de lancement': 'non',
    'Hors bordereau (€)': 200, 'Fiche suivi': 'non', 'Critère env.': 'oui', 'Matières recyclées (€)': `1${NNBSP}000`,
    'Achat/location': "Achat d'usage", "Support d'insertion": 'oui', 'Statut du titulaire': 'SIAE', Attributaire: 'Régie de quartier',
  },
  // r8
  {
    'Réf. marché': 'CDV-25-02', Intitulé: 'Bancs et tables de jardin', DGA: 'cadre de vie', 'Type de procédure': 'PA',
    'Achat hors marché': 'Non', "Date d'attribution": day('2025-05-31'), 'Durée en mois': 14, 'Montant attribué (€ HT)': 60000,
    'Réalisé (€)': 0, 'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Dossier négocié': 'oui',
    'Amélioration technique': 'non', 'Critère env.': 'non', 'Réutilisation (€)': 1200, 'Achat/location': 'Location', UGAP: 'non',
    "Clause d'insertion": 'oui', "Heures d'insertion réalisées": 300, 'Statut du titulaire': 'ESS', Attributaire: 'Menuiserie du Trichon',
  },
  // r9
  {
    'Réf. marché': 'CDV-25-03', Intitulé: 'Petites réparations de voirie', DGA: 'Pôle cadre de Vie', 'Type de procédure': 'AOO',
    'Achat hors marché': 'oui', "Date d'attribution": day('2025-06-10'), 'Montant attribué (€ HT)': 9000, 'Réalisé (€)': 7500,
    'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 3, 'Hors bordereau (€)': 800, 'Fiche suivi': 'oui',
    'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Critère env.': 'oui', 'Réemploi (€)': 100, 'Réutilisation (€)': 100,
    'Matières recyclées (€)': 100, 'Achat/location': 'Achat', UGAP: 'oui', "Support d'insertion": 'oui', "Clause d'insertion": 'oui',
    "Heures d'insertion réalisées": 50, 'Statut du titulaire': 'EA', Attributaire: 'Voirie Adaptée',
  },
  // r10
  {
    'Réf. marché': 'SOL-25-01', Intitulé: 'Repas du foyer des aînés', DGA: 'Solidarites', 'Type de procédure': 'MAPA',
    'Achat hors marché': 'non', "Date d'attribution": day('2025-09-05'), 'Durée en mois': 6, 'Montant attribué (€ HT)': 30000,
    'Réalisé (€)': 12000, 'Coût du cycle de vie': 'non', 'Réunion de lancement': 'oui', 'Réunions de bilan': 0, 'Fiche suivi': 'non',
    'Dossier négocié': 'non', "Support d'insertion": 'non', "Clause d'insertion": 'non', 'Statut du titulaire': 'Autre',
    Attributaire: 'Traiteur des Hauts',
  },
  // r11
  {
    'Réf. marché': 'EDU-25-03', Intitulé: 'Manuels scolaires', DGA: 'éducation', 'Type de procédure': 'Procédure adaptée',
    'Achat hors marché': 'non', "Date d'attribution": day('2025-02-20'), 'Montant attribué (€ HT)': 15000, 'Réalisé (€)': 15000,
    'Réunion de lancement': 'oui', 'Hors bordereau (€)': '300,00', 'Fiche suivi': 'oui', 'Dossier négocié': 'oui',
    'Amélioration technique': 'non', 'Critère env.': 'non', UGAP: 'non', "Support d'insertion": 'non', "Clause d'insertion": 'oui',
    "Heures d'insertion réalisées": 80, Attributaire: 'Librairie Centrale',
  },
  // r12 — montant empty → montant-manquant (left out of everything)
  {
    'Réf. marché': 'EDU-25-04', Intitulé: 'Tableaux numériques', DGA: 'Pôle Éducation', 'Type de procédure': 'MAPA',
    'Achat hors marché': 'non', "Date d'attribution": day('2025-03-12'), 'Durée en mois': 12, 'Réalisé (€)': 5000,
    'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 2, 'Hors bordereau (€)': 9999, 'Fiche suivi': 'oui',
    'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Réemploi (€)': 9999, 'Réutilisation (€)': 9999,
    'Matières recyclées (€)': 9999, 'Achat/location': 'Location', UGAP: 'oui', "Support d'insertion": 'oui', "Clause d'insertion": 'oui',
    "Heures d'insertion réalisées": 999, 'Statut du titulaire': 'ESAT', Attributaire: 'Écrans du Nord',
  },
  // r13 — « edu-25- 01 » in 2025 = EDU-25-01 → doublon (left out of everything)
  {
    'Réf. marché': 'edu-25- 01', Intitulé: 'Mobilier des écoles maternelles (lot 2)', DGA: 'Education', 'Type de procédure': 'MAPA',
    'Achat hors marché': 'non', "Date d'attribution": day('2025-04-01'), 'Durée en mois': 12, 'Montant attribué (€ HT)': 7000,
    'Réalisé (€)': 7000, 'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 2, 'Hors bordereau (€)': 7777,
    'Fiche suivi': 'oui', 'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Réemploi (€)': 7777, 'Réutilisation (€)': 7777,
    'Matières recyclées (€)': 7777, 'Achat/location': 'Location', UGAP: 'oui', "Support d'insertion": 'oui', "Clause d'insertion": 'oui',
    "Heures d'insertion réalisées": 777, 'Statut du titulaire': 'ESAT', Attributaire: 'Atelier Protégé du Nord',
  },
  // r14
  {
    'Réf. marché': 'CDV-25-04', Intitulé: 'Impression des affiches de la fête des voisins', DGA: 'Cadre de Vie', 'Type de procédure': 'gré à gré',
    'Achat hors marché': 'non', "Date d'attribution": '01/12/2025', 'Durée en mois': 1, 'Montant attribué (€ HT)': '5 000 € HT',
    'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 1, 'Fiche suivi': 'oui', 'Critère env.': 'oui',
    'Achat/location': 'Location', Attributaire: 'Imprimerie Lemaire',
  },
  // r15 — N−1
  {
    'Réf. marché': 'EDU-24-01', Intitulé: 'Jeux de cour', DGA: 'Education', 'Type de procédure': 'MAPA', 'Achat hors marché': 'non',
    "Date d'attribution": day('2024-01-10'), 'Durée en mois': 6, 'Montant attribué (€ HT)': 20000, 'Réalisé (€)': 20000,
    'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 2, 'Hors bordereau (€)': 400, 'Fiche suivi': 'oui',
    'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Critère env.': 'oui', 'Réemploi (€)': 300, 'Réutilisation (€)': 200,
    'Matières recyclées (€)': 100, 'Achat/location': 'Location', UGAP: 'oui', "Support d'insertion": 'oui', "Clause d'insertion": 'oui',
    "Heures d'insertion réalisées": 60, 'Statut du titulaire': 'SIAE', Attributaire: 'Jeux et Loisirs',
  },
  // r16 — N−1
  {
    'Réf. marché': 'CDV-24-01', Intitulé: 'Balayage des rues', DGA: 'Pôle Cadre de vie', 'Type de procédure': 'AOO',
    'Achat hors marché': 'non', "Date d'attribution": day('2024-09-15'), 'Durée en mois': 24, 'Montant attribué (€ HT)': 50000,
    'Réalisé (€)': 10000, 'Coût du cycle de vie': 'non', 'Réunion de lancement': 'non', 'Fiche suivi': 'non', 'Dossier négocié': 'non',
    'Critère env.': 'non', 'Achat/location': 'Achat', UGAP: 'non', "Support d'insertion": 'non', "Clause d'insertion": 'non',
    'Statut du titulaire': 'Autre', Attributaire: 'Nettoiement Urbain',
  },
  // r17 — 2023: another year, neither N nor N−1
  {
    'Réf. marché': 'CDV-23-01', Intitulé: 'Illuminations de fin d’année', DGA: 'Cadre de vie', 'Type de procédure': 'MAPA',
    'Achat hors marché': 'non', "Date d'attribution": day('2023-06-01'), 'Durée en mois': 12, 'Montant attribué (€ HT)': 80000,
    'Réalisé (€)': 80000, 'Coût du cycle de vie': 'oui', 'Réunion de lancement': 'oui', 'Réunions de bilan': 2, 'Hors bordereau (€)': 5000,
    'Fiche suivi': 'oui', 'Dossier négocié': 'oui', 'Amélioration technique': 'oui', 'Critère env.': 'oui', 'Réemploi (€)': 5000,
    'Réutilisation (€)': 5000, 'Matières recyclées (€)': 5000, 'Achat/location': 'Location', UGAP: 'oui', "Support d'insertion": 'oui',
    "Clause d'insertion": 'oui', "Heures d'insertion réalisées": 500, 'Statut du titulaire': 'ESAT', Attributaire: 'Lumières du Nord',
  },
  // r18 — totals row: no numero, « TOTAL : » in Intitulé
  { Intitulé: 'TOTAL :', 'Montant attribué (€ HT)': 437000 },
];

export const HEADER_ACT = ['Date', "Type d'action", 'Thème', 'Personnes formées'] as const;
const ACT_ROWS: Partial<Record<(typeof HEADER_ACT)[number], Cell>>[] = [
  { Date: '12/02/2025', "Type d'action": 'Formation', Thème: 'Achats responsables', 'Personnes formées': 14 }, // r3
  { Date: '2025-03-20', "Type d'action": 'formation', Thème: 'Clauses sociales', 'Personnes formées': '9' }, // r4
  { Date: day('2025-04-15'), "Type d'action": 'Atelier', Thème: 'Sourçage', 'Personnes formées': 22 }, // r5
  { Date: day('2025-06-10'), "Type d'action": 'évènement', Thème: 'Forum des fournisseurs locaux', 'Personnes formées': 40 }, // r6
  { Date: day('2025-07-01'), "Type d'action": 'COPIL', Thème: 'Bilan semestriel', 'Personnes formées': 12 }, // r7
  { Date: '03/10/2025', "Type d'action": 'Formation', Thème: 'Coût global' }, // r8 (participants empty)
  { Date: day('2024-11-05'), "Type d'action": 'Formation', Thème: 'Achats responsables', 'Personnes formées': 30 }, // r9 (N−1)
  { Date: day('2024-12-12'), "Type d'action": 'Atelier', Thème: 'Réemploi', 'Personnes formées': 15 }, // r10 (N−1)
];

export const HEADER_INS = ['N° marché', 'Participant', 'Genre', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures'] as const;
const INS_ROWS: Partial<Record<(typeof HEADER_INS)[number], Cell>>[] = [
  { 'N° marché': 'edu-25-01', Participant: 'P01', Genre: 'F', 'Commune de résidence': 'Roubaix', QPV: 'oui', 'Type de contrat': 'CDDI', Heures: 100 }, // r3
  { 'N° marché': 'EDU-25- 01', Participant: 'P02', Genre: 'H', 'Commune de résidence': 'Lille', QPV: 'non', 'Type de contrat': 'Intérim', Heures: '40,5' }, // r4
  { 'N° marché': 'CDV-25-02', Participant: 'P03', Genre: 'F', 'Commune de résidence': 'Roubaix', QPV: 'oui', 'Type de contrat': 'CDI', Heures: 200 }, // r5
  { 'N° marché': 'CDV-25-03', Participant: 'P04', Genre: 'H', 'Commune de résidence': 'Tourcoing', QPV: 'non', 'Type de contrat': 'CDD', Heures: 70 }, // r6 (an order: H, not M)
  { 'N° marché': 'EDU-24-01', Participant: 'P05', Genre: 'F', 'Commune de résidence': 'Roubaix', QPV: 'oui', 'Type de contrat': 'CDDI', Heures: 90 }, // r7 (N−1)
  { 'N° marché': 'SOL-25-10', Participant: 'P06', Genre: 'F', 'Commune de résidence': 'Wattrelos', QPV: 'non', 'Type de contrat': 'CDDI', Heures: 30 }, // r8 (contract of workbook 2)
  { 'N° marché': 'EDU-25-04', Participant: 'P07', Genre: 'H', 'Commune de résidence': 'Roubaix', QPV: 'oui', 'Type de contrat': 'CDD', Heures: 25 }, // r9 (contract in error)
];

export const HEADER_CIB = ['Indicateur', 'Année', 'Cible', 'Sens'] as const;
const CIB_ROWS: Partial<Record<(typeof HEADER_CIB)[number], Cell>>[] = [
  { Indicateur: '2.1.4-cout-global', Année: 2025, Cible: 4, Sens: '≥' }, // r4
  { Indicateur: '2.2.2-hors-bpu', Année: 2025, Cible: eur('2 800'), Sens: '≤' }, // r5
  { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Cible: 40 }, // r6 (empty sens → ≥)
  { Indicateur: '3.1.1-reemploi', Année: 2025, Cible: 5000, Sens: '≥' }, // r7
  { Indicateur: '2.1.5-relation-fournisseur', Année: 2025, Cible: 50, Sens: '≥' }, // r8
  { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Cible: 10, Sens: '≥' }, // r9 (no value)
  { Indicateur: '2.1.4-cout-global', Année: 2026, Cible: 100, Sens: '≥' }, // r10 (another year)
  { Indicateur: '2.1.4-cout-global', Année: 2024, Cible: 1, Sens: '≥' }, // r11 (N−1)
];

export const HEADER_SAI = ['Indicateur', 'Année', 'Valeur', 'Source'] as const;
const SAI_ROWS: Partial<Record<(typeof HEADER_SAI)[number], Cell>>[] = [
  { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Valeur: '40,0', Source: 'Service logistique' }, // r2
  { Indicateur: '3.2.1-mobilier-reemploye', Année: 2024, Valeur: 25, Source: 'Service logistique' }, // r3 (N−1)
  { Indicateur: '2.1.4-cout-global', Année: 2025, Valeur: 99, Source: 'Estimation' }, // r4 (computed indicator)
  { Indicateur: '3.1.1-recycle', Année: 2025, Valeur: 12345, Source: 'Estimation' }, // r5 (computed indicator)
];

export async function workbookDcp(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_DCP);
  ws.getCell('A1').value = 'Ville de Roubaix — Direction de la commande publique';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = 'Registre des marchés 2024-2025 — édité le 05/01/2026';
  table(ws, 4, HEADER_DCP, DCP_ROWS);

  const act = wb.addWorksheet('Sensibilisation');
  act.getCell('A1').value = 'Actions de sensibilisation SPASER';
  table(act, 2, HEADER_ACT, ACT_ROWS);

  const ins = wb.addWorksheet('Suivi clauses');
  ins.getCell('A1').value = "Suivi des clauses d'insertion — rapport du facilitateur";
  table(ins, 2, HEADER_INS, INS_ROWS);

  const cib = wb.addWorksheet('Objectifs COPIL');
  writeRows(cib, 1, [['Objectifs fixés par le COPIL du 12/12/2024'], []]);
  table(cib, 3, HEADER_CIB, CIB_ROWS);

  const sai = wb.addWorksheet('Valeurs saisies');
  table(sai, 1, HEADER_SAI, SAI_ROWS);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ─── Workbook 2: a Pôle's finance extraction, no Pôle column ───────────────

export const FILE_SOL = 'Pôle Solidarités.xlsx';
export const SHEET_SOL = 'Extraction';

export const HEADER_SOL = [
  'N° de contrat', 'Désignation', 'Mode de passation', 'Hors marché', 'Date de commande', 'Montant HT',
  'Type de structure', "Mode d'acquisition", "Marché d'insertion", 'Fournisseur',
] as const;
type HS = (typeof HEADER_SOL)[number];

const SOL_ROWS: Partial<Record<HS, Cell>>[] = [
  // r4
  {
    'N° de contrat': 'SOL-25-10', Désignation: "Colis d'aide alimentaire", 'Mode de passation': 'MAPA', 'Hors marché': 'non',
    'Date de commande': '14/03/2025', 'Montant HT': '8 500,50', 'Type de structure': 'ESAT', "Mode d'acquisition": 'Location',
    "Marché d'insertion": 'oui', Fournisseur: 'ESAT des Flandres',
  },
  // r5
  {
    'N° de contrat': 'SOL-25-11', Désignation: "Bons d'achat alimentaires", 'Hors marché': 'oui', 'Date de commande': '02/04/2025',
    'Montant HT': eur('2 000'), 'Type de structure': 'SIAE', "Mode d'acquisition": 'Achat', "Marché d'insertion": 'non',
    Fournisseur: 'Épicerie du Pile',
  },
  // r6
  {
    'N° de contrat': 'SOL-25-12', Désignation: 'Minibus pour les sorties des aînés', 'Mode de passation': "Appel d'offres ouvert",
    'Hors marché': 'non', 'Date de commande': '20/07/2025', 'Montant HT': `45${NNBSP}000 € HT`, 'Type de structure': 'ESS',
    "Mode d'acquisition": 'location', "Marché d'insertion": 'non', Fournisseur: 'Transports Solidaires',
  },
  // r7 — N−1
  {
    'N° de contrat': 'SOL-24-10', Désignation: 'Colis de fin d’année', 'Mode de passation': 'MAPA', 'Hors marché': 'non',
    'Date de commande': '10/10/2024', 'Montant HT': 3000, 'Type de structure': 'Autre', "Mode d'acquisition": 'Achat',
    "Marché d'insertion": 'oui', Fournisseur: 'Colis Nord',
  },
  // r8 — date « 15/13/2025 » unreadable → date-invalide (left out)
  {
    'N° de contrat': 'SOL-25-13', Désignation: 'Repas des seniors', 'Mode de passation': 'MAPA', 'Hors marché': 'non',
    'Date de commande': '15/13/2025', 'Montant HT': 4000, 'Type de structure': 'ESAT', "Mode d'acquisition": 'Location',
    "Marché d'insertion": 'oui', Fournisseur: 'Restaurant Solidaire',
  },
];

export async function workbookSol(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_SOL);
  ws.getCell('A1').value = 'Extraction du logiciel financier — 05/01/2026';
  table(ws, 3, HEADER_SOL, SOL_ROWS);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ─── Workbook 3: orders only ────────────────────────────────────────────────

export const FILE_SPORT = 'Régie Sport 2025.xlsx';
export const SHEET_SPORT = 'Commandes 2025';

export const HEADER_SPORT = [
  'Numéro de marché', 'Objet', 'Commande hors marché', 'Date de commande', 'Montant HT', 'Montant mandaté', "Mode d'acquisition",
  'Négocié', 'Offre technique améliorée', 'Coût global', 'Fiche de suivi', 'Réunion de cadrage', 'Nb bilans', 'Durée', 'Hors BPU',
  'Type de structure',
] as const;
type HP = (typeof HEADER_SPORT)[number];

const SPORT_ROWS: Partial<Record<HP, Cell>>[] = [
  // r2
  {
    'Numéro de marché': 'SP-01', Objet: 'Ballons et chasubles', 'Commande hors marché': 'oui', 'Date de commande': day('2025-01-12'),
    'Montant HT': 1200, 'Montant mandaté': 1000, "Mode d'acquisition": "Achat d'usage", Négocié: 'non', 'Coût global': 'oui',
    'Fiche de suivi': 'oui', 'Réunion de cadrage': 'oui', 'Nb bilans': 1, Durée: 1, 'Hors BPU': 100, 'Type de structure': 'Autre',
  },
  // r3
  {
    'Numéro de marché': 'SP-02', Objet: 'Filets de but', 'Commande hors marché': 'x', 'Date de commande': '03/02/2025', 'Montant HT': 800,
    "Mode d'acquisition": "achat d'usage", 'Type de structure': 'ESAT',
  },
  // r4
  {
    'Numéro de marché': 'SP-03', Objet: 'Trousses de secours', 'Commande hors marché': 'OUI', 'Date de commande': '2025-05-05',
    'Montant HT': eur('1 500,00 €'), 'Hors BPU': '50,5', 'Type de structure': 'Autre',
  },
];

export async function workbookSport(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_SPORT);
  table(ws, 1, HEADER_SPORT, SPORT_ROWS);

  const act = wb.addWorksheet('Actions');
  table(act, 1, ['Date', 'Type', 'Intitulé', 'Participants'], [
    { Date: day('2024-10-01'), Type: 'Formation', Intitulé: 'Achats responsables', Participants: 6 },
    { Date: day('2024-11-20'), Type: 'Atelier', Intitulé: 'Réemploi du matériel sportif', Participants: 10 },
  ]);

  const ins = wb.addWorksheet('Insertion');
  table(ins, 1, ['N° de marché', 'Bénéficiaire', 'Sexe', 'Heures réalisées'], [
    { 'N° de marché': 'SP-01', Bénéficiaire: 'S01', Sexe: 'F', 'Heures réalisées': 35 },
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
