/**
 * BLIND acceptance test « corrections » — the buyer fixes every finding by following its message.
 * Workbook: ./blind-corrections-workbooks.ts. Expectations written by hand from `/work/shared/spec/`
 * (champs.md, regles.md §1–§9, indicateurs.md, sortie.md) before the first run. Command line in-process
 * (`calculer … --json --sortie …`), day of the run 2026-01-15 (dates allowed up to 31/12/2027).
 *
 * ── « Marchés 2025 » (header row 3, rows 4–28) — findings expected (regles.md §3) ─────────────────
 * row code                        gravité        column (the buyer's header)       how the buyer produced it
 * r6  numero-manquant             erreur         N° marché                         numero forgotten
 * r7  objet-manquant              erreur         Objet                             objet forgotten
 * r8  montant-manquant            erreur         Montant HT (€)                    amount not known yet
 * r9  montant-invalide            erreur         Montant HT (€)                    « voir BPU »
 * r10 date-manquante              erreur         Date de notification              not typed yet
 * r11 date-invalide               erreur         Date de notification              « 31/02/2025 » (text)
 * r12 valeur-illisible            erreur         Durée (mois)                      « un an »
 * r13 valeur-illisible            erreur         Mandaté (€)                       RECHERCHEV → #N/A
 * r14 valeur-illisible            erreur         Catégorie d'entreprise            « Moyenne »
 * r15 valeur-illisible            erreur         Réemploi (€)                      « oui » in an amount column
 * r16 prolongations-incoherentes  erreur         Dont avenants de prolongation     2 prolongations, 1 avenant
 * r17 gain-sans-negociation       avertissement  Gain de négociation (€)           gain 3 000, Négociation « non »
 * r18 heures-sans-clause          avertissement  Heures d'insertion réalisées      350 h, clause and insertion « non »
 * r19 montants-ae-superieurs      avertissement  (none: whole row)                 20 000 + 15 000 > mandaté 30 000
 * r20 delai-paiement-depasse      avertissement  Délai de paiement (jours)         42 days: a fact, STAYS
 * r21 cpv-invalide                avertissement  Code CPV                          « 4523314 » (a digit lost)
 * r22 siret-invalide              avertissement  SIRET                             two digits swapped (Luhn)
 * r23 code-postal-invalide        avertissement  Code postal                       « 5910 » (text)
 * r24 suggestion-non-confirmee    avertissement  (none: whole row)                 « reconditionné » → Clause env.
 * r28 doublon                     erreur         N° marché                         r27 pasted twice
 * Companion sheets (regles.md §3 `valeur-illisible`: « any mapped cell … enum field whose text cannot be read »):
 * Suivi clauses s4      valeur-illisible erreur Type de contrat   « Contrat aidé »
 * Objectifs COPIL c3    valeur-illisible erreur Cible             « à définir »
 * Saisies manuelles m2  valeur-illisible erreur Valeur            « NC »
 * → 23 findings. lignes: lues 25; erreurs 12 (r6–r16, r28); N = 2025 (§9); R = {r4 r5 r17–r25 r27} (12),
 *   avertissements 8 (r17–r24). No horsMarche → M = R; r26 is 2024 (N−1).
 *
 * ── The buyer's corrections (FIXES below): each from the message alone ────────────────────────────
 * Every message must say where (« Ligne n », the column to edit between « »), in French, and what to
 * do. r20 stays (a real late payment: nothing to correct in the workbook); r24 is decided at the
 * add-in's Étiquettes step (the command line has none: it stays in the command line's run, and the
 * decision « confirmée » is given to the chain as the task pane does). r28 is deleted last.
 *
 * ── Indicators, by hand (N = 2025) ──────────────────────────────────────────────────────────────
 * before: R 12 · sociale r4 r22 (2) · env r5 r19 r21 (3) · AR r4 r5 r19 r21 r22 (5)
 * after:  R 23 (r4–r27 but r26) · sociale + r8 r11 r18 (5) · env 3 (4 once r24 confirmed) · AR 8 (9)
 * id                           before            after (CLI)        after + r24 confirmed
 * 1.1.2-marches-ar             5                 8                  9
 * 1.1.2-montant-ar             307 000           472 000            492 000   (dep = mandaté)
 * 4.2.2-clause-sociale-nb      2                 5                  5
 * 4.2.2-clause-sociale-part    2/12 = 16,67 %    5/23 = 21,74 %     21,74 %
 * 4.1.2-consideration-sociale  16,67 %           21,74 %            21,74 %
 * 3.1.1-consideration-env      3/12 = 25 %       3/23 = 13,04 %     4/23 = 17,39 %
 * 3.1.1-clauses-env            25 %              13,04 %            13,04 %  (the column only, README)
 * 2.2.4-dossiers-negocies      1 (r4)            2 (r4 r17)         2
 * 2.2.4-gain-negociation       11 000            11 000             11 000
 * 3.1.1-reemploi               20 000 (r19)      25 000 (+r15)      25 000
 * 3.1.1-recycle                17 000            12 000             12 000
 * 2.1.5-delai-paiement         97/3              97/3               97/3
 * 4.2.2-heures                 850: 2025-001 has Suivi rows (400+300, its own 1 200 ignored), 2025-015
 *                              too (s5 150; s4 in error) → 1 050 after (s4 200 + s5 150)
 * 4.2.2-contrats / personnes   3 / 3             4 / 4              4 / 4
 * 1.1.1-cibles-atteintes       0 (c2 16,67 < 20; c4 32,33 > 30; c3 in error)
 *                                                66,67 (c2 21,74 ≥ 20, c3 13,04 ≥ 10, c4 not)  66,67
 * 3.2.1-fournitures-evitees    non calculable    saisi 12           saisi 12
 * 3.2.1-mobilier-reemploye     saisi 40          saisi 40           saisi 40
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runChain } from '../../src/domain/chain';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { FINDING_CODES, type SpaserResult } from '../../src/domain/model';
import { EXIT_OK } from '../../src/cli/run';
import { tempDir } from '../cli/helpers';
import { calculerJson, chainInput, day, type JsonRun } from './helpers';
import { buildWorkbook, CIBLES, FILE, HEADER_ROW, REGISTER, SAISIES, SUIVI, workbookBytes } from './blind-corrections-workbooks';

const TODAY = '2026-01-15';

/** [sheet, row, code, gravité, column] */
type Expected = [string, number, string, string, string | null];

const EXPECTED_BEFORE: Expected[] = [
  [REGISTER, 6, 'numero-manquant', 'erreur', 'N° marché'],
  [REGISTER, 7, 'objet-manquant', 'erreur', 'Objet'],
  [REGISTER, 8, 'montant-manquant', 'erreur', 'Montant HT (€)'],
  [REGISTER, 9, 'montant-invalide', 'erreur', 'Montant HT (€)'],
  [REGISTER, 10, 'date-manquante', 'erreur', 'Date de notification'],
  [REGISTER, 11, 'date-invalide', 'erreur', 'Date de notification'],
  [REGISTER, 12, 'valeur-illisible', 'erreur', 'Durée (mois)'],
  [REGISTER, 13, 'valeur-illisible', 'erreur', 'Mandaté (€)'],
  [REGISTER, 14, 'valeur-illisible', 'erreur', "Catégorie d'entreprise"],
  [REGISTER, 15, 'valeur-illisible', 'erreur', 'Réemploi (€)'],
  [REGISTER, 16, 'prolongations-incoherentes', 'erreur', 'Dont avenants de prolongation'],
  [REGISTER, 17, 'gain-sans-negociation', 'avertissement', 'Gain de négociation (€)'],
  [REGISTER, 18, 'heures-sans-clause', 'avertissement', "Heures d'insertion réalisées"],
  [REGISTER, 19, 'montants-ae-superieurs', 'avertissement', null],
  [REGISTER, 20, 'delai-paiement-depasse', 'avertissement', 'Délai de paiement (jours)'],
  [REGISTER, 21, 'cpv-invalide', 'avertissement', 'Code CPV'],
  [REGISTER, 22, 'siret-invalide', 'avertissement', 'SIRET'],
  [REGISTER, 23, 'code-postal-invalide', 'avertissement', 'Code postal'],
  [REGISTER, 24, 'suggestion-non-confirmee', 'avertissement', null],
  [REGISTER, 28, 'doublon', 'erreur', 'N° marché'],
  [SUIVI, 4, 'valeur-illisible', 'erreur', 'Type de contrat'],
  [CIBLES, 3, 'valeur-illisible', 'erreur', 'Cible'],
  [SAISIES, 2, 'valeur-illisible', 'erreur', 'Valeur'],
];

/** What stays once the buyer has done all the messages ask (r20: a real late payment). */
const EXPECTED_AFTER_CLI: Expected[] = [
  [REGISTER, 20, 'delai-paiement-depasse', 'avertissement', 'Délai de paiement (jours)'],
  [REGISTER, 24, 'suggestion-non-confirmee', 'avertissement', null],
];

/**
 * The buyer's reading of each message: what the message must say (`says`, on top of the row and the
 * column), the column it must name to be edited (`edit`), and the value the buyer then types (what
 * the buyer knows of the contract; the message says where and what kind of value).
 */
interface Fix {
  readonly sheet: string;
  readonly row: number;
  readonly code: string;
  readonly says: RegExp;
  readonly action: { edit: string; value: ExcelJS.CellValue } | 'supprimer la ligne' | 'rien' | 'Étiquettes';
}

const FIXES: Fix[] = [
  { sheet: REGISTER, row: 6, code: 'numero-manquant', says: /numéro de marché est vide/, action: { edit: 'N° marché', value: '2025-003' } },
  { sheet: REGISTER, row: 7, code: 'objet-manquant', says: /objet du marché est vide/, action: { edit: 'Objet', value: 'Location de véhicules de service' } },
  { sheet: REGISTER, row: 8, code: 'montant-manquant', says: /montant notifié HT est vide/, action: { edit: 'Montant HT (€)', value: 45000 } },
  { sheet: REGISTER, row: 9, code: 'montant-invalide', says: /« voir BPU ».*montant/, action: { edit: 'Montant HT (€)', value: 8000 } },
  { sheet: REGISTER, row: 10, code: 'date-manquante', says: /date de notification est vide/, action: { edit: 'Date de notification', value: day('2025-04-22') } },
  { sheet: REGISTER, row: 11, code: 'date-invalide', says: /« 31\/02\/2025 » n'est pas une date lisible.*Saisissez une date au format jj\/mm\/aaaa/, action: { edit: 'Date de notification', value: '28/02/2025' } },
  // An unreadable value: the message must say what to type instead.
  { sheet: REGISTER, row: 12, code: 'valeur-illisible', says: /« un an ».*Saisissez un nombre entier/, action: { edit: 'Durée (mois)', value: 12 } },
  { sheet: REGISTER, row: 13, code: 'valeur-illisible', says: /#N\/A.*formule.*montant en euros/, action: { edit: 'Mandaté (€)', value: 9000 } },
  { sheet: REGISTER, row: 14, code: 'valeur-illisible', says: /« Moyenne ».*TPE, PME, ETI ou GE/, action: { edit: "Catégorie d'entreprise", value: 'PME' } },
  { sheet: REGISTER, row: 15, code: 'valeur-illisible', says: /« oui ».*montant en euros/, action: { edit: 'Réemploi (€)', value: 5000 } },
  // Two columns disagree: the message must name the one the buyer corrects.
  { sheet: REGISTER, row: 16, code: 'prolongations-incoherentes', says: /prolongation.*dépasse.*« Nombre d'avenants »/, action: { edit: "Nombre d'avenants", value: 2 } },
  { sheet: REGISTER, row: 17, code: 'gain-sans-negociation', says: /^(?=.*gain de négociation)(?=.*mettez oui dans la colonne « Négociation »)(?=.*sinon, effacez le gain)/, action: { edit: 'Négociation', value: 'oui' } },
  { sheet: REGISTER, row: 18, code: 'heures-sans-clause', says: /^(?=.*heures d'insertion)(?=.*mettez oui dans la colonne « Clause sociale »)/, action: { edit: 'Clause sociale', value: 'oui' } },
  { sheet: REGISTER, row: 19, code: 'montants-ae-superieurs', says: /« Réemploi \(€\) ».*« Recyclé \(€\) ».*« Mandaté \(€\) »/, action: { edit: 'Recyclé (€)', value: 10000 } },
  { sheet: REGISTER, row: 20, code: 'delai-paiement-depasse', says: /42 jours.*30 jours/, action: 'rien' },
  { sheet: REGISTER, row: 21, code: 'cpv-invalide', says: /« 4523314 ».*12345678/, action: { edit: 'Code CPV', value: '45233142' } },
  { sheet: REGISTER, row: 22, code: 'siret-invalide', says: /« 39128476000052 ».*chiffre/, action: { edit: 'SIRET', value: '39128476000025' } },
  { sheet: REGISTER, row: 23, code: 'code-postal-invalide', says: /« 5910 ».*5 chiffres/, action: { edit: 'Code postal', value: '59100' } },
  { sheet: REGISTER, row: 24, code: 'suggestion-non-confirmee', says: /« reconditionné ».*confirmation.*Étiquettes/, action: 'Étiquettes' },
  { sheet: REGISTER, row: 28, code: 'doublon', says: /ligne 27 .*en double/, action: 'supprimer la ligne' },
  { sheet: SUIVI, row: 4, code: 'valeur-illisible', says: /CDI, CDD, Intérim, CDDI, Contrat de professionnalisation, Apprentissage ou Autre/, action: { edit: 'Type de contrat', value: 'Autre' } },
  { sheet: CIBLES, row: 3, code: 'valeur-illisible', says: /« à définir ».*nombre/, action: { edit: 'Cible', value: 10 } },
  { sheet: SAISIES, row: 2, code: 'valeur-illisible', says: /« NC ».*nombre/, action: { edit: 'Valeur', value: 12 } },
];

/** Words a buyer who knows nothing of the spec or of programming must not meet. */
const NOT_FOR_A_BUYER = [
  /\b(null|undefined|NaN|true|false|error|invalid|row|column|field|sheet|value|enum|regex|Luhn)\b/i,
  ...FINDING_CODES.map((c) => new RegExp(`\\b${c}\\b`)),
  // Field ids written in camel case (montantMandate, dateNotification…), never the buyer's words.
  ...REGISTER_FIELDS.filter((f) => /[A-Z]/.test(f.id)).map((f) => new RegExp(`\\b${f.id}\\b`)),
];

let dir: string;
let before: JsonRun;
let after: JsonRun;
let afterConfirmed: SpaserResult;
let controlsSheet: string[][];

const ind = (r: SpaserResult, id: string) => r.indicateurs.find((i) => i.id === id)!;
const asExpected = (r: SpaserResult): Expected[] =>
  r.controles.map((c) => [c.feuille, c.ligne, c.code, c.gravite, c.colonne] as Expected);
const sortExp = (xs: Expected[]) => [...xs].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[2].localeCompare(b[2]));

function headerRowOf(sheet: string): number {
  return sheet === REGISTER ? HEADER_ROW : 1;
}

/** The column of `header` in `ws`, as the buyer finds it by reading the header row. */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(headerRowOf(ws.name));
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column « ${header} » on ${ws.name}`);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** The buyer's workbook once each message has been followed. */
async function corrected(result: SpaserResult): Promise<ExcelJS.Workbook> {
  const wb = buildWorkbook();
  const deletions: { sheet: string; row: number }[] = [];
  for (const c of result.controles) {
    const fix = FIXES.find((f) => f.sheet === c.feuille && f.row === c.ligne && f.code === c.code)!;
    const a = fix.action;
    if (a === 'rien' || a === 'Étiquettes') continue;
    if (a === 'supprimer la ligne') deletions.push({ sheet: c.feuille, row: c.ligne });
    else {
      const ws = wb.getWorksheet(c.feuille)!;
      ws.getRow(c.ligne).getCell(columnOf(ws, a.edit)).value = a.value;
    }
  }
  // Bottom up, as deleting a row moves the ones below.
  for (const d of deletions.sort((x, y) => y.row - x.row)) wb.getWorksheet(d.sheet)!.spliceRows(d.row, 1);
  return wb;
}

beforeAll(async () => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, FILE), await workbookBytes(buildWorkbook()));
  before = await calculerJson(dir, FILE, 'avant.xlsx', ['--exercice', '2025']);

  const out = new ExcelJS.Workbook();
  await out.xlsx.readFile(path.join(dir, 'avant.xlsx'));
  const ws = out.getWorksheet('SPASER Contrôles')!;
  controlsSheet = [];
  ws.eachRow((row) => controlsSheet.push(Array.from({ length: 7 }, (_, i) => cellText(row.getCell(i + 1).value))));

  const fixedWb = await corrected(before.result);
  const fixedFile = 'Achats Direction des moyens 2025 corrigé.xlsx';
  const fixedBytes = await workbookBytes(fixedWb);
  fs.writeFileSync(path.join(dir, fixedFile), fixedBytes);
  after = await calculerJson(dir, fixedFile, 'apres.xlsx', ['--exercice', '2025']);
  // The task pane's Étiquettes step, which the command line has not: the buyer confirms r24's suggestion.
  afterConfirmed = runChain([await chainInput(fixedFile, fixedBytes)], {
    today: TODAY,
    writesCharts: false,
    decisions: [{ numero: '2025-021', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }],
  }).result;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('blind corrections: the findings of the buyer workbook', () => {
  it('every code of regles.md §3 occurs at least once', () => {
    expect(before.code).toBe(EXIT_OK);
    expect([...new Set(before.result.controles.map((c) => c.code))].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('the JSON controls are the 23 findings written from the spec', () => {
    expect(sortExp(asExpected(before.result))).toEqual(sortExp(EXPECTED_BEFORE));
    expect(before.result.exercice).toBe(2025);
    expect(before.result.lignes).toEqual({ lues: 25, exercice: 12, erreurs: 12, avertissements: 8 });
  });

  it('SPASER Contrôles holds the same findings and messages as the JSON', () => {
    const h = controlsSheet.findIndex((t) => t[0] === 'Gravité');
    expect(controlsSheet[h]).toEqual(['Gravité', 'Code', 'Message', 'Feuille', 'Ligne', 'Colonne', 'Valeur lue']);
    const rows = controlsSheet.slice(h + 1).filter((t) => t[1] !== '');
    const got = rows.map((t) => [t[3], Number(t[4]), t[1], t[0].toLowerCase(), t[5] || null] as Expected);
    expect(sortExp(got)).toEqual(sortExp(EXPECTED_BEFORE));
    const messages = new Map(before.result.controles.map((c) => [`${c.feuille}|${c.ligne}|${c.code}`, c.message]));
    for (const t of rows) expect(t[2]).toBe(messages.get(`${t[3]}|${t[4]}|${t[1]}`));
  });
});

describe('blind corrections: each message read by the buyer', () => {
  it('every finding has its line in the table of corrections', () => {
    const missing = before.result.controles.filter((c) => !FIXES.some((f) => f.sheet === c.feuille && f.row === c.ligne && f.code === c.code));
    expect(missing.map((c) => `${c.feuille} ${c.ligne} ${c.code}`)).toEqual([]);
  });

  it.each(FIXES.map((f) => [`${f.sheet} ${f.row} ${f.code}`, f] as const))('%s: says where, in French, and what to do', (_k, fix) => {
    const c = before.result.controles.find((x) => x.feuille === fix.sheet && x.ligne === fix.row && x.code === fix.code)!;
    expect(c).toBeDefined();
    // No-break spaces (French typography) read as spaces.
    const m = c.message.replace(/[\u00a0\u202f]/g, ' ');
    expect(m).toMatch(new RegExp(`^Ligne ${fix.row}\\b`));
    if (c.colonne) expect(m).toContain(`« ${c.colonne} »`);
    if (typeof fix.action === 'object') expect({ m, names: m.includes(`« ${fix.action.edit} »`) }).toEqual({ m, names: true });
    expect(m).toMatch(fix.says);
    for (const bad of NOT_FOR_A_BUYER) expect({ m, bad: String(bad), found: bad.test(m) }).toEqual({ m, bad: String(bad), found: false });
  });
});

describe('blind corrections: the corrected workbook', () => {
  it('only the late payment and the suggestion waiting for the Étiquettes step remain', () => {
    expect(after.code).toBe(EXIT_OK);
    expect(sortExp(asExpected(after.result))).toEqual(sortExp(EXPECTED_AFTER_CLI));
    expect(after.result.lignes).toEqual({ lues: 24, exercice: 23, erreurs: 0, avertissements: 2 });
  });

  it('once the suggestion is confirmed, only the late payment remains', () => {
    expect(sortExp(asExpected(afterConfirmed))).toEqual([[REGISTER, 20, 'delai-paiement-depasse', 'avertissement', 'Délai de paiement (jours)']]);
  });

  // [id, before, after (command line), after with r24 confirmed]
  const VALUES: [string, number | null, number, number][] = [
    ['1.1.2-marches-ar', 5, 8, 9],
    ['1.1.2-montant-ar', 307000, 472000, 492000],
    ['4.2.2-clause-sociale-nb', 2, 5, 5],
    ['4.2.2-clause-sociale-part', (2 / 12) * 100, (5 / 23) * 100, (5 / 23) * 100],
    ['4.1.2-consideration-sociale', (2 / 12) * 100, (5 / 23) * 100, (5 / 23) * 100],
    ['3.1.1-consideration-env', 25, (3 / 23) * 100, (4 / 23) * 100],
    ['3.1.1-clauses-env', 25, (3 / 23) * 100, (3 / 23) * 100],
    ['2.2.4-dossiers-negocies', 1, 2, 2],
    ['2.2.4-gain-negociation', 11000, 11000, 11000],
    ['3.1.1-reemploi', 20000, 25000, 25000],
    ['3.1.1-recycle', 17000, 12000, 12000],
    ['2.1.5-delai-paiement', 97 / 3, 97 / 3, 97 / 3],
    ['4.2.2-heures', 850, 1050, 1050],
    ['4.2.2-contrats', 3, 4, 4],
    ['4.2.2-personnes', 3, 4, 4],
    ['1.1.1-cibles-atteintes', 0, 200 / 3, 200 / 3],
    ['3.2.1-fournitures-evitees', null, 12, 12],
    ['3.2.1-mobilier-reemploye', 40, 40, 40],
  ];

  it.each(VALUES)('%s: %p before, %p after, %p once confirmed', (id, v0, v1, v2) => {
    for (const [r, v, when] of [[before.result, v0, 'before'], [after.result, v1, 'after'], [afterConfirmed, v2, 'confirmed']] as const) {
      const i = ind(r, id);
      if (v === null) {
        expect([id, when, i.statut, i.valeur]).toEqual([id, when, 'non calculable', null]);
      } else {
        const statut = id.startsWith('3.2.1-') ? 'saisi' : 'calculé';
        expect([id, when, i.statut, i.valeur]).toEqual([id, when, statut, expect.closeTo(v, 9)]);
      }
    }
  });
});
