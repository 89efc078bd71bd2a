/**
 * The four Pôle workbooks of the blind « réimport » acceptance test, over three months,
 * built with ExcelJS in four house styles, then each run once through the product (the
 * buyer's own pass: `SPASER …` sheets and `SPASER État` written into their own file, as
 * the command line writes its output). Pôle Culture's buyer chose a column by hand and
 * decided two tag suggestions: both are saved in Culture's `SPASER État`.
 *
 * Month 1 (sent mid-January 2026), month 2 (mid-February), month 3 (mid-March).
 * Every date of notification is in 2025: the exercice is 2025 throughout.
 *
 *  Pôle Sport.xlsx      « Marchés » (title row, header row 3) + « Objectifs » (Cibles);
 *                       month 2: SPO-05 added, SPO-02 corrected 25 000 → 27 500, and a new
 *                       companion « Insertion » (Suivi insertion).
 *  Pôle Culture.xlsx    « Registre » (note row, header row 2), « Réglé à ce jour » mapped by
 *                       hand to montantMandate, CUL-02 « chantier d'insertion » confirmed,
 *                       CUL-03 « papier recyclé » rejected; month 2: CUL-04 removed, CUL-05
 *                       added; month 3: CUL-06 added.
 *  Pôle Éducation.xlsx  « Suivi 2025 » (amounts and dates typed as French text) + « Insertion »
 *                       (Suivi insertion); month 2: EDU-04 added, two insertion rows added.
 *  Pôle Ressources.xlsx « Achats 2025 » with its own Pôle column and a « Hors marché » column
 *                       marked X; month 2: RES-03 corrected 35 000 → 38 000, RES-04 added;
 *                       month 3: RES-05 added.
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import type { DecisionChange } from '../../src/domain/state';
import { openXlsx } from '../../src/workbook/xlsx';
import { chainInput, day } from '../acceptance/helpers';

export const M1 = '2026-01-15';
export const M2 = '2026-02-16';
export const M3 = '2026-03-16';

export const SPO = 'Pôle Sport.xlsx';
export const CUL = 'Pôle Culture.xlsx';
export const EDU = 'Pôle Éducation.xlsx';
export const RES = 'Pôle Ressources.xlsx';
export const FILES = [SPO, CUL, EDU, RES] as const;

export const P_SPO = 'Pôle Sport';
export const P_CUL = 'Pôle Culture';
export const P_EDU = 'Pôle Éducation';
export const P_RES = 'Pôle Ressources';

type Cell = ExcelJS.CellValue;
type Month = 1 | 2 | 3;

function rows(ws: ExcelJS.Worksheet, first: number, data: readonly (readonly Cell[])[]): void {
  data.forEach((values, i) => {
    const row = ws.getRow(first + i);
    values.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
}

const INSERTION_HEADER = ['N° marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées'];

/** Pôle Sport: title row, header row 3, numbers and real dates, postal codes as numbers. */
async function sport(month: Month): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.getCell('A1').value = 'Marchés du Pôle Sport — 2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const data: Cell[][] = [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause environnementale', 'Titulaire', 'Code postal'],
    ['SPO-01', 'Entretien des terrains synthétiques', 40000, day('2025-02-12'), 'Oui', 'Sols du Nord', 59100],
    ['SPO-02', 'Location de minibus', month >= 2 ? 27500 : 25000, day('2025-04-03'), 'Non', 'Transports de la Lys', 59200],
    ['SPO-03', 'Matériel de gymnastique', 15000, day('2025-06-20'), 'Non', 'Gym Équipement', 75011],
    ['SPO-04', 'Éclairage du stade à basse consommation', 60000, day('2025-09-10'), 'Oui', 'Lumière et Cie', 59100],
  ];
  if (month >= 2) data.push(['SPO-05', 'Traçage des lignes de terrain', 8000, day('2025-11-05'), 'Non', 'Sols du Nord', 59100]);
  rows(ws, 3, data);
  const cibles = wb.addWorksheet('Objectifs');
  rows(cibles, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['3.1.1-clauses-env', 2025, 40, '≥'],
    ['4.1.2-consideration-sociale', 2025, 30, '≥'],
    ['2.1.2-hors-marche-nb', 2025, 25, '≤'],
  ]);
  if (month >= 2) {
    const ins = wb.addWorksheet('Insertion');
    rows(ins, 1, [INSERTION_HEADER, ['SPO-01', 'S01', 'F', 'Roubaix', 'Oui', 'CDDI', 120]]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Culture: a note row, header row 2, a « Réglé à ce jour » column no synonym names. */
async function culture(month: Month): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  ws.getCell('A1').value = 'Pôle Culture — état des marchés (à jour au dernier bureau)';
  const data: Cell[][] = [
    ['Réf. marché', 'Intitulé', 'Montant notifié HT', 'Notifié le', 'Réglé à ce jour', 'Clause sociale', 'Commentaires'],
    ['CUL-01', "Programmation du festival d'été", 50000, day('2025-03-01'), 48000, 'Non', null],
    ['CUL-02', "Médiation culturelle par un chantier d'insertion", 30000, day('2025-05-15'), 27000, 'Non', null],
    ['CUL-03', 'Impression des programmes', 12000, day('2025-06-01'), 11000, 'Non', 'papier recyclé'],
  ];
  if (month === 1) data.push(['CUL-04', 'Sonorisation des concerts', 20000, day('2025-07-07'), 20000, 'Non', null]);
  if (month >= 2) data.push(['CUL-05', 'Ateliers de pratique artistique', 16000, day('2025-11-20'), 9000, 'Oui', null]);
  if (month >= 3) data.push(['CUL-06', "Restauration d'un orgue", 25000, day('2025-12-10'), 5000, 'Non', null]);
  rows(ws, 2, data);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Éducation: header row 1, amounts and dates typed as French text, a Suivi insertion sheet. */
async function education(month: Month): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  const data: Cell[][] = [
    ['Numéro de marché', 'Objet du marché', 'Montant HT (€)', 'Date de notification', 'Dépenses mandatées', 'Clause sociale', 'Titulaire', 'Commune'],
    ['EDU-01', 'Restauration scolaire', '120 000,00', '05/01/2025', 110000, 'oui', 'Cuisine Centrale', 'Roubaix'],
    ['EDU-02', 'Transport des élèves', '45 000,00', '14/03/2025', null, 'non', 'Cars du Nord', 'Tourcoing'],
    ['EDU-03', 'Fournitures scolaires', '18 000,00', '02/09/2025', 17000, 'non', 'Papeterie Lilloise', 'Lille'],
  ];
  if (month >= 2) data.push(['EDU-04', "Entretien des cours d'école", '22 000,00', '10/10/2025', 22000, 'oui', 'Espaces Nets', 'Roubaix']);
  rows(ws, 1, data);
  const ins = wb.addWorksheet('Insertion');
  const insRows: Cell[][] = [
    INSERTION_HEADER,
    ['EDU-01', 'E01', 'F', 'Roubaix', 'Oui', 'CDDI', 300],
    ['EDU-01', 'E02', 'H', 'Wattrelos', 'Non', 'CDD', 200],
  ];
  if (month >= 2) insRows.push(['EDU-04', 'E03', 'F', 'Roubaix', 'Non', 'Intérim', 150], ['EDU-01', 'E01', 'F', 'Roubaix', 'Oui', 'CDI', 100]);
  rows(ins, 1, insRows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Ressources: its own Pôle column, hors marché marked X. */
async function ressources(month: Month): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Achats 2025');
  const data: Cell[][] = [
    ['N° de contrat', 'Désignation', 'Pôle', 'Montant attribué', "Date d'attribution", 'Hors marché', 'Fournisseur', 'Ville'],
    ['RES-01', 'Maintenance informatique', P_RES, 70000, day('2025-01-20'), null, 'Infogest', 'Roubaix'],
    ['RES-02', 'Fournitures de bureau', P_RES, 9000, day('2025-02-25'), 'X', 'Bureau Plus', 'Lille'],
    ['RES-03', 'Assurance de la flotte', P_RES, month >= 2 ? 38000 : 35000, day('2025-05-05'), null, 'Mutuelle du Nord', 'Paris'],
  ];
  if (month >= 2) data.push(['RES-04', 'Nettoyage des vitres', P_RES, 6000, day('2025-12-01'), 'X', 'Clair Net', 'Croix']);
  if (month >= 3) data.push(['RES-05', 'Location de photocopieurs', P_RES, 12000, day('2025-12-15'), null, 'Copie Nord', 'Roubaix']);
  rows(ws, 1, data);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Culture's buyer's own choices, saved in Culture's `SPASER État`. */
export const CUL_OVERRIDES: MappingOverride[] = [{ file: CUL, sheet: 'Registre', columns: { 'Réglé à ce jour': 'montantMandate' } }];
export const CUL_DECISIONS: DecisionChange[] = [
  { numero: 'CUL-02', consideration: 'sociale', etiquette: "Marché d'insertion", decision: 'confirmée' },
  { numero: 'CUL-03', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'rejetée' },
];

/** The buyer's pass: the chain with their choices, the `SPASER …` sheets and `SPASER État` written into their own file. */
async function throughTheAddIn(file: string, bytes: Uint8Array, today: string, withChoices: boolean): Promise<Uint8Array> {
  const out = runChain([await chainInput(file, bytes)], {
    today,
    writesCharts: false,
    ...(withChoices ? { overrides: CUL_OVERRIDES, decisions: CUL_DECISIONS } : {}),
  });
  const wb = await openXlsx(bytes, file);
  await wb.writePlan(out.plan);
  return wb.saveXlsx();
}

/**
 * Month 1: each Pôle runs the add-in on its file (Culture with its choices).
 * Months 2 and 3: each Pôle edits its file and runs the add-in again, with no new
 * choice: the saved ones (in its `SPASER État`) apply. The edit is made on the file
 * the Pôle already has (its SPASER sheets and state kept), as a buyer would.
 */
export async function monthFiles(month: Month, previous?: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const today = month === 1 ? M1 : month === 2 ? M2 : M3;
  const build: Record<string, (m: Month) => Promise<Uint8Array>> = { [SPO]: sport, [CUL]: culture, [EDU]: education, [RES]: ressources };
  const out: Record<string, Uint8Array> = {};
  for (const file of FILES) {
    const fresh = await build[file](month);
    if (month === 1 || !previous) {
      out[file] = await throughTheAddIn(file, fresh, today, file === CUL);
      continue;
    }
    // Keep the Pôle's own SPASER État: copy the fresh user sheets into the previous file's state.
    out[file] = await withPreviousState(file, fresh, previous[file], today);
  }
  return out;
}

/** The fresh user sheets, with the previous file's `SPASER État` (the buyer's saved choices), run through the add-in. */
async function withPreviousState(file: string, fresh: Uint8Array, previous: Uint8Array, today: string): Promise<Uint8Array> {
  const prev = await openXlsx(previous, file);
  const state = await prev.readState();
  const wbFresh = await openXlsx(fresh, file);
  const out = runChain([{ file, sheets: await wbFresh.readSheets(), state }], { today, writesCharts: false });
  await wbFresh.writePlan(out.plan);
  return wbFresh.saveXlsx();
}
