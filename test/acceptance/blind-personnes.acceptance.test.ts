/**
 * BLIND acceptance test « personnes »: the beneficiaries of *Suivi insertion* — how they are counted,
 * and that their names never leave the facilitator's sheet. Written from the spec only
 * (`champs.md` « Suivi insertion », `indicateurs.md` axe 4 and « A beneficiary of Suivi insertion is
 * counted once per exercice, by its `beneficiaire` value (trimmed, case-insensitive); the first filled
 * `sexe`, `communeResidence` and `qpv` of that beneficiary, in sheet order, are used », `regles.md`,
 * `sortie.md`) and the README's user sections, before reading `src/` and before the first run.
 * Workbooks: ./blind-personnes-workbooks.ts. The command line runs in-process (`runCli`, day of the run
 * 2026-01-15).
 *
 * ── Workbook A « Pôle Solidarités.xlsx » ────────────────────────────────────────────────────────────
 * `Marchés` (header row 1: numero, objet, pole, montant, dateNotification, clauseSociale,
 * heuresInsertionRealisees; no horsMarche column → M = R):
 *   r2 SOL-2025-01  2025-03-01  CS oui  heures réalisées 999 (has Suivi rows → its Suivi hours count)
 *   r3 SOL-2025-02  2025-05-10  CS oui  100                  (no Suivi row → 100 counts)
 *   r4 SOL-2025-03  2025-06-01  CS oui  (empty)              (has Suivi rows)
 *   r5 SOL-2024-01  2024-04-01  CS oui  80                   (N−1; has Suivi rows of N−1 → 80 ignored)
 *   r6 SOL-2025-04  2025-07-01  CS non  (empty)              (no Suivi row, empty → adds 0)
 *   Every row carries « Pôle Solidarités ». Exercice: 4 rows of 2025 against 1 of 2024 → N = 2025.
 * `Suivi insertion` (header row 1: N° de marché, Bénéficiaire, Sexe, Commune de résidence, Résident QPV,
 * Type de contrat, Heures réalisées, Date de début):
 *   s2  SOL-2025-01 « Marie DUPONT »        .  .          .    CDDI           120
 *   s3  SOL-2025-01 « Jean-Pierre Martin »  H  ROUBAIX    Oui  Intérim         80
 *   s4  SOL-2025-03 «   marie dupont   »    F  «Roubaix  » Oui CDD            200   same person as s2 (trimmed, any case)
 *   s5  SOL-2025-03 « Jean Pierre Martin »  H  Tourcoing  Non  CDI            150   NOT s3 (a space is not a hyphen)
 *   s6  SOL-2025-01 « MARIE DUPONT »        H  Lille      Non  Apprentissage   60   Marie: later values ignored
 *   s7  SOL-2024-01 « Paul Bernard »        H  Roubaix    Non  CDD             90   N−1 only
 *   s8  SOL-2024-01 « Marie DUPONT »        F  Roubaix    Oui  CDDI            40   N−1
 *   s9  SOL-2025-99 « Sophie Leroy »        F  Roubaix    Oui  CDI             35   contract outside the register → counts
 *                                                                                    nowhere, signalled (README)
 *   s10 SOL-2025-03 « Karim Benali »        H  Roubaix    Non  CDD   « Karim Benali » in Heures → valeur-illisible ✗
 *   s11 SOL-2025-01 « Nadia Haddad »  « Nadia Haddad » in Sexe  Roubaix Oui CDDI 10 → valeur-illisible ✗
 *   s12 SOL-2025-03 « Luc Vasseur »         H  Roubaix  « Luc Vasseur » in QPV  CDD 5 → valeur-illisible ✗
 *       (README « Contrôles »: an unreadable oui/non text is valeur-illisible; « Une ligne en erreur d'une
 *       feuille compagne est écartée et signalée » → s10–s12 count nowhere.)
 *
 * ── Workbook B « Pôle Cadre de vie.xlsx » ───────────────────────────────────────────────────────────
 * `Suivi des marchés` (same header as A): r2 CDV-2025-01 2025-02-15 CS oui (hours empty) ·
 *   r3 CDV-2025-02 2025-09-01 CS non hours 0 · r4 CDV-2024-01 2024-10-01 CS oui hours 50. Pôle « Pôle Cadre de vie ».
 * `Clauses d'insertion` (header: N° marché, Participant, Genre, Lieu de résidence, Quartier prioritaire,
 * Contrat, Heures — synonyms of champs.md):
 *   t2 CDV-2025-01 « Marie DUPONT »    F Roubaix         Oui  CDDI                            300
 *   t3 CDV-2025-01 « Fatima Zerrouki » F « 59100 Roubaix » Non Contrat de professionnalisation 100
 *   t4 CDV-2025-01 « Thomas Durand »   H Wattrelos       .    Intérim                          50
 *   t5 CDV-2024-01 « Paul Bernard »    H Roubaix         Non  CDD                              70   N−1
 *
 * « Living in Roubaix »: neither indicateurs.md nor the README says how `communeResidence` is compared.
 * What is promised at least: the texts are trimmed (regles §2 texte) and communes compare case- and
 * accent-insensitively (regles §6) → « ROUBAIX » and « Roubaix␣␣ » are Roubaix. « 59100 Roubaix » is
 * NOT promised: both readings are accepted below (and the one the program takes is reported).
 *
 * ── Run 1: `calculer "Pôle Solidarités.xlsx" --json` (N = 2025) ─────────────────────────────────────
 * Suivi rows of N = rows whose numero is a contract of M of 2025: s2 s3 s4 s5 s6 (s10–s12 in error,
 * s9 outside the register, s7 s8 of N−1). Of N−1: s7 s8.
 * Beneficiaries of N: « marie dupont » (s2, s4, s6), « jean-pierre martin » (s3), « jean pierre martin » (s5).
 *   Marie's first filled sexe: s2 empty → s4 F; commune s4 « Roubaix » (s6 Lille ignored); qpv s4 Oui
 *   (s2 empty skipped, s6 Non ignored). Reading « first in sheet order » over N's rows or over all rows
 *   gives the same here (s8, her N−1 row, comes after s4).
 * - 4.2.2-contrats = 5 (s2–s6); N−1 = 2 (s7, s8).
 * - 4.2.2-personnes = 3; N−1 = 2 (Paul, Marie).
 * - 4.2.2-typologie = 5: CDDI 1, Intérim 1, CDD 1, CDI 1, Apprentissage 1; N−1 = 2 (CDD 1, CDDI 1).
 * - 4.2.2-femmes: sexe filled for 3 (Marie F, both Martins H) → 100 × 1/3; repartition F 1, H 2;
 *   N−1: Paul H, Marie F → 50.
 * - 4.2.2-roubaisiens: commune filled for 3: Marie « Roubaix␣␣ » yes, Jean-Pierre « ROUBAIX » yes,
 *   Jean Pierre Tourcoing no → 100 × 2/3; N−1: Paul Roubaix, Marie Roubaix → 100.
 * - 4.2.2-residents-qpv: Marie Oui, Jean-Pierre Oui, Jean Pierre Non → 2; N−1: Paul Non, Marie Oui → 1.
 * - 4.2.2-heures, contract by contract over M: SOL-2025-01 Suivi s2 120 + s3 80 + s6 60 = 260 (s11 in
 *   error left out; the register's 999 not used) · SOL-2025-02 no Suivi row → register 100 ·
 *   SOL-2025-03 s4 200 + s5 150 = 350 · SOL-2025-04 no Suivi, empty → 0. Total 710.
 *   N−1: SOL-2024-01 s7 90 + s8 40 = 130 (register 80 not used).
 * - Per Pôle: one Pôle « Pôle Solidarités », the same values.
 *
 * ── Run 2: `calculer "Pôle Solidarités.xlsx" "Pôle Cadre de vie.xlsx" --json` (N = 2025: 6 rows of
 * 2025 against 2) ───────────────────────────────────────────────────────────────────────────────────
 * Each Suivi row follows a contract of its own workbook, so its Pôle is its contract's and its file's
 * (indicateurs.md: « every indicator can be computed per Pôle (rows grouped by pole) »). A beneficiary
 * counts once per set of rows being counted: once City-wide, once in each Pôle where they have rows —
 * the Pôles' values may add up to more than the City's (Marie counts in both).
 * Suivi rows of N: A s2–s6 (5) + B t2 t3 t4 (3) = 8. N−1: s7 s8 t5 = 3.
 * Beneficiaries of N: Marie (A first: s4 F, Roubaix, Oui; B t2 says the same), Jean-Pierre Martin,
 * Jean Pierre Martin, Fatima (F, « 59100 Roubaix », Non), Thomas (H, Wattrelos, qpv empty).
 * - 4.2.2-contrats = 8; per Pôle CDV 3, SOL 5; N−1 3.
 * - 4.2.2-personnes = 5; per Pôle CDV 3 (Marie, Fatima, Thomas), SOL 3; N−1 2 (Paul is in both Pôles'
 *   N−1 rows, Marie) → 2.
 * - 4.2.2-typologie = 8: CDDI 2, Intérim 2, CDD 1, CDI 1, Apprentissage 1, Contrat de
 *   professionnalisation 1; per Pôle (its total) CDV 3, SOL 5; N−1 3.
 * - 4.2.2-femmes: 5 with sexe, F Marie + Fatima → 40; F 2, H 3; per Pôle CDV 100 × 2/3, SOL 100 × 1/3;
 *   N−1: Paul H, Marie F → 50.
 * - 4.2.2-roubaisiens: 5 with a commune; Roubaix: Marie, Jean-Pierre, and Fatima only if « 59100 Roubaix »
 *   is read as Roubaix → 40 or 60; per Pôle CDV: Marie (+ Fatima) of 3 → 100/3 or 200/3 (the same
 *   reading as the City's), SOL 200/3; N−1 100.
 * - 4.2.2-residents-qpv: Marie, Jean-Pierre → 2; CDV 1 (Marie), SOL 2; N−1: Marie → 1.
 * - 4.2.2-heures: A 710 + B (CDV-2025-01 Suivi 300 + 100 + 50 = 450; CDV-2025-02 register 0) = 1160;
 *   CDV 450, SOL 710; N−1 130 + (CDV-2024-01 Suivi 70, register 50 not used) = 200.
 *
 * ── Privacy (champs.md: `beneficiaire` « an identifier, never a full name in outputs ») ─────────────
 * No output holds any of the names: the JSON on stdout, the French summary, stderr (notices and
 * progress), every `SPASER …` sheet (cell values, the very hidden `SPASER État`, chart titles: read with
 * ExcelJS and in the raw XML of the zip), the consolidation workbook. Only the user's own Suivi sheet,
 * copied unchanged in the single-input output, keeps them.
 * Names typed in a cell that cannot be read (s10 Heures, s11 Sexe, s12 Résident QPV): my decision from
 * the spec's privacy line — the program cannot tell a name from another text, and a *Suivi insertion*
 * row is about one person: a control on such a cell names the sheet, the row and the user's column
 * (regles §3), never the text read. The control itself must still be there (valeur-illisible, error).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXIT_OK, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture, tempDir } from '../cli/helpers';
import { byId, calculerJson, expectClose, type JsonRun } from './helpers';
import {
  CDV, FILE_A, FILE_B, NAME_PARTS, SHEET_SUIVI_A, SOL, workbookA, workbookB,
} from './blind-personnes-workbooks';

type Indicator = SpaserResult['indicateurs'][number];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(dir: string, args: readonly string[]): Promise<Run> {
  const c = capture(dir);
  const code = await runCli(['calculer', ...args], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** The name parts found in `text` (case-insensitive). */
function namesIn(text: string): string[] {
  const low = text.toLowerCase();
  return NAME_PARTS.filter((n) => low.includes(n));
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

/**
 * Every part of the .xlsx zip as text, but the worksheets named in `allowed` (the user's own sheets)
 * and the shared strings, of which only those used by the other worksheets are kept.
 */
async function rawParts(bytes: Buffer, allowed: readonly string[]): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async('string')) ?? '';
  const rels = await text('xl/_rels/workbook.xml.rels');
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  const excluded = new Set<string>(['xl/sharedStrings.xml']);
  for (const m of (await text('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    if (!allowed.includes(decodeXml(attr(m[0], 'name')))) continue;
    const t = target.get(attr(m[0], 'r:id')) ?? '';
    excluded.add(t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
  );
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || excluded.has(name)) continue;
    let xml = await text(name);
    if (name.startsWith('xl/worksheets/sheet')) {
      const used = [...xml.matchAll(/<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g)].map((m) => shared[Number(m[1])] ?? '');
      xml += `\n${used.join('\n')}`;
    }
    out[name] = decodeXml(xml);
  }
  expect(excluded.size).toBe(1 + allowed.length);
  return out;
}

/** The name parts found in each part of the zip (but the allowed user sheets). */
async function namesInRaw(bytes: Buffer, allowed: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [part, text] of Object.entries(await rawParts(bytes, allowed))) {
    const n = namesIn(text);
    if (n.length) found[part] = n;
  }
  return found;
}

/** Every `SPASER …` sheet read with ExcelJS: its name, cell values (formulas, rich text, links) and notes. */
async function namesInSpaserSheets(bytes: Buffer): Promise<{ sheets: string[]; found: Record<string, string[]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: string[] = [];
  const found: Record<string, string[]> = {};
  for (const ws of wb.worksheets) {
    if (!ws.name.startsWith('SPASER ')) continue;
    sheets.push(ws.name);
    const texts: string[] = [ws.name];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        texts.push(JSON.stringify(cell.value));
        if (cell.note) texts.push(JSON.stringify(cell.note));
      }),
    );
    const n = namesIn(texts.join('\n'));
    if (n.length) found[ws.name] = n;
  }
  return { sheets, found };
}

function ind(result: SpaserResult, id: string): Indicator {
  const i = byId(result).get(id);
  expect(i).toBeDefined();
  return i!;
}

/** One expected count/share: value, N−1, per Pôle (by name), breakdown. */
interface Exp {
  v: number;
  n1: number;
  pp: Record<string, number>;
  rep?: Record<string, number>;
}

function expectPersonnes(result: SpaserResult, id: string, e: Exp): void {
  const i = ind(result, id);
  expect({ id, statut: i.statut, motif: i.motif }).toEqual({ id, statut: 'calculé', motif: null });
  expectClose(i.valeur, e.v, `${id} valeur`);
  expectClose(i.n1, e.n1, `${id} n1`);
  expect({ id, poles: Object.keys(i.parPole ?? {}).sort() }).toEqual({ id, poles: Object.keys(e.pp).sort() });
  for (const [p, v] of Object.entries(e.pp)) expectClose(i.parPole?.[p] ?? null, v, `${id} parPole ${p}`);
  if (e.rep) {
    const rep = (i.repartition ?? {}) as Record<string, number>;
    const nonZero = Object.fromEntries(Object.entries(rep).filter(([, n]) => n !== 0));
    expect({ id, rep: nonZero }).toEqual({ id, rep: e.rep });
  }
}

/** valeur-illisible errors on the Suivi rows typed with a name in another column. */
const UNREADABLE = [
  [SHEET_SUIVI_A, 10, 'Heures réalisées'],
  [SHEET_SUIVI_A, 11, 'Sexe'],
  [SHEET_SUIVI_A, 12, 'Résident QPV'],
] as const;

function expectUnreadableControls(result: SpaserResult): void {
  for (const [feuille, ligne, colonne] of UNREADABLE) {
    const found = result.controles.filter((c) => c.feuille === feuille && c.ligne === ligne);
    expect({ ligne, found: found.map((c) => [c.gravite, c.code, c.colonne]) }).toEqual({ ligne, found: [['erreur', 'valeur-illisible', colonne]] });
  }
}

let dir: string;
let a: JsonRun;
let aSummary: Run;
let conso: Run;
let consoResult: SpaserResult;
let consoSummary: Run;

beforeAll(async () => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, FILE_A), await workbookA());
  fs.writeFileSync(path.join(dir, FILE_B), await workbookB());
  a = await calculerJson(dir, FILE_A, 'A - sortie.xlsx');
  aSummary = await cli(dir, [FILE_A, '--sortie', 'A - résumé.xlsx']);
  conso = await cli(dir, [FILE_A, FILE_B, '--sortie', 'Conso.xlsx', '--json']);
  consoResult = JSON.parse(conso.stdout) as SpaserResult;
  consoSummary = await cli(dir, [FILE_A, FILE_B, '--sortie', 'Conso résumé.xlsx']);
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('blind « personnes »: counting the beneficiaries of one Pôle (A)', () => {
  const pp = (v: number): Record<string, number> => ({ [SOL]: v });

  it('runs on exercice 2025', () => {
    expect({ code: a.code, ok: a.code === EXIT_OK ? '' : a.stderr }).toEqual({ code: EXIT_OK, ok: '' });
    expect(aSummary.code).toBe(EXIT_OK);
    expect(a.result.exercice).toBe(2025);
  });

  it('4.2.2-contrats: 5 Suivi rows of 2025 (rows in error, of N−1, outside the register left out); N−1 2', () => {
    expectPersonnes(a.result, '4.2.2-contrats', { v: 5, n1: 2, pp: pp(5) });
  });

  it('4.2.2-personnes: Marie typed three ways is one; « Jean-Pierre » and « Jean Pierre » are two → 3; N−1 2', () => {
    expectPersonnes(a.result, '4.2.2-personnes', { v: 3, n1: 2, pp: pp(3) });
  });

  it('4.2.2-typologie: one contract of each of five types; N−1 CDD 1 + CDDI 1', () => {
    expectPersonnes(a.result, '4.2.2-typologie', { v: 5, n1: 2, pp: pp(5), rep: { CDDI: 1, Intérim: 1, CDD: 1, CDI: 1, Apprentissage: 1 } });
  });

  it('4.2.2-femmes: Marie is F by her first filled sexe (row 4), not H (row 6) → 1 of 3', () => {
    expectPersonnes(a.result, '4.2.2-femmes', { v: 100 / 3, n1: 50, pp: pp(100 / 3), rep: { F: 1, H: 2 } });
  });

  it('4.2.2-roubaisiens: « ROUBAIX » and « Roubaix␣␣ » are Roubaix, Marie\'s later « Lille » ignored → 2 of 3', () => {
    expectPersonnes(a.result, '4.2.2-roubaisiens', { v: 200 / 3, n1: 100, pp: pp(200 / 3) });
  });

  it('4.2.2-residents-qpv: Marie (first filled: Oui) and Jean-Pierre → 2; N−1 1', () => {
    expectPersonnes(a.result, '4.2.2-residents-qpv', { v: 2, n1: 1, pp: pp(2) });
  });

  it('4.2.2-heures: 260 + 100 (register) + 350 + 0 = 710; N−1 130', () => {
    expectPersonnes(a.result, '4.2.2-heures', { v: 710, n1: 130, pp: pp(710) });
  });

  it('the rows with a name in Heures, Sexe or Résident QPV are valeur-illisible errors, told by sheet, row and column', () => {
    expectUnreadableControls(a.result);
  });

  it('the row of a contract outside the register is signalled (its numero, not its beneficiary)', () => {
    expect(a.stderr).toContain('SOL-2025-99');
  });
});

describe('blind « personnes »: two Pôles consolidated (A + B)', () => {
  it('runs on exercice 2025, Pôles CDV and SOL', () => {
    expect({ code: conso.code, ok: conso.code === EXIT_OK ? '' : conso.stderr }).toEqual({ code: EXIT_OK, ok: '' });
    expect(consoSummary.code).toBe(EXIT_OK);
    expect(consoResult.exercice).toBe(2025);
  });

  it('4.2.2-contrats: 8 (CDV 3, SOL 5); N−1 3', () => {
    expectPersonnes(consoResult, '4.2.2-contrats', { v: 8, n1: 3, pp: { [CDV]: 3, [SOL]: 5 } });
  });

  it('4.2.2-personnes: Marie of both Pôles counts once for the City, once in each Pôle → 5 (CDV 3, SOL 3); N−1 2', () => {
    expectPersonnes(consoResult, '4.2.2-personnes', { v: 5, n1: 2, pp: { [CDV]: 3, [SOL]: 3 } });
  });

  it('4.2.2-typologie: 8 contracts, CDDI 2, Intérim 2, four types once', () => {
    expectPersonnes(consoResult, '4.2.2-typologie', {
      v: 8, n1: 3, pp: { [CDV]: 3, [SOL]: 5 },
      rep: { CDDI: 2, Intérim: 2, CDD: 1, CDI: 1, Apprentissage: 1, 'Contrat de professionnalisation': 1 },
    });
  });

  it('4.2.2-femmes: Marie and Fatima of 5 → 40 (CDV 2/3, SOL 1/3); N−1 50', () => {
    expectPersonnes(consoResult, '4.2.2-femmes', { v: 40, n1: 50, pp: { [CDV]: 200 / 3, [SOL]: 100 / 3 }, rep: { F: 2, H: 3 } });
  });

  it('4.2.2-roubaisiens: 2 or 3 of 5 (« 59100 Roubaix » is not promised either way), the same reading per Pôle', () => {
    const i = ind(consoResult, '4.2.2-roubaisiens');
    const fatimaRoubaix = typeof i.valeur === 'number' && Math.abs(i.valeur - 60) < 1e-6;
    expectPersonnes(consoResult, '4.2.2-roubaisiens', fatimaRoubaix
      ? { v: 60, n1: 100, pp: { [CDV]: 200 / 3, [SOL]: 200 / 3 } }
      : { v: 40, n1: 100, pp: { [CDV]: 100 / 3, [SOL]: 200 / 3 } });
  });

  it('4.2.2-residents-qpv: 2 (CDV 1, SOL 2); N−1 1', () => {
    expectPersonnes(consoResult, '4.2.2-residents-qpv', { v: 2, n1: 1, pp: { [CDV]: 1, [SOL]: 2 } });
  });

  it('4.2.2-heures: 710 + 450 + 0 = 1160 (CDV 450, SOL 710); N−1 130 + 70 = 200', () => {
    expectPersonnes(consoResult, '4.2.2-heures', { v: 1160, n1: 200, pp: { [CDV]: 450, [SOL]: 710 } });
  });

  it('the unreadable cells are still told', () => {
    expectUnreadableControls(consoResult);
  });
});

describe('blind « personnes »: no beneficiary name in any output', () => {
  it('the JSON on stdout (one Pôle, and consolidated)', () => {
    expect(namesIn(JSON.stringify(a.result))).toEqual([]);
    expect(namesIn(conso.stdout)).toEqual([]);
  });

  it('the French summary and stderr (notices, progress)', () => {
    expect(aSummary.stdout.length).toBeGreaterThan(0);
    for (const [what, text] of [
      ['A --json stderr', a.stderr], ['A summary', aSummary.stdout], ['A summary stderr', aSummary.stderr],
      ['conso --json stderr', conso.stderr], ['conso summary', consoSummary.stdout], ['conso summary stderr', consoSummary.stderr],
    ]) expect({ what, names: namesIn(text) }).toEqual({ what, names: [] });
  });

  it('every SPASER sheet of the single-input workbook, read with ExcelJS (État included)', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'A - sortie.xlsx'));
    const { sheets, found } = await namesInSpaserSheets(bytes);
    expect(sheets).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER État']));
    expect(found).toEqual({});
  });

  it('the raw XML of the single-input workbook, but the user\'s own Suivi sheet (which keeps its names)', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'A - sortie.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET_SUIVI_A)?.getCell('B2').value).toBe('Marie DUPONT');
    const raw = await rawParts(bytes, [SHEET_SUIVI_A]);
    expect(Object.keys(raw).some((p) => p.startsWith('xl/charts/'))).toBe(true);
    expect(await namesInRaw(bytes, [SHEET_SUIVI_A])).toEqual({});
  });

  it('the consolidation workbook: only SPASER sheets, no name in any cell nor any part', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'Conso.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((ws) => !ws.name.startsWith('SPASER ')).map((ws) => ws.name)).toEqual([]);
    expect((await namesInSpaserSheets(bytes)).found).toEqual({});
    expect(await namesInRaw(bytes, [])).toEqual({});
  });
});
