/**
 * BLIND acceptance « graphiques »: the native Excel charts of `sortie.md` (« Charts (native Excel
 * charts, French titles), at least: ») and `1.1.2-dataviz`, on a buyer workbook of a house style
 * nobody wrote the code for (./blind-graphiques-workbooks.ts), run through the command line
 * (`npm run --silent spaser -- calculer <in> --sortie <out> --json`), then the produced .xlsx opened
 * with JSZip. Every expected value is computed BY HAND from the spec (`champs.md`, `regles.md`,
 * `indicateurs.md`, `sortie.md`, `communes-mel.md`) and the README's « Choix faits », before
 * reading `src/`.
 *
 * ── The rows, once judged (sheet `Suivi marchés`, title r1, header r3) ──
 * N = 2025 (13 rows with a readable date in 2025 — r4..r15 and r17 —, 2 in 2024).
 * Pôles (README: case, accents, a leading « Pôle » ignored; named as written at the first row):
 *   EDU = « Pôle Éducation » (r4 « Pôle Éducation », r6 « EDUCATION », r7 « Pôle Education »),
 *   RES = « Pôle Ressources », CDV = « Pôle Cadre de vie ».
 * dep = Réalisé (montantMandate) when filled, else Montant attribué.
 *
 *   r   numero Pôle mt      dep     soc env inn  supplier (zone, size)
 *   r4  ED-01  EDU  120000  100000  O   O   N    Cuisines du Nord 59100 Roubaix → Roubaix, PME
 *   r5  ED-02  EDU   80000   60000  N   N   N    Autocars Verts 59650 Villeneuve-d'Ascq → MEL, 300 sal. → ETI
 *   r6  ED-03  EDU   40000   40000  N   O   O    Bois & Cie 62000 Arras → HdF (Arras not MEL, CP 62), TPE
 *   r7  ED-04  EDU   30000   30000  N   N   O    EduSoft SAS 75011 Paris France → France, GE
 *   r8  RE-01  RES   15000   12000  N   N   N    Papeterie Lys, no CP, « Marcq-en-Baroeul » (œ → oe) → MEL, 8 → TPE
 *                                                « papier recyclé » → suggestion env, not confirmed:
 *                                                ⚠ suggestion-non-confirmee, NOT counted in env
 *   r9  RE-02  RES   50000   45000  O   O   N    Techno Services, CP 59780 only (shared Baisieux/Willems/
 *                                                Camphin) → not MEL → HdF (59…), PME
 *   r10 CV-00  CDV   25000   25000  N   N   N    Assur Benelux, CP « 1000 », Bruxelles, Belgique → Étranger, GE
 *                                                (CP check only for France/empty pays: no warning)
 *   r11 RE-04  RES   60000   55000  O   N   N    Net'Roubaix 59100 « Roubaix Cedex 1 » → Roubaix, 45 → PME
 *   r12 CV-01  CDV   90000   70000  O   O   N    Jardins de Flandre, Hazebrouck, no CP → Inconnue, PME
 *   r13 CV-02  CDV  200000  150000  N   O   O    Lumière Urbaine 59200 Tourcoing → MEL, ETI
 *   r14 CV-03  CDV  300000  250000  O   O   N    TP Roubaisiens 59100 Roubaix → Roubaix, size unknown → Inconnue
 *   r15 CV-04  CDV   10000    8000  N   N   N    Cuisines du Nord again (same supplier as r4, first row r4)
 *   r16 CV-05  no date                            ✗ date-manquante (left out)
 *   r17 ed-01  2025-12-01 = ED-01 (case ignored)  ✗ doublon (left out; its « Fournisseur Fantôme », Lille,
 *                                                GE, soc/env/inn O must appear nowhere)
 *   r18 RE-24  RES 2024 mt 20000 dep 20000 soc O env N inn N  Cuisines du Nord Roubaix PME   (N−1)
 *   r19 CV-24  CDV 2024 mt 30000 dep 30000 soc N env O inn N  Jardins de Flandre Hazebrouck  (N−1)
 *   r20 « Total » in Intitulé, no numero: totals row, not a row.
 *
 * lignes: lues 16 (r4..r19), erreurs 2 (r16, r17), exercice 12, avertissements 1 (r8).
 * controles: r8 suggestion-non-confirmee, r16 date-manquante, r17 doublon.
 * R = M (no horsMarche column) = r4..r15 = 12 rows; EDU {r4..r7} 4, RES {r8,r9,r11} 3, CDV {r10,r12..r15} 5.
 * N−1: R = M = {r18 (RES), r19 (CDV)}.
 *
 * Considerations (clauseSociale is the only social field, critereEnvironnemental the only env field):
 *   soc = {r4,r9,r11,r12,r14} = 5/12 = 41.666…%   EDU 1/4 = 25, RES 2/3 = 66.666…, CDV 2/5 = 40
 *   env = {r4,r6,r9,r12,r13,r14} = 6/12 = 50%     EDU 2/4 = 50, RES 1/3 = 33.333…, CDV 3/5 = 60
 *   inn = {r6,r7,r13} = 3/12 = 25%                 EDU 2/4 = 50, RES 0/3 = 0,        CDV 1/5 = 20
 *   N−1: soc 1/2 = 50, env 1/2 = 50, inn 0/2 = 0.
 *
 * Spend Σ_R dep = 100+60+40+30+12+45+25+55+70+150+250+8 = 845 000 €.
 * Suppliers (§8: by name, no SIRET column): 11 distinct.
 * Zones (supplier's first row):  suppliers | spend
 *   Roubaix    Cuisines du Nord (100000+8000), Net'Roubaix 55000, TP Roubaisiens 250000 → 3 | 413 000 → 48.8757…%
 *   MEL        Autocars Verts 60000, Papeterie Lys 12000, Lumière Urbaine 150000        → 3 | 222 000 → 26.2722…%
 *   HdF        Bois & Cie 40000, Techno Services 45000                                   → 2 |  85 000 → 10.0591…%
 *   France     EduSoft 30000                                                             → 1 |  30 000 →  3.5503…%
 *   Étranger   Assur Benelux 25000                                                       → 1 |  25 000 →  2.9585…%
 *   Inconnue   Jardins de Flandre 70000                                                  → 1 |  70 000 →  8.2840…%
 * Sizes: TPE Bois 40000 + Papeterie 12000 → 2 | 52 000; PME Cuisines 108000 + Techno 45000 + Net'Roubaix 55000 +
 *   Jardins 70000 → 4 | 278 000; ETI Autocars 60000 + Lumière 150000 → 2 | 210 000; GE EduSoft 30000 + Assur
 *   25000 → 2 | 55 000; Inconnue TP Roubaisiens → 1 | 250 000.
 *
 * Sheet `Insertion – facilitateur` (Suivi insertion, header r1):
 *   s1 ED-01 B001 F Roubaix QPV CDDI 300 | s2 ED-01 B002 H Tourcoing Intérim 150 | s3 RE-04 B003 F Roubaix QPV
 *   CDD 200 | s4 RE-04 « b001 » (= B001) F Roubaix QPV CDDI 100 | s5 CV-03 B004 H Wattrelos Intérim 400 |
 *   s6 CV-03 B005 F Croix Contrat de professionnalisation 250 | s7 RE-24 B006 H Roubaix QPV CDI 500 (contract of
 *   N−1) | s8 ZZ-99 (no contract) F Lille CDI 80.
 *   Rows of N: s1..s6 → contrats 6; typologie CDDI 2, Intérim 2, CDD 1, Contrat de professionnalisation 1;
 *   beneficiaries B001..B005 → 5; F: B001,B003,B005 → 60%; Roubaix: B001,B003 → 40%; QPV B001,B003 → 2;
 *   heures over M: ED-01 450 + RE-04 300 + CV-03 650 = 1400.  N−1: s7 → 1 contrat, 1 person, 500 h, 0% F,
 *   100% Roubaix, 1 QPV.
 *
 * ── The charts expected (sortie.md « at least », README « Choix faits ») ──
 *   1. « Part des marchés avec une considération sociale / environnementale / innovante », columns:
 *      sociale 41.666…, environnementale 50, innovante 25, and a national reference series beside
 *      (30 social, 100 environmental — `indicateurs.md` « National references »).
 *   2. « Fournisseurs par zone géographique », doughnut or pie, share of spend (table above).
 *   3. « Fournisseurs par typologie … », share of spend (table above).
 *   4. « Typologie des contrats d'insertion », columns: CDDI 2, Intérim 2, CDD 1, Contrat de professionnalisation 1.
 *   5. « Considérations par Pôle », clustered columns, 3 Pôles (README: drawn from two Pôles on):
 *      EDU 25/50/50, RES 66.666…/33.333…/0, CDV 40/60/20.
 *   → 5 charts, all on `SPASER Indicateurs`, every reference into that sheet; `1.1.2-dataviz` = 5.
 *   Variant with a chart of the user's own on `Suivi marchés`: still 5 charts of ours, dataviz 5, the user's
 *   chart kept (6 chart parts in the file).
 *
 * ── Week 3: the same file with `--exercice 2023` (no row of 2023) ──
 *   R is empty: every row indicator non calculable; no chart has a value (README « Chaque graphique n'est dessiné
 *   que s'il a au moins une valeur ») → 0 charts of ours, `1.1.2-dataviz` calculé 0; the 5 charts of week 2 are
 *   gone with their parts (no orphan), the user's chart is kept.
 *
 * ── « Pôle Sport.xlsx » (buildSportWorkbook): fewer charts ──
 *   R = M = {S-01, S-02, S-03}; Pôle = file name « Pôle Sport » (one Pôle). No titulaire/siret column: a row without
 *   an identifiable supplier adds its spend but no supplier (README). No size column, no env/innovation column.
 *   1. considerations: sociale 1/3 = 33.333…% (S-01); env and innovation non calculable (no value) → drawn.
 *   2. zones by CP: S-01 59100 Roubaix 10 000, S-02 75012 France 30 000, S-03 no CP Inconnue 20 000. My first
 *      working drew it (shares of spend 16.666…, 50, 33.333…). CORRECTED after the run — spec ambiguity, program's
 *      reading kept: with no identifiable supplier at all the « part des fournisseurs » is 0/0, and the program
 *      makes the whole breakdown non calculable (motif « aucun titulaire identifié (SIRET ou nom du titulaire) »),
 *      so its chart has no value → not drawn. The spec does not say whether a breakdown whose supplier share
 *      has an empty denominator keeps its spend share.
 *   3. sizes: no size column → 5.1.4 non calculable → not drawn.
 *   4. insertion: the sheet follows no contract of N → no contract type → not drawn.
 *   5. one Pôle → not drawn (README).
 *   → 1 chart, `1.1.2-dataviz` = 1 (first working: 2).
 *
 * ── Office.js (Excel double): the same chain written through `createOfficeWorkbook` on the house workbook
 *   seeded in the double: the same 5 charts (titles), each asked for on exactly the rectangle of cells the file's
 *   chart refers to (categories, values, series names), with the same kind, and the same numbers in those cells.
 *   Run a second time in the same workbook: still 5 charts.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SPEC_IDS } from './helpers';
import { runChain } from '../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble, type ExcelDouble, type SeedSheet } from '../doubles/excel-double';
import { buildGraphiquesWorkbook, buildSportWorkbook, REGISTER_SHEET, seedsOf, USER_CHART_TITLE } from './blind-graphiques-workbooks';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const INDICATEURS = 'SPASER Indicateurs';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const CHART_CT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_CT = 'application/vnd.openxmlformats-officedocument.drawing+xml';

// ───────────────────────── hand computations ─────────────────────────

const EDU = 'Pôle Éducation';
const RES = 'Pôle Ressources';
const CDV = 'Pôle Cadre de vie';

const SOC = 5 / 12 * 100;
const ENV = 6 / 12 * 100;
const INN = 3 / 12 * 100;

const SPEND = 845000;
const ZONE_SPEND: Record<string, number> = {
  Roubaix: 413000, 'MEL (hors Roubaix)': 222000, 'Hauts-de-France (hors MEL)': 85000,
  'France (hors Hauts-de-France)': 30000, Étranger: 25000, Inconnue: 70000,
};
const ZONE_SUPPLIERS: Record<string, number> = {
  Roubaix: 3, 'MEL (hors Roubaix)': 3, 'Hauts-de-France (hors MEL)': 2, 'France (hors Hauts-de-France)': 1, Étranger: 1, Inconnue: 1,
};
const SIZE_SPEND: Record<string, number> = { TPE: 52000, PME: 278000, ETI: 210000, GE: 55000, Inconnue: 250000 };
const SIZE_SUPPLIERS: Record<string, number> = { TPE: 2, PME: 4, ETI: 2, GE: 2, Inconnue: 1 };
const TYPES: Record<string, number> = { CDDI: 2, Intérim: 2, CDD: 1, 'Contrat de professionnalisation': 1 };
const PER_POLE: Record<string, { soc: number; env: number; inn: number }> = {
  [EDU]: { soc: 25, env: 50, inn: 50 },
  [RES]: { soc: 200 / 3, env: 100 / 3, inn: 0 },
  [CDV]: { soc: 40, env: 60, inn: 20 },
};

interface Expected {
  valeur?: number | null;
  n1?: number | null;
  parPole?: Record<string, number | null>;
}

/** Every calculé indicator, with its working; every other id of the catalogue is non calculable. */
const CALCULES: Record<string, Expected> = {
  // AR = soc or env: {r4,r6,r9,r11,r12,r13,r14} = 7; EDU r4,r6; RES r9,r11; CDV r12,r13,r14. N−1: r18, r19.
  '1.1.2-marches-ar': { valeur: 7, n1: 2, parPole: { [EDU]: 2, [RES]: 2, [CDV]: 3 } },
  // Σ dep AR: 100000+40000+45000+55000+70000+150000+250000; EDU 140000, RES 100000, CDV 470000. N−1 20000+30000.
  '1.1.2-montant-ar': { valeur: 710000, n1: 50000, parPole: { [EDU]: 140000, [RES]: 100000, [CDV]: 470000 } },
  // the charts of this run (README: no N−1, null per Pôle).
  '1.1.2-dataviz': { valeur: 5, n1: null, parPole: { [EDU]: null, [RES]: null, [CDV]: null } },
  '3.1.1-consideration-env': { valeur: ENV, n1: 50, parPole: { [EDU]: 50, [RES]: 100 / 3, [CDV]: 60 } },
  '4.1.2-consideration-sociale': { valeur: SOC, n1: 50, parPole: { [EDU]: 25, [RES]: 200 / 3, [CDV]: 40 } },
  '4.2.2-clause-sociale-nb': { valeur: 5, n1: 1, parPole: { [EDU]: 1, [RES]: 2, [CDV]: 2 } },
  '4.2.2-clause-sociale-part': { valeur: SOC, n1: 50, parPole: { [EDU]: 25, [RES]: 200 / 3, [CDV]: 40 } },
  // ED-01 300+150, RE-04 200+100, CV-03 400+250; N−1 RE-24 500.
  '4.2.2-heures': { valeur: 1400, n1: 500, parPole: { [EDU]: 450, [RES]: 300, [CDV]: 650 } },
  // EDU B001,B002; RES B003,b001; CDV B004,B005.
  '4.2.2-personnes': { valeur: 5, n1: 1, parPole: { [EDU]: 2, [RES]: 2, [CDV]: 2 } },
  '4.2.2-contrats': { valeur: 6, n1: 1, parPole: { [EDU]: 2, [RES]: 2, [CDV]: 2 } },
  '4.2.2-typologie': { valeur: 6, n1: 1 },
  // F among B001..B005: 3/5; EDU B001 F, B002 H → 50; RES B003 F, B001 F → 100; CDV B004 H, B005 F → 50. N−1 B006 H.
  '4.2.2-femmes': { valeur: 60, n1: 0, parPole: { [EDU]: 50, [RES]: 100, [CDV]: 50 } },
  // Roubaix: B001, B003 of 5; EDU 1/2, RES 2/2, CDV 0/2. N−1 B006 Roubaix.
  '4.2.2-roubaisiens': { valeur: 40, n1: 100, parPole: { [EDU]: 50, [RES]: 100, [CDV]: 0 } },
  '4.2.2-residents-qpv': { valeur: 2, n1: 1, parPole: { [EDU]: 1, [RES]: 2, [CDV]: 0 } },
  '5.1.1-fournisseurs-zone': { valeur: null },
  // 413000 / 3; EDU Cuisines r4 100000/1; RES Net'Roubaix 55000/1; CDV (250000+8000)/2. N−1 Cuisines 20000/1.
  '5.1.1-montant-moyen-roubaix': { valeur: 413000 / 3, n1: 20000, parPole: { [EDU]: 100000, [RES]: 55000, [CDV]: 129000 } },
  '5.1.4-fournisseurs-typologie': { valeur: null },
  '5.2.1-innovants-nb': { valeur: INN, n1: 0, parPole: { [EDU]: 50, [RES]: 0, [CDV]: 20 } },
  // Σ mt innov 40000+30000+200000 / Σ mt 1 020 000; EDU 70000/270000; RES 0/125000; CDV 200000/625000. N−1 0/50000.
  '5.2.1-innovants-montant': { valeur: 270000 / 1020000 * 100, n1: 0, parPole: { [EDU]: 70000 / 270000 * 100, [RES]: 0, [CDV]: 32 } },
};

// ───────────────────────── the command line ─────────────────────────

interface Indicateur {
  id: string; statut: string; valeur: number | null; n1: number | null; motif: string | null;
  parPole: Record<string, number | null> | null;
  repartition: Record<string, unknown> | null;
}
interface Result {
  exercice: number; depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: Indicateur[];
  controles: { gravite: string; code: string; ligne: number; feuille: string }[];
}

function cli(input: string, output: string, extra: string[] = []): Result {
  const r = spawnSync(NPM, ['run', '--silent', 'spaser', '--', 'calculer', input, '--sortie', output, '--json', ...extra], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result;
}

// ───────────────────────── package reading ─────────────────────────

const parser = new DOMParser();
function xml(text: string): Document {
  return parser.parseFromString(text, 'application/xml') as unknown as Document;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dirOf(source) ? dirOf(source).split('/') : []);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
/** The part a `.rels` file describes: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`, `_rels/.rels` → ``. */
function relsSource(rels: string): string {
  const m = /^(.*?)_rels\/(.*)\.rels$/.exec(rels);
  if (!m) throw new Error(rels);
  return m[1] + m[2];
}
function relsOf(part: string): string {
  return `${dirOf(part) ? dirOf(part) + '/' : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

interface Rel { id: string; type: string; target: string; external: boolean }

class Pkg {
  constructor(readonly zip: JSZip) {}
  static async load(file: string): Promise<Pkg> {
    return new Pkg(await JSZip.loadAsync(fs.readFileSync(file)));
  }
  files(): string[] {
    return Object.values(this.zip.files).filter((f) => !f.dir).map((f) => f.name);
  }
  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }
  async text(part: string): Promise<string> {
    const f = this.zip.file(part);
    if (!f) throw new Error(`missing part ${part}`);
    return f.async('string');
  }
  async rels(part: string): Promise<Rel[]> {
    const relsPart = part.endsWith('.rels') ? part : relsOf(part);
    if (!this.has(relsPart)) return [];
    const source = relsSource(relsPart);
    const doc = xml(await this.text(relsPart));
    return Array.from(doc.getElementsByTagName('Relationship')).map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      external: r.getAttribute('TargetMode') === 'External',
      target: r.getAttribute('TargetMode') === 'External' ? (r.getAttribute('Target') ?? '') : resolveTarget(source, r.getAttribute('Target') ?? ''),
    }));
  }
  async contentTypes(): Promise<{ defaults: Map<string, string>; overrides: Map<string, string> }> {
    const doc = xml(await this.text('[Content_Types].xml'));
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const d of Array.from(doc.getElementsByTagName('Default'))) defaults.set((d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? '');
    for (const o of Array.from(doc.getElementsByTagName('Override'))) overrides.set((o.getAttribute('PartName') ?? '').replace(/^\//, ''), o.getAttribute('ContentType') ?? '');
    return { defaults, overrides };
  }
  async contentType(part: string): Promise<string | undefined> {
    const { defaults, overrides } = await this.contentTypes();
    return overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
  }
  /** Sheet name → worksheet part. */
  async sheets(): Promise<Map<string, string>> {
    const doc = xml(await this.text('xl/workbook.xml'));
    const rels = await this.rels('xl/workbook.xml');
    const out = new Map<string, string>();
    for (const s of Array.from(doc.getElementsByTagName('sheet'))) {
      const rid = s.getAttribute('r:id') ?? '';
      const rel = rels.find((r) => r.id === rid);
      if (rel) out.set(s.getAttribute('name') ?? '', rel.target);
    }
    return out;
  }
  /** The chart parts drawn on a sheet (through its drawing parts), in drawing order. */
  async chartsOfSheet(sheet: string): Promise<string[]> {
    const part = (await this.sheets()).get(sheet);
    if (!part) return [];
    const out: string[] = [];
    for (const d of (await this.rels(part)).filter((r) => r.type.endsWith('/drawing'))) {
      for (const c of (await this.rels(d.target)).filter((r) => r.type.endsWith('/chart'))) out.push(c.target);
    }
    return out;
  }
  chartParts(): string[] {
    return this.files().filter((f) => /^xl\/charts\/chart[^/]*\.xml$/.test(f));
  }
}

// ───────────────────────── chart reading ─────────────────────────

interface Series {
  name: string | null;
  nameRef: string | null;
  catRef: string | null;
  valRef: string | null;
  catCache: (string | null)[];
  valCache: (number | null)[];
}
interface Chart {
  part: string;
  title: string;
  kinds: string[];
  barDir: string | null;
  grouping: string | null;
  series: Series[];
}

function childrenNS(el: Element, ns: string, local: string): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);
}
function firstNS(el: Element | Document, ns: string, local: string): Element | null {
  return (el.getElementsByTagNameNS(ns, local)[0] as Element | undefined) ?? null;
}
function cache(el: Element | null): (string | null)[] {
  if (!el) return [];
  const count = Number(firstNS(el, C_NS, 'ptCount')?.getAttribute('val') ?? '0');
  const out: (string | null)[] = new Array(count).fill(null);
  for (const pt of Array.from(el.getElementsByTagNameNS(C_NS, 'pt'))) {
    out[Number(pt.getAttribute('idx'))] = firstNS(pt, C_NS, 'v')?.textContent ?? null;
  }
  return out;
}

async function readChart(pkg: Pkg, part: string): Promise<Chart> {
  const doc = xml(await pkg.text(part));
  const chart = firstNS(doc, C_NS, 'chart')!;
  const titleEl = childrenNS(chart, C_NS, 'title')[0] ?? null;
  let title = '';
  if (titleEl) {
    const runs = Array.from(titleEl.getElementsByTagNameNS(A_NS, 't')).map((t) => t.textContent ?? '');
    title = runs.length > 0 ? runs.join('') : cache(firstNS(titleEl, C_NS, 'strCache')).join('');
  }
  const plot = firstNS(chart, C_NS, 'plotArea')!;
  const kindEls = Array.from(plot.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName.endsWith('Chart'));
  const series: Series[] = [];
  for (const k of kindEls) {
    for (const ser of childrenNS(k, C_NS, 'ser')) {
      const tx = childrenNS(ser, C_NS, 'tx')[0] ?? null;
      const cat = childrenNS(ser, C_NS, 'cat')[0] ?? null;
      const val = childrenNS(ser, C_NS, 'val')[0] ?? null;
      const txRef = tx ? firstNS(tx, C_NS, 'f')?.textContent ?? null : null;
      const txName = tx ? (cache(firstNS(tx, C_NS, 'strCache'))[0] ?? (childrenNS(tx, C_NS, 'v')[0]?.textContent ?? null)) : null;
      series.push({
        name: txName,
        nameRef: txRef,
        catRef: cat ? firstNS(cat, C_NS, 'f')?.textContent ?? null : null,
        valRef: val ? firstNS(val, C_NS, 'f')?.textContent ?? null : null,
        catCache: cat ? cache(firstNS(cat, C_NS, 'strCache') ?? firstNS(cat, C_NS, 'numCache')) : [],
        valCache: val ? cache(firstNS(val, C_NS, 'numCache')).map((v) => (v === null ? null : Number(v))) : [],
      });
    }
  }
  return {
    part,
    title,
    kinds: kindEls.map((k) => k.localName),
    barDir: kindEls.map((k) => firstNS(k, C_NS, 'barDir')?.getAttribute('val')).find((v) => v) ?? null,
    grouping: kindEls.map((k) => firstNS(k, C_NS, 'grouping')?.getAttribute('val')).find((v) => v) ?? null,
    series,
  };
}

// ───────────────────────── references into the sheet ─────────────────────────

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `'SPASER Indicateurs'!$B$5:$B$9` → sheet name and the cells, in reading order (one area only). */
function parseRef(f: string): { sheet: string; cells: { row: number; col: number }[] } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(f.trim());
  if (!m) throw new Error(`unreadable reference ${f}`);
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  const c1 = colNumber(m[3]);
  const r1 = Number(m[4]);
  const c2 = m[5] ? colNumber(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) : r1;
  const cells: { row: number; col: number }[] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) cells.push({ row: r, col: c });
  return { sheet, cells };
}

function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): string | number | null {
  const v = ws.getRow(row).getCell(col).value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'result' in v) return (v.result as number | string | undefined) ?? null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

/** A chart read back through its references: labels and numbers as the sheet holds them. */
interface Resolved {
  chart: Chart;
  series: { name: string | null; cats: string[]; vals: (number | null)[] }[];
}

function resolve(chart: Chart, wb: ExcelJS.Workbook): Resolved {
  return {
    chart,
    series: chart.series.map((s) => {
      const cat = parseRef(s.catRef ?? '');
      const val = parseRef(s.valRef ?? '');
      const catWs = wb.getWorksheet(cat.sheet)!;
      const valWs = wb.getWorksheet(val.sheet)!;
      let name = s.name;
      if (s.nameRef) {
        const n = parseRef(s.nameRef);
        name = String(cellValue(wb.getWorksheet(n.sheet)!, n.cells[0].row, n.cells[0].col));
      }
      return {
        name,
        cats: cat.cells.map((c) => String(cellValue(catWs, c.row, c.col) ?? '')),
        vals: val.cells.map((c) => {
          const v = cellValue(valWs, c.row, c.col);
          return typeof v === 'number' ? v : v === null || v === '' ? null : Number(v);
        }),
      };
    }),
  };
}

// ───────────────────────── what one output file must satisfy ─────────────────────────

interface Output {
  file: string;
  json: Result;
  pkg: Pkg;
  wb: ExcelJS.Workbook;
  charts: Chart[];
  resolved: Resolved[];
}

async function readOutput(file: string, json: Result): Promise<Output> {
  const pkg = await Pkg.load(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const parts = await pkg.chartsOfSheet(INDICATEURS);
  const charts = await Promise.all(parts.map((p) => readChart(pkg, p)));
  return { file, json, pkg, wb, charts, resolved: charts.map((c) => resolve(c, wb)) };
}

const TITLES = {
  considerations: /^Part des marchés avec une considération sociale/i,
  zone: /^Fournisseurs par zone géographique/i,
  typologie: /^Fournisseurs par typologie/i,
  insertion: /^Typologie des contrats d'insertion/i,
  poles: /^Considérations par Pôle/i,
};

function byTitle(out: Output, re: RegExp): Resolved {
  const found = out.resolved.filter((r) => re.test(r.chart.title.replace(/\s+/g, ' ').trim()));
  expect(found.map((r) => r.chart.title)).toHaveLength(1);
  return found[0];
}

/** label → value of one series (labels must be distinct). */
function asMap(cats: string[], vals: (number | null)[]): Map<string, number | null> {
  expect(new Set(cats).size).toBe(cats.length);
  return new Map(cats.map((c, i) => [c.trim(), vals[i] ?? null]));
}

function expectShares(r: Resolved, spend: Record<string, number>): void {
  expect(r.series).toHaveLength(1);
  const m = asMap(r.series[0].cats, r.series[0].vals);
  const total = [...m.values()].reduce<number>((a, v) => a + (v ?? 0), 0);
  // a category with nothing may be left out (sortie.md) or shown with 0.
  for (const [k, v] of m) if (!(k in spend)) expect([k, v ?? 0]).toEqual([k, 0]);
  for (const [k, euros] of Object.entries(spend)) {
    expect([k, m.has(k)]).toEqual([k, true]);
    // the chart may plot euros or percentages: either way its share is the hand share of spend.
    expect([k, ((m.get(k) ?? 0) / total) * 100]).toEqual([k, expect.closeTo((euros / SPEND) * 100, 6)]);
  }
}

function considerationOf(label: string): 'soc' | 'env' | 'inn' | null {
  if (/soci/i.test(label)) return 'soc';
  if (/environ/i.test(label)) return 'env';
  if (/innov/i.test(label)) return 'inn';
  return null;
}

/** Every part typed, every internal relationship resolved, no orphan chart/drawing; `ours` charts on SPASER Indicateurs, `users` on the register sheet. */
async function expectConsistentParts(pkg: Pkg, ours: number, users: number): Promise<void> {
  const files = new Set(pkg.files());
  const { defaults, overrides } = await pkg.contentTypes();
  // every part has a content type; every override names a part that exists
  for (const f of files) {
    if (f === '[Content_Types].xml') continue;
    expect([f, overrides.get(f) ?? defaults.get(f.slice(f.lastIndexOf('.') + 1).toLowerCase()) ?? null]).toEqual([f, expect.any(String)]);
  }
  for (const p of overrides.keys()) expect([p, files.has(p)]).toEqual([p, true]);
  // every internal relationship target exists; every .rels belongs to a part that exists
  const targeted = new Set<string>();
  for (const f of files) {
    if (!f.endsWith('.rels')) continue;
    const source = relsSource(f);
    if (source !== '') expect([f, files.has(source)]).toEqual([f, true]);
    for (const r of await pkg.rels(f)) {
      if (r.external) continue;
      targeted.add(r.target);
      expect([f, r.id, r.target, files.has(r.target)]).toEqual([f, r.id, r.target, true]);
    }
  }
  // every chart part has the chart content type; every drawing part the drawing one; none is orphan
  const charts = pkg.chartParts();
  for (const c of charts) {
    expect([c, await pkg.contentType(c)]).toEqual([c, CHART_CT]);
    expect([c, targeted.has(c)]).toEqual([c, true]);
  }
  for (const d of [...files].filter((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f))) {
    expect([d, await pkg.contentType(d)]).toEqual([d, DRAWING_CT]);
    expect([d, targeted.has(d)]).toEqual([d, true]);
  }
  for (const f of files) {
    if (/^xl\/(charts|drawings)\//.test(f) && !f.endsWith('.rels')) expect([f, targeted.has(f)]).toEqual([f, true]);
  }
  // all chart parts of the file: ours (on SPASER Indicateurs) plus the user's own, nothing else
  expect(charts).toHaveLength(ours + users);
  const oursParts = await pkg.chartsOfSheet(INDICATEURS);
  expect(new Set(oursParts).size).toBe(ours);
  expect(oursParts).toHaveLength(ours);
  const theirs = await pkg.chartsOfSheet(REGISTER_SHEET);
  expect(theirs).toHaveLength(users);
  expect(new Set([...oursParts, ...theirs]).size).toBe(charts.length);
}

function describeOutput(label: string, get: () => Output, opts: { userChart: boolean }): void {
  describe(label, () => {
    it('writes exactly the 5 charts of sortie.md on SPASER Indicateurs, with the French titles of the spec', () => {
      const out = get();
      expect(out.charts).toHaveLength(5);
      for (const re of Object.values(TITLES)) byTitle(out, re);
    });

    it('1.1.2-dataviz is the number of charts written, in the JSON and in the Indicateurs sheet', () => {
      const out = get();
      const dataviz = out.json.indicateurs.find((i) => i.id === '1.1.2-dataviz')!;
      expect(dataviz.statut).toBe('calculé');
      expect(dataviz.valeur).toBe(out.charts.length);
      expect(dataviz.valeur).toBe(5);
      const ws = out.wb.getWorksheet(INDICATEURS)!;
      let found: ExcelJS.Row | null = null;
      ws.eachRow((row) => {
        if (found === null && row.values && (row.values as unknown[]).some((v) => v === '1.1.2-dataviz')) found = row;
      });
      expect(found).not.toBeNull();
      let valeurCol = 0;
      ws.eachRow((row) => {
        if (valeurCol === 0) row.eachCell((c, col) => { if (c.value === 'Valeur') valeurCol = col; });
      });
      expect(valeurCol).toBeGreaterThan(0);
      expect(cellValue(ws, (found as unknown as ExcelJS.Row).number, valeurCol)).toBe(5);
    });

    it('every series points at cells of SPASER Indicateurs, and the cached values agree with those cells', () => {
      const out = get();
      for (const c of out.charts) {
        expect(c.series.length).toBeGreaterThan(0);
        for (const s of c.series) {
          for (const f of [s.catRef, s.valRef, ...(s.nameRef ? [s.nameRef] : [])]) {
            expect([c.title, f]).toEqual([c.title, expect.any(String)]);
            expect([c.title, parseRef(f!).sheet]).toEqual([c.title, INDICATEURS]);
          }
          const cat = parseRef(s.catRef!).cells;
          const val = parseRef(s.valRef!).cells;
          expect([c.title, cat.length]).toEqual([c.title, val.length]);
          const ws = out.wb.getWorksheet(INDICATEURS)!;
          const cellsCat = cat.map((x) => String(cellValue(ws, x.row, x.col) ?? ''));
          const cellsVal = val.map((x) => cellValue(ws, x.row, x.col));
          // caches: same length as the ranges, same labels, same numbers
          expect([c.title, s.catCache]).toEqual([c.title, cellsCat]);
          expect([c.title, s.valCache.length]).toEqual([c.title, cellsVal.length]);
          s.valCache.forEach((v, i) => {
            const cell = cellsVal[i];
            if (cell === null || cell === '') expect([c.title, i, v]).toEqual([c.title, i, null]);
            else expect([c.title, i, v]).toEqual([c.title, i, expect.closeTo(Number(cell), 9)]);
          });
          if (s.nameRef) {
            const n = parseRef(s.nameRef).cells[0];
            expect([c.title, s.name]).toEqual([c.title, String(cellValue(ws, n.row, n.col))]);
          }
        }
      }
    });

    it('chart 1: considerations of the City (columns) with the national reference beside', () => {
      const r = byTitle(get(), TITLES.considerations);
      expect(r.chart.kinds.every((k) => k === 'barChart')).toBe(true);
      expect(r.chart.barDir).toBe('col');
      expect(r.series.length).toBe(2);
      const ref = r.series.filter((s) => /nationa/i.test(s.name ?? ''));
      const city = r.series.filter((s) => !/nationa/i.test(s.name ?? ''));
      expect(ref).toHaveLength(1);
      expect(city).toHaveLength(1);
      const got: Record<string, number | null> = {};
      city[0].cats.forEach((c, i) => (got[considerationOf(c) ?? c] = city[0].vals[i]));
      expect(got).toEqual({ soc: expect.closeTo(SOC, 6), env: expect.closeTo(ENV, 6), inn: expect.closeTo(INN, 6) });
      const nat: Record<string, number | null> = {};
      ref[0].cats.forEach((c, i) => (nat[considerationOf(c) ?? c] = ref[0].vals[i]));
      expect(nat.soc).toBe(30);
      expect(nat.env).toBe(100);
      // no national reference for innovation (indicateurs.md names two): empty or absent
      expect(nat.inn ?? null).toBeNull();
    });

    it('chart 2: suppliers by zone, share of spend, doughnut or pie', () => {
      const r = byTitle(get(), TITLES.zone);
      expect(r.chart.kinds).toHaveLength(1);
      expect(['doughnutChart', 'pieChart']).toContain(r.chart.kinds[0]);
      expectShares(r, ZONE_SPEND);
    });

    it('chart 3: suppliers by size TPE / PME / ETI / GE, share of spend', () => {
      const r = byTitle(get(), TITLES.typologie);
      expect(r.chart.kinds).toHaveLength(1);
      expect(['doughnutChart', 'pieChart', 'barChart']).toContain(r.chart.kinds[0]);
      expectShares(r, SIZE_SPEND);
    });

    it('chart 4: typology of the insertion contracts (columns), rows of N only', () => {
      const r = byTitle(get(), TITLES.insertion);
      expect(r.chart.kinds).toEqual(['barChart']);
      expect(r.chart.barDir).toBe('col');
      expect(r.series).toHaveLength(1);
      const m = asMap(r.series[0].cats, r.series[0].vals);
      const got: Record<string, number | null> = {};
      for (const [k, v] of m) if ((v ?? 0) !== 0 || k in TYPES) got[k] = v;
      expect(got).toEqual(TYPES);
    });

    it('chart 5: considerations per Pôle (clustered columns), the three Pôles grouped', () => {
      const r = byTitle(get(), TITLES.poles);
      expect(r.chart.kinds.every((k) => k === 'barChart')).toBe(true);
      expect(r.chart.barDir).toBe('col');
      expect(r.chart.grouping).toBe('clustered');
      const got: Record<string, Record<string, number | null>> = {};
      const poles = new Set([EDU, RES, CDV]);
      for (const s of r.series) {
        s.cats.forEach((cat, i) => {
          // either orientation: Pôles as categories and considerations as series, or the other way round
          const [pole, cons] = poles.has(cat.trim()) ? [cat.trim(), considerationOf(s.name ?? '')] : [(s.name ?? '').trim(), considerationOf(cat)];
          (got[pole] ??= {})[cons ?? `?${cat}/${s.name}`] = s.vals[i];
        });
      }
      const want: Record<string, Record<string, unknown>> = {};
      for (const [p, v] of Object.entries(PER_POLE)) want[p] = { soc: expect.closeTo(v.soc, 6), env: expect.closeTo(v.env, 6), inn: expect.closeTo(v.inn, 6) };
      expect(got).toEqual(want);
    });

    it('drawing, relationship and content-type parts are consistent; no orphan chart or drawing part', async () => {
      await expectConsistentParts(get().pkg, 5, opts.userChart ? 1 : 0);
    });

    if (opts.userChart) {
      it("the user's own chart stays on their sheet, untouched, and is not counted", async () => {
        const out = get();
        const [part] = await out.pkg.chartsOfSheet(REGISTER_SHEET);
        const c = await readChart(out.pkg, part);
        expect(c.title).toBe(USER_CHART_TITLE);
        expect(c.series.map((s) => [s.catRef, s.valRef])).toEqual([[`'${REGISTER_SHEET}'!$A$4:$A$6`, `'${REGISTER_SHEET}'!$D$4:$D$6`]]);
      });
    }
  });
}

// ───────────────────────── the runs ─────────────────────────

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-graphiques-'));
const outputs: Record<string, Output> = {};

beforeAll(async () => {
  for (const userChart of [false, true]) {
    const tag = userChart ? 'avec-graphique' : 'simple';
    const input = path.join(dir, `Suivi DGA ${tag}.xlsx`);
    fs.writeFileSync(input, await buildGraphiquesWorkbook({ withUserChart: userChart }));
    const week1 = path.join(dir, `Semaine 1 ${tag}.xlsx`);
    const week2 = path.join(dir, `Semaine 2 ${tag}.xlsx`);
    outputs[`${tag}/1`] = await readOutput(week1, cli(input, week1));
    // a second week: the chain run again on the file it wrote
    outputs[`${tag}/2`] = await readOutput(week2, cli(week1, week2));
  }
  const week3 = path.join(dir, 'Semaine 3 avec-graphique.xlsx');
  outputs['avec-graphique/3'] = await readOutput(week3, cli(outputs['avec-graphique/2'].file, week3, ['--exercice', '2023']));
  const sport = path.join(dir, 'Pôle Sport.xlsx');
  fs.writeFileSync(sport, await buildSportWorkbook());
  const sportOut = path.join(dir, 'Pôle Sport - sortie.xlsx');
  outputs.sport = await readOutput(sportOut, cli(sport, sportOut));
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('week 3: an exercice without rows (--exercice 2023) draws no chart and leaves none behind', () => {
  it('no chart of ours, 1.1.2-dataviz calculé 0, the user chart kept, parts consistent', async () => {
    const out = outputs['avec-graphique/3'];
    expect(out.json.exercice).toBe(2023);
    expect(out.charts).toHaveLength(0);
    const dataviz = out.json.indicateurs.find((i) => i.id === '1.1.2-dataviz')!;
    expect([dataviz.statut, dataviz.valeur]).toEqual(['calculé', 0]);
    await expectConsistentParts(out.pkg, 0, 1);
    const [part] = await out.pkg.chartsOfSheet(REGISTER_SHEET);
    expect((await readChart(out.pkg, part)).title).toBe(USER_CHART_TITLE);
  });
});

describe('« Pôle Sport.xlsx »: only the charts that have values', () => {
  it('1 chart (considerations), 1.1.2-dataviz 1, parts consistent', async () => {
    const out = outputs.sport;
    expect(out.json.exercice).toBe(2025);
    expect(out.charts).toHaveLength(1);
    byTitle(out, TITLES.considerations);
    expect(out.json.indicateurs.find((i) => i.id === '1.1.2-dataviz')!.valeur).toBe(1);
    await expectConsistentParts(out.pkg, 1, 0);
  });

  it('chart 1 shows the social share (33.33 %) and the national references; env and innovation have no value', () => {
    const r = byTitle(outputs.sport, TITLES.considerations);
    const city = r.series.filter((s) => !/nationa/i.test(s.name ?? ''));
    expect(city).toHaveLength(1);
    const got: Record<string, number | null> = {};
    city[0].cats.forEach((c, i) => (got[considerationOf(c) ?? c] = city[0].vals[i]));
    expect(got.soc).toBeCloseTo(100 / 3, 6);
    expect(got.env ?? null).toBeNull();
    expect(got.inn ?? null).toBeNull();
  });

  it('no supplier identifiable at all: the zone breakdown is non calculable (program reading of an ambiguity), so no zone chart', () => {
    const zone = outputs.sport.json.indicateurs.find((i) => i.id === '5.1.1-fournisseurs-zone')!;
    expect([zone.statut, zone.valeur, zone.repartition]).toEqual(['non calculable', null, null]);
    expect(outputs.sport.resolved.filter((r) => TITLES.zone.test(r.chart.title))).toHaveLength(0);
  });
});

// ───────────────────────── Office.js, on the Excel double ─────────────────────────

const OFFICE_TYPES: Record<string, string[]> = { barChart: ['ColumnClustered'], doughnutChart: ['Doughnut'], pieChart: ['Pie'] };

async function officeRun(excel: ExcelDouble, file: string): Promise<number> {
  const book = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  const out = runChain([{ file, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: true });
  await book.writePlan(out.plan);
  return out.result.indicateurs.find((i) => i.id === '1.1.2-dataviz')!.valeur as number;
}

describe('Office.js: the same charts asked of Excel, on the same ranges', () => {
  let excel: ExcelDouble;
  let dataviz: number[];
  beforeAll(async () => {
    const file = 'Suivi DGA simple.xlsx';
    excel = createExcelDouble({ name: file, sheets: (await seedsOf(await buildGraphiquesWorkbook())) as SeedSheet[] });
    dataviz = [await officeRun(excel, file)];
  });

  it('5 charts on SPASER Indicateurs, titles and kinds as in the file, dataviz 5', () => {
    const charts = excel.sheet(INDICATEURS).charts;
    expect(dataviz[0]).toBe(5);
    expect(charts).toHaveLength(5);
    const file = outputs['simple/1'];
    for (const c of charts) {
      const twin = file.charts.filter((x) => x.title === c.title);
      expect([c.title, twin.length]).toEqual([c.title, 1]);
      expect([c.title, OFFICE_TYPES[twin[0].kinds[0]]]).toEqual([c.title, expect.arrayContaining([c.type])]);
    }
  });

  it('each chart is asked for on exactly the rectangle its file twin refers to, by columns, with the same numbers', () => {
    const file = outputs['simple/1'];
    for (const c of excel.sheet(INDICATEURS).charts) {
      const twin = file.charts.find((x) => x.title === c.title)!;
      const cells = twin.series.flatMap((s) => [s.catRef!, s.valRef!, ...(s.nameRef ? [s.nameRef] : [])]).flatMap((f) => parseRef(f).cells);
      const r0 = Math.min(...cells.map((x) => x.row)) - 1;
      const c0 = Math.min(...cells.map((x) => x.col)) - 1;
      const nr = Math.max(...cells.map((x) => x.row)) - r0;
      const nc = Math.max(...cells.map((x) => x.col)) - c0;
      expect([c.title, c.source, c.seriesBy]).toEqual([c.title, { r0, c0, nr, nc }, 'Columns']);
      // series by columns: one series per value column, as in the file
      expect([c.title, nc - 1]).toEqual([c.title, twin.series.length]);
      const ws = file.wb.getWorksheet(INDICATEURS)!;
      for (let r = 0; r < nr; r++) {
        for (let k = 0; k < nc; k++) {
          const inFile = cellValue(ws, r0 + r + 1, c0 + k + 1);
          const inExcel = excel.cell(INDICATEURS, r0 + r + 1, c0 + k + 1)?.value ?? null;
          if (typeof inFile === 'number') expect([c.title, r, k, inExcel]).toEqual([c.title, r, k, expect.closeTo(inFile, 9)]);
          else expect([c.title, r, k, inExcel === '' ? null : inExcel]).toEqual([c.title, r, k, inFile]);
        }
      }
    }
  });

  it('a second run in the same workbook: still 5 charts, no chart left on another sheet', async () => {
    dataviz.push(await officeRun(excel, 'Suivi DGA simple.xlsx'));
    expect(dataviz[1]).toBe(5);
    expect(excel.sheet(INDICATEURS).charts).toHaveLength(5);
    const all = excel.sheetNames().flatMap((n) => excel.sheet(n).charts);
    expect(all).toHaveLength(5);
  });
});

describe('the indicators of the house workbook (JSON of the command line), from the hand working', () => {
  const json = (): Result => outputs['simple/1'].json;

  it('exercice, spend field and row counts', () => {
    const r = json();
    expect(r.exercice).toBe(2025);
    expect(r.depense).toBe('montantMandate');
    expect(r.lignes).toEqual({ lues: 16, exercice: 12, erreurs: 2, avertissements: 1 });
  });

  it('the controls: r8 suggestion-non-confirmee, r16 date-manquante, r17 doublon', () => {
    const got = json().controles.map((c) => [c.feuille, c.ligne, c.code]).sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(got).toEqual([[REGISTER_SHEET, 8, 'suggestion-non-confirmee'], [REGISTER_SHEET, 16, 'date-manquante'], [REGISTER_SHEET, 17, 'doublon']]);
  });

  it('every id of indicateurs.md once, in order; calculé where the working says, non calculable with a motif elsewhere', () => {
    const inds = json().indicateurs;
    expect(inds.map((i) => i.id)).toEqual(SPEC_IDS);
    for (const i of inds) {
      if (i.id in CALCULES) expect([i.id, i.statut]).toEqual([i.id, 'calculé']);
      else {
        expect([i.id, i.statut, i.valeur]).toEqual([i.id, 'non calculable', null]);
        expect([i.id, typeof i.motif, (i.motif ?? '').length > 0]).toEqual([i.id, 'string', true]);
      }
    }
  });

  it.each(Object.keys(CALCULES))('%s: valeur, N−1 and per Pôle', (id) => {
    const i = json().indicateurs.find((x) => x.id === id)!;
    const e = CALCULES[id];
    const close = (v: number | null | undefined) => (v === null || v === undefined ? v : expect.closeTo(v, 6));
    expect(i.valeur).toEqual(close(e.valeur));
    if ('n1' in e) expect(i.n1).toEqual(close(e.n1));
    if (e.parPole) {
      const want: Record<string, unknown> = {};
      for (const [p, v] of Object.entries(e.parPole)) want[p] = close(v);
      expect(i.parPole).toEqual(want);
    }
  });

  it('the breakdowns: zones and sizes (suppliers and spend), insertion contract types, women', () => {
    const get = (id: string) => json().indicateurs.find((x) => x.id === id)!;
    const shares = (sup: Record<string, number>, sp: Record<string, number>, n: number) => {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(sp)) out[k] = { fournisseurs: expect.closeTo((sup[k] / n) * 100, 6), depense: expect.closeTo((sp[k] / SPEND) * 100, 6) };
      return out;
    };
    const nonEmpty = (r: Record<string, unknown> | null) => Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => {
      const x = v as { fournisseurs: number; depense: number };
      return x.fournisseurs !== 0 || x.depense !== 0;
    }));
    expect(nonEmpty(get('5.1.1-fournisseurs-zone').repartition)).toEqual(shares(ZONE_SUPPLIERS, ZONE_SPEND, 11));
    expect(nonEmpty(get('5.1.4-fournisseurs-typologie').repartition)).toEqual(shares(SIZE_SUPPLIERS, SIZE_SPEND, 11));
    const typologie = Object.fromEntries(Object.entries(get('4.2.2-typologie').repartition ?? {}).filter(([, v]) => v !== 0));
    expect(typologie).toEqual(TYPES);
    expect(get('4.2.2-femmes').repartition).toEqual({ F: 3, H: 2 });
  });
});

describeOutput('week 1: the chain run on the buyer workbook', () => outputs['simple/1'], { userChart: false });
describeOutput('week 2: the chain run again on its own output', () => outputs['simple/2'], { userChart: false });
describeOutput('week 1, workbook with a chart of the user', () => outputs['avec-graphique/1'], { userChart: true });
describeOutput('week 2, workbook with a chart of the user', () => outputs['avec-graphique/2'], { userChart: true });

describe('a second week gives the same result', () => {
  it.each(['simple', 'avec-graphique'])('%s: same JSON (dataviz included), same charts with the same data', (tag) => {
    const w1 = outputs[`${tag}/1`];
    const w2 = outputs[`${tag}/2`];
    // the controls name their source file, which is the week-1 output the second time
    const withoutSource = (r: Result) => ({ ...r, controles: r.controles.map((c) => ({ ...c, source: undefined })) });
    expect(withoutSource(w2.json)).toEqual(withoutSource(w1.json));
    const summary = (o: Output) => o.resolved.map((r) => ({ title: r.chart.title, kinds: r.chart.kinds, series: r.series })).sort((a, b) => a.title.localeCompare(b.title));
    expect(summary(w2)).toEqual(summary(w1));
  });
});

// ───────────────────────── LibreOffice ─────────────────────────

describe('LibreOffice converts the output to .ods with its charts', () => {
  it.each(['simple/1', 'avec-graphique/2'])('%s', async (key) => {
    const out = outputs[key];
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-graphiques-ods-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-graphiques-lo-'));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'ods', '--outdir', target, out.file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const ods = path.join(target, path.basename(out.file).replace(/\.xlsx$/, '.ods'));
    expect(fs.existsSync(ods)).toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync(ods));
    const content = xml(await zip.file('content.xml')!.async('string'));
    const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
    const DRAW_NS = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
    const XLINK_NS = 'http://www.w3.org/1999/xlink';
    const CHART_NS = 'urn:oasis:names:tc:opendocument:xmlns:chart:1.0';
    const tables = Array.from(content.getElementsByTagNameNS(TABLE_NS, 'table'));
    const objectsOf = (name: string) => {
      const t = tables.find((x) => x.getAttributeNS(TABLE_NS, 'name') === name);
      return t ? Array.from(t.getElementsByTagNameNS(DRAW_NS, 'object')) : [];
    };
    const ours = objectsOf(INDICATEURS);
    expect(ours).toHaveLength(5);
    expect(objectsOf(REGISTER_SHEET)).toHaveLength(key.startsWith('avec') ? 1 : 0);
    const classes: string[] = [];
    const titles: string[] = [];
    for (const o of ours) {
      const href = (o.getAttributeNS(XLINK_NS, 'href') ?? '').replace(/^\.\//, '');
      const sub = zip.file(`${href}/content.xml`);
      expect([href, sub !== null]).toEqual([href, true]);
      const doc = xml(await sub!.async('string'));
      const chart = doc.getElementsByTagNameNS(CHART_NS, 'chart')[0];
      classes.push(chart.getAttributeNS(CHART_NS, 'class') ?? '');
      const title = doc.getElementsByTagNameNS(CHART_NS, 'title')[0];
      titles.push((title?.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    expect(classes.filter((c) => c === 'chart:bar')).toHaveLength(classes.length - classes.filter((c) => c === 'chart:circle' || c === 'chart:ring').length);
    expect(classes.filter((c) => c === 'chart:circle' || c === 'chart:ring').length).toBeGreaterThanOrEqual(1);
    for (const re of Object.values(TITLES)) expect([String(re), titles.filter((t) => re.test(t)).length]).toEqual([String(re), 1]);
    fs.rmSync(target, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }, 180_000);
});
