/**
 * A static check of the Office.js members the add-in uses against the
 * requirement sets (README « Versions d'Excel requises »; manifest: ExcelApi 1.7).
 *
 * The TypeScript checker resolves every property access, call, assignment of an
 * object literal to an Office.js property, and every `load('a/b,c')` path of the
 * scanned files to its declaration in `@types/office-js`, whose JSDoc gives
 * « [Api set: ExcelApi 1.x] ». A use above ExcelApi 1.7 must sit in the
 * true branch of an `if`, of a `? :` or the right side of `&&` whose condition
 * calls a guard: a function of the scanned files whose body calls
 * `isSetSupported('ExcelApi', '1.y')` with y at least x.
 *
 * What it cannot see (honestly):
 * - members reached without a typed access: `any`, element access `obj['name']`,
 *   casts through `unknown`, strings given to APIs other than `load` (enum
 *   values such as chart types passed as `'Treemap' as Excel.ChartType`);
 * - parameters added to a method in a later set (`getUsedRange(valuesOnly)`,
 *   ExcelApi 1.2) when the JSDoc gives the set in the parameter text only;
 * - guards written otherwise (early `return`, a flag stored in a variable
 *   and tested later): they are reported as unguarded, not missed;
 * - whether the fallback itself is right (spec-api-sets-fallback.test.ts runs it);
 * - files outside SCANNED_FILES.
 * Reads of a loaded scalar property (`range.values`) are local to the add-in
 * and not checked: the `load` path that fetched them is.
 */
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../../..');

export const SCANNED_FILES = [
  'src/workbook/chart-style.ts',
  'src/workbook/office/highlight.ts',
  'src/workbook/office/index.ts',
  'src/workbook/office/limits.ts',
  'src/workbook/office/meter.ts',
  'src/workbook/office/read.ts',
  'src/workbook/office/write.ts',
  'src/taskpane/hosts/excel-host.ts',
  'src/commands/commands.ts',
  'src/taskpane/index.tsx',
];

/** The manifest's ExcelApi minor version (`<Set Name="ExcelApi" MinVersion="1.7"/>`). */
export const MANIFEST_MINOR = 7;

export interface ApiUse {
  readonly file: string;
  readonly line: number;
  /** `Worksheet.getRanges`, `Office.Addin.showAsTaskpane`… */
  readonly member: string;
  /** `ExcelApi 1.9`, `SharedRuntime 1.1`, or `—` when the typings name no set. */
  readonly set: string;
  /** ExcelApi minor version needed; 0 when not an ExcelApi member or none given. */
  readonly excelMinor: number;
  /** The guard function around the use, if any. */
  readonly guard: string | null;
  readonly guardMinor: number | null;
  /** How it was met: access, call, assignment, literal, load. */
  readonly kind: string;
}

function isOfficeTypings(decl: ts.Node): boolean {
  return decl.getSourceFile().fileName.includes(`${path.sep}@types${path.sep}office-js${path.sep}`) ||
    decl.getSourceFile().fileName.includes('/@types/office-js/');
}

/** The set named by the JSDoc just above a declaration. */
function setOf(decl: ts.Node): { set: string; excelMinor: number } {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? [];
  const doc = ranges.map((r) => sf.text.slice(r.pos, r.end)).join('\n');
  const api = /\[Api set: ([^\]]+)\]/.exec(doc);
  const req = /\*\*Requirement set\*\*: \{@link [^|]+\| ([^}]+)\}/.exec(doc);
  const text = (api?.[1] ?? req?.[1] ?? '—').trim();
  const excel = /^ExcelApi (\d+)\.(\d+)/.exec(text);
  if (!excel) return { set: text, excelMinor: 0 };
  // "ExcelApi 1.1 / 1.3", "ExcelApi 1.1 for reading …; 1.2 for setting it": the highest, to be safe.
  const minors = [...text.matchAll(/1\.(\d+)/g)].map((m) => Number(m[1]));
  return { set: text, excelMinor: Math.max(...minors) };
}

function ownerName(decl: ts.Node): string {
  let p: ts.Node | undefined = decl.parent;
  const names: string[] = [];
  while (p && !ts.isSourceFile(p)) {
    if ((ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)) && p.name) names.unshift(p.name.text);
    if (ts.isModuleDeclaration(p) && ts.isIdentifier(p.name) && p.name.text !== 'Excel' && p.name.text !== 'Office') {
      names.unshift(p.name.text);
    }
    p = p.parent;
  }
  return names.join('.');
}

function memberName(decl: ts.Declaration, name: string): string {
  const owner = ownerName(decl);
  return owner ? `${owner}.${name}` : name;
}

/** Guard functions of the scanned files: name → ExcelApi minor they check. */
function findGuards(files: readonly ts.SourceFile[]): Map<string, number> {
  const guards = new Map<string, number>();
  for (const sf of files) {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) && n.name && n.body) {
        const m = /isSetSupported\(\s*'ExcelApi'\s*,\s*'1\.(\d+)'\s*\)/.exec(n.body.getText(sf));
        if (m) guards.set(n.name.text, Number(m[1]));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return guards;
}

/** Guard calls a condition makes (a call, possibly in a chain of &&). */
function guardsIn(cond: ts.Expression, guards: Map<string, number>): { name: string; minor: number }[] {
  const e = ts.isParenthesizedExpression(cond) ? cond.expression : cond;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && guards.has(e.expression.text)) {
    return [{ name: e.expression.text, minor: guards.get(e.expression.text) as number }];
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...guardsIn(e.left, guards), ...guardsIn(e.right, guards)];
  }
  return [];
}

/** The strongest guard whose true branch holds `node`. */
function enclosingGuard(node: ts.Node, guards: Map<string, number>): { name: string; minor: number } | null {
  let best: { name: string; minor: number } | null = null;
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    let cond: ts.Expression | null = null;
    if (ts.isIfStatement(p) && child === p.thenStatement) cond = p.expression;
    else if (ts.isConditionalExpression(p) && child === p.whenTrue) cond = p.condition;
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) cond = p.left;
    if (cond) for (const g of guardsIn(cond, guards)) if (!best || g.minor > best.minor) best = g;
  }
  return best;
}

function isClientObjectType(t: ts.Type): boolean {
  const decls = t.getSymbol()?.declarations ?? [];
  return decls.some((d) => isOfficeTypings(d) && (ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d)));
}

export function createProgram(files: readonly string[]): ts.Program {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(
    files.map((f) => path.resolve(ROOT, f)),
    { ...parsed.options, noEmit: true },
  );
}

/** Every Office.js member the given files use, with its set and guard. */
export function scanApiUses(program: ts.Program, files: readonly string[]): ApiUse[] {
  const checker = program.getTypeChecker();
  const sources = files.map((f) => program.getSourceFile(path.resolve(ROOT, f)) as ts.SourceFile);
  const guards = findGuards(sources);
  const uses: ApiUse[] = [];

  const record = (sf: ts.SourceFile, at: ts.Node, decl: ts.Declaration, name: string, kind: string): void => {
    const { set, excelMinor } = setOf(decl);
    const g = enclosingGuard(at, guards);
    uses.push({
      file: path.relative(ROOT, sf.fileName).split(path.sep).join('/'),
      line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1,
      member: memberName(decl, name),
      set,
      excelMinor,
      guard: g?.name ?? null,
      guardMinor: g?.minor ?? null,
      kind,
    });
  };

  /** `load('items/name,items/visibility')` on a receiver: each path step is a member. */
  const recordLoad = (sf: ts.SourceFile, call: ts.CallExpression, receiver: ts.Expression, text: string): void => {
    for (const pathText of text.split(',')) {
      let type = checker.getTypeAtLocation(receiver);
      for (const step of pathText.trim().split('/')) {
        const prop = type.getProperty(step);
        const decl = prop?.declarations?.[0];
        if (!prop || !decl) break;
        if (isOfficeTypings(decl)) record(sf, call, decl, step, 'load');
        type = checker.getTypeOfSymbolAtLocation(prop, call);
        const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
        if (element) type = element;
      }
    }
  };

  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        const symbol = checker.getSymbolAtLocation(n.name);
        const decls = (symbol?.declarations ?? []).filter(isOfficeTypings);
        if (decls.length > 0) {
          const parent = n.parent;
          const isCall = ts.isCallExpression(parent) && parent.expression === n;
          const isWrite = ts.isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
          let decl: ts.Declaration = decls[0];
          if (isCall) {
            const sig = checker.getResolvedSignature(parent as ts.CallExpression)?.declaration;
            if (sig && !ts.isJSDocSignature(sig) && isOfficeTypings(sig)) decl = sig;
          }
          const scalarRead = !isCall && !isWrite && !isClientObjectType(checker.getTypeAtLocation(n));
          if (!scalarRead) record(sf, n, decl, n.name.text, isCall ? 'call' : isWrite ? 'assignment' : 'access');
          if (isCall && n.name.text === 'load') {
            const arg = (parent as ts.CallExpression).arguments[0];
            if (arg && ts.isStringLiteralLike(arg)) recordLoad(sf, parent as ts.CallExpression, n.expression, arg.text);
          }
        }
      }
      // `range.hyperlink = { documentReference, textToDisplay }`: the literal's keys are members too.
      if (ts.isObjectLiteralExpression(n)) {
        const contextual = checker.getContextualType(n);
        if (contextual) {
          for (const p of n.properties) {
            if (!p.name || !ts.isIdentifier(p.name)) continue;
            const decl = contextual.getProperty(p.name.text)?.declarations?.[0];
            if (decl && isOfficeTypings(decl)) record(sf, p, decl, p.name.text, 'literal');
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return uses;
}

/**
 * Sets other than ExcelApi that need no guard: SharedRuntime 1.1 is in the
 * manifest; `Event.completed` is documented for Outlook as Mailbox 1.3, in
 * Excel it belongs to the add-in commands the manifest declares.
 */
export const ALLOWED_OTHER_SETS: readonly string[] = ['SharedRuntime 1.1', 'Mailbox 1.3'];

/** Uses above the manifest's ExcelApi (or of another set not declared) that no guard of a high enough version covers. */
export function unguarded(uses: readonly ApiUse[], manifestMinor = MANIFEST_MINOR): ApiUse[] {
  return uses.filter((u) => {
    if (u.set === '—') return false;
    if (!u.set.startsWith('ExcelApi ')) return !ALLOWED_OTHER_SETS.includes(u.set);
    if (u.excelMinor <= manifestMinor) return false;
    return u.guardMinor === null || u.guardMinor < u.excelMinor;
  });
}
