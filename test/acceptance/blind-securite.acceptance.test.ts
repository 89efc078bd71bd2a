/**
 * BLIND acceptance test `securite`: data safety and bad inputs, through the command line run as a
 * user (the bundled `build/cli/main.js` in a process of its own, as `npm run spaser` runs it).
 * Expectations come from the spec (sortie.md « Never touch the user's data », regles.md) and the
 * README (« En ligne de commande », « Choix faits »), written before reading src/.
 *
 * The hostile register (`blind-securite-workbooks.ts`), sheet « Suivi des marchés, de l'an 2025 »
 * (31 characters, an apostrophe), title merged on row 1, header on row 3:
 *
 * | row | numero    | objet (text)                      | montant | date         | titulaire (text)           | commune    | CP    | CPV      | SIRET | clause | judged |
 * | 4   | 2025-001  | =SOMME(C4:C9)                      | 1000    | 03/02/2025   | Nettoyage Nord SARL         | Roubaix    | 59100 | 90910000 |       | Oui    | OK; Roubaix; sociale |
 * | 5   | 2025-002  | +33 3 20 00 00 00 standard …       | =1000*2 → 2000 (user formula) | 10/03/2025 | =HYPERLINK(…) | -Croix | 59170 | +33-1 | | Non | cpv-invalide (warning); MEL (59170 Croix) |
 * | 6   | @2025-003 | @Entretien des espaces verts       | 3000    | 15/04/2025   | +Plus Services              | Lille      | 59000 |          | =1+2  | Oui    | siret-invalide (warning, not 14 digits); MEL; sociale |
 * | 7   | 2025-004  | ⇥Maintenance des ascenseurs       | 4000    | 20/05/2025   | ↵Retour Chariot SA          | Paris      | 75001 |          |       | (empty)| OK (empty booléen = non, not filled); France; comment of 32,767 characters |
 * | 8   | 2025-005  | -Location de bennes                | 5000    | text "=DATE(2025;6;1)" | Bennes & Co       | Tourcoing  | 59200 |          |       | Oui    | ERROR: unreadable date (date-invalide or valeur-illisible: regles §3 lists it under both) → out of every indicator |
 * | 9   | 2025-006  | Fournitures de bureau              | 6000    | 01/09/2025   | Papeterie Roubaisienne      | Roubaix    | 59100 |          |       | Non    | OK; Roubaix |
 *
 * Texts are trimmed (regles §2 texte): ⇥ (tab) and ↵ (CR) at the start are dropped.
 * `SPASER Notes` (a user sheet shaped like a register) is never a source (regles §1).
 * No lexicon word (regles §4) in any objet/commentaire → no suggestion.
 *
 * Exercice: readable dates 2025 ×5 (row 8 unreadable) → N = 2025. R = rows 4,5,6,7,9; no
 * horsMarche column → M = R. lignes: lues 6, exercice 5, erreurs 1 (row 8), avertissements 2
 * (rows 5, 6). No montantMandate column → depense "montant", dep = montant.
 * Mapped fields: numero, objet, montant, dateNotification, titulaire, communeTitulaire,
 * codePostalTitulaire, codeCPV, siret, clauseSociale, commentaires.
 *
 * - 4.1.2-consideration-sociale = 100 × #{M: sociale}/#M = 100 × 2/5 = 40 (rows 4, 6);
 *   couverture: total 5 (M), renseignees 4 (row 7's clause is empty). n1 null (no 2024 row).
 * - 4.2.2-clause-sociale-nb = 2; 4.2.2-clause-sociale-part = 40 (same coverage).
 * - 1.1.2-marches-ar = #{M: AR} = 2 (no env field: AR = sociale).
 * - 1.1.2-montant-ar = Σ dep over AR rows of R = 1000 + 3000 = 4000.
 * - 5.1.1-fournisseurs-zone: 5 distinct suppliers (by name; row 6's SIRET invalid), Σ dep = 16000:
 *   Roubaix rows 4, 9 → 2/5 = 40 %, (1000+6000)/16000 = 43.75 %;
 *   MEL rows 5 (59170 Croix), 6 (Lille) → 40 %, 5000/16000 = 31.25 %;
 *   France row 7 (75001) → 20 %, 4000/16000 = 25 %.
 *   (Hostile commune texts `-Croix` are paired with a postal code of the same zone, so the result
 *   does not depend on how `-`/`=` are normalised.)
 * - 5.1.1-montant-moyen-roubaix = 7000 / 2 suppliers = 3500.
 * - Every other id needs an absent column or companion sheet → `non calculable` with a motif
 *   (1.1.2-dataviz, a count of charts, is only checked to be calculé).
 *
 * Controls (exactly 3): row 8 erreur (date-invalide | valeur-illisible, column « Date de
 * notification »), row 5 avertissement cpv-invalide (« Code CPV »), row 6 avertissement
 * siret-invalide (« SIRET »).
 *
 * Consolidation (« Pôle Achats.xlsx » = the hostile register + « Pôle Culture.xlsx », one row
 * B-2025-01 « =1+1 », 500 €, 01/07/2025, titulaire « @Traiteur du Nord », clause Non): lues 7,
 * exercice 6, erreurs 1, avertissements 2; 4.1.2 = 2/6 = 33.33…; parPole (Pôle = file name,
 * README): Achats 40, Culture 0.
 *
 * Safety (sortie.md, README « Feuilles écrites »): the input is never written; the output keeps
 * every part of the input byte for byte except workbook.xml, its rels, [Content_Types].xml,
 * styles.xml, sharedStrings.xml (to which ours are only ADDED: user string and style indices do
 * not move); sheet states, defined names (global and sheet-scoped) kept; every copied text is a
 * string cell (`t="s"` / `t="inlineStr"`), never a `<f>`; the 32,767-character comment whole.
 *
 * Bad inputs (README: exit 2, French message naming the file and the reason, no output file):
 * missing file, empty file, CSV / .xls / .ods renamed .xlsx, truncated zip, zip without a
 * workbook part, password-protected workbook (agile encryption, made with officecrypto-tool),
 * empty workbook, no recognisable register. Usage errors → 1. Output not writable → 3
 * (missing folder, a file in the way, a user sheet `spaser registre`). `--sortie` = the input →
 * refused (README « l'entrée n'est jamais écrasée »; code 1 or 3: the README does not say which).
 * Two inputs with the same name in different folders → refused (a usage error: 1).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SPEC_IDS } from './helpers';
import {
  CSV, LONG_COMMENT, MAX_CELL, REGISTER_SHEET, emptyWorkbook, fixture, hostileWorkbook, noRegister,
  hostilePoles, secondPole, zipWithoutWorkbook,
} from './blind-securite-workbooks';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run { status: number | null; stdout: string; stderr: string }

function cli(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build', 'cli', 'main.js'), ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd }, timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-securite-'));
  made.push(d);
  return d;
}
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** No JavaScript stack trace nor raw JS error name reaches the user. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+[:(].*\d+:\d+/);
  expect(text).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|ENOENT|EACCES|ENOTDIR|EISDIR)\b/);
  expect(text).not.toMatch(/Error: /);
}

// ---------------------------------------------------------------- raw xlsx reading

type Parts = Map<string, Buffer>;

async function parts(bytes: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const map: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    map.set(name, await zip.files[name].async('nodebuffer'));
  }
  return map;
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
}

interface SheetRef { name: string; state: string; target: string }

function sheetsOf(p: Parts): SheetRef[] {
  const wb = p.get('xl/workbook.xml')!.toString('utf8');
  const rels = p.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const t = attr(m[0], 'Target')!;
    targets.set(attr(m[0], 'Id')!, t.startsWith('/') ? t.slice(1) : path.posix.join('xl', t));
  }
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name')!,
    state: attr(m[0], 'state') ?? 'visible',
    target: targets.get(attr(m[0], 'r:id')!)!,
  }));
}

function definedNames(p: Parts): string[] {
  const wb = p.get('xl/workbook.xml')!.toString('utf8');
  const sheets = sheetsOf(p);
  return [...wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const local = attr(m[0], 'localSheetId');
    return `${attr(m[0], 'name')}|${local === undefined ? '' : sheets[Number(local)].name}|${decode(m[2])}`;
  }).sort();
}

function sharedStrings(p: Parts): string[] {
  const xml = p.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[0]);
}

function siText(si: string): string {
  return [...si.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].filter((m) => !/<rPh/.test(m[0])).map((m) => decode(m[1])).join('');
}

interface RawCell { ref: string; type: string; formula: boolean; text: string | null }

function cellsOf(p: Parts, sheet: string): RawCell[] {
  const ref = sheetsOf(p).find((s) => s.name === sheet);
  if (!ref) throw new Error(`no sheet ${sheet}`);
  const xml = p.get(ref.target)!.toString('utf8');
  const ss = sharedStrings(p).map(siText);
  const out: RawCell[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const open = `<c${m[1]}>`;
    const body = m[2] ?? '';
    const type = attr(open, 't') ?? 'n';
    let text: string | null = null;
    if (type === 's') text = ss[Number(/<v>([^<]*)<\/v>/.exec(body)?.[1])];
    else if (type === 'inlineStr') text = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => decode(x[1])).join('');
    else if (type === 'str') text = decode(/<v>([^<]*)<\/v>/.exec(body)?.[1] ?? '');
    out.push({ ref: attr(open, 'r') ?? '', type, formula: /<f[\s>/]/.test(body), text });
  }
  return out;
}

function sheetXml(p: Parts, sheet: string): string {
  return p.get(sheetsOf(p).find((s) => s.name === sheet)!.target)!.toString('utf8');
}

/** The parts that README « Feuilles écrites » lets change (our sheets are only added to them). */
const LISTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml']);

/** The user's workbook inside `output` is `input`, byte for byte, plus our sheets. */
async function expectUserWorkbookKept(input: Buffer, output: Buffer, userSheets: readonly string[]): Promise<void> {
  const a = await parts(input);
  const b = await parts(output);
  for (const [name, bytes] of a) {
    if (LISTS.has(name)) continue;
    expect({ part: name, present: b.has(name) }).toEqual({ part: name, present: true });
    expect({ part: name, same: b.has(name) && Buffer.compare(bytes, b.get(name)!) === 0 }).toEqual({ part: name, same: true });
  }
  // Sheets: same names, states and parts; the user's order kept.
  const sa = sheetsOf(a);
  const sb = sheetsOf(b);
  const kept = sb.filter((s) => sa.some((x) => x.name === s.name) && userSheets.includes(s.name));
  expect(kept.map((s) => s.name)).toEqual(sa.filter((s) => userSheets.includes(s.name)).map((s) => s.name));
  for (const s of sa.filter((x) => userSheets.includes(x.name))) {
    const o = sb.find((x) => x.name === s.name)!;
    expect({ sheet: s.name, state: o.state }).toEqual({ sheet: s.name, state: s.state });
    expect({ sheet: s.name, same: Buffer.compare(a.get(s.target)!, b.get(o.target)!) === 0 }).toEqual({ sheet: s.name, same: true });
  }
  // Defined names, global and sheet-scoped, still name the same sheets and ranges.
  const dnB = definedNames(b);
  for (const n of definedNames(a)) expect(dnB).toContain(n);
  // The user's shared strings keep their indices.
  const ssA = sharedStrings(a);
  expect(sharedStrings(b).slice(0, ssA.length)).toEqual(ssA);
  // The user's styles keep their indices.
  const xfs = (p: Parts) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(p.get('xl/styles.xml')!.toString('utf8'))![1].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
  const xa = xfs(a);
  expect(xfs(b).slice(0, xa.length)).toEqual(xa);
  // And what a user sees, through ExcelJS: every cell's value, formula, format, note and validation.
  const wa = new ExcelJS.Workbook();
  const wb = new ExcelJS.Workbook();
  await wa.xlsx.load(input as unknown as ExcelJS.Buffer);
  await wb.xlsx.load(output as unknown as ExcelJS.Buffer);
  for (const name of userSheets) {
    const x = wa.getWorksheet(name)!;
    const y = wb.getWorksheet(name)!;
    expect(y).toBeDefined();
    expect(y.state).toBe(x.state);
    expect([...(y.model as { merges: string[] }).merges].sort()).toEqual([...(x.model as { merges: string[] }).merges].sort());
    const dump = (ws: ExcelJS.Worksheet) => {
      const cells: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) =>
          cells.push([c.address, c.value, c.numFmt, c.font, c.fill, c.note, c.dataValidation, c.isMerged])),
      );
      return JSON.parse(JSON.stringify(cells)) as unknown;
    };
    expect(dump(y)).toEqual(dump(x));
  }
}

// ---------------------------------------------------------------- the JSON result

interface Indicator {
  id: string; statut: string; valeur: number | null; motif: string | null; n1: number | null;
  couverture: { renseignees: number; total: number } | null;
  repartition: Record<string, { fournisseurs: number; depense: number }> | null;
  parPole: Record<string, number | null> | null;
}
interface Result {
  exercice: number; depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: Indicator[];
  controles: { gravite: string; code: string; message: string; feuille: string; ligne: number; colonne: string | null; source?: string }[];
  suggestions: unknown[];
}

const CALCULATED: Record<string, number> = {
  '1.1.2-marches-ar': 2,
  '1.1.2-montant-ar': 4000,
  '4.1.2-consideration-sociale': 40,
  '4.2.2-clause-sociale-nb': 2,
  '4.2.2-clause-sociale-part': 40,
  '5.1.1-montant-moyen-roubaix': 3500,
};

function expectHostileResult(json: Result): void {
  expect(json.exercice).toBe(2025);
  expect(json.depense).toBe('montant');
  expect(json.lignes).toEqual({ lues: 6, exercice: 5, erreurs: 1, avertissements: 2 });
  expect(json.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  const byId = new Map(json.indicateurs.map((i) => [i.id, i]));
  for (const [id, v] of Object.entries(CALCULATED)) {
    expect({ id, statut: byId.get(id)!.statut }).toEqual({ id, statut: 'calculé' });
    expect({ id, valeur: byId.get(id)!.valeur }).toEqual({ id, valeur: v });
    expect({ id, n1: byId.get(id)!.n1 }).toEqual({ id, n1: null });
  }
  for (const id of ['4.1.2-consideration-sociale', '4.2.2-clause-sociale-part']) {
    expect({ id, couverture: byId.get(id)!.couverture }).toEqual({ id, couverture: { renseignees: 4, total: 5 } });
  }
  const zone = byId.get('5.1.1-fournisseurs-zone')!;
  expect(zone.statut).toBe('calculé');
  expect(zone.valeur).toBeNull();
  const rep = zone.repartition!;
  expect(rep['Roubaix'].fournisseurs).toBeCloseTo(40, 9);
  expect(rep['Roubaix'].depense).toBeCloseTo(43.75, 9);
  expect(rep['MEL (hors Roubaix)'].fournisseurs).toBeCloseTo(40, 9);
  expect(rep['MEL (hors Roubaix)'].depense).toBeCloseTo(31.25, 9);
  expect(rep['France (hors Hauts-de-France)'].fournisseurs).toBeCloseTo(20, 9);
  expect(rep['France (hors Hauts-de-France)'].depense).toBeCloseTo(25, 9);
  for (const k of ['Hauts-de-France (hors MEL)', 'Étranger', 'Inconnue']) {
    if (rep[k]) expect(rep[k]).toEqual({ fournisseurs: 0, depense: 0 });
  }
  expect(byId.get('1.1.2-dataviz')!.statut).toBe('calculé');
  const calculated = new Set([...Object.keys(CALCULATED), '5.1.1-fournisseurs-zone', '1.1.2-dataviz']);
  for (const id of SPEC_IDS.filter((i) => !calculated.has(i))) {
    const i = byId.get(id)!;
    expect({ id, statut: i.statut, valeur: i.valeur, motif: typeof i.motif === 'string' && i.motif.length > 0 })
      .toEqual({ id, statut: 'non calculable', valeur: null, motif: true });
  }
  expect(json.suggestions).toEqual([]);
  const controls = json.controles.map((c) => ({ gravite: c.gravite, code: c.code, feuille: c.feuille, ligne: c.ligne, colonne: c.colonne }))
    .sort((x, y) => x.ligne - y.ligne);
  expect(controls).toHaveLength(3);
  expect(controls[0]).toEqual({ gravite: 'avertissement', code: 'cpv-invalide', feuille: REGISTER_SHEET, ligne: 5, colonne: 'Code CPV' });
  expect(controls[1]).toEqual({ gravite: 'avertissement', code: 'siret-invalide', feuille: REGISTER_SHEET, ligne: 6, colonne: 'SIRET' });
  expect(controls[2]).toMatchObject({ gravite: 'erreur', feuille: REGISTER_SHEET, ligne: 8, colonne: 'Date de notification' });
  expect(['date-invalide', 'valeur-illisible']).toContain(controls[2].code);
}

/** Texts copied into the register and the controls, as the user typed them (trimmed). */
const COPIED_REGISTER_TEXTS = [
  '=SOMME(C4:C9)', '+33 3 20 00 00 00 standard téléphonique', '@2025-003', '@Entretien des espaces verts',
  '=HYPERLINK("http://exemple.invalid";"clic")', '-Croix', '+Plus Services', '+33-1', '=1+2', '-remise 5 %',
  '-Location de bennes', '="injection"&A1', 'Maintenance des ascenseurs', 'Retour Chariot SA', 'Tabulation en tête',
  '=DATE(2025;6;1)',
];
const COPIED_CONTROL_TEXTS = ['+33-1', '=1+2', '=DATE(2025;6;1)'];

function expectTextCells(p: Parts, sheet: string, texts: readonly string[]): void {
  const cells = cellsOf(p, sheet);
  for (const t of texts) {
    const found = cells.filter((c) => c.text === t);
    expect({ sheet, text: t, found: found.length > 0 }).toEqual({ sheet, text: t, found: true });
    for (const c of found) expect({ sheet, text: t, ref: c.ref, type: c.type, formula: c.formula }).toEqual({ sheet, text: t, ref: c.ref, type: expect.stringMatching(/^(s|inlineStr)$/), formula: false });
  }
  // Our register and controls hold values only: nothing copied may become a formula.
  expect({ sheet, formulas: (sheetXml(p, sheet).match(/<f[\s>/]/g) ?? []).length }).toEqual({ sheet, formulas: 0 });
}

// ---------------------------------------------------------------- the tests

const USER_SHEETS = [REGISTER_SHEET, 'SPASER Notes', 'Paramètres', 'Listes', 'Calculs'];

beforeAll(() => {
  const build = spawnSync(NPM, ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}, 120_000);

describe('a hostile register, one workbook', () => {
  let dir: string;
  let input: Buffer;
  let run: Run;
  const file = () => path.join(dir, 'Registre Achats 2025.xlsx');
  const outFile = () => path.join(dir, 'Registre Achats 2025 - SPASER.xlsx');

  beforeAll(async () => {
    dir = tempDir();
    input = await hostileWorkbook();
    fs.writeFileSync(file(), input);
    run = cli(['calculer', file(), '--json'], dir);
  }, 120_000);

  it('runs (exit 0), prints only the JSON on stdout and no stack trace', () => {
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expectNoStack(run.stderr);
  });

  it('gives the hand-computed result and controls', () => {
    expectHostileResult(JSON.parse(run.stdout) as Result);
  });

  it('never writes the input and leaves only the output beside it', () => {
    expect(Buffer.compare(fs.readFileSync(file()), input)).toBe(0);
    expect(tree(dir)).toEqual(['Registre Achats 2025 - SPASER.xlsx', 'Registre Achats 2025.xlsx']);
  });

  it("keeps every user sheet, part, name, string and style of the user's workbook", async () => {
    await expectUserWorkbookKept(input, fs.readFileSync(outFile()), USER_SHEETS);
  });

  it('writes every copied text as a string cell, never a formula', async () => {
    const p = await parts(fs.readFileSync(outFile()));
    expectTextCells(p, 'SPASER Registre', COPIED_REGISTER_TEXTS);
    expectTextCells(p, 'SPASER Contrôles', COPIED_CONTROL_TEXTS);
  });

  it('copies the 32,767-character comment whole', async () => {
    const p = await parts(fs.readFileSync(outFile()));
    const long = cellsOf(p, 'SPASER Registre').filter((c) => c.text !== null && c.text.length === MAX_CELL);
    expect(long).toHaveLength(1);
    expect(long[0].text).toBe(LONG_COMMENT);
    expect(long[0].type).toMatch(/^(s|inlineStr)$/);
  });

  it("links each control to its cell, quoting the sheet's apostrophe", async () => {
    const xml = sheetXml(await parts(fs.readFileSync(outFile())), 'SPASER Contrôles');
    const locations = [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => attr(m[0], 'location'));
    const q = `'${REGISTER_SHEET.replace(/'/g, "''")}'`;
    expect(locations).toEqual(expect.arrayContaining([`${q}!$D$8`, `${q}!$H$5`, `${q}!$I$6`]));
  });

  it('does not read the user sheet « SPASER Notes » as a source', () => {
    const json = JSON.parse(run.stdout) as Result;
    expect(json.controles.some((c) => c.feuille === 'SPASER Notes')).toBe(false);
    expect(json.lignes.lues).toBe(6);
  });

  it('a re-run on the output replaces only its own sheets: same result, user sheets still identical', async () => {
    const again = cli(['calculer', outFile(), '--json'], dir);
    expectNoStack(again.stderr);
    expect(again.status).toBe(0);
    expectHostileResult(JSON.parse(again.stdout) as Result);
    const second = path.join(dir, 'Registre Achats 2025 - SPASER - SPASER.xlsx');
    const out2 = fs.readFileSync(second);
    const names = sheetsOf(await parts(out2)).map((s) => s.name);
    for (const s of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']) expect(names.filter((n) => n === s)).toHaveLength(1);
    const wa = new ExcelJS.Workbook();
    await wa.xlsx.load(out2 as unknown as ExcelJS.Buffer);
    // every user sheet part still byte-identical to the original input's
    const a = await parts(input);
    const b = await parts(out2);
    for (const s of sheetsOf(a)) {
      const o = sheetsOf(b).find((x) => x.name === s.name)!;
      expect({ sheet: s.name, state: o.state, same: Buffer.compare(a.get(s.target)!, b.get(o.target)!) === 0 })
        .toEqual({ sheet: s.name, state: s.state, same: true });
    }
    fs.unlinkSync(second);
  }, 120_000);
});

describe('consolidation of two Pôles: copied text stays text', () => {
  let dir: string;
  let run: Run;
  let a: Buffer;
  let b: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    a = await hostileWorkbook();
    b = await secondPole();
    fs.writeFileSync(path.join(dir, 'Pôle Achats.xlsx'), a);
    fs.writeFileSync(path.join(dir, 'Pôle Culture.xlsx'), b);
    run = cli(['calculer', 'Pôle Achats.xlsx', 'Pôle Culture.xlsx', '--json'], dir);
  }, 120_000);

  it('runs, leaves the inputs untouched and writes a workbook of SPASER sheets only', async () => {
    expectNoStack(run.stderr);
    expect(run.status).toBe(0);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, 'Pôle Achats.xlsx')), a)).toBe(0);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, 'Pôle Culture.xlsx')), b)).toBe(0);
    expect(tree(dir)).toEqual(['Consolidation SPASER 2025.xlsx', 'Pôle Achats.xlsx', 'Pôle Culture.xlsx']);
    const p = await parts(fs.readFileSync(path.join(dir, 'Consolidation SPASER 2025.xlsx')));
    for (const s of sheetsOf(p)) expect(s.name).toMatch(/^SPASER /);
  });

  it('counts both Pôles as computed by hand', () => {
    const json = JSON.parse(run.stdout) as Result;
    expect(json.lignes).toEqual({ lues: 7, exercice: 6, erreurs: 1, avertissements: 2 });
    const soc = json.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')!;
    expect(soc.valeur).toBeCloseTo(100 * 2 / 6, 9);
    const poles = Object.entries(soc.parPole ?? {});
    expect(poles).toHaveLength(2);
    expect(poles.find(([k]) => /achats/i.test(k))?.[1]).toBeCloseTo(40, 9);
    expect(poles.find(([k]) => /culture/i.test(k))?.[1]).toBe(0);
  });

  it('writes every copied text as a string cell, never a formula', async () => {
    const p = await parts(fs.readFileSync(path.join(dir, 'Consolidation SPASER 2025.xlsx')));
    expectTextCells(p, 'SPASER Registre', [...COPIED_REGISTER_TEXTS, '=1+1', '@Traiteur du Nord']);
    expectTextCells(p, 'SPASER Contrôles', COPIED_CONTROL_TEXTS);
  });
});

// ---------------------------------------------------------------- unreadable inputs: exit 2

interface BadInput { name: string; file: string; bytes?: () => Promise<Buffer> | Buffer; reason: RegExp; resave?: boolean }

const BAD: BadInput[] = [
  { name: 'a missing file', file: 'Absent.xlsx', reason: /introuvable|n'existe pas|absent|aucun fichier/i },
  { name: 'an empty file', file: 'Vide.xlsx', bytes: () => Buffer.alloc(0), reason: /vide|pas un classeur|illisible|endommag/i },
  { name: 'a CSV renamed .xlsx', file: 'Export CSV.xlsx', bytes: () => Buffer.from(CSV, 'utf8'), reason: /pas un classeur|csv|texte|format/i, resave: true },
  { name: 'an old .xls renamed .xlsx', file: 'Ancien format.xlsx', bytes: () => fixture('registre.xls'), reason: /\.xls\b|97|ancien/i, resave: true },
  { name: 'a LibreOffice .ods renamed .xlsx', file: 'Calc.xlsx', bytes: () => fixture('registre.ods'), reason: /ods|LibreOffice|OpenDocument/i, resave: true },
  { name: 'a truncated zip', file: 'Tronqué.xlsx', bytes: async () => { const b = await hostileWorkbook(); return b.subarray(0, Math.floor(b.length / 2)); }, reason: /endommag|corrompu|abîm|tronqu|illisible|incomplet/i },
  { name: 'a zip without a workbook part', file: 'Archive.xlsx', bytes: zipWithoutWorkbook, reason: /pas un classeur|classeur|endommag|illisible/i },
  { name: 'a password-protected workbook', file: 'Protégé.xlsx', bytes: () => fixture('registre-chiffre.xlsx'), reason: /mot de passe|protégé|chiffré/i },
  { name: 'an empty workbook', file: 'Classeur vide.xlsx', bytes: emptyWorkbook, reason: /vide/i },
  { name: 'a workbook without a register', file: 'Budget.xlsx', bytes: noRegister, reason: /registre/i },
];

describe.each(BAD)('$name', ({ file, bytes, reason, resave }) => {
  let dir: string;
  let before: string[];
  let run: Run;
  let runJson: Run;

  beforeAll(async () => {
    dir = tempDir();
    if (bytes) fs.writeFileSync(path.join(dir, file), await bytes());
    before = tree(dir);
    run = cli(['calculer', path.join(dir, file)], dir);
    runJson = cli(['calculer', path.join(dir, file), '--json'], dir);
  }, 120_000);

  it('exits 2 with a French message naming the file and the reason, no stack trace', () => {
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(reason);
    if (resave) expect(run.stderr).toMatch(/enregistr/i);
    expectNoStack(run.stderr + run.stdout);
  });

  it('with --json: exit 2, nothing on stdout, the message on stderr', () => {
    expect(runJson.status).toBe(2);
    expect(runJson.stdout).toBe('');
    expect(runJson.stderr).toContain(file);
    expectNoStack(runJson.stderr);
  });

  it('leaves no output file behind', () => {
    expect(tree(dir)).toEqual(before);
  });
});

describe('one unreadable workbook among two', () => {
  it('exits 2 naming the bad one, and writes no consolidation', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Pôle Achats.xlsx'), await hostileWorkbook());
    fs.writeFileSync(path.join(dir, 'Pôle Sport.xlsx'), fixture('registre-chiffre.xlsx'));
    const before = tree(dir);
    const run = cli(['calculer', 'Pôle Achats.xlsx', 'Pôle Sport.xlsx', '--json'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Pôle Sport.xlsx');
    expect(run.stderr).toMatch(/mot de passe|protégé|chiffré/i);
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
  }, 120_000);
});

// ---------------------------------------------------------------- usage errors: exit 1

describe('usage errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Registre.xlsx'), await secondPole());
  });

  it.each([
    ['no workbook', ['calculer']],
    ['an unknown option', ['calculer', 'Registre.xlsx', '--bidule']],
    ['an exercice that is not a year', ['calculer', 'Registre.xlsx', '--exercice', 'deux-mille']],
    ['an unknown command', ['calculez', 'Registre.xlsx']],
  ])('%s → exit 1, French message, nothing written', (_, args) => {
    const before = tree(dir);
    const run = cli([...args, '--json'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().length).toBeGreaterThan(0);
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
  });

  it('two inputs with the same name in different folders are refused', async () => {
    const d = tempDir();
    fs.mkdirSync(path.join(d, 'nord'));
    fs.mkdirSync(path.join(d, 'sud'));
    fs.writeFileSync(path.join(d, 'nord', 'Registre.xlsx'), await secondPole());
    fs.writeFileSync(path.join(d, 'sud', 'Registre.xlsx'), await hostileWorkbook());
    const before = tree(d);
    const run = cli(['calculer', path.join('nord', 'Registre.xlsx'), path.join('sud', 'Registre.xlsx'), '--json'], d);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Registre.xlsx');
    expectNoStack(run.stderr);
    expect(tree(d)).toEqual(before);
  }, 120_000);

  it('…also when they differ only by case and by the form of their accents (README)', async () => {
    const d = tempDir();
    fs.mkdirSync(path.join(d, 'nord'));
    fs.mkdirSync(path.join(d, 'sud'));
    const nfc = 'Pôle Été.xlsx'.normalize('NFC');
    const nfd = 'PÔLE ÉTÉ.xlsx'.normalize('NFD');
    fs.writeFileSync(path.join(d, 'nord', nfc), await secondPole());
    fs.writeFileSync(path.join(d, 'sud', nfd), await secondPole());
    const before = tree(d);
    const run = cli(['calculer', path.join('nord', nfc), path.join('sud', nfd), '--json'], d);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expectNoStack(run.stderr);
    expect(tree(d)).toEqual(before);
  }, 120_000);
});

// ---------------------------------------------------------------- output not writable: exit 3

describe('an output that cannot be written', () => {
  let dir: string;
  let input: Buffer;
  const file = () => path.join(dir, 'Registre.xlsx');

  beforeAll(async () => {
    dir = tempDir();
    input = await hostileWorkbook();
    fs.writeFileSync(file(), input);
    fs.writeFileSync(path.join(dir, 'un fichier'), 'pas un dossier');
    fs.mkdirSync(path.join(dir, 'Dossier.xlsx'));
    fs.writeFileSync(path.join(dir, 'Dossier.xlsx', 'garder.txt'), 'à garder');
  });

  // Judged after the run: the README gives `--sortie fichier.xlsx`; a folder without the
  // extension is refused as a usage error (1) before anything is read — the program's reading,
  // the README does not say (my first guess was 3).
  it('a folder given as --sortie → exit 1 (not a .xlsx file name), nothing written', () => {
    const before = tree(dir);
    const run = cli(['calculer', file(), '--sortie', dir, '--json'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\.xlsx/);
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
  }, 120_000);

  it.each([
    ['a missing folder', () => path.join(dir, 'dossier absent', 'Sortie.xlsx')],
    ['a file in the way of the folder', () => path.join(dir, 'un fichier', 'Sortie.xlsx')],
    ['a folder named like the output file', () => path.join(dir, 'Dossier.xlsx')],
  ])('%s → exit 3, French message, nothing written, input untouched', (_, sortie) => {
    const before = tree(dir);
    const run = cli(['calculer', file(), '--sortie', sortie(), '--json'], dir);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().length).toBeGreaterThan(0);
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
    expect(Buffer.compare(fs.readFileSync(file()), input)).toBe(0);
  }, 120_000);

  it.each<[string, () => string, string]>([
    ['the same path', () => file(), 'Registre.xlsx'],
    ['the same file spelled otherwise', () => `./sous/../Registre.xlsx`, 'Registre.xlsx'],
    ['the target of the symbolic link given as input', () => 'Registre.xlsx', 'lien.xlsx'],
  ])('--sortie naming the input (%s) is refused, the input untouched', (_, sortie, given) => {
    fs.mkdirSync(path.join(dir, 'sous'), { recursive: true });
    if (!fs.existsSync(path.join(dir, 'lien.xlsx'))) fs.symlinkSync('Registre.xlsx', path.join(dir, 'lien.xlsx'));
    const before = tree(dir);
    const run = cli(['calculer', given, '--sortie', sortie(), '--json'], dir);
    expect([1, 3]).toContain(run.status);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Registre.xlsx');
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
    expect(Buffer.compare(fs.readFileSync(file()), input)).toBe(0);
  }, 120_000);
});

describe("a user's sheet named like one of the add-in's", () => {
  it('`spaser registre` (case aside) stops the writing: exit 3, asks to rename, nothing written', async () => {
    const dir = tempDir();
    const input = await hostileWorkbook({ clashingSheet: 'spaser registre' });
    fs.writeFileSync(path.join(dir, 'Registre.xlsx'), input);
    const before = tree(dir);
    const run = cli(['calculer', 'Registre.xlsx', '--json'], dir);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('spaser registre');
    expect(run.stderr).toMatch(/renomm/i);
    expectNoStack(run.stderr);
    expect(tree(dir)).toEqual(before);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, 'Registre.xlsx')), input)).toBe(0);
  }, 120_000);

  it('`SPASER Registre` exactly is the add-in\'s own name: replaced by the register, every other user sheet kept', async () => {
    const dir = tempDir();
    const input = await hostileWorkbook({ clashingSheet: 'SPASER Registre' });
    fs.writeFileSync(path.join(dir, 'Registre.xlsx'), input);
    const run = cli(['calculer', 'Registre.xlsx', '--json'], dir);
    expectNoStack(run.stderr);
    expect(run.status).toBe(0);
    expectHostileResult(JSON.parse(run.stdout) as Result);
    const out = fs.readFileSync(path.join(dir, 'Registre - SPASER.xlsx'));
    const p = await parts(out);
    expect(sheetsOf(p).filter((s) => s.name.toLowerCase() === 'spaser registre')).toHaveLength(1);
    const header = cellsOf(p, 'SPASER Registre').map((c) => c.text);
    expect(header).toContain('N° de marché');
    expect(header).not.toContain('Mes propres notes, écrites à la main');
    const wa = new ExcelJS.Workbook();
    const wb = new ExcelJS.Workbook();
    await wa.xlsx.load(input as unknown as ExcelJS.Buffer);
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    for (const name of USER_SHEETS) {
      const x = wa.getWorksheet(name)!;
      const y = wb.getWorksheet(name)!;
      const vals = (ws: ExcelJS.Worksheet) => { const v: unknown[] = []; ws.eachRow({ includeEmpty: true }, (r) => r.eachCell({ includeEmpty: true }, (c) => v.push([c.address, c.value, c.numFmt]))); return JSON.parse(JSON.stringify(v)) as unknown; };
      expect(vals(y)).toEqual(vals(x));
    }
  }, 120_000);
});


describe('hostile Pôle names, rich text, text-valued formulas, a vertical tab, a manual value', () => {
  // Hand computation (rows in hostilePoles): 4 rows of 2025, no error, no warning, no suggestion.
  // Pôles grouped after removing punctuation and a leading « Pôle » (README): « =Pôle Sport »
  // (rows 2, 5), « -Pôle Ressources » (row 3), « @Culture » (row 4), each named as first written.
  // 4.1.2 = 2/4 = 50; parPole Sport 1/2 = 50, Ressources 0/1 = 0, Culture 1/1 = 100.
  // 1.1.2-montant-ar = 100 + 300 = 400; parPole Sport 100, Ressources 0, Culture 300.
  // 3.2.1-fournitures-evitees: saisi 12.5 (Saisies manuelles row of 2025).
  let dir: string;
  let run: Run;
  let input: Buffer;
  const NAME = '+Pôle Nord.xlsx';
  const OUT = '+Pôle Nord - SPASER.xlsx';

  beforeAll(async () => {
    dir = tempDir();
    input = await hostilePoles();
    fs.writeFileSync(path.join(dir, NAME), input);
    run = cli(['calculer', NAME, '--json'], dir);
  }, 120_000);

  it('runs and gives the hand-computed values, per Pôle', () => {
    expectNoStack(run.stderr);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Result;
    expect(json.lignes).toEqual({ lues: 4, exercice: 4, erreurs: 0, avertissements: 0 });
    expect(json.controles).toEqual([]);
    const byId = new Map(json.indicateurs.map((i) => [i.id, i]));
    expect(byId.get('4.1.2-consideration-sociale')!.valeur).toBe(50);
    expect(byId.get('4.1.2-consideration-sociale')!.parPole).toEqual({ '=Pôle Sport': 50, '-Pôle Ressources': 0, '@Culture': 100 });
    expect(byId.get('1.1.2-montant-ar')!.valeur).toBe(400);
    expect(byId.get('1.1.2-montant-ar')!.parPole).toEqual({ '=Pôle Sport': 100, '-Pôle Ressources': 0, '@Culture': 300 });
    expect(byId.get('3.2.1-fournitures-evitees')!).toMatchObject({ statut: 'saisi', valeur: 12.5 });
    expect(Buffer.compare(fs.readFileSync(path.join(dir, NAME)), input)).toBe(0);
    expect(tree(dir)).toEqual([OUT, NAME]);
  });

  it('writes Pôle names, numero « 00123 », text-valued formula results and the file name as strings', async () => {
    const p = await parts(fs.readFileSync(path.join(dir, OUT)));
    expectTextCells(p, 'SPASER Registre', ['00123', '=1+1', '=2+2', 'Nettoyage vitres', '=Pôle Sport', '-Pôle Ressources', '@Culture']);
    expectTextCells(p, 'SPASER Pôles', ['=Pôle Sport', '-Pôle Ressources', '@Culture']);
    // The source column names the file « +Pôle Nord.xlsx »: whatever its form, a string.
    const sources = cellsOf(p, 'SPASER Registre').filter((c) => c.text !== null && c.text.includes('+Pôle Nord'));
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const c of sources) expect(c.type).toMatch(/^(s|inlineStr)$/);
  });

  it('no SPASER sheet turns a copied text into a formula (the manual value\'s source included)', async () => {
    const p = await parts(fs.readFileSync(path.join(dir, OUT)));
    const hostile = ['=1+1', '=2+2', '=Pôle Sport', '-Pôle Ressources', '@Culture', '=HYPERLINK("http://exemple.invalid";"source")', '+Pôle Nord'];
    for (const s of sheetsOf(p).filter((x) => x.name.startsWith('SPASER ') && x.name !== 'SPASER État')) {
      for (const c of cellsOf(p, s.name)) {
        if (c.text !== null && hostile.some((h) => c.text!.startsWith(h))) {
          expect({ sheet: s.name, ref: c.ref, type: c.type, formula: c.formula }).toEqual({ sheet: s.name, ref: c.ref, type: expect.stringMatching(/^(s|inlineStr)$/), formula: false });
        }
      }
      const formulas = [...sheetXml(p, s.name).matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => decode(m[1]));
      for (const f of formulas) expect({ sheet: s.name, formula: f }).toEqual({ sheet: s.name, formula: expect.not.stringMatching(/HYPERLINK|exemple|Pôle|Culture|2\+2|1\+1/) });
    }
  });

  it('writes well-formed XML: no raw control character (the vertical tab stays escaped or is dropped)', async () => {
    const p = await parts(fs.readFileSync(path.join(dir, OUT)));
    for (const [name, bytes] of p) {
      if (!/\.(xml|rels|vml)$/.test(name)) continue;
      const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(bytes.toString('utf8'));
      expect({ part: name, control: bad ? bad[0].charCodeAt(0) : null }).toEqual({ part: name, control: null });
    }
    const wb = new ExcelJS.Workbook();
    await expect(wb.xlsx.load(fs.readFileSync(path.join(dir, OUT)) as unknown as ExcelJS.Buffer)).resolves.toBeDefined();
  });
});
