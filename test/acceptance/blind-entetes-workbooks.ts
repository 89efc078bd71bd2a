/**
 * Blind acceptance « entêtes »: five buyers' workbooks whose headers are written the way
 * people and tools really write them (abbreviations, line breaks, units in brackets, upper
 * case without accents, TTC beside HT, two candidates for one field, unknown columns, titles
 * and a logo above the header, an Excel table under a long notice, a sheet per year, a
 * workbook missing a required column, companion sheets with their own spellings, and a
 * column choice saved by the add-in). Built from the spec only (champs.md, regles.md §1).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_W1 = 'Pôle Ressources.xlsx';
export const FILE_W2 = 'Pôle Éducation.xlsx';
export const FILE_W3 = 'Pôle Proximité.xlsx';
export const FILE_W4 = 'Pôle Solidarités.xlsx';
export const FILE_W5 = 'Pôle Culture.xlsx';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function writeHeader(ws: ExcelJS.Worksheet, row: number, header: readonly string[]): void {
  header.forEach((h, i) => {
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    if (h.includes('\n')) cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

function writeData(ws: ExcelJS.Worksheet, firstRow: number, rows: readonly (readonly ExcelJS.CellValue[])[]): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(firstRow + i);
    values.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
}

/** The add-in's saved choices: the very hidden `SPASER État` sheet, its JSON in column A. */
function saveState(wb: ExcelJS.Workbook, state: unknown): void {
  const ws = wb.addWorksheet('SPASER État', { state: 'veryHidden' });
  ws.getCell('A1').value = JSON.stringify(state);
}

// ───────────────────────────── W1 « Pôle Ressources.xlsx » ─────────────────────────────
// Sheet `Suivi marchés`: a logo-like merged cell A1:A3, three title rows, header on row 4.
export const W1_SHEET = 'Suivi marchés';
export const W1_HEADER = [
  'N° mché', // numero (abbreviation of « n° marché »)
  'OBJET DU MARCHE', // objet (upper case, no accents)
  'Date\nnotif.', // dateNotification (line break)
  'Montant\nHT (€)', // montant (line break + unit)
  'Montant TTC (€)', // never an HT amount → unmapped
  'Dépenses\n2025 (€ HT)', // montantMandate (« dépenses »)
  'PROCEDURE', // procedure
  'Nb offres', // offresRecues
  'CLAUSE SOCIALE', // clauseSociale
  'Clause env.', // clauseEnvironnementale
  'Réemploi / recyclé (€)', // ambiguous: montantReemploi or montantRecycle
  'Taux TVA (%)', // unknown → unmapped
  'Visa DCP', // unknown → unmapped
  'Titulaire', // titulaire
  'CP', // codePostalTitulaire
  // Added after the first run (extension): TTC written every way; none may become an HT amount.
  'Montant (TTC)', // the bracket is not a unit: unmapped
  'Mandaté\n(TTC)', // unmapped, never montantMandate
  'Montant T.T.C.', // unmapped
  'Gain TTC (€)', // unmapped, never gainNegociation
] as const;

/**
 * The buyer's saved choice for W1: « N° mché » is the contract number. Not in the first
 * version of this test: the program does not recognise the abbreviation « mché » (spec
 * silent on abbreviations other than those of regles.md §1), so the workbook has no register
 * until the buyer says so once, at the Colonnes step.
 */
export const W1_STATE = {
  version: 1 as const,
  mappings: [{ file: FILE_W1, sheet: 'Suivi marchés', headerRow: 4, columns: { 'N° mché': 'numero' } }],
  decisions: [],
};

export async function workbookW1(withSavedChoice: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W1_SHEET);
  ws.mergeCells('A1:A3');
  ws.getCell('A1').value = 'VILLE DE ROUBAIX';
  ws.getCell('A1').alignment = { vertical: 'middle', horizontal: 'center' };
  ws.mergeCells('B1:H1');
  ws.getCell('B1').value = 'Suivi des marchés publics — exercice 2025';
  ws.getCell('B2').value = 'Pôle Ressources — Direction de la commande publique';
  ws.getCell('B3').value = 'Mise à jour : 15/01/2026';
  writeHeader(ws, 4, W1_HEADER);
  writeData(ws, 5, [
    // N°  objet  date  HT  TTC  dépenses  procédure  offres  CS  CE  réemploi/recyclé  TVA  visa  titulaire  CP
    ['R-25-01', 'Entretien des espaces verts', day('2025-02-10'), 100000, 120000, 40000, 'AOO', 4, 'OUI', 'non', 5000, 20, 'OK', 'Verts Jardins', 59100, 120000, 48000, 120000, 600],
    ['R-25-02', 'Fournitures de bureau', day('2025-03-05'), 20000, 24000, null, 'MAPA', 2, null, 'OUI', null, 20, 'OK', 'Bureau Plus', 59000],
    ['R-25-03', 'Maintenance des ascenseurs', day('2025-04-01'), 50000, 60000, 30000, 'Gré à gré', 1, 'non', 'non', null, 20, null, 'Ascenseurs du Nord', '62000'],
    ['R-25-04', 'Nettoyage des locaux', day('2025-06-15'), 80000, 96000, 60000, 'AOO', 6, 'OUI', 'OUI', 2000, 20, 'OK', 'Propreté 59', '59100', 96000, 72000, 96000, 1200],
    ['R-24-09', 'Fourniture de papier', day('2024-11-20'), 10000, 12000, 9000, 'MAPA', 3, 'non', 'OUI', null, 20, 'OK', 'Papeterie Lys', 59390],
    [null, 'TOTAL :', null, 260000, 312000, 139000],
  ]);
  // A lists sheet for the drop-downs: not a register, not a companion.
  const lists = wb.addWorksheet('Listes');
  writeData(lists, 1, [
    ['Procédures', 'Oui/Non'],
    ['MAPA', 'OUI'],
    ['AOO', 'non'],
    ['Gré à gré', null],
  ]);
  if (withSavedChoice) saveState(wb, W1_STATE);
  return bytesOf(wb);
}

// ───────────────────────────── W2 « Pôle Éducation.xlsx » ─────────────────────────────
// Sheet `Marchés`: a 22-line notice, then an Excel table (ListObject) whose header is row 23.
export const W2_SHEET = 'Marchés';
export const W2_TABLE_ROW = 23;
export const W2_HEADER = [
  'REF MARCHE', // numero
  'LIBELLE', // objet
  'DATE NOTIFICATION', // dateNotification
  'Mt HT (€)', // montant (abbreviation « Mt »)
  'MT TTC (€)', // unmapped (TTC)
  'POLE', // pole
  'NB AVENANTS', // nbAvenants
  'DONT PROLONGATIONS', // nbAvenantsProlongation
  'RECURRENT (O/N)', // recurrent
  'PROGRAMME', // programme
  'HORS MARCHE', // horsMarche
  'NOMENCLATURE', // codeNomenclature
  'OBSERVATIONS', // commentaires
  'SERVICE', // direction — and so is DIRECTION: two candidates for one field (program: leftmost wins)
  'DIRECTION',
] as const;

/** The buyer's saved choice for W2: « Mt HT (€) » is the amount (« Mt » is not recognised). */
export const W2_STATE = {
  version: 1 as const,
  mappings: [{ file: FILE_W2, sheet: 'Marchés', headerRow: 23, columns: { 'Mt HT (€)': 'montant' } }],
  decisions: [],
};

export async function workbookW2(withSavedChoice: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W2_SHEET);
  const notice = [
    'MODE D’EMPLOI DU TABLEAU DE SUIVI',
    'Ce classeur est tenu par la cellule marchés du Pôle.',
    '1. Une ligne par marché notifié.',
    '2. Saisir la référence telle qu’elle figure sur l’acte d’engagement.',
    '3. Le libellé reprend l’intitulé de la consultation.',
    '4. La date est celle de la notification au titulaire.',
    '5. Les montants sont saisis sans séparateur.',
    '6. Colonne POLE : toujours « Éducation ».',
    '7. Les avenants sont comptés à leur notification.',
    '8. Récurrent : O si le besoin revient chaque année.',
    '9. Programmé : O si inscrit à la programmation annuelle.',
    '10. Hors marché : O pour une commande sur facture.',
    '11. Nomenclature : code famille de la Ville.',
    '12. Observations libres.',
    '13. Service et direction : ceux de l’organigramme.',
    '14. Ne pas insérer de colonne dans le tableau.',
    '15. Ne pas fusionner de cellules.',
    '16. Le tableau s’étend tout seul.',
    '17. Enregistrer au format .xlsx.',
    '18. Contact : cellule marchés, poste 4412.',
    '19. Version du modèle : 3.2',
    '20. Dernière révision : janvier 2026',
  ];
  notice.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
  const rows: ExcelJS.CellValue[][] = [
    ['E-25-01', 'Restauration scolaire', day('2025-01-15'), 300000, 360000, 'Éducation', 2, 1, 'O', 'O', 'N', 'F12', null, 'Restauration', 'DEJ'],
    ['E-25-02', 'Transport scolaire', day('2025-03-10'), 150000, 180000, 'Éducation', 1, 1, 'O', 'N', 'N', null, null, 'Transports', 'DEJ'],
    ['E-25-03', 'Achat de jeux de cour', day('2025-05-20'), 5000, 6000, 'Éducation', 0, 0, 'N', 'O', 'O', 'F03', 'Commande sur facture', 'Écoles', 'DEJ'],
    ['E-25-04', 'Entretien des cours d’école', day('2025-07-01'), 45000, 54000, 'Éducation', 3, 4, 'N', 'O', 'N', 'F20', null, 'Bâtiments', 'DPB'],
    ['E-25-05', 'Mobilier des classes', day('2025-09-01'), 60000, 72000, 'Éducation', 1, 0, 'N', 'O', 'N', 'F07', 'mobilier reconditionné', 'Écoles', 'DEJ'],
    ['E-24-07', 'Fournitures scolaires', day('2024-08-20'), 25000, 30000, 'Éducation', 0, 0, 'O', 'O', 'N', 'F01', null, 'Écoles', 'DEJ'],
  ];
  ws.addTable({
    name: 'TabMarches',
    ref: `A${W2_TABLE_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: W2_HEADER.map((name) => ({ name, filterButton: true })),
    rows,
  });
  rows.forEach((_, i) => (ws.getCell(W2_TABLE_ROW + 1 + i, 3).numFmt = 'dd/mm/yyyy'));
  if (withSavedChoice) saveState(wb, W2_STATE);
  return bytesOf(wb);
}

// ───────────────────────────── W3 « Pôle Proximité.xlsx » ─────────────────────────────
// One sheet per year, each spelled its own way, and the facilitator's insertion sheet.
export const W3_HEADER_2024 = [
  'N° de contrat', // numero
  'Désignation', // objet
  'Notifié le', // dateNotification
  'Montant attribué HT', // montant
  'Clause insertion', // clauseSociale
  'Heures d’insertion prévues', // heuresInsertionPrevues
  'Heures réalisées', // heuresInsertionRealisees
] as const;
export const W3_HEADER_2025 = [
  'Numéro de marché', // numero
  'Intitulé', // objet
  'Date d’attribution', // dateNotification
  'Montant maximum HT (en €)', // montant
  'Montant notifié TTC', // unmapped (TTC)
  'Clause sociale (O/N)', // clauseSociale
  'Heures d’insertion réalisées', // heuresInsertionRealisees
  'Marché d’insertion', // marcheInsertion
] as const;
export const W3_SUIVI = 'Insertion (facilitateur)';
export const W3_HEADER_SUIVI = [
  'N° marché', // numero
  'Identifiant', // beneficiaire
  'H/F', // sexe
  'Lieu de résidence', // communeResidence
  'QPV', // qpv
  'Contrat', // typeContrat
  'Nb heures', // heures
  'Début du contrat', // dateDebut
] as const;

export async function workbookW3(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s24 = wb.addWorksheet('2024');
  writeHeader(s24, 1, W3_HEADER_2024);
  writeData(s24, 2, [
    ['P-24-01', 'Voirie rue de Lannoy', day('2024-03-01'), 200000, 'oui', 500, 450],
    ['P-24-02', 'Éclairage public', day('2024-06-01'), 80000, 'non', null, null],
  ]);
  const s25 = wb.addWorksheet('2025');
  s25.getCell('A1').value = 'Marchés notifiés en 2025 — Pôle Proximité';
  writeHeader(s25, 2, W3_HEADER_2025);
  writeData(s25, 3, [
    ['P-25-01', 'Réfection des trottoirs', day('2025-02-01'), 250000, 300000, 'O', 300, 'N'],
    ['P-25-02', 'Propreté urbaine', day('2025-04-01'), 120000, 144000, 'O', 100, 'N'],
    ['P-25-03', 'Entretien des talus', day('2025-05-01'), 40000, 48000, 'N', null, 'O'],
    ['P-25-04', 'Signalisation horizontale', day('2025-10-01'), 30000, 36000, 'N', null, 'N'],
  ]);
  const suivi = wb.addWorksheet(W3_SUIVI);
  writeHeader(suivi, 1, W3_HEADER_SUIVI);
  writeData(suivi, 2, [
    ['P-25-01', 'B01', 'F', 'Roubaix', 'oui', 'CDDI', 120, day('2025-03-01')],
    ['P-25-01', 'B02', 'H', 'Tourcoing', 'non', 'Intérim', 100, day('2025-03-15')],
    ['P-25-02', 'B01', 'F', 'Roubaix', 'oui', 'CDD', 80, day('2025-05-01')],
    ['P-25-02', 'B03', 'H', 'Roubaix', 'non', 'CDI', 100, day('2025-06-01')],
    ['P-24-01', 'B04', 'H', 'Lille', 'non', 'CDDI', 450, day('2024-04-01')],
  ]);
  return bytesOf(wb);
}

// ───────────────────────────── W4 « Pôle Solidarités.xlsx » ─────────────────────────────
// Sheet `Suivi`: three of the four required fields (the date is « Signé le », which no
// synonym names), header on row 3; companion sheets with their own spellings.
export const W4_SHEET = 'Suivi';
export const W4_HEADER = ['N° marché', 'Objet', 'Montant HT', 'Signé le', 'Titulaire'] as const;
export const W4_ACTIONS = 'Sensibilisation';
export const W4_HEADER_ACTIONS = ['Date de la session', 'Type d’action', 'Thème', 'Nb participants'] as const;
export const W4_CIBLES = 'Objectifs COPIL';
export const W4_HEADER_CIBLES = ['INDICATEUR', 'ANNEE', 'CIBLE', 'SENS (≥ / ≤)'] as const;
export const W4_SAISIES = 'Valeurs saisies';
export const W4_HEADER_SAISIES = ['Indicateur (id)', 'Année', 'Valeur', 'Source'] as const;

/** The user's saved choice for W4: « Signé le » is the notification date. */
export const W4_STATE = {
  version: 1 as const,
  mappings: [{ file: FILE_W4, sheet: W4_SHEET, headerRow: 3, columns: { 'Signé le': 'dateNotification' } }],
  decisions: [],
};

export async function workbookW4(withSavedChoice: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W4_SHEET);
  ws.getCell('A1').value = 'Pôle Solidarités — marchés';
  ws.getCell('A2').value = 'Tableau tenu par le service administratif';
  writeHeader(ws, 3, W4_HEADER);
  writeData(ws, 4, [
    ['S-25-01', 'Aide alimentaire', 30000, day('2025-02-01'), 'Banque Solidaire'],
    ['S-25-02', 'Accueil de jour', 50000, day('2025-04-01'), 'Abri Nord'],
    ['S-24-01', 'Accompagnement des familles', 20000, day('2024-05-01'), 'Abri Nord'],
  ]);
  const actions = wb.addWorksheet(W4_ACTIONS);
  writeHeader(actions, 1, W4_HEADER_ACTIONS);
  writeData(actions, 2, [
    [day('2025-03-10'), 'Formation', 'Achats responsables', 12],
    [day('2025-06-05'), 'Atelier', 'Clauses sociales', 8],
    [day('2025-10-01'), 'Formation', 'Le SPASER en pratique', 15],
    [day('2024-11-01'), 'Formation', 'Découverte du SPASER', 10],
  ]);
  const cibles = wb.addWorksheet(W4_CIBLES);
  writeHeader(cibles, 1, W4_HEADER_CIBLES);
  writeData(cibles, 2, [
    ['1.2.1-formations', 2025, 3, '≥'],
    ['1.2.1-personnes-formees', 2025, 20, null],
    ['3.2.1-mobilier-reemploye', 2025, 10, '≥'],
  ]);
  const saisies = wb.addWorksheet(W4_SAISIES);
  writeHeader(saisies, 1, W4_HEADER_SAISIES);
  writeData(saisies, 2, [
    ['3.2.1-mobilier-reemploye', 2025, 12, 'Inventaire du mobilier'],
    ['3.2.1-fournitures-evitees', 2024, 5, 'Bilan 2024'],
  ]);
  if (withSavedChoice) saveState(wb, W4_STATE);
  return bytesOf(wb);
}

// ───────────────────────────── W5 « Pôle Culture.xlsx » ─────────────────────────────
// Sheet `Marchés`: « Montant estimé HT » and « Montant notifié HT » both name `montant`
// (the program gives it to the leftmost); the buyer's saved choice takes « Montant notifié HT ».
export const W5_SHEET = 'Marchés';
export const W5_HEADER = [
  'Réf. marché', // numero
  'Objet de la consultation', // objet
  'Date notif', // dateNotification
  'Montant estimé HT', // montant? — two candidates
  'Montant notifié HT', // montant? — two candidates (the saved choice)
  'Montant TTC', // unmapped (TTC)
  'Mandaté\n(€ HT)', // montantMandate
  'Innovant ?', // marcheInnovant
  'Effectif (salariés)', // effectifTitulaire
  'Titulaire', // titulaire
] as const;

export const W5_STATE = {
  version: 1 as const,
  mappings: [{ file: FILE_W5, sheet: W5_SHEET, headerRow: 1, columns: { 'Montant notifié HT': 'montant' } }],
  decisions: [],
};

export async function workbookW5(withSavedChoice: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W5_SHEET);
  writeHeader(ws, 1, W5_HEADER);
  writeData(ws, 2, [
    ['C-25-01', 'Saison culturelle', day('2025-01-20'), 90000, 85000, 102000, 50000, 'non', 12, 'Scènes du Nord'],
    ['C-25-02', 'Billetterie en ligne', day('2025-03-03'), 40000, 42000, 50400, null, 'oui', 4, 'Billetel'],
    ['C-25-03', 'Restauration d’œuvres', day('2025-06-30'), 20000, 18000, 21600, 18000, null, 300, 'Atelier Restauro'],
    ['C-24-11', 'Festival d’été', day('2024-07-01'), 30000, 30000, 36000, 30000, 'non', 60, 'Scènes du Nord'],
  ]);
  if (withSavedChoice) saveState(wb, W5_STATE);
  return bytesOf(wb);
}
