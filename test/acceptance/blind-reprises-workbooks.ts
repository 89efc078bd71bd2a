/**
 * Workbooks of the BLIND acceptance test « reprises »: the Pôle Culture's own
 * contract-tracking workbook, run through the command line week after week,
 * the written file becoming next week's input.
 *
 * House style (nobody wrote the code for it): a merged title row, a « mis à
 * jour » line, the header on row 3, the Pôle merged vertically down the whole
 * register, amounts as numbers under a euro format, dates as real dates,
 * oui/non as « Oui »/« Non » text, SIRET and postal codes as text; a « Notes »
 * sheet of the purchasing cell (merged title, an Excel table with formulas, a
 * named range, formulas reading the register); a « Cibles » sheet of the COPIL.
 *
 * The week-2 edits are made with JSZip on the very file the program wrote (as
 * Excel would keep every other part untouched): two contracts appended at the
 * bottom of the register, the amount of CULT-25-005 (typed -4 800 by mistake)
 * corrected to 4 800.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day } from './helpers';

export const REGISTER_SHEET = 'Registre 2025';
export const NOTES_SHEET = 'Notes';
export const CIBLES_SHEET = 'Cibles';
export const POLE = 'Pôle Culture';
export const NAMED_RANGE = 'Credits_Culture';

export const HEADER = [
  'Réf. marché', // A numero
  'Objet', // B objet
  'Pôle', // C pole (merged C4:C15)
  'Service', // D direction
  'Procédure', // E procedure
  'Notifié le', // F dateNotification
  'Durée (mois)', // G dureeMois
  'Montant HT', // H montant
  'Mandaté', // I montantMandate
  'Programmé', // J programme
  'Clause sociale', // K clauseSociale
  'Clause env.', // L clauseEnvironnementale
  'Innovant', // M marcheInnovant
  'Titulaire', // N titulaire
  'SIRET', // O siret
  'Ville', // P communeTitulaire
  'CP', // Q codePostalTitulaire
  'Taille', // R categorieEntreprise
  'Observations', // S commentaires
  'Nb avenants', // T nbAvenants
  'Délai de paiement (jours)', // U delaiPaiement
] as const;

type Cell = string | number | Date | null;

/** One register row: every column but the Pôle (merged), in HEADER order. */
interface Contract {
  numero: string;
  objet: string;
  service: string;
  procedure: string;
  date: string;
  duree: number;
  montant: number;
  mandate: number | null;
  programme: 'Oui' | 'Non';
  cs: 'Oui' | 'Non';
  ce: 'Oui' | 'Non';
  innov: 'Oui' | 'Non';
  titulaire: string;
  siret: string | null;
  ville: string;
  cp: string;
  taille: string;
  obs: string | null;
  avenants: number;
  delai: number | null;
}

/** The twelve rows of the original file, sheet rows 4 to 15. */
export const ORIGINAL: readonly Contract[] = [
  // r4
  { numero: 'CULT-25-001', objet: 'Impression des programmes de saison', service: 'Spectacle vivant', procedure: 'MAPA', date: '2025-02-10', duree: 12, montant: 18000, mandate: 15000, programme: 'Oui', cs: 'Non', ce: 'Oui', innov: 'Non', titulaire: 'Imprimerie Lefebvre SARL', siret: '41234567800012', ville: 'Roubaix', cp: '59100', taille: 'PME', obs: null, avenants: 0, delai: 25 },
  // r5
  { numero: 'CULT-25-002', objet: "Sonorisation du festival d'été", service: 'Événementiel', procedure: 'AOO', date: '2025-03-05', duree: 3, montant: 42000, mandate: 40000, programme: 'Oui', cs: 'Oui', ce: 'Non', innov: 'Non', titulaire: 'Sonorisation du Nord SAS', siret: '52345678900024', ville: 'Tourcoing', cp: '59200', taille: 'TPE', obs: null, avenants: 1, delai: 35 },
  // r6
  { numero: 'CULT-25-003', objet: 'Location de structures scéniques', service: 'Spectacle vivant', procedure: 'MAPA', date: '2025-04-14', duree: 24, montant: 60000, mandate: null, programme: 'Non', cs: 'Non', ce: 'Non', innov: 'Non', titulaire: 'Scènes et Lumières', siret: '33456789000119', ville: 'Lille', cp: '59000', taille: 'PME', obs: 'Reconduction possible en 2026', avenants: 2, delai: 28 },
  // r7
  { numero: 'CULT-25-004', objet: "Transport des œuvres de l'exposition", service: 'Musées', procedure: 'AOO', date: '2025-05-20', duree: 6, montant: 95000, mandate: 90000, programme: 'Oui', cs: 'Non', ce: 'Oui', innov: 'Non', titulaire: 'Transports Culturels Europe SA', siret: '55223344500030', ville: 'Paris', cp: '75011', taille: 'GE', obs: null, avenants: 0, delai: null },
  // r8 — amount typed negative by mistake (corrected in week 2)
  { numero: 'CULT-25-005', objet: "Fabrication de mobilier d'exposition", service: 'Musées', procedure: 'MAPA', date: '2025-06-02', duree: 4, montant: -4800, mandate: null, programme: 'Oui', cs: 'Oui', ce: 'Non', innov: 'Non', titulaire: 'Atelier Bois Roubaisien', siret: '88990011200042', ville: 'Roubaix', cp: '59100', taille: 'TPE', obs: null, avenants: 0, delai: 20 },
  // r9
  { numero: 'CULT-25-006', objet: 'Nettoyage des salles de spectacle', service: 'Patrimoine bâti', procedure: 'AOO', date: '2025-07-01', duree: 36, montant: 120000, mandate: 30000, programme: 'Oui', cs: 'Oui', ce: 'Oui', innov: 'Non', titulaire: 'Nettoyage Flandres', siret: '77665544300054', ville: 'Dunkerque', cp: '59140', taille: 'ETI', obs: null, avenants: 1, delai: 30 },
  // r10 — SIRET fails Luhn
  { numero: 'CULT-25-007', objet: 'Billetterie en ligne', service: 'Événementiel', procedure: 'PN', date: '2025-09-15', duree: 12, montant: 30000, mandate: 12000, programme: 'Non', cs: 'Non', ce: 'Non', innov: 'Oui', titulaire: 'Billetterie Connect', siret: '51234567800013', ville: 'Lyon', cp: '69003', taille: 'PME', obs: 'Paiement en retard, relance faite', avenants: 0, delai: 45 },
  // r11 — « recyclé » in the objet
  { numero: 'CULT-25-008', objet: 'Impression des affiches sur papier recyclé', service: 'Communication', procedure: 'MAPA', date: '2025-10-03', duree: 2, montant: 6500, mandate: 6500, programme: 'Non', cs: 'Non', ce: 'Non', innov: 'Non', titulaire: 'Imprimerie Lefebvre SARL', siret: '41234567800012', ville: 'Roubaix', cp: '59100', taille: 'PME', obs: null, avenants: 0, delai: 15 },
  // r12 — postal code of 4 digits typed as text
  { numero: 'CULT-25-009', objet: 'Graphisme de la saison culturelle', service: 'Communication', procedure: 'gré à gré', date: '2025-11-12', duree: 6, montant: 3200, mandate: null, programme: 'Non', cs: 'Non', ce: 'Non', innov: 'Non', titulaire: 'Graphisme & Co', siret: '66123456700096', ville: 'Croix', cp: '5917', taille: 'TPE', obs: null, avenants: 0, delai: 10 },
  // r13 — the same contract typed twice (lower case)
  { numero: 'cult-25-006', objet: 'Nettoyage des salles de spectacle', service: 'Patrimoine bâti', procedure: 'AOO', date: '2025-07-08', duree: 36, montant: 120000, mandate: 30000, programme: 'Oui', cs: 'Oui', ce: 'Oui', innov: 'Non', titulaire: 'Nettoyage Flandres', siret: '77665544300054', ville: 'Dunkerque', cp: '59140', taille: 'ETI', obs: null, avenants: 1, delai: 30 },
  // r14 — 2024
  { numero: 'CULT-24-014', objet: 'Impression des programmes 2024', service: 'Spectacle vivant', procedure: 'MAPA', date: '2024-03-11', duree: 12, montant: 16000, mandate: 16000, programme: 'Oui', cs: 'Non', ce: 'Oui', innov: 'Non', titulaire: 'Imprimerie Lefebvre SARL', siret: '41234567800012', ville: 'Roubaix', cp: '59100', taille: 'PME', obs: null, avenants: 1, delai: 22 },
  // r15 — 2024
  { numero: 'CULT-24-021', objet: 'Sonorisation du festival 2024', service: 'Événementiel', procedure: 'AOO', date: '2024-06-18', duree: 3, montant: 40000, mandate: 38000, programme: 'Non', cs: 'Oui', ce: 'Non', innov: 'Non', titulaire: 'Sonorisation du Nord SAS', siret: '52345678900024', ville: 'Tourcoing', cp: '59200', taille: 'TPE', obs: null, avenants: 0, delai: 40 },
];

/** The two contracts the buyer adds in week 2, sheet rows 16 and 17 (Pôle typed, below the merge). */
export const ADDED: readonly Contract[] = [
  // r16
  { numero: 'CULT-25-010', objet: 'Médiation culturelle en milieu scolaire', service: 'Action culturelle', procedure: 'MAPA', date: '2025-12-01', duree: 10, montant: 14000, mandate: null, programme: 'Oui', cs: 'Oui', ce: 'Non', innov: 'Non', titulaire: 'Compagnie La Belle Histoire', siret: null, ville: 'Roubaix', cp: '59100', taille: 'TPE', obs: null, avenants: 0, delai: null },
  // r17 — « Expérimentation » in the objet
  { numero: 'CULT-25-011', objet: "Expérimentation d'un parcours numérique au musée", service: 'Musées', procedure: 'MAPA', date: '2025-12-10', duree: 12, montant: 25000, mandate: 5000, programme: 'Non', cs: 'Non', ce: 'Non', innov: 'Non', titulaire: 'Numérique Nord', siret: null, ville: "Villeneuve-d'Ascq", cp: '59650', taille: 'PME', obs: null, avenants: 0, delai: 18 },
];

function cells(c: Contract, pole: string | null): Cell[] {
  return [c.numero, c.objet, pole, c.service, c.procedure, day(c.date), c.duree, c.montant, c.mandate, c.programme, c.cs, c.ce, c.innov, c.titulaire, c.siret, c.ville, c.cp, c.taille, c.obs, c.avenants, c.delai];
}

const EURO = '#,##0.00 "€"';

/** « Pôle Culture 2025.xlsx » as the buyer saved it. */
export async function buildCultureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cellule achats Pôle Culture';

  const ws = wb.addWorksheet(REGISTER_SHEET);
  ws.getCell('A1').value = 'Pôle Culture — Suivi des marchés 2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:U1');
  ws.getCell('A2').value = 'Mis à jour le 06/01/2026 par la cellule achats';
  ws.getCell('A2').font = { italic: true };
  HEADER.forEach((h, i) => {
    const cell = ws.getRow(3).getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7B2D8E' } };
  });
  ORIGINAL.forEach((c, i) => {
    const row = ws.getRow(4 + i);
    cells(c, i === 0 ? POLE : null).forEach((v, col) => {
      if (v === null) return;
      const cell = row.getCell(col + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (col === 7 || col === 8) cell.numFmt = EURO;
    });
  });
  ws.mergeCells('C4:C15');
  ws.getCell('C4').alignment = { vertical: 'middle', textRotation: 90 };
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 44 : 15));
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.getCell('A1').value = 'Notes de la cellule achats — Pôle Culture';
  notes.getCell('A1').font = { bold: true };
  notes.mergeCells('A1:D1');
  const credits: [string, number, number][] = [
    ['Spectacle vivant', 250000, 180000],
    ['Expositions', 150000, 95000],
    ['Médiation', 60000, 14000],
    ['Fonctionnement', 90000, 42000],
  ];
  notes.addTable({
    name: 'TabCredits',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium4', showRowStripes: true },
    columns: [{ name: 'Poste' }, { name: 'Crédits ouverts' }, { name: 'Crédits engagés' }, { name: 'Reste' }],
    rows: credits.map(([p, o, e], i) => [p, o, e, { formula: `B${4 + i}-C${4 + i}`, result: o - e }]),
  });
  notes.getCell('A10').value = 'Contrats saisis';
  notes.getCell('B10').value = { formula: "COUNTA('Registre 2025'!A4:A40)", result: 12 };
  notes.getCell('A11').value = 'Total notifié HT';
  notes.getCell('B11').value = { formula: "SUM('Registre 2025'!H4:H40)", result: 549900 };
  notes.getCell('B11').numFmt = EURO;
  notes.getCell('A12').value = 'Crédits ouverts (plage nommée)';
  notes.getCell('B12').value = { formula: `SUM(${NAMED_RANGE})`, result: 550000 };
  notes.getCell('A14').value = 'À revoir avec la DGA avant le COTECH';
  notes.mergeCells('A14:D15');
  wb.definedNames.add(`'${NOTES_SHEET}'!$B$4:$B$7`, NAMED_RANGE);

  const cibles = wb.addWorksheet(CIBLES_SHEET);
  cibles.addRow(['Indicateur', 'Année', 'Cible', 'Sens']);
  for (const r of CIBLES) cibles.addRow(r);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The COPIL's targets (sheet rows 2 to 10). */
export const CIBLES: readonly (string | number | null)[][] = [
  ['4.1.2-consideration-sociale', 2025, 30, '≥'], // (a)
  ['3.1.1-consideration-env', 2025, 35, null], // (b) empty sens = ≥
  ['1.1.2-dataviz', 2025, 3, '≥'], // (c)
  ['2.1.5-delai-paiement', 2025, 30, '≤'], // (d)
  ['2.2.3-soumissionnaires', 2025, 3, '≥'], // (e) non calculable here
  ['5.1.1-fournisseurs-zone', 2025, 50, '≥'], // (f) a breakdown
  ['4.1.2-consideration-sociale', 2024, 40, '≥'], // (g)
  ['2.1.1-programmes-nb', 2024, 60, '≥'], // (h)
  ['5.2.1-innovants-nb', 2024, 5, '≤'], // (i)
];

// ── Reading a package ──────────────────────────────────────────────────────

/** Sheet name → its part path (`xl/worksheets/sheetN.xml`), from workbook.xml and its relations. */
export async function sheetParts(zip: JSZip): Promise<Map<string, { part: string; state: string | null }>> {
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])![1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])![1];
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, { part: string; state: string | null }>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]+)"/.exec(m[0])![1]);
    const rid = /\br:id="([^"]+)"/.exec(m[0])![1];
    const state = /\bstate="([^"]+)"/.exec(m[0])?.[1] ?? null;
    out.set(name, { part: targets.get(rid)!, state });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const COLS = 'ABCDEFGHIJKLMNOPQRSTU';

function serial(iso: string): number {
  return (day(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * The buyer's week-2 edits, on the file the program wrote: CULT-25-005's amount
 * (H8) corrected from -4800 to 4800, two contracts appended as rows 16 and 17
 * (texts inline, dates and amounts styled like row 4's). Every other part of
 * the package is left as it was. Returns the new bytes and the edited part.
 */
export async function week2Edits(bytes: Uint8Array): Promise<{ bytes: Buffer; part: string; xml: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (await sheetParts(zip)).get(REGISTER_SHEET)!.part;
  let xml = await zip.file(part)!.async('string');

  const h8 = /<c r="H8"([^>]*)><v>-4800<\/v><\/c>/;
  if (!h8.test(xml)) throw new Error('H8 is not the -4800 the buyer typed');
  xml = xml.replace(h8, '<c r="H8"$1><v>4800</v></c>');

  const styleOf = (ref: string): string => {
    const m = new RegExp(`<c r="${ref}"[^>]*?\\bs="(\\d+)"`).exec(xml);
    return m ? ` s="${m[1]}"` : '';
  };
  const dateStyle = styleOf('F4');
  const euroStyle = styleOf('H4');
  const rowXml = (c: Contract, r: number): string => {
    const values = cells(c, POLE);
    const cs = values.map((v, i) => {
      const ref = `${COLS[i]}${r}`;
      if (v === null) return '';
      if (v instanceof Date) return `<c r="${ref}"${dateStyle}><v>${serial(c.date)}</v></c>`;
      if (typeof v === 'number') return `<c r="${ref}"${i === 7 || i === 8 ? euroStyle : ''}><v>${v}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    });
    return `<row r="${r}">${cs.join('')}</row>`;
  };
  if (!xml.includes('</sheetData>')) throw new Error('no sheetData end');
  xml = xml.replace('</sheetData>', `${rowXml(ADDED[0], 16)}${rowXml(ADDED[1], 17)}</sheetData>`);
  xml = xml.replace(/<dimension ref="A1:U15"\/>/, '<dimension ref="A1:U17"/>');
  zip.file(part, xml);
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes: out, part, xml };
}
