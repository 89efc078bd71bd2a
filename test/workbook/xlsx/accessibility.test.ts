/**
 * The written workbook against Excel's accessibility checker (« Vérifier l'accessibilité »; the City is
 * a public body, RGAA applies): every chart has an alternative text (title and a description that says
 * what it shows and its values), every table a header row, no merged cell, no default sheet name, every
 * font colour readable on its fill (WCAG 4.5:1), and no fill that carries a meaning its cell does not say
 * in text. Read back from the produced `.xlsx` (JSZip: drawing, tables, styles, sheets) after a real
 * chain run; the expected values come from the sheet's cells, formatted here.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { isSpaserSheet } from '../../../src/domain/plan-types';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { loadBytes, toBytes } from './fixtures';
import { attr, parts } from './package-checks';
import { resolvePartTarget } from '../../helpers/sheet-links';

const NBSP = '\u00a0';

/**
 * Three Pôles (one named with the characters XML escapes), clauses, suppliers with postal codes and sizes,
 * one row in error (no date): charts, a controls table, links.
 */
function register(poles: readonly string[] = ['Culture', 'Sports & "Loisirs" <Nord>', 'Voirie']): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale', 'Clause environnementale', 'Titulaire', 'Code postal', 'Catégorie entreprise']);
  poles.forEach((pole, i) => {
    ws.addRow([`2025-${i}a`, 'Nettoyage des locaux', 1000 + i, new Date(Date.UTC(2025, 1, 3)), pole, 'Oui', 'Non', 'Net Nord', '59100', 'PME']);
    ws.addRow([`2025-${i}b`, 'Papier', 2000, new Date(Date.UTC(2025, 2, 3)), pole, i % 2 === 0 ? 'Non' : 'Oui', 'Oui', 'Papeterie', '59000', 'TPE']);
    ws.addRow([`2025-${i}c`, 'Travaux de voirie', 30000, new Date(Date.UTC(2025, 3, 3)), pole, 'Non', 'Oui', 'BTP Sud', '75011', 'ETI']);
  });
  ws.addRow(['2025-999', 'Sans date', 500, null, poles[0], 'Non', 'Non', 'Net Nord', '59100', 'PME']);
  return wb;
}

async function produced(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const book = await openXlsx(await toBytes(wb), 'Suivi.xlsx');
  const out = runChain([{ file: 'Suivi.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: book.writesCharts, today: '2026-01-15' });
  await book.writePlan(out.plan);
  return book.saveXlsx();
}

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The workbook's sheets: name → part. */
function sheetParts(all: Map<string, Buffer>): Map<string, string> {
  const wb = all.get('xl/workbook.xml')!.toString('utf8');
  const rels = all.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*>/g)) {
    const rid = /r:id="([^"]*)"/.exec(m[0])![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(rels)![1];
    out.set(unescape(attr(m[0], 'name')!), resolvePartTarget('xl/workbook.xml', target));
  }
  return out;
}

/** The parts a part's relationships of `type` (its last word) lead to. */
function related(all: Map<string, Buffer>, part: string, type: string): string[] {
  const relsPath = part.replace(/([^/]*)$/, '_rels/$1.rels');
  const rels = all.get(relsPath)?.toString('utf8') ?? '';
  return [...rels.matchAll(/<Relationship [^>]*>/g)]
    .filter((m) => attr(m[0], 'Type')!.endsWith(`/${type}`))
    .map((m) => resolvePartTarget(part, attr(m[0], 'Target')!));
}

/** A share as a cell formatted `# ##0,0` shows it, with its unit. */
function shownShare(v: unknown): string {
  return typeof v === 'number' ? `${(Math.round(v * 10) / 10).toFixed(1).replace('.', ',')}${NBSP}%` : 'sans valeur';
}

describe('the written workbook passes the accessibility checker', () => {
  let output: Uint8Array;
  let all: Map<string, Buffer>;
  let sheets: Map<string, string>;
  beforeAll(async () => {
    output = await produced(register());
    all = await parts(output);
    sheets = sheetParts(all);
  });
  const text = (p: string): string => all.get(p)!.toString('utf8');

  it('every chart has an alternative text: its title, and a description with the exercice and every value of its data', async () => {
    const back = await loadBytes(output);
    const ws = back.getWorksheet('SPASER Indicateurs')!;
    const [drawing] = related(all, sheets.get('SPASER Indicateurs')!, 'drawing');
    const xml = text(drawing);
    const frames = [...xml.matchAll(/<xdr:graphicFrame\b[\s\S]*?<\/xdr:graphicFrame>/g)].map((m) => m[0]);
    const charts = related(all, drawing, 'chart');
    expect(frames).toHaveLength(4);
    expect(charts).toHaveLength(4);
    for (const frame of frames) {
      const cNvPr = /<xdr:cNvPr [^>]*>/.exec(frame)![0];
      const rid = /r:id="([^"]*)"/.exec(frame)![1];
      const relsXml = text(drawing.replace(/([^/]*)$/, '_rels/$1.rels'));
      const chartPart = resolvePartTarget(drawing, new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(relsXml)![1]);
      const chart = text(chartPart);
      const title = unescape(/<a:t>([^<]*)<\/a:t>/.exec(chart)![1]);
      const descr = unescape(attr(cNvPr, 'descr') ?? '');
      expect(unescape(attr(cNvPr, 'title') ?? '')).toBe(title);
      expect(descr.startsWith(`${title}, exercice 2025. `)).toBe(true);
      // The data range, read from the sheet: categories down its first column, series across its header.
      const [, sheetCol, firstRow, lastRow] = /<c:cat><c:strRef><c:f>'SPASER Indicateurs'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)<\/c:f>/.exec(chart)!;
      const col = ws.getColumn(sheetCol).number;
      const seriesCount = [...chart.matchAll(/<c:ser>/g)].length;
      const header = Number(firstRow) - 1;
      const seriesName = (s: number): string => String(ws.getCell(header, col + 1 + s).value).replace(/ \(%\)$/, '');
      const isShare = (s: number): boolean => /%/.test(String(ws.getCell(header, col + 1 + s).value)) || seriesCount > 1;
      for (let r = Number(firstRow); r <= Number(lastRow); r++) {
        const label = String(ws.getCell(r, col).value);
        const shown = (s: number): string => {
          const v = ws.getCell(r, col + 1 + s).value;
          return isShare(s) ? shownShare(v) : String(v);
        };
        if (seriesCount === 1) expect(descr).toContain(`${label} ${shown(0)}`);
        else {
          const values = Array.from({ length: seriesCount }, (_, s) => `${seriesName(s)} ${shown(s)}`).join(', ');
          expect(descr).toContain(`${label}${NBSP}: ${values}`);
        }
      }
    }
  });

  it('a chart of many Pôles names ten of them in its description and counts the others', async () => {
    const poles = Array.from({ length: 12 }, (_, i) => `Pôle ${String.fromCharCode(65 + i)}`);
    const bytes = await produced(register(poles));
    const files = await parts(bytes);
    const drawing = [...files.keys()].find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))!;
    const descrs = [...files.get(drawing)!.toString('utf8').matchAll(/<xdr:cNvPr [^>]*>/g)].map((m) => unescape(attr(m[0], 'descr') ?? ''));
    const byPole = descrs.find((d) => d.startsWith('Considérations par Pôle'))!;
    for (const p of poles.slice(0, 10)) expect(byPole).toContain(`${p}${NBSP}: `);
    for (const p of poles.slice(10)) expect(byPole).not.toContain(p);
    expect(byPole.endsWith(`${NBSP}; … et 2 autres.`)).toBe(true);
  });

  it('LibreOffice reads the description of each chart as its alternative text (svg:desc)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'a11y-lo-'));
    const file = path.join(dir, 'sortie.xlsx');
    fs.writeFileSync(file, output);
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profil')}`, '--headless', '--convert-to', 'ods', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status).toBe(0);
    const content = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'sortie.ods')))).file('content.xml')!.async('string');
    const [drawing] = related(all, sheets.get('SPASER Indicateurs')!, 'drawing');
    const written = [...text(drawing).matchAll(/<xdr:cNvPr [^>]*>/g)].map((m) => unescape(attr(m[0], 'descr') ?? ''));
    const read = [...content.matchAll(/<svg:desc>([^<]*)<\/svg:desc>/g)].map((m) => unescape(m[1]));
    expect(written.every((d) => d.length > 0)).toBe(true);
    expect(read).toEqual(written);
  }, 200_000);

  it('every table has a header row of named columns', () => {
    const tables = [...sheets.entries()].filter(([n]) => isSpaserSheet(n)).flatMap(([, part]) => related(all, part, 'table'));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const tag = /<table [^>]*>/.exec(text(t))![0];
      expect({ t, headerRowCount: attr(tag, 'headerRowCount') ?? '1' }).toEqual({ t, headerRowCount: '1' });
      const names = [...text(t).matchAll(/<tableColumn [^>]*>/g)].map((m) => attr(m[0], 'name') ?? '');
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).not.toMatch(/^(Colonne|Column)\d+$|^$/);
    }
  });

  it('no merged cell in the SPASER sheets, and no sheet named like a default one', () => {
    for (const [name, part] of sheets) {
      if (isSpaserSheet(name)) expect({ name, merged: /<mergeCell\b/.test(text(part)) }).toEqual({ name, merged: false });
    }
    const added = [...sheets.keys()].filter((n) => n !== 'Suivi 2025');
    expect(added.length).toBeGreaterThan(0);
    for (const n of added) expect(n).not.toMatch(/^(Feuil|Sheet|Feuille|Tabelle|Hoja)\s*\d+$/i);
  });

  describe('colours', () => {
    /** The colours of the styles' fonts and fills as `#RRGGBB`, null for the application's automatic colour. */
    function styles(): { font: (xf: number) => string | null; fill: (xf: number) => string | null } {
      const xml = text('xl/styles.xml');
      const section = (name: string): string => new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)![1];
      const fonts = [...section('fonts').matchAll(/<font\b[^>]*?(?:\/>|>[\s\S]*?<\/font>)/g)].map((m) => m[0]);
      const fills = [...section('fills').matchAll(/<fill\b[^>]*?(?:\/>|>[\s\S]*?<\/fill>)/g)].map((m) => m[0]);
      const xfs = [...section('cellXfs').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
      const rgb = (tag: string | undefined): string | null => {
        const v = tag ? attr(tag, 'rgb') : undefined;
        return v ? `#${v.slice(-6).toUpperCase()}` : null;
      };
      return {
        font: (xf) => rgb(/<color [^>]*>/.exec(fonts[Number(attr(xfs[xf], 'fontId') ?? 0)])?.[0]),
        fill: (xf) => {
          const fill = fills[Number(attr(xfs[xf], 'fillId') ?? 0)];
          if (!/patternType="solid"/.test(fill)) return null;
          return rgb(/<fgColor [^>]*>/.exec(fill)?.[0]) ?? '#??????';
        },
      };
    }

    function luminance(hex: string): number {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
    function contrast(a: string, b: string): number {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    }

    /** The cells of the SPASER sheets: sheet, address, style index, and whether the cell holds a value. */
    function cells(): { sheet: string; ref: string; s: number; filled: boolean }[] {
      const out: { sheet: string; ref: string; s: number; filled: boolean }[] = [];
      for (const [sheet, part] of sheets) {
        if (!isSpaserSheet(sheet)) continue;
        for (const m of text(part).matchAll(/<c ([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
          out.push({ sheet, ref: attr(` ${m[1]}`, 'r')!, s: Number(attr(` ${m[1]}`, 's') ?? 0), filled: /<(v|is)>/.test(m[3] ?? '') });
        }
      }
      return out;
    }

    it('every font colour written on a fill reads at least 4.5:1 on it (an automatic colour on a fill follows the theme, and may not)', () => {
      const st = styles();
      const pairs = new Map<string, string>();
      for (const c of cells()) {
        const fill = st.fill(c.s);
        const font = st.font(c.s);
        // An automatic colour on no fill is the application's pair (black on white, or light on dark): readable.
        if (fill === null && font === null) continue;
        pairs.set(`${font ?? 'automatique'} sur ${fill ?? '#FFFFFF'}`, `${c.sheet}!${c.ref}`);
      }
      expect(pairs.size).toBeGreaterThan(0);
      for (const [pair, where] of pairs) {
        const [font, fill] = pair.split(' sur ');
        const ratio = /^#[0-9A-F]{6}$/.test(font) && /^#[0-9A-F]{6}$/.test(fill) ? contrast(font, fill) : 0;
        expect({ pair, where, readable: ratio >= 4.5 }).toEqual({ pair, where, readable: true });
      }
    });

    it('a fill carries no meaning by itself: every filled cell holds a text, and the controls say the gravity in words', async () => {
      const st = styles();
      for (const c of cells()) {
        if (st.fill(c.s) !== null) expect({ cell: `${c.sheet}!${c.ref}`, text: c.filled }).toEqual({ cell: `${c.sheet}!${c.ref}`, text: true });
      }
      const back = await loadBytes(output);
      const ws = back.getWorksheet('SPASER Contrôles')!;
      expect(ws.getCell('A1').value).toBe('Gravité');
      const gravities = new Set<unknown>();
      for (let r = 2; r <= ws.rowCount; r++) gravities.add(ws.getCell(r, 1).value);
      expect([...gravities].every((g) => g === 'Erreur' || g === 'Avertissement')).toBe(true);
      expect(gravities.has('Erreur')).toBe(true);
    });
  });
});
