/**
 * Blind recipe `resume` — what a buyer READS of the command line's summary
 * (stdout without --json; stderr progress and « Attention : » notices).
 * The workbook and every expected value with its working: blind-resume-expected.ts.
 *
 * What a buyer must be able to read (written before reading src/):
 *  - the exercice, and the counts of rows read / in error / with warnings / kept;
 *  - every axis named (titles of indicateurs.md);
 *  - each indicator's French label with its value in French number format
 *    (decimal comma, space for thousands, `%`, `€`, `jours`), N−1 and the
 *    target when there are, the reason when non calculable;
 *  - no NaN, undefined, null, [object Object], Infinity, English words or raw field ids;
 *  - the values shown equal the JSON's (--json) rounded as shown, and the JSON equals the hand working.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { plainSpaces } from '../../src/cli/format';
import { buildWorkbook, CIBLES, FILE, SHEET } from './blind-resume-workbooks';
import {
  AXES, CONTROLES, EXERCICE, EXPECTED, FORBIDDEN, LIGNES, POLES, RAW_FIELD_IDS, ZONES,
  frNumbers, shownEquals, specLabels, unitPattern,
} from './blind-resume-expected';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const LABELS = specLabels();

function spaser(args: string[], cwd: string) {
  return spawnSync(NPM, ['--prefix', ROOT, 'run', '--silent', 'spaser', '--', 'calculer', ...args], { cwd, encoding: 'utf8', env: { ...process.env } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
let json: Json;
let stdout = '';
let stderr = '';
let jsonStderr = '';
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-resume-'));
  const input = path.join(dir, FILE);
  fs.writeFileSync(input, await buildWorkbook());
  const j = spaser([input, '--json', '--sortie', path.join(dir, 'json.xlsx')], dir);
  expect(j.status).toBe(0);
  json = JSON.parse(j.stdout);
  jsonStderr = j.stderr;
  const h = spaser([input], dir);
  expect(h.status).toBe(0);
  stdout = h.stdout;
  stderr = h.stderr;
}, 120_000);

const ind = (id: string) => json.indicateurs.find((i: Json) => i.id === id);
/** The summary line that carries an indicator's label (and its continuation up to the next indicator). */
function lineOf(label: string): string {
  const lines = stdout.split('\n');
  const i = lines.findIndex((l) => l.includes(label));
  return i < 0 ? '' : lines[i];
}
/** What follows the label on its line. */
function afterLabel(label: string): string {
  const l = lineOf(label);
  return l.slice(l.indexOf(label) + label.length);
}

describe('blind resume — the JSON equals the hand working', () => {
  it('exercice and row counts', () => {
    expect(json.exercice).toBe(EXERCICE);
    expect(json.lignes).toEqual(LIGNES);
  });
  it.each(Object.entries(EXPECTED))('%s', (id, e) => {
    const i = ind(id);
    expect(i).toBeDefined();
    if (e.value === null) {
      expect(i.statut).toBe('non calculable');
      expect(i.valeur).toBeNull();
      expect(i.motif).toMatch(e.motif!);
      return;
    }
    expect(i.statut).toBe('calculé');
    expect(close(i.valeur, e.value)).toBe(true);
    expect(i.unite).toBe(e.unit);
    if (e.n1 !== undefined) expect(close(i.n1, e.n1)).toBe(true);
    if (e.cible !== undefined) expect(JSON.stringify(i.cible)).toContain(String(e.cible));
    for (const [pole, v] of Object.entries(e.parPole ?? {})) expect(close(i.parPole[pole], v)).toBe(true);
  });
  it('5.1.1-fournisseurs-zone', () => {
    const r = ind('5.1.1-fournisseurs-zone').repartition;
    for (const [zone, s] of Object.entries(ZONES)) {
      expect(close(r[zone].fournisseurs, s.fournisseurs)).toBe(true);
      expect(close(r[zone].depense, s.depense)).toBe(true);
    }
  });
  it('controls: each finding with its sheet, row and the user header', () => {
    const got = json.controles.map((c: Json) => ({ ligne: c.ligne, code: c.code, gravite: c.gravite, colonne: c.colonne, feuille: c.feuille }));
    expect(got).toHaveLength(CONTROLES.length);
    for (const c of CONTROLES) expect(got).toContainEqual({ ...c, feuille: SHEET });
  });
});

describe('blind resume — what the buyer reads on stdout', () => {
  it('says the exercice and the counts of rows in French', () => {
    expect(stdout).toMatch(/2025/);
    const head = stdout.split('\n').slice(0, 15).join('\n');
    expect(head).toMatch(/9 (lignes? )?lues?/);
    expect(head).toMatch(/3 lignes? en erreur|3 en erreur|erreur[^\n]*3|3[^\n]*erreur/);
    expect(head).toMatch(/2[^\n\d]*avertissement|avertissement[^\n\d]*2/);
    expect(head).toMatch(/4[^\n\d]*(retenue|exercice)|(retenue|exercice)[^\n\d]*4/);
  });

  it('names every axis', () => {
    for (const axe of AXES) expect(stdout.toLowerCase()).toContain(axe.toLowerCase());
  });

  it('writes no NaN/undefined/null/[object Object]/Infinity/English word nor raw field id', () => {
    for (const f of FORBIDDEN) expect(stdout).not.toMatch(f);
    for (const f of FORBIDDEN) expect(stderr).not.toMatch(f);
    for (const id of RAW_FIELD_IDS) expect(stdout).not.toContain(id);
    for (const id of RAW_FIELD_IDS) expect(stderr).not.toContain(id);
  });

  it('shows every indicator of the catalogue with its French label', () => {
    for (const [id, label] of LABELS) expect([id, lineOf(label)]).toEqual([id, expect.stringContaining(label)]);
  });

  it.each(Object.entries(EXPECTED).filter(([, e]) => e.value !== null))('%s: value in French format, equal to the JSON rounded as shown, N−1 and target', (id, e) => {
    const label = LABELS.get(id)!;
    const after = afterLabel(label);
    const nums = frNumbers(after.replace(/\(.*?\)/g, ''));
    expect(nums.length).toBeGreaterThan(0);
    const v = nums[0];
    expect([id, v.raw, shownEquals(v, e.value!)]).toEqual([id, v.raw, true]);
    expect(shownEquals(v, ind(id).valeur)).toBe(true);
    // thousands grouped: a value ≥ 1 000 never shown as 132500
    if (Math.abs(e.value!) >= 1000) expect(v.raw).toMatch(/\d[  \u202f]\d{3}/);
    // the unit right after the number
    const tail = after.slice(after.indexOf(v.raw) + v.raw.length, after.indexOf(v.raw) + v.raw.length + 8);
    if (e.unit !== 'nombre') expect([id, tail]).toEqual([id, expect.stringMatching(unitPattern(e.unit))]);
    if (e.n1 !== undefined) {
      expect(after).toMatch(/N[−-]1/);
      const n1Text = after.slice(after.search(/N[−-]1/));
      const n1 = frNumbers(n1Text.replace(/^N[−-]1/, ''))[0];
      expect([id, n1 && shownEquals(n1, e.n1)]).toEqual([id, true]);
    }
    if (e.cible !== undefined) {
      expect(after).toMatch(/cible/i);
      const c = frNumbers(after.slice(after.search(/cible/i)))[0];
      expect([id, c && shownEquals(c, e.cible)]).toEqual([id, true]);
    }
  });

  it('shows the target verdicts in French', () => {
    expect(afterLabel(LABELS.get('4.2.2-clause-sociale-part')!)).toMatch(/non atteinte/);
    expect(afterLabel(LABELS.get('2.1.5-delai-paiement')!)).toMatch(/(?<!non )atteinte/);
  });

  it('shows the reason of each non calculable indicator', () => {
    for (const [id, e] of Object.entries(EXPECTED).filter(([, x]) => x.value === null)) {
      void e;
      const after = afterLabel(LABELS.get(id)!);
      expect([id, after]).toEqual([id, expect.stringMatching(/non calculable/i)]);
      // The same words as the JSON, with the terminal's plain spaces (README « Valeurs affichées et typographie »).
      expect([id, after]).toEqual([id, expect.stringContaining(plainSpaces(ind(id).motif))]);
    }
  });

  it('shows the supplier zones as French percentages equal to the JSON', () => {
    const r = ind('5.1.1-fournisseurs-zone').repartition;
    const idx = stdout.indexOf(LABELS.get('5.1.1-fournisseurs-zone')!);
    expect(idx).toBeGreaterThan(-1);
    const block = stdout.slice(idx, idx + 1200);
    for (const [zone, s] of Object.entries(ZONES)) {
      const at = block.indexOf(zone);
      expect([zone, at > -1]).toEqual([zone, true]);
      const nums = frNumbers(block.slice(at + zone.length).split('\n')[0]);
      expect([zone, nums.length >= 2 && shownEquals(nums[0], s.fournisseurs) && shownEquals(nums[1], s.depense)]).toEqual([zone, true]);
      expect(shownEquals(nums[1], r[zone].depense)).toBe(true);
    }
  });

  it('counts the findings by code, in French', () => {
    // 2 delai-paiement-depasse, 1 each of the others (README choices: counted by code).
    for (const c of new Set(CONTROLES.map((x) => x.code))) {
      const n = CONTROLES.filter((x) => x.code === c).length;
      const line = stdout.split('\n').find((l) => l.includes(c)) ?? '';
      expect([c, line]).toEqual([c, expect.stringMatching(new RegExp(`\\b${n}\\b`))]);
    }
  });
});

describe('blind resume — stderr', () => {
  it('warns « Attention : » about the unknown Cibles id, naming the sheet and row, in French', () => {
    for (const err of [stderr, jsonStderr]) {
      const attention = err.split('\n').filter((l) => l.includes('Attention :'));
      const cible = attention.find((l) => l.includes(CIBLES));
      expect(cible).toBeDefined();
      expect(cible).toMatch(/ligne 5|5/);
      expect(cible).toContain('9.9.9-inconnu');
    }
  });
  it('shows no stack trace and no English', () => {
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
    for (const f of FORBIDDEN) expect(jsonStderr).not.toMatch(f);
  });
  it('POLES of the JSON', () => {
    expect(Object.keys(ind('4.1.2-consideration-sociale').parPole).sort()).toEqual([...POLES].sort());
  });
});
