/**
 * Sample workbooks of the four Pôles, each in its own house style, as buyers
 * really keep them (titles above the header, text amounts, abbreviations,
 * one sheet per year, formulas, companion sheets), with deliberate errors and
 * warnings. Deterministic: same seed, same cells.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { isCellError } from '../domain/cell';
import {
  type Contract,
  type ContractOptions,
  luhnValid,
  makeContracts,
  makeSuppliers,
  OBJETS,
  PROCEDURES,
  type ProcedureKey,
  Rng,
  type Supplier,
} from './samples-data';
import { writeBytesAtomically } from '../workbook/xlsx/node-files';

type Val = ExcelJS.CellValue;

interface Col {
  readonly header: string;
  /** Key of `Contract.overrides` that replaces the generated value. */
  readonly key: string;
  readonly value: (c: Contract, i: number) => Val;
  readonly width?: number;
  readonly numFmt?: string;
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 15));
const FMT_EURO = '#,##0.00\\ "€"';
const FMT_DATE = 'dd/mm/yyyy';
const NBSP = '\u00a0';
const NNBSP = '\u202f';

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** `12 500,00 €` with the given group separator, as a buyer types or pastes it. */
export function frAmountText(n: number, sep = ' ', suffix = ' €'): string {
  const [int, dec] = Math.abs(n).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${n < 0 ? '-' : ''}${grouped},${dec}${suffix}`;
}

const ouiNon = (b: boolean): string => (b ? 'Oui' : 'Non');
const croix = (b: boolean): string | null => (b ? 'X' : null);

const PROC_ABBR: Record<ProcedureKey, string> = { mapa: 'MAPA', aoo: 'AOO', aor: 'AOR', pn: 'PCN', dc: 'DC', sans: 'MSPMC' };

function cellOf(col: Col, c: Contract, i: number): Val {
  return col.key in c.overrides ? (c.overrides[col.key] as Val) : col.value(c, i);
}

function writeHeader(ws: ExcelJS.Worksheet, rowNum: number, cols: readonly Col[]): void {
  const row = ws.getRow(rowNum);
  cols.forEach((col, j) => {
    const cell = row.getCell(j + 1);
    cell.value = col.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
}

function setColumns(ws: ExcelJS.Worksheet, cols: readonly Col[]): void {
  cols.forEach((col, j) => {
    const c = ws.getColumn(j + 1);
    c.width = col.width ?? Math.max(10, Math.min(40, col.header.length + 4));
    if (col.numFmt) c.numFmt = col.numFmt;
  });
}

function writeRows(ws: ExcelJS.Worksheet, firstRow: number, cols: readonly Col[], contracts: readonly Contract[]): void {
  contracts.forEach((c, i) => {
    const row = ws.getRow(firstRow + i);
    cols.forEach((col, j) => {
      const v = cellOf(col, c, i);
      if (v !== null && v !== undefined) row.getCell(j + 1).value = v;
    });
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ville de Roubaix';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function opts(poleKey: ContractOptions['poleKey'], pole: string, prefix: string, year: number, count: number, suppliers: readonly Supplier[], start = 1): ContractOptions {
  return { poleKey, pole, prefix, year, count, objets: OBJETS[poleKey], suppliers, start };
}

/** A SIRET failing the Luhn check (checked, so a change of the literal cannot silently make it valid). */
function invalidSiret(s: string): string {
  if (luhnValid(s.replace(/\s/g, '')) && s.replace(/\s/g, '').length === 14) throw new Error(`SIRET ${s} is valid`);
  return s;
}

/** The contract shared by two Pôles with the same numero in the same year: a `doublon`. */
function sharedContract(c: Contract): Contract {
  return { ...c, numero: '2025-MUT-001', objet: 'Groupement de commandes : fourniture de papier', date: '2025-02-10', overrides: {} };
}

// ---------------------------------------------------------------- Pôle Ressources

function ressources(rng: Rng, suppliers: readonly Supplier[]): ExcelJS.Workbook {
  const contracts = makeContracts(rng, opts('ressources', 'Pôle Ressources', 'RES', 2025, 132, suppliers));
  contracts.push(...makeContracts(rng, opts('ressources', 'Pôle Ressources', 'RES', 2024, 18, suppliers, 201)));
  contracts[2] = sharedContract(contracts[2]);
  // Deliberate findings, one per code, on rows a reviewer can find.
  contracts[4].overrides.numero = null; // numero-manquant
  contracts[9].overrides.montant = '-1 200,00 €'; // montant-invalide
  contracts[14].overrides.date = 'à définir'; // date-invalide (unreadable)
  contracts[19].overrides.date = utcDate('1999-06-12'); // date-invalide (before 2000)
  contracts[24].overrides.mandate = { error: '#N/A' }; // valeur-illisible
  contracts[29].nbAvenants = 1;
  contracts[29].nbProlongations = 2; // prolongations-incoherentes
  contracts[34].overrides.siret = invalidSiret('123 456 789 00012'); // siret-invalide
  contracts[39].overrides.cpv = '4521'; // cpv-invalide
  contracts[44].negociation = false;
  contracts[44].gain = 1500; // gain-sans-negociation
  contracts[49].delaiPaiement = 45; // delai-paiement-depasse
  contracts[54].overrides.objet = null; // objet-manquant
  contracts[59].recycle = contracts[59].montant * 3; // montants-ae-superieurs

  const amount = (n: number | null, i: number): Val =>
    n === null ? null : i % 7 === 3 ? frAmountText(n, NBSP) : i % 11 === 5 ? frAmountText(n, ' ', ' € HT') : n;
  const cols: Col[] = [
    { header: 'N° de marché', key: 'numero', value: (c) => c.numero, width: 16 },
    { header: 'Objet du marché', key: 'objet', value: (c) => c.objet, width: 50 },
    { header: 'Direction', key: 'direction', value: (c) => c.direction, width: 30 },
    { header: 'Acheteur', key: 'acheteur', value: (c) => c.acheteur },
    { header: 'Nature', key: 'nature', value: (c) => c.nature },
    { header: 'Procédure', key: 'procedure', value: (c) => PROCEDURES[c.procedure], width: 30 },
    { header: 'Hors marché', key: 'horsMarche', value: (c) => ouiNon(c.horsMarche) },
    { header: 'Code nomenclature', key: 'nomenclature', value: (c) => c.codeNomenclature },
    { header: 'Code CPV', key: 'cpv', value: (c) => c.cpv },
    { header: 'Date de notification', key: 'date', value: (c) => utcDate(c.date), numFmt: FMT_DATE },
    { header: 'Durée (mois)', key: 'duree', value: (c) => c.dureeMois },
    { header: 'Montant HT', key: 'montant', value: (c, i) => amount(c.montant, i), numFmt: FMT_EURO, width: 16 },
    { header: 'Montant mandaté', key: 'mandate', value: (c, i) => amount(c.mandate, i + 1), numFmt: FMT_EURO, width: 16 },
    { header: 'Programmé', key: 'programme', value: (c) => ouiNon(c.programme) },
    { header: 'Récurrent', key: 'recurrent', value: (c) => ouiNon(c.recurrent) },
    { header: 'Nb avenants', key: 'avenants', value: (c) => c.nbAvenants },
    { header: 'Dont avenants de prolongation', key: 'prolongations', value: (c) => c.nbProlongations },
    { header: 'Sourçage', key: 'sourcage', value: (c) => ouiNon(c.sourcage) },
    { header: 'Coût global', key: 'coutGlobal', value: (c) => ouiNon(c.coutGlobal) },
    { header: 'Réunion de cadrage', key: 'cadrage', value: (c) => ouiNon(c.reunionCadrage) },
    { header: 'Nb bilans', key: 'bilans', value: (c) => c.nbBilans },
    { header: 'Délai de paiement (jours)', key: 'delai', value: (c) => c.delaiPaiement },
    { header: 'Hors BPU', key: 'horsBPU', value: (c) => c.horsBPU, numFmt: FMT_EURO },
    { header: 'Offres reçues', key: 'offres', value: (c) => c.offres },
    { header: 'Fiche de suivi', key: 'fiche', value: (c) => ouiNon(c.ficheSuivi) },
    { header: 'Négociation', key: 'negociation', value: (c) => ouiNon(c.negociation) },
    { header: 'Gain de négociation', key: 'gain', value: (c) => c.gain, numFmt: FMT_EURO },
    { header: 'Offre technique améliorée', key: 'offreTech', value: (c) => ouiNon(c.offreTech) },
    { header: 'Clause environnementale', key: 'clauseEnv', value: (c) => ouiNon(c.clauseEnv) },
    { header: 'Critère environnemental', key: 'critereEnv', value: (c) => ouiNon(c.critereEnv) },
    { header: 'Réemploi (€)', key: 'reemploi', value: (c) => c.reemploi, numFmt: FMT_EURO },
    { header: 'Matières recyclées (€)', key: 'recycle', value: (c) => c.recycle, numFmt: FMT_EURO },
    { header: "Centrale d'achat", key: 'centrale', value: (c) => ouiNon(c.centrale) },
    { header: "Mode d'acquisition", key: 'mode', value: (c) => c.modeAcquisition },
    { header: 'Clause sociale', key: 'clauseSociale', value: (c) => ouiNon(c.clauseSociale) },
    { header: 'Critère social', key: 'critereSocial', value: (c) => ouiNon(c.critereSocial) },
    { header: 'Marché réservé', key: 'reserve', value: (c) => c.reserve },
    { header: 'Titulaire', key: 'titulaire', value: (c) => c.supplier.nom, width: 28 },
    { header: 'SIRET', key: 'siret', value: (c) => c.supplier.siret },
    { header: 'Code postal', key: 'cp', value: (c) => c.supplier.cp },
    { header: 'Commune', key: 'ville', value: (c) => c.supplier.ville },
    { header: 'Pays', key: 'pays', value: (c) => c.supplier.pays },
    { header: "Catégorie d'entreprise", key: 'categorie', value: (c) => c.supplier.categorie },
    { header: 'Commentaires', key: 'commentaire', value: (c) => c.commentaire, width: 40 },
  ];

  const wb = newWorkbook();
  const ws = wb.addWorksheet('Suivi des marchés');
  // Logo-like banner and titles above the header: rows the mapper must skip.
  ws.mergeCells(1, 1, 2, 8);
  const banner = ws.getCell(1, 1);
  banner.value = 'VILLE DE ROUBAIX';
  banner.font = { bold: true, size: 20, color: { argb: 'FFFFFFFF' } };
  banner.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC00000' } };
  banner.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(3, 1, 3, 8);
  ws.getCell(3, 1).value = 'Pôle Ressources — suivi des marchés notifiés';
  ws.getCell(3, 1).font = { bold: true, size: 14 };
  ws.getCell(4, 1).value = 'Mise à jour : 15/01/2026 — montants en euros HT';
  ws.getCell(4, 1).font = { italic: true };
  const headerRow = 6;
  setColumns(ws, cols);
  ws.addTable({
    name: 'TabMarchesRessources',
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: cols.map((c) => ({ name: c.header, filterButton: true })),
    rows: contracts.map((c, i) => cols.map((col) => cellOf(col, c, i) ?? null)),
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return wb;
}

// ---------------------------------------------------------------- Pôle Cadre de vie

function cadreDeVieCols(): Col[] {
  const maybeText = (n: number | null, i: number): Val => (n === null ? null : i % 6 === 2 ? String(n).replace('.', ',') : n);
  return [
    { header: 'N° Marché', key: 'numero', value: (c) => c.numero, width: 16 },
    { header: 'Intitulé', key: 'objet', value: (c) => c.objet, width: 50 },
    { header: 'Service', key: 'direction', value: (c) => c.direction, width: 28 },
    { header: 'Nature', key: 'nature', value: (c) => c.nature[0] },
    { header: 'Procédure', key: 'procedure', value: (c) => PROC_ABBR[c.procedure] },
    { header: 'Date notif.', key: 'date', value: (c) => utcDate(c.date), numFmt: FMT_DATE },
    { header: 'Durée', key: 'duree', value: (c) => c.dureeMois },
    { header: 'Montant HT (€)', key: 'montant', value: (c, i) => maybeText(c.montant, i), numFmt: FMT_EURO, width: 16 },
    { header: 'Mandaté', key: 'mandate', value: (c, i) => maybeText(c.mandate, i + 3), numFmt: FMT_EURO, width: 16 },
    { header: "Nb d'avenants", key: 'avenants', value: (c) => c.nbAvenants },
    { header: 'Prolongations', key: 'prolongations', value: (c) => c.nbProlongations },
    { header: 'Hors marché', key: 'horsMarche', value: (c) => croix(c.horsMarche) },
    { header: 'Programmé', key: 'programme', value: (c) => croix(c.programme) },
    { header: 'Nomenclature', key: 'nomenclature', value: (c) => c.codeNomenclature },
    { header: 'Clause insertion', key: 'clauseSociale', value: (c) => croix(c.clauseSociale) },
    { header: "Marché d'insertion", key: 'insertion', value: (c) => croix(c.insertion) },
    { header: 'Heures prévues', key: 'heuresPrevues', value: (c) => c.heuresPrevues },
    { header: 'Heures réalisées', key: 'heuresRealisees', value: (c) => c.heuresRealisees },
    { header: 'Clause env.', key: 'clauseEnv', value: (c) => croix(c.clauseEnv) },
    { header: 'Critère env.', key: 'critereEnv', value: (c) => croix(c.critereEnv) },
    { header: 'Innovant', key: 'innovant', value: (c) => croix(c.innovant) },
    { header: 'Titulaire', key: 'titulaire', value: (c) => c.supplier.nom, width: 28 },
    // Typed as numbers, as Excel does when a code is pasted: leading zeros are lost.
    { header: 'SIRET', key: 'siret', value: (c) => (c.supplier.siret ? Number(c.supplier.siret) : null), numFmt: '0', width: 16 },
    { header: 'CP', key: 'cp', value: (c) => (c.supplier.cp && !c.supplier.pays ? Number(c.supplier.cp) : c.supplier.cp), width: 8 },
    { header: 'Ville', key: 'ville', value: (c) => c.supplier.ville },
    { header: 'Pays', key: 'pays', value: (c) => c.supplier.pays },
    { header: 'Taille', key: 'categorie', value: (c) => c.supplier.categorie },
    { header: 'Effectif', key: 'effectif', value: (c) => c.supplier.effectif },
  ];
}

function cadreDeVieSheet(wb: ExcelJS.Workbook, name: string, contracts: readonly Contract[]): void {
  const cols = cadreDeVieCols();
  const ws = wb.addWorksheet(name);
  setColumns(ws, cols);
  writeHeader(ws, 1, cols);
  writeRows(ws, 2, cols, contracts);
  // Totals row, as buyers add them: `Total :` and SUM formulas with their cached results.
  const totalRow = 2 + contracts.length + 1;
  const colOf = (key: string): number => cols.findIndex((c) => c.key === key) + 1;
  ws.getCell(totalRow, colOf('objet')).value = 'Total :';
  ws.getCell(totalRow, colOf('objet')).font = { bold: true };
  for (const key of ['montant', 'mandate']) {
    const col = colOf(key);
    const letter = ws.getColumn(col).letter;
    const sum = contracts.reduce((s, c) => {
      const v = cellOf(cols[col - 1], c, 0);
      return s + (typeof v === 'number' ? v : 0);
    }, 0);
    ws.getCell(totalRow, col).value = { formula: `SUM(${letter}2:${letter}${totalRow - 2})`, result: Math.round(sum * 100) / 100 };
    ws.getCell(totalRow, col).font = { bold: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
}

function cadreDeVie(rng: Rng, suppliers: readonly Supplier[]): ExcelJS.Workbook {
  const y2024 = makeContracts(rng, opts('cadre', 'Pôle Cadre de vie', 'CDV', 2024, 80, suppliers));
  y2024[7].overrides.date = '31/02/2024'; // date-invalide: no such day
  y2024[12].overrides.cp = '5910'; // code-postal-invalide
  const y2025 = makeContracts(rng, opts('cadre', 'Pôle Cadre de vie', 'CDV', 2025, 118, suppliers));
  // heures-sans-clause (twice)
  for (const i of [5, 66]) {
    y2025[i].clauseSociale = false;
    y2025[i].insertion = false;
    y2025[i].heuresRealisees = 120;
  }
  y2025[10].overrides.cp = '591 00'; // code-postal-invalide
  y2025[15].overrides.montant = null; // montant-manquant
  y2025[20].overrides.date = null; // date-manquante
  y2025[25].overrides.numero = y2025[24].numero; // doublon in the same sheet
  y2025[25].date = y2025[24].date;
  y2025[30].overrides.heuresPrevues = 'beaucoup'; // valeur-illisible
  y2025[35].nbAvenants = 0;
  y2025[35].nbProlongations = 1; // prolongations-incoherentes
  y2025[40].overrides.siret = 12345678901234; // siret-invalide (number)
  y2025[45].overrides.date = '12/13/2025'; // month-first: unreadable
  const wb = newWorkbook();
  cadreDeVieSheet(wb, '2024', y2024);
  cadreDeVieSheet(wb, '2025', y2025);
  return wb;
}

// ---------------------------------------------------------------- Pôle Solidarités

function solidarites(rng: Rng, suppliers: readonly Supplier[]): { wb: ExcelJS.Workbook; contracts: Contract[] } {
  const contracts = makeContracts(rng, opts('solidarites', 'Pôle Solidarités', 'SOL', 2025, 104, suppliers));
  contracts.push(...makeContracts(rng, opts('solidarites', 'Pôle Solidarités', 'SOL', 2024, 12, suppliers, 301)));
  contracts[3].delaiPaiement = 52; // delai-paiement-depasse
  contracts[8].overrides.siret = invalidSiret('4128 7654 3210 99'); // siret-invalide (13 digits)
  contracts[13].overrides.taux = { formula: 'F15/0', result: { error: '#DIV/0!' } }; // valeur-illisible through the mandate formula
  contracts[18].overrides.cp = '591OO'; // code-postal-invalide
  contracts[23].overrides.date = 'semaine 12'; // date-invalide
  contracts[28].overrides.montant = { error: '#REF!' }; // valeur-illisible / montant
  contracts[33].overrides.reserve = 'Peut-être'; // valeur-illisible (enum)
  contracts[38].heuresRealisees = 80;
  contracts[38].clauseSociale = false;
  contracts[38].insertion = false; // heures-sans-clause

  const wb = newWorkbook();
  const ws = wb.addWorksheet('Marchés 2025');
  const cols: Col[] = [
    {
      header: 'Référence',
      key: 'numero',
      value: (c, i) => (i % 10 === 0 ? { text: c.numero, hyperlink: `https://marches.ville-roubaix.fr/consultation/${c.numero}` } : c.numero),
      width: 16,
    },
    {
      header: 'Objet',
      key: 'objet',
      value: (c, i) =>
        i % 9 === 4
          ? { richText: [{ text: c.objet.split(' ')[0], font: { bold: true } }, { text: ` ${c.objet.split(' ').slice(1).join(' ')}`, font: { italic: true } }] }
          : c.objet,
      width: 50,
    },
    { header: 'Service prescripteur', key: 'direction', value: (c) => c.direction, width: 26 },
    { header: 'Procédure', key: 'procedure', value: (c) => (c.procedure === 'mapa' ? 'MAPA' : PROCEDURES[c.procedure]) },
    { header: 'Date de notification', key: 'date', value: (c) => utcDate(c.date), numFmt: FMT_DATE },
    { header: 'Montant HT', key: 'montant', value: (c) => c.montant, numFmt: FMT_EURO, width: 16 },
    { header: "Taux d'exécution", key: 'taux', value: (c) => (c.mandate === null ? null : Math.round((c.mandate / c.montant) * 1000) / 1000), numFmt: '0.0%' },
    // Placeholder: formula cells are filled below, once rows are numbered.
    { header: 'Dépenses mandatées', key: 'mandate', value: () => null, numFmt: FMT_EURO, width: 16 },
    { header: 'Clause sociale', key: 'clauseSociale', value: (c) => ouiNon(c.clauseSociale) },
    { header: 'Critère social', key: 'critereSocial', value: (c) => ouiNon(c.critereSocial) },
    { header: 'Marché réservé', key: 'reserve', value: (c) => (c.reserve === 'ESAT/EA' ? 'L2113-12' : c.reserve === 'SIAE' ? 'L2113-13' : 'Non') },
    { header: "Marché d'insertion", key: 'insertion', value: (c) => ouiNon(c.insertion) },
    { header: "Heures d'insertion prévues", key: 'heuresPrevues', value: (c) => c.heuresPrevues },
    { header: "Heures d'insertion réalisées", key: 'heuresRealisees', value: (c) => c.heuresRealisees },
    { header: 'Type de structure', key: 'structure', value: (c) => c.supplier.structure },
    { header: 'Clause environnementale', key: 'clauseEnv', value: (c) => ouiNon(c.clauseEnv) },
    { header: 'Marché innovant', key: 'innovant', value: (c) => ouiNon(c.innovant) },
    { header: 'Délai global de paiement', key: 'delai', value: (c) => c.delaiPaiement },
    { header: 'Attributaire', key: 'titulaire', value: (c) => c.supplier.nom, width: 28 },
    { header: 'N° SIRET', key: 'siret', value: (c) => (c.supplier.siret ? `${c.supplier.siret.slice(0, 3)} ${c.supplier.siret.slice(3, 6)} ${c.supplier.siret.slice(6, 9)} ${c.supplier.siret.slice(9)}` : null), width: 20 },
    { header: 'Code postal', key: 'cp', value: (c) => c.supplier.cp },
    { header: 'Commune', key: 'ville', value: (c) => c.supplier.ville },
    { header: 'Pays', key: 'pays', value: (c) => c.supplier.pays },
    { header: "Catégorie d'entreprise", key: 'categorie', value: (c) => c.supplier.categorie },
    { header: 'Effectif', key: 'effectif', value: (c) => c.supplier.effectif },
    { header: 'Observations', key: 'commentaire', value: (c) => c.commentaire, width: 40 },
  ];
  setColumns(ws, cols);
  writeHeader(ws, 1, cols);
  writeRows(ws, 2, cols, contracts);
  const colOf = (key: string): number => cols.findIndex((c) => c.key === key) + 1;
  const mt = ws.getColumn(colOf('montant')).letter;
  const tx = ws.getColumn(colOf('taux')).letter;
  contracts.forEach((c, i) => {
    const r = 2 + i;
    const taux = ws.getCell(r, colOf('taux')).value;
    const montantCell = ws.getCell(r, colOf('montant')).value;
    if (taux === null || taux === undefined) return;
    const tauxResult = typeof taux === 'object' && taux !== null && 'result' in taux ? taux.result : taux;
    // Computed spend column: a formula with its cached result, as Excel saves it
    // (the first error met, left to right, else #VALUE! for a text operand).
    const result: ExcelJS.CellFormulaValue['result'] =
      typeof tauxResult === 'number' && typeof montantCell === 'number'
        ? Math.round(montantCell * tauxResult * 100) / 100
        : isCellError(montantCell)
          ? montantCell
          : isCellError(tauxResult)
            ? tauxResult
            : { error: '#VALUE!' };
    ws.getCell(r, colOf('mandate')).value = { formula: `ROUND(${mt}${r}*${tx}${r},2)`, result };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { wb, contracts };
}

function companionSheets(rng: Rng, wb: ExcelJS.Workbook, withClause: readonly Contract[]): void {
  const suivi = wb.addWorksheet('Suivi insertion');
  const header = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'];
  suivi.addRow(header).font = { bold: true };
  const communes = ['Roubaix', 'Roubaix', 'Roubaix', 'Tourcoing', 'Wattrelos', 'Lille', 'Hem', 'Croix'];
  const types = ['CDDI', 'CDDI', 'Intérim', 'CDD', 'CDI', 'Contrat de professionnalisation', 'Apprentissage'];
  let n = 1;
  for (const c of withClause) {
    const count = rng.int(1, 4);
    for (let k = 0; k < count; k++) {
      // Some beneficiaries work on two contracts: counted once.
      const id = rng.chance(0.15) && n > 3 ? `B-${String(rng.int(1, n - 1)).padStart(4, '0')}` : `B-${String(n++).padStart(4, '0')}`;
      const [y, m] = c.date.split('-').map(Number);
      suivi.addRow([
        c.numero,
        id,
        rng.chance(0.38) ? 'F' : 'H',
        rng.pick(communes),
        rng.chance(0.55) ? 'Oui' : 'Non',
        rng.pick(types),
        rng.int(35, 600),
        new Date(Date.UTC(y, Math.min(11, m + rng.int(0, 2)), rng.int(1, 28))),
      ]);
    }
  }
  suivi.getColumn(8).numFmt = FMT_DATE;

  const actions = wb.addWorksheet('Actions SPASER');
  actions.addRow(['Date', "Type d'action", 'Intitulé', 'Participants']).font = { bold: true };
  const rowsActions: [string, string, string, number][] = [
    ['2024-11-14', 'Formation', 'Clauses sociales : les bases', 14],
    ['2025-01-21', 'Formation', "Achat responsable pour les élus", 9],
    ['2025-03-11', 'Atelier', 'Sourçage des entreprises roubaisiennes', 22],
    ['2025-04-03', 'COTECH', 'COTECH SPASER', 11],
    ['2025-05-20', 'Formation', 'Coût global et analyse du cycle de vie', 17],
    ['2025-06-12', 'Événement', 'Rencontre acheteurs – SIAE', 64],
    ['2025-10-02', 'Formation', 'Critères environnementaux dans les MAPA', 12],
    ['2025-11-27', 'COPIL', 'COPIL SPASER — bilan annuel', 8],
  ];
  for (const [d, t, l, p] of rowsActions) actions.addRow([utcDate(d), t, l, p]);
  actions.getColumn(1).numFmt = FMT_DATE;

  const cibles = wb.addWorksheet('Cibles');
  cibles.addRow(['Indicateur', 'Année', 'Cible', 'Sens']).font = { bold: true };
  for (const r of [
    ['4.1.2-consideration-sociale', 2025, 30, '≥'],
    ['3.1.1-consideration-env', 2025, 40, '≥'],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['2.1.1-programmes-nb', 2025, 60, null],
    ['5.2.1-innovants-nb', 2025, 3, '≥'],
    ['4.2.3-reserves', 2025, 5, '≥'],
  ]) cibles.addRow(r);

  const saisies = wb.addWorksheet('Saisies manuelles');
  saisies.addRow(['Indicateur', 'Année', 'Valeur', 'Source']).font = { bold: true };
  saisies.addRow(['3.2.1-fournitures-evitees', 2025, 12.5, 'Inventaire des fournitures 2025 (Direction des moyens généraux)']);
  saisies.addRow(['3.2.1-mobilier-reemploye', 2025, 18, 'Plateforme interne de réemploi du mobilier']);
  saisies.addRow(['3.2.1-mobilier-reemploye', 2024, 11, 'Plateforme interne de réemploi du mobilier']);
}

// ---------------------------------------------------------------- Pôle Culture

const CULTURE_COMMENTS = [
  'Impression sur papier recyclé certifié',
  "Accueil et billetterie assurés en partie par un chantier d'insertion",
  'Sans clause sociale (prestation trop courte)',
  "Prototype de médiation numérique testé à l'Hôtel de ville",
  'Décors issus du réemploi des expositions précédentes',
  'Transport bas carbone demandé',
  'Pas de critère environnemental : marché subséquent',
  null,
  null,
  null,
];

function culture(rng: Rng, suppliers: readonly Supplier[], shared: Contract): ExcelJS.Workbook {
  const contracts = makeContracts(rng, opts('culture', 'Pôle Culture', 'CUL', 2025, 88, suppliers));
  contracts.push(...makeContracts(rng, opts('culture', 'Pôle Culture', 'CUL', 2024, 10, suppliers, 401)));
  contracts.forEach((c) => {
    c.commentaire = rng.pick(CULTURE_COMMENTS);
  });
  contracts[1] = { ...sharedContract(shared), pole: 'Pôle Culture', supplier: contracts[1].supplier }; // doublon across files
  contracts[6].negociation = false;
  contracts[6].gain = 2400; // gain-sans-negociation
  contracts[11].overrides.montant = 'NC'; // montant-invalide
  contracts[16].delaiPaiement = 38; // delai-paiement-depasse
  contracts[21].overrides.cpv = '79810000-12'; // cpv-invalide
  contracts[26].overrides.date = utcDate('2031-03-01'); // date-invalide (far future)

  const dateCell = (c: Contract, i: number): Val => (i % 5 === 1 ? frDate(c.date) : i % 5 === 3 ? c.date : utcDate(c.date));
  const cols: Col[] = [
    { header: 'Numéro de marché', key: 'numero', value: (c) => c.numero, width: 16 },
    { header: 'Objet de la consultation', key: 'objet', value: (c) => c.objet, width: 50 },
    { header: 'Pôle', key: 'pole', value: (c) => c.pole },
    { header: 'Direction', key: 'direction', value: (c) => c.direction, width: 28 },
    { header: 'Procédure', key: 'procedure', value: (c) => PROCEDURES[c.procedure], width: 30 },
    { header: 'CPV', key: 'cpv', value: (c) => c.cpv },
    { header: "Date d'attribution", key: 'date', value: dateCell, numFmt: FMT_DATE },
    { header: 'Montant HT', key: 'montant', value: (c) => c.montant, numFmt: FMT_EURO, width: 16 },
    { header: 'Montant TTC', key: 'ttc', value: () => null, numFmt: FMT_EURO, width: 16 },
    { header: 'Dépenses mandatées', key: 'mandate', value: (c) => c.mandate, numFmt: FMT_EURO, width: 16 },
    { header: 'Fournisseur', key: 'titulaire', value: (c) => c.supplier.nom, width: 28 },
    { header: 'N° SIRET', key: 'siret', value: (c) => c.supplier.siret, width: 18 },
    { header: 'Code postal', key: 'cp', value: (c) => c.supplier.cp },
    { header: 'Commune', key: 'ville', value: (c) => (c.supplier.ville === 'Roubaix' && rng.chance(0.3) ? 'ROUBAIX CEDEX 1' : c.supplier.ville) },
    { header: 'Pays', key: 'pays', value: (c) => c.supplier.pays },
    { header: "Catégorie d'entreprise", key: 'categorie', value: (c) => c.supplier.categorie },
    { header: 'Marché innovant', key: 'innovant', value: (c) => (c.innovant ? 'oui' : 'non') },
    { header: 'Critère environnemental', key: 'critereEnv', value: (c) => (c.critereEnv ? 'oui' : 'non') },
    { header: 'Négociation', key: 'negociation', value: (c) => (c.negociation ? 'oui' : 'non') },
    { header: 'Gain de négociation', key: 'gain', value: (c) => c.gain, numFmt: FMT_EURO },
    { header: 'Délai de paiement', key: 'delai', value: (c) => c.delaiPaiement },
    { header: 'Commentaires', key: 'commentaire', value: (c) => c.commentaire, width: 50 },
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Marchés Culture');
  ws.getCell(1, 1).value = 'Tableau tenu par la Direction des affaires culturelles — merci de ne pas trier';
  ws.getCell(1, 1).font = { italic: true, color: { argb: 'FF7F7F7F' } };
  setColumns(ws, cols);
  writeHeader(ws, 2, cols);
  writeRows(ws, 3, cols, contracts);
  const ht = cols.findIndex((c) => c.key === 'montant') + 1;
  const ttc = cols.findIndex((c) => c.key === 'ttc') + 1;
  const htLetter = ws.getColumn(ht).letter;
  contracts.forEach((c, i) => {
    const r = 3 + i;
    const v = ws.getCell(r, ht).value;
    ws.getCell(r, ttc).value =
      typeof v === 'number' ? { formula: `${htLetter}${r}*1.2`, result: Math.round(v * 120) / 100 } : { formula: `${htLetter}${r}*1.2`, result: { error: '#VALUE!' } };
  });
  return wb;
}

// ---------------------------------------------------------------- entry points

export const SAMPLE_FILES = ['Pôle Ressources.xlsx', 'Pôle Cadre de vie.xlsx', 'Pôle Solidarités.xlsx', 'Pôle Culture.xlsx'] as const;

/** Builds the four workbooks in memory (same seed → same content). */
export function buildSampleWorkbooks(seed = 2025): { name: string; wb: ExcelJS.Workbook }[] {
  const rng = new Rng(seed);
  const suppliers = makeSuppliers(rng, 70);
  const wbRes = ressources(rng, suppliers);
  const wbCdv = cadreDeVie(rng, suppliers);
  const sol = solidarites(rng, suppliers);
  const withClause = sol.contracts.filter((c) => (c.clauseSociale || c.insertion) && c.date.startsWith('2025'));
  companionSheets(rng, sol.wb, withClause);
  const sharedSource = makeContracts(rng, opts('culture', 'Pôle Culture', 'CUL', 2025, 1, suppliers))[0];
  const wbCul = culture(rng, suppliers, sharedSource);
  return [
    { name: SAMPLE_FILES[0], wb: wbRes },
    { name: SAMPLE_FILES[1], wb: wbCdv },
    { name: SAMPLE_FILES[2], wb: sol.wb },
    { name: SAMPLE_FILES[3], wb: wbCul },
  ];
}

/** Writes the four sample workbooks into `dir`; returns their paths in order. */
export async function writeSampleWorkbooks(dir: string, seed = 2025): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const { name, wb } of buildSampleWorkbooks(seed)) {
    const file = path.join(dir, name);
    // Renamed into place: a demo run at the same time (two test workers) never reads a half-written sample.
    await writeBytesAtomically(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    out.push(file);
  }
  return out;
}

// ---------------------------------------------------------------- bench registers

/** 35 mapped columns with the canonical French labels of `champs.md`. */
const BENCH_COLS: readonly Col[] = [
  { header: 'N° de marché', key: 'numero', value: (c) => c.numero },
  // Real registers rarely repeat a wording: each row gets its own (site, lot, reference), so no cache flatters the bench.
  { header: 'Objet du marché', key: 'objet', value: (c, i) => `${c.objet} — ${BENCH_SITES[(i * 7) % BENCH_SITES.length]}, lot ${1 + (i % 9)} (réf. ${i + 1})` },
  { header: 'Pôle', key: 'pole', value: (c) => c.pole },
  { header: 'Direction / service', key: 'direction', value: (c) => c.direction },
  { header: 'Acheteur', key: 'acheteur', value: (c) => c.acheteur },
  { header: 'Nature', key: 'nature', value: (c) => c.nature },
  { header: 'Procédure', key: 'procedure', value: (c) => PROCEDURES[c.procedure] },
  { header: 'Commande hors marché', key: 'horsMarche', value: (c) => ouiNon(c.horsMarche) },
  { header: 'Code nomenclature achat', key: 'nomenclature', value: (c) => c.codeNomenclature },
  { header: 'Code CPV', key: 'cpv', value: (c) => c.cpv },
  { header: 'Date de notification', key: 'date', value: (c, i) => (i % 9 === 4 ? frDate(c.date) : utcDate(c.date)) },
  { header: 'Durée (mois)', key: 'duree', value: (c) => c.dureeMois },
  { header: 'Montant notifié HT (€)', key: 'montant', value: (c, i) => (i % 7 === 3 ? frAmountText(c.montant, NNBSP) : c.montant) },
  { header: 'Dépenses mandatées HT (€)', key: 'mandate', value: (c) => c.mandate },
  { header: 'Marché programmé', key: 'programme', value: (c) => ouiNon(c.programme) },
  { header: 'Marché récurrent', key: 'recurrent', value: (c) => ouiNon(c.recurrent) },
  { header: "Nombre d'avenants", key: 'avenants', value: (c) => c.nbAvenants },
  { header: 'Dont avenants de prolongation', key: 'prolongations', value: (c) => c.nbProlongations },
  { header: 'Sourçage / parangonnage', key: 'sourcage', value: (c) => ouiNon(c.sourcage) },
  { header: 'Réunion de cadrage', key: 'cadrage', value: (c) => ouiNon(c.reunionCadrage) },
  { header: 'Nombre de réunions de bilan', key: 'bilans', value: (c) => c.nbBilans },
  { header: 'Délai moyen de paiement (jours)', key: 'delai', value: (c) => c.delaiPaiement },
  { header: "Nombre d'offres reçues", key: 'offres', value: (c) => c.offres },
  { header: 'Négociation menée', key: 'negociation', value: (c) => ouiNon(c.negociation) },
  { header: 'Gain de négociation HT (€)', key: 'gain', value: (c) => c.gain },
  { header: 'Clause environnementale', key: 'clauseEnv', value: (c) => ouiNon(c.clauseEnv) },
  { header: 'Critère environnemental', key: 'critereEnv', value: (c) => ouiNon(c.critereEnv) },
  { header: 'Clause sociale', key: 'clauseSociale', value: (c) => ouiNon(c.clauseSociale) },
  { header: "Heures d'insertion réalisées", key: 'heuresRealisees', value: (c) => c.heuresRealisees },
  { header: 'Marché innovant', key: 'innovant', value: (c) => ouiNon(c.innovant) },
  { header: 'Titulaire', key: 'titulaire', value: (c) => c.supplier.nom },
  { header: 'SIRET du titulaire', key: 'siret', value: (c) => c.supplier.siret },
  { header: 'Code postal du titulaire', key: 'cp', value: (c) => c.supplier.cp },
  { header: 'Commune du titulaire', key: 'ville', value: (c) => c.supplier.ville },
  { header: "Catégorie d'entreprise", key: 'categorie', value: (c) => c.supplier.categorie },
  { header: 'Commentaires', key: 'commentaire', value: (c, i) => (i % 13 === 0 ? 'Fourniture en papier recyclé' : null) },
];

export const BENCH_COLUMN_COUNT = BENCH_COLS.length;

/** A one-sheet register of `rows` contracts, streamed to disk (memory stays flat). */
const BENCH_SITES = ['école Jules Ferry', 'piscine Thalassa', 'mairie', 'Condition Publique', 'La Piscine musée', 'CCAS', 'parc Barbieux', 'médiathèque', 'centre technique', 'stade Dubrulle'];

export async function writeBenchRegister(file: string, rows: number, seed = 7): Promise<void> {
  const rng = new Rng(seed);
  const suppliers = makeSuppliers(rng, 400);
  const pools = ['ressources', 'cadre', 'solidarites', 'culture'] as const;
  const poles = ['Pôle Ressources', 'Pôle Cadre de vie', 'Pôle Solidarités', 'Pôle Culture'];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Registre');
  ws.addRow(BENCH_COLS.map((c) => c.header)).commit();
  for (let i = 0; i < rows; i++) {
    const k = i % 4;
    const year = i % 5 === 0 ? 2024 : 2025;
    const c = makeContracts(rng, opts(pools[k], poles[k], `P${k}`, year, 1, suppliers, i + 1))[0];
    if (i % 97 === 50) c.overrides.siret = '123';
    if (i % 89 === 10) c.delaiPaiement = 41;
    const row = ws.addRow(BENCH_COLS.map((col) => cellOf(col, c, i) ?? null));
    row.getCell(11).numFmt = FMT_DATE;
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
