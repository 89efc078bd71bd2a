/**
 * French typography of what the add-in writes (README « Typographie ») : a no-break space inside
 * « », before « : ; ! ? » and between a number and « % » or « € », digits grouped by a narrow
 * no-break space, so that a line never starts with « » » or « : » in the pane or a wrapped cell.
 * The terminal keeps plain spaces (`plainSpaces`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { runChain } from '../../src/domain/chain';
import { fixedNumber, frenchNumber } from '../../src/domain/french-text';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { chainInput } from '../acceptance/helpers';

/** An ordinary space where French typography wants a no-break one. */
const BREAKABLE = /«\u0020|\u0020»|\u0020[:;!?](?=\s|$)|[\d}]\u0020[%€]|[≥≤]\u0020/;
/** A count parted from the noun it counts (« 116 / lignes » at the end of a line of the pane). */
const PARTED_COUNT = /\d\u0020(lignes?|ligne\(s\)|marchés?|marché\(s\)|feuilles?|valeurs|jours?|formules|autres?|erreurs?|avertissements?|classeurs?)\b/;

const SRC = path.join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f));
}

/** The text of every string, template piece and JSX text of a file, with its line. */
function texts(file: string): { line: number; text: string }[] {
  const source = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      // A JSX text's leading space is trivia to `getStart`: take it from its full start.
      const start = ts.isJsxText(node) ? node.getFullStart() : node.getStart(sf);
      out.push({ line: sf.getLineAndCharacterOfPosition(start).line + 1, text: source.slice(start, node.end) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('French typography', () => {
  it('every French text of src/ uses no-break spaces (the terminal text of src/cli/ and number formats apart)', () => {
    const files = sourceFiles(SRC).filter((f) => !f.startsWith(path.join(SRC, 'cli') + path.sep));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      texts(f)
        // `# ##0,00 €` is an Excel number format, not a sentence.
        .filter((t) => !t.text.includes('#') && BREAKABLE.test(t.text))
        .map((t) => `${path.relative(SRC, f)}:${t.line} ${t.text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the manifest\'s texts, shown by Office in the ribbon and its tooltips, too', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');
    const texts = [...manifest.matchAll(/DefaultValue="([^"]*)"/g)].map((m) => m[1]).filter((t) => !t.startsWith('https://'));
    expect(texts.some((t) => t.includes('\u00a0:'))).toBe(true);
    expect(texts.filter((t) => BREAKABLE.test(t))).toEqual([]);
  });

  it('the scan sees an ordinary space before a colon, inside guillemets and before a unit', () => {
    for (const bad of ['`Erreur : ${x}`', "'« Montant »'", '`${n} %`', "'12 €'", "'a ; b'", "'≥ 30'"]) expect([bad, BREAKABLE.test(bad)]).toEqual([bad, true]);
    for (const good of ['`Erreur\u00a0: ${x}`', "'«\u00a0Montant\u00a0»'", '`${n}\u00a0%`', "'https://x'", "'Voir ?x=1'"]) expect([good, BREAKABLE.test(good)]).toEqual([good, false]);
  });

  it('sees a count parted from its noun, not a row number or a year', () => {
    for (const bad of ['116 lignes', 'pour 1 ligne(s)', 'de 30 jours', '3 des 5 valeurs', 'et 2 autres champs']) expect([bad, PARTED_COUNT.test(bad)]).toEqual([bad, true]);
    for (const good of ['116\u00a0lignes', 'Ligne 6, colonne', 'exercice 2025 retenu', 'ligne 12 de la feuille']) expect([good, PARTED_COUNT.test(good)]).toEqual([good, false]);
  });

  it('groups digits with a narrow no-break space', () => {
    expect(frenchNumber(1234567.5)).toBe('1\u202f234\u202f567,5');
    expect(fixedNumber(-12345.678, 2)).toBe('-12\u202f345,68');
    expect(fixedNumber(-0.01, 1)).toBe('0,0');
  });

  it('no message, reason, notice or written SPASER cell of the demo breaks a line where French does not', async () => {
    const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
    const out = runChain(inputs, { today: '2026-01-15' });
    // The buyers' own texts keep their spaces: a cell copied as such, or quoted between « ».
    const theirs = new Set(inputs.flatMap((i) => i.sheets.flatMap((g) => g.rows.flatMap((r) => r.filter((v): v is string => typeof v === 'string')))));
    const ours = (t: string): string => t.replace(/«\u00a0[^«»]*\u00a0»/g, (q) => (theirs.has(q.slice(2, -2)) ? '«\u00a0…\u00a0»' : q));
    const said = [
      ...out.result.controles.map((c) => c.message),
      ...out.result.indicateurs.flatMap((i) => (i.motif === null ? [] : [i.motif])),
      ...out.notices,
    ];
    // The register copies the buyers' own cells (their spaces are theirs); every other sheet is ours.
    const cells = out.plan.sheets
      .filter((s) => s.name !== 'SPASER Registre')
      .flatMap((s) => s.blocks.flatMap((b) => b.values.flatMap((r) => r.filter((v): v is string => typeof v === 'string'))));
    expect(said.length).toBeGreaterThan(20);
    expect(cells.some((c) => c.includes('\u00a0:'))).toBe(true);
    expect(said.some((t) => ours(t) !== t)).toBe(true);
    expect([...said, ...cells].filter((t) => !theirs.has(t) && BREAKABLE.test(ours(t)))).toEqual([]);
    expect([...said, ...cells].filter((t) => !theirs.has(t) && PARTED_COUNT.test(ours(t)))).toEqual([]);
  });
});
