/**
 * Blind acceptance `chef`: the lead's monthly workflow across the command line.
 * Four Pôles, four house styles, each run alone through the CLI; two of them then
 * record tag decisions in the very hidden `SPASER État` of their result file; the
 * lead consolidates the four result files (`Pôle X - SPASER.xlsx`).
 *
 * Exercice 2025 (17 rows of 2025 with a readable date, 1 of 2024).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const RES = 'Pôle Ressources.xlsx';
export const SOL = 'Pôle Solidarités.xlsx';
export const EDU = 'Pôle Éducation.xlsx';
export const CDV = 'Pôle Cadre de vie.xlsx';
/** The order the lead gives the files in. */
export const ORDER = [RES, SOL, EDU, CDV];
export const resultName = (file: string): string => file.replace(/\.xlsx$/, ' - SPASER.xlsx');

/**
 * Pôle Ressources: a title, the header on row 3, its own « Pôle gestionnaire » column
 * holding two sub-Pôles (Finances, Moyens généraux).
 *   r4 RES-01 Nettoyage des locaux            Finances        10 000  10/02/2025 CS Oui  CE Non
 *   r5 RES-02 Fournitures de papier recyclé   Moyens généraux  4 000  05/03/2025 CS Non  CE —   (suggestion CE « recyclé »: CONFIRMED)
 *   r6 RES-03 Logiciel innovant de paie       Finances         6 000  12/04/2025 CS Non  CE Non (suggestion innovation « innovant »: REJECTED)
 *   r7 RES-04 Maintenance des ascenseurs      Moyens généraux  2 000  20/05/2025 CS —    CE Oui
 */
async function ressources(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés 2025');
  ws.getCell('A1').value = 'Pôle Ressources — suivi des marchés 2025';
  writeRows(ws, 3, [
    ['Réf. marché', 'Libellé', 'Pôle gestionnaire', 'Montant notifié', 'Notifié le', 'Clause sociale', 'Clause env.'],
    ['RES-01', 'Nettoyage des locaux', 'Finances', 10000, day('2025-02-10'), 'Oui', 'Non'],
    ['RES-02', 'Fournitures de papier recyclé', 'Moyens généraux', 4000, day('2025-03-05'), 'Non', null],
    ['RES-03', 'Logiciel innovant de paie', 'Finances', 6000, day('2025-04-12'), 'Non', 'Non'],
    ['RES-04', 'Maintenance des ascenseurs', 'Moyens généraux', 2000, day('2025-05-20'), null, 'Oui'],
  ]);
  for (let r = 4; r <= 7; r++) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path.join(dir, RES));
}

/**
 * Pôle Solidarités: header on row 1, no Pôle column, a mandated-spend column, and a
 * Suivi insertion sheet (« Insertion »).
 *   r2 SOL-01   Accompagnement social des familles                     20 000 mandaté 15 000 03/02/2025 CI Oui CV Non
 *   r3 SOL-02   Entretien des espaces verts par un chantier d'insertion 8 000 mandaté —      10/03/2025 CI Non CV Non (suggestion Marché d'insertion: REJECTED)
 *   r4 SOL-03   Achat de mobilier de réemploi                           5 000 mandaté 4 000  14/04/2025 CI Non CV —   (suggestion CE « réemploi »: CONFIRMED)
 *   r5 SOL-04   Expérimentation d'un accueil numérique                  3 000 mandaté 3 000  02/06/2025 CI Non CV Non (suggestion innovation: undecided)
 *   r6 RES - 01 Nettoyage des locaux (quote-part Solidarités)           1 500 mandaté 1 500  20/09/2025 CI Oui CV Non (doublon of RES-01, same year)
 * Insertion (header row 1):
 *   SOL-01 BEN-1 F Roubaix   QPV Oui CDDI    300
 *   SOL-01 BEN-2 H Tourcoing QPV Non CDD     200
 *   SOL-01 ben-1 F Roubaix   QPV Oui Intérim 100
 *   RES-01 BEN-3 H Roubaix   QPV Non CDI     150
 */
async function solidarites(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi des marchés');
  writeRows(ws, 1, [
    ['N° de marché', 'Objet du marché', 'Montant HT', 'Mandaté', 'Date notif', "Clause d'insertion", 'Clause verte'],
    ['SOL-01', 'Accompagnement social des familles', 20000, 15000, day('2025-02-03'), 'Oui', 'Non'],
    ['SOL-02', "Entretien des espaces verts par un chantier d'insertion", 8000, null, day('2025-03-10'), 'Non', 'Non'],
    ['SOL-03', 'Achat de mobilier de réemploi', 5000, 4000, day('2025-04-14'), 'Non', null],
    ['SOL-04', "Expérimentation d'un accueil numérique", 3000, 3000, day('2025-06-02'), 'Non', 'Non'],
    ['RES - 01', 'Nettoyage des locaux (quote-part Solidarités)', 1500, 1500, day('2025-09-20'), 'Oui', 'Non'],
  ]);
  for (let r = 2; r <= 6; r++) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
  const ins = wb.addWorksheet('Insertion');
  writeRows(ins, 1, [
    ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'],
    ['SOL-01', 'BEN-1', 'F', 'Roubaix', 'Oui', 'CDDI', 300, day('2025-03-01')],
    ['SOL-01', 'BEN-2', 'H', 'Tourcoing', 'Non', 'CDD', 200, day('2025-04-01')],
    ['SOL-01', 'ben-1', 'F', 'Roubaix', 'Oui', 'Intérim', 100, day('2025-06-01')],
    ['RES-01', 'BEN-3', 'H', 'Roubaix', 'Non', 'CDI', 150, day('2025-05-01')],
  ]);
  for (let r = 2; r <= 5; r++) ins.getCell(r, 8).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path.join(dir, SOL));
}

/**
 * Pôle Éducation: a title on row 1, header on row 2, a procedure, an environmental
 * criterion and a « Programmé » column; a Cibles sheet.
 *   r3 EDU-01   Restauration scolaire        50 000 01/02/2025 AOO        CritEnv Oui Prog Oui
 *   r4 EDU-02   Transport des élèves         12 000 15/03/2025 MAPA       CritEnv Non Prog Non
 *   r5 EDU-03   Achat de jeux éducatifs         800 20/04/2025 gré à gré  CritEnv Non Prog —
 *   r6 2025-100 Entretien des cours d'école   7 000 10/07/2025 MAPA       CritEnv Oui Prog Oui
 * Cibles COPIL: 4.1.2-consideration-sociale 2025 30 ≥ ; 3.1.1-consideration-env 2025 60 ≥ ;
 *   3.1.1-criteres-env 2024 10 ≥ ; 2.1.1-programmes-nb 2025 90 ≤
 */
async function education(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  ws.getCell('A1').value = 'Direction de l’Éducation — marchés';
  writeRows(ws, 2, [
    ['Numéro de consultation', 'Objet de la consultation', 'Montant HT', "Date d'attribution", 'Procédure', 'Critère environnemental', 'Programmé'],
    ['EDU-01', 'Restauration scolaire', 50000, '01/02/2025', 'AOO', 'Oui', 'Oui'],
    ['EDU-02', 'Transport des élèves', 12000, '15/03/2025', 'MAPA', 'Non', 'Non'],
    ['EDU-03', 'Achat de jeux éducatifs', 800, '20/04/2025', 'gré à gré', 'Non', null],
    ['2025-100', "Entretien des cours d'école", 7000, '10/07/2025', 'MAPA', 'Oui', 'Oui'],
  ]);
  const c = wb.addWorksheet('Cibles COPIL');
  writeRows(c, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['4.1.2-consideration-sociale', 2025, 30, '≥'],
    ['3.1.1-consideration-env', 2025, 60, '≥'],
    ['3.1.1-criteres-env', 2024, 10, '≥'],
    ['2.1.1-programmes-nb', 2025, 90, '≤'],
  ]);
  await wb.xlsx.writeFile(path.join(dir, EDU));
}

/**
 * Pôle Cadre de vie: upper-case export headers, a « HORS MARCHE » column.
 *   r2 CDV-01   Réfection de voirie          30 000 05/02/2025 HM Non CS Oui
 *   r3 CDV-02   Achat de petit outillage        900 11/03/2025 HM Oui CS —
 *   r4 2025-100 Entretien des cours d'école   7 000 10/07/2025 HM Non CS Non (doublon of Éducation's 2025-100)
 *   r5 EDU-01   Éclairage public              4 000 12/09/2024 HM Non CS Non (same number as EDU-01, other year: not a doublon; N−1)
 *   r6 CDV-03   Plantation d'arbres           6 000 20/10/2025 HM —   CS Non
 */
async function cadreDeVie(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025');
  writeRows(ws, 1, [
    ['N° MARCHE', 'DESIGNATION', 'MONTANT HT', 'DATE NOTIFICATION', 'HORS MARCHE', 'CLAUSE SOCIALE'],
    ['CDV-01', 'Réfection de voirie', 30000, day('2025-02-05'), 'Non', 'Oui'],
    ['CDV-02', 'Achat de petit outillage', 900, day('2025-03-11'), 'Oui', null],
    ['2025-100', "Entretien des cours d'école", 7000, day('2025-07-10'), 'Non', 'Non'],
    ['EDU-01', 'Éclairage public', 4000, day('2024-09-12'), 'Non', 'Non'],
    ['CDV-03', "Plantation d'arbres", 6000, day('2025-10-20'), null, 'Non'],
  ]);
  for (let r = 2; r <= 6; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(path.join(dir, CDV));
}

export async function writePoleWorkbooks(dir: string): Promise<void> {
  await ressources(dir);
  await solidarites(dir);
  await education(dir);
  await cadreDeVie(dir);
}

export interface Decision {
  numero: string;
  consideration: 'sociale' | 'environnementale' | 'innovation';
  etiquette: string;
  decision: 'confirmée' | 'rejetée';
}

/** The buyers' choices in the add-in, per input file, with the sheet of the row. */
export const DECISIONS: Record<string, { sheet: string; decisions: Decision[] }> = {
  [RES]: {
    sheet: 'Marchés 2025',
    decisions: [
      { numero: 'RES-02', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' },
      { numero: 'RES-03', consideration: 'innovation', etiquette: 'Marché innovant', decision: 'rejetée' },
    ],
  },
  [SOL]: {
    sheet: 'Suivi des marchés',
    decisions: [
      { numero: 'SOL-03', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' },
      { numero: 'SOL-02', consideration: 'sociale', etiquette: "Marché d'insertion", decision: 'rejetée' },
    ],
  },
};

/**
 * Writes the decisions into the very hidden `SPASER État` of a result file, as the
 * add-in saves them (README « Choix faits », sortie.md): JSON in column A, version 1,
 * `decisions` keyed by `numero` and source `file|sheet` (the Pôle's own file, where
 * the buyer took the decision).
 */
export async function recordDecisions(resultFile: string, inputFile: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(resultFile);
  const { sheet, decisions } = DECISIONS[inputFile];
  let ws = wb.getWorksheet('SPASER État');
  let state: { version: number; mappings: unknown[]; decisions: unknown[] } = { version: 1, mappings: [], decisions: [] };
  if (ws) {
    const text: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, 1).value;
      if (typeof v === 'string') text.push(v);
    }
    if (text.length > 0) state = JSON.parse(text.join(''));
    wb.removeWorksheet(ws.id);
  }
  state.decisions = [...state.decisions, ...decisions.map((d) => ({ numero: d.numero, source: `${inputFile}|${sheet}`, consideration: d.consideration, etiquette: d.etiquette, decision: d.decision }))];
  ws = wb.addWorksheet('SPASER État', { state: 'veryHidden' });
  ws.getCell('A1').value = JSON.stringify(state);
  await wb.xlsx.writeFile(resultFile);
}
