/**
 * The four Pôle workbooks of the blind « conso-excel » acceptance test, built with
 * ExcelJS in four house styles, then each run once through the product (the buyer's
 * own pass: column choices and tag decisions saved in `SPASER État`, `SPASER …`
 * sheets written) exactly as the command line writes its output file.
 * Month 2: the same workbooks, updated by the Pôles (a row added, an amount corrected),
 * run again through the product (their saved decisions in force).
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import type { DecisionChange } from '../../src/domain/state';
import { openXlsx } from '../../src/workbook/xlsx';
import { chainInput, day } from '../acceptance/helpers';

export const TODAY = '2026-01-15';
export const SOL = 'Pôle Solidarités.xlsx';
export const VD = 'Pôle Ville Durable.xlsx';
export const EDU = 'Éducation Jeunesse 2025.xlsx';
export const RES = 'Pôle Ressources.xlsx';
/** The order in which the lead chooses the files (not alphabetical: Ressources < Ville Durable). */
export const FILES = [SOL, VD, EDU, RES] as const;

export const CE = 'Clause environnementale';
export const MI = "Marché d'insertion";
export const MR = 'Marché réservé';
export const INNOV = 'Marché innovant';

type Cell = ExcelJS.CellValue;

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

/** Pôle Solidarités: title row, header row 3, no Pôle column, a « Payé » column the buyer mapped by hand, N−1 rows, a Suivi insertion sheet. */
async function solidarites(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés 2025');
  ws.getCell('A1').value = 'Suivi des marchés — Pôle Solidarités';
  ws.getCell('A1').font = { bold: true, size: 14 };
  rows(ws, 3, [
    ['N° marché', 'Intitulé', 'Montant HT', 'Date notif', 'Payé', 'Clause sociale', "Heures d'insertion", 'Titulaire', 'Ville', 'Observations'],
    ['SOL-25-001', "Chantier d'insertion espaces verts", '48 000,00 €', day('2025-02-10'), '45 000', 'Non', null, 'Jardins du Nord', 'Roubaix', null],
    ['SOL-25-002', 'Accueil de jour', 30000, day('2025-04-03'), 30000, 'Oui', 800, 'Association Relais', 'Tourcoing', "clause d'insertion 800 h"],
    ['SOL-25-003', 'Repas livrés par un ESAT', '12 000', '15/05/2025', null, 'Non', null, 'ESAT Les Ateliers', 'Lille', null],
    ['SOL-25-004', "Expérimentation d'une aide numérique", 20000, day('2025-09-01'), 8000, 'Non', null, 'Numéris SAS', 'Paris', null],
    ['SOL-24-010', 'Distribution alimentaire', 25000, day('2024-03-12'), 25000, 'Oui', 500, 'Jardins du Nord', 'Roubaix', null],
    ['SOL-24-011', 'Nettoyage des locaux', 15000, '20/06/2024', 14000, 'Non', null, 'Net Plus', 'Croix', null],
  ]);
  const ins = wb.addWorksheet('Insertion');
  rows(ins, 1, [
    ['N° marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures'],
    ['SOL-25-002', 'B01', 'F', 'Roubaix', 'Oui', 'CDDI', 400],
    ['SOL-25-002', 'B02', 'H', 'Tourcoing', 'Non', 'CDD', 250],
    ['SOL-25-002', 'b01', 'F', 'Roubaix', 'Oui', 'CDI', 100],
    ['SOL-24-010', 'B03', 'F', 'Roubaix', 'Oui', 'Intérim', 300],
    ['VD-25-003', 'B04', 'H', 'Wattrelos', 'Non', 'Apprentissage', 200],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Ville Durable: title row, header row 2, no Pôle column, procedures, SIRET, a Cibles sheet. */
async function villeDurable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.getCell('A1').value = 'PÔLE VILLE DURABLE — MARCHÉS NOTIFIÉS';
  rows(ws, 2, [
    ['Référence', 'Objet', 'Procédure', 'Montant HT (€)', 'Date de notification', 'Clause environnementale', 'Critère environnemental', 'Nb offres', 'Montant recyclé', 'Titulaire', 'SIRET', 'Code postal'],
    ['VD-25-001', 'Fourniture de papier recyclé', 'MAPA', '18 500 €', day('2025-02-12'), 'Non', 'Non', 3, 5000, 'Imprimerie Verte', '73282932000074', '59100'],
    ['VD-25-002', 'Entretien des espaces verts', 'AOO', 120000, day('2025-03-20'), 'Oui', 'Oui', 5, null, 'Vert Service', '44306184100047', '59170'],
    ['VD-25-003', 'Travaux de voirie avec réemploi des matériaux', "Appel d'offres ouvert", 250000, day('2025-04-15'), 'Non', 'Non', 2, '30 000', 'BTP Nord', '12345678901234', '59000'],
    ['VD-25-004', 'Étude énergétique', 'gré à gré', 9000, '02/10/2025', 'Non', 'Non', 1, null, 'Bureau Énergie', null, '62000'],
    ['DUP-25-100', 'Maintenance chauffage', 'MAPA', 40000, day('2025-05-05'), 'Non', 'Oui', 4, null, 'Chauffage Plus', null, '59100'],
  ]);
  const cibles = wb.addWorksheet('Objectifs COPIL');
  rows(cibles, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['3.1.1-consideration-env', 2025, 50, '≥'],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['4.1.2-consideration-sociale', 2025, 30, null],
    ['5.1.1-fournisseurs-zone', 2025, 20, null],
    ['4.1.2-consideration-sociale', 2024, 25, '≥'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Éducation: header row 1, its own « DGA » column spelled three ways, errors, a totals row, a suggestion never decided. */
async function education(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  rows(ws, 1, [
    ['Numéro de marché', 'Objet de la consultation', 'DGA', 'Montant du marché HT', "Date d'attribution", 'Programmé', 'Clause env.', 'Innovant', 'Nb avenants', 'Délai de paiement', 'Attributaire', 'CP', 'Taille'],
    ['EDU-25-01', 'Fournitures scolaires', 'Éducation', 40000, day('2025-01-14'), 'Oui', 'Non', 'Non', 0, 25, 'Papeterie Nord', '59100', 'PME'],
    ['EDU-25-02', 'Transport scolaire', 'EDUCATION ', '85 000,50', '03/03/2025', 'Oui', 'Oui', 'Non', 2, 45, 'Trans Flandres', '59200', 'ETI'],
    ['EDU-25-03', 'Application innovante de réservation', 'Pôle Education', 30000, day('2025-06-05'), 'Non', 'Non', null, 1, 30, 'Startup Lab', '75011', 'TPE'],
    ['EDU-25-04', 'Restauration', 'Éducation', -5000, day('2025-07-10'), 'Non', 'Non', 'Non', 0, 20, 'Cuisine Centrale', '59100', 'PME'],
    ['EDU-25-05', 'Mobilier', 'Éducation', 12000, null, 'Non', 'Non', 'Non', 0, 20, 'Meubles Nord', '59100', 'PME'],
    [null, 'Total', null, 162000.5],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Pôle Ressources: header row 1, its own « Pôle » column, a duplicate of a Ville Durable contract, a Saisies manuelles sheet. */
async function ressources(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Achats 2025');
  rows(ws, 1, [
    ['N° de contrat', 'Désignation', 'Pôle', 'Montant attribué', 'Notifié le', 'Dépenses', 'Hors marché', 'Code famille', 'UGAP', "Mode d'acquisition", 'Fournisseur', 'Commune'],
    ['RES-25-01', 'Location de véhicules', 'Pôle Ressources', 60000, day('2025-01-10'), 55000, 'Non', 'F12', 'Oui', 'Location', 'Loueur SA', 'Roubaix'],
    ['RES-25-02', 'Achat de postes informatiques', 'Pôle Ressources', 80000, day('2025-02-15'), 80000, 'Non', null, 'Oui', 'Achat', 'Info Store', "Villeneuve-d'Ascq"],
    ['RES-25-03', 'Petites fournitures', 'Pôle Ressources', 3000, day('2025-03-01'), 2500, 'Oui', 'F05', 'Non', null, 'Bureau Plus', 'Roubaix'],
    ['dup-25-100 ', 'Maintenance chauffage', 'Pôle Ressources', 40000, day('2025-05-06'), 38000, 'Non', 'F20', 'Non', 'Achat', 'Chauffage Plus', 'Roubaix'],
  ]);
  const saisies = wb.addWorksheet('Saisies');
  rows(saisies, 1, [
    ['Indicateur', 'Année', 'Valeur', 'Source'],
    ['3.2.1-mobilier-reemploye', 2025, '12,5', 'Inventaire du mobilier'],
    ['2.1.2-hors-marche-nb', 2025, 99, 'Estimation'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The buyers' own choices in their pass through the add-in. */
const OVERRIDES: Record<string, MappingOverride[]> = {
  [SOL]: [{ file: SOL, sheet: 'Marchés 2025', columns: { Payé: 'montantMandate' } }],
};
const dec = (numero: string, consideration: 'sociale' | 'environnementale' | 'innovation', etiquette: string, decision: 'confirmée' | 'rejetée'): DecisionChange => ({
  numero,
  consideration,
  etiquette,
  decision,
});
export const DECISIONS: Record<string, DecisionChange[]> = {
  [SOL]: [dec('SOL-25-001', 'sociale', MI, 'confirmée'), dec('SOL-25-003', 'sociale', MR, 'rejetée'), dec('SOL-25-004', 'innovation', INNOV, 'rejetée')],
  [VD]: [dec('VD-25-001', 'environnementale', CE, 'confirmée'), dec('VD-25-003', 'environnementale', CE, 'rejetée')],
};

/** The buyer's pass: the chain with their choices, the `SPASER …` sheets and `SPASER État` written into their own file. */
async function throughTheAddIn(file: string, bytes: Uint8Array, withChoices: boolean): Promise<Uint8Array> {
  const out = runChain([await chainInput(file, bytes)], {
    today: TODAY,
    writesCharts: false,
    ...(withChoices ? { overrides: OVERRIDES[file] ?? [], decisions: DECISIONS[file] ?? [] } : {}),
  });
  const wb = await openXlsx(bytes, file);
  await wb.writePlan(out.plan);
  return wb.saveXlsx();
}

/** Month 1: the four files as the Pôles send them. */
export async function month1(): Promise<Record<string, Uint8Array>> {
  return {
    [SOL]: await throughTheAddIn(SOL, await solidarites(), true),
    [VD]: await throughTheAddIn(VD, await villeDurable(), true),
    [EDU]: await throughTheAddIn(EDU, await education(), true),
    [RES]: await throughTheAddIn(RES, await ressources(), true),
  };
}

/**
 * Month 2: each Pôle edits the file it sent (its own sheet, the state and SPASER
 * sheets kept) and runs the add-in again, with no new choice: the saved ones apply.
 */
export async function month2(previous: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const edit = async (file: string, fn: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(previous[file]) as unknown as ArrayBuffer);
    fn(wb);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    return throughTheAddIn(file, bytes, false);
  };
  return {
    [SOL]: await edit(SOL, (wb) => {
      const ws = wb.getWorksheet('Marchés 2025')!;
      rows(ws, 10, [['SOL-25-005', 'Aide alimentaire', '10 000,00', day('2025-12-05'), 10000, 'Oui', null, 'Épicerie Solidaire', 'Roubaix', null]]);
    }),
    [VD]: await edit(VD, (wb) => {
      wb.getWorksheet('Marchés')!.getCell('D4').value = 125000;
    }),
    [EDU]: previous[EDU],
    [RES]: previous[RES],
  };
}
