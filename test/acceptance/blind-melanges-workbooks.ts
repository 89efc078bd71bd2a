/**
 * Blind acceptance `melanges`: the project lead's consolidation mistakes on the command line.
 * Four plain Pôle workbooks (the right inputs), and the wrong ones a lead ends up giving:
 * a copy of a Pôle's file under another name, last year's file of a Pôle, a Pôle's
 * already-computed result, last month's consolidation output, a budget workbook, and a file
 * with an upper-case `.XLSX` (and a decomposed « É ») in a folder with spaces and accents.
 *
 * Exercice 2025 (13 rows of 2025, 2 of 2024 in the four right files). No objet uses a word of
 * the suggestion lexicon (regles.md §4): no suggestion, no warning anywhere.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const RES = 'Pôle Ressources.xlsx';
export const SOL = 'Pôle Solidarités.xlsx';
export const EDU = 'Pôle Éducation.xlsx';
export const CDV = 'Pôle Cadre de vie.xlsx';
/** The order of the right consolidation. */
export const ORDER = [RES, SOL, EDU, CDV];
/** Mistake 2: the copy a buyer made of Ressources' file, sent along with the original. */
export const RES_COPY = 'Pôle Ressources (copie).xlsx';
/** Mistake 3: last year's file of Solidarités. */
export const SOL_2024 = 'Pôle Solidarités 2024.xlsx';
/** Mistake 6: a budget workbook, not a register. */
export const BUDGET = 'Budget 2025.xlsx';

/**
 * Pôle Ressources, sheet « Marchés », header row 1, no Pôle column.
 *   r2 RES-01 Nettoyage des locaux        10 000  10/02/2025  CS Oui  CE Non
 *   r3 RES-02 Fourniture de papier         4 000  05/03/2025  CS Non  CE Oui
 *   r4 RES-03 Maintenance des ascenseurs   6 000  12/04/2025  CS Non  CE Non
 *   r5 RES-04 Gardiennage                  2 000  20/05/2025  CS Oui  CE Oui
 */
async function ressources(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  writeRows(ws, 1, [
    ['N° de marché', 'Objet du marché', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale'],
    ['RES-01', 'Nettoyage des locaux', 10000, day('2025-02-10'), 'Oui', 'Non'],
    ['RES-02', 'Fourniture de papier', 4000, day('2025-03-05'), 'Non', 'Oui'],
    ['RES-03', 'Maintenance des ascenseurs', 6000, day('2025-04-12'), 'Non', 'Non'],
    ['RES-04', 'Gardiennage', 2000, day('2025-05-20'), 'Oui', 'Oui'],
  ]);
  for (let r = 2; r <= 5; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

/**
 * Pôle Solidarités, sheet « Suivi 2025 »: mandated spend, a « Clause d'insertion » (clauseSociale)
 * and a « Hors marché » column; no environmental column.
 *   r2 SOL-01 Accompagnement des familles  mt 20 000 mandaté 15 000  03/02/2025  CI Oui HM Non
 *   r3 SOL-02 Portage de repas             mt  8 000 mandaté —       10/03/2025  CI Non HM Non
 *   r4 SOL-03 Achat de petit matériel      mt    900 mandaté    900  14/04/2025  CI Non HM Oui
 *   r5 SOL-24 Aide à domicile              mt 12 000 mandaté  5 000  15/09/2024  CI Oui HM Non  (a 2024 contract still followed: N−1)
 */
async function solidarites(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  writeRows(ws, 1, [
    ['Référence', 'Intitulé', 'Montant notifié', 'Mandaté', 'Notifié le', "Clause d'insertion", 'Hors marché'],
    ['SOL-01', 'Accompagnement des familles', 20000, 15000, day('2025-02-03'), 'Oui', 'Non'],
    ['SOL-02', 'Portage de repas', 8000, null, day('2025-03-10'), 'Non', 'Non'],
    ['SOL-03', 'Achat de petit matériel', 900, 900, day('2025-04-14'), 'Non', 'Oui'],
    ['SOL-24', 'Aide à domicile', 12000, 5000, day('2024-09-15'), 'Oui', 'Non'],
  ]);
  for (let r = 2; r <= 5; r++) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

/**
 * Pôle Éducation, sheet « Registre »: a title on row 1, header row 2, dates typed as text.
 *   r3 EDU-01 Restauration scolaire     50 000  01/02/2025  CritEnv Oui  CS Oui
 *   r4 EDU-02 Transport des élèves      12 000  15/03/2025  CritEnv Non  CS Non
 *   r5 EDU-03 Achat de jeux éducatifs      800  20/04/2025  CritEnv Non  CS Non
 */
async function education(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  ws.getCell('A1').value = 'Direction de l’Éducation — marchés 2025';
  writeRows(ws, 2, [
    ['Numéro de consultation', 'Objet de la consultation', 'Montant HT', "Date d'attribution", 'Critère environnemental', 'Clause sociale'],
    ['EDU-01', 'Restauration scolaire', 50000, '01/02/2025', 'Oui', 'Oui'],
    ['EDU-02', 'Transport des élèves', 12000, '15/03/2025', 'Non', 'Non'],
    ['EDU-03', 'Achat de jeux éducatifs', 800, '20/04/2025', 'Non', 'Non'],
  ]);
  await wb.xlsx.writeFile(file);
}

/**
 * Pôle Cadre de vie, sheet « 2025 », upper-case export headers.
 *   r2 CDV-01 Réfection de voirie   30 000  05/02/2025  CS Oui  CE Non
 *   r3 CDV-02 Plantation d'arbres    6 000  20/10/2025  CS Non  CE Oui
 *   r4 CDV-03 Éclairage public       4 000  12/09/2024  CS Non  CE Non  (N−1)
 *   r5 CDV-04 Signalisation          3 000  11/03/2025  CS Non  CE Non
 */
async function cadreDeVie(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025');
  writeRows(ws, 1, [
    ['N° MARCHE', 'DESIGNATION', 'MONTANT HT', 'DATE NOTIFICATION', 'CLAUSE SOCIALE', 'CLAUSE ENVIRONNEMENTALE'],
    ['CDV-01', 'Réfection de voirie', 30000, day('2025-02-05'), 'Oui', 'Non'],
    ['CDV-02', "Plantation d'arbres", 6000, day('2025-10-20'), 'Non', 'Oui'],
    ['CDV-03', 'Éclairage public', 4000, day('2024-09-12'), 'Non', 'Non'],
    ['CDV-04', 'Signalisation', 3000, day('2025-03-11'), 'Non', 'Non'],
  ]);
  for (let r = 2; r <= 5; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

/**
 * Last year's file of Solidarités, sheet « Suivi 2024 », same headers as this year's.
 *   r2 SOL-24 Aide à domicile        mt 12 000 mandaté 7 000  15/09/2024  CI Oui HM Non  (same contract as this year's r5,
 *                                                                                        mandated spend differs: a conflict)
 *   r3 SOL-20 Transport des aînés    mt  5 000 mandaté 5 000  10/02/2024  CI Oui HM Non
 *   r4 SOL-21 Distribution de colis mt  3 000 mandaté 3 000  20/03/2024  CI Oui HM Non
 *   r5 SOL-22 Fournitures de bureau  mt    500 mandaté   500  02/05/2024  CI Non HM Oui
 */
async function solidarites2024(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2024');
  writeRows(ws, 1, [
    ['Référence', 'Intitulé', 'Montant notifié', 'Mandaté', 'Notifié le', "Clause d'insertion", 'Hors marché'],
    ['SOL-24', 'Aide à domicile', 12000, 7000, day('2024-09-15'), 'Oui', 'Non'],
    ['SOL-20', 'Transport des aînés', 5000, 5000, day('2024-02-10'), 'Oui', 'Non'],
    ['SOL-21', 'Distribution de colis', 3000, 3000, day('2024-03-20'), 'Oui', 'Non'],
    ['SOL-22', 'Fournitures de bureau', 500, 500, day('2024-05-02'), 'Non', 'Oui'],
  ]);
  for (let r = 2; r <= 5; r++) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

/**
 * A budget workbook (« BP 2025 »): chapters and articles, voted credits and spend; no contract
 * number, no notification date. Not a register (regles.md §1: the four required fields).
 */
async function budget(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BP 2025');
  writeRows(ws, 1, [
    ['Chapitre', 'Article', 'Libellé', 'Crédits votés', 'Réalisé', 'Taux de réalisation'],
    ['011', '6064', 'Fournitures administratives', 120000, 98000, 0.82],
    ['011', '6156', 'Maintenance', 340000, 310000, 0.91],
    ['012', '6411', 'Personnel titulaire', 5200000, 5150000, 0.99],
  ]);
  await wb.xlsx.writeFile(file);
}

/** Writes the four right Pôle files, the copy, last year's file and the budget into `dir`. */
export async function writeWorkbooks(dir: string): Promise<void> {
  await ressources(path.join(dir, RES));
  await ressources(path.join(dir, RES_COPY));
  await solidarites(path.join(dir, SOL));
  await education(path.join(dir, EDU));
  await cadreDeVie(path.join(dir, CDV));
  await solidarites2024(path.join(dir, SOL_2024));
  await budget(path.join(dir, BUDGET));
}
