/**
 * A backup copy of the register sheet (« Déplacer ou copier ») or an older copy kept beside it is a
 * register source like any other (`regles.md` §1), and each of its rows that repeats an earlier row is
 * a `doublon` (§3): the controls fill with errors the buyer did not make. One notice per such sheet
 * names the sheet it repeats, says why the controls are full and what to do; the errors stay.
 */
import { plural } from './change';
import { frenchNumber } from './french-text';
import type { ChainInput } from './chain';
import type { Register } from './model';
import { rowsBySheet } from './source-sheets';

/** Fewest rows repeated from one sheet for a notice: a single shared contract is an ordinary doublon. */
const MIN_REPEATED = 2;

const keyOf = (file: string, sheet: string): string => `${file}\u0000${sheet}`;

/** A register sheet that repeats rows of one earlier sheet (`copiedSheets`). */
interface CopiedSheet {
  readonly file: string;
  readonly sheet: string;
  /** The earlier sheet whose rows it repeats most. */
  readonly fromFile: string;
  readonly fromSheet: string;
  /** Its rows that are doublons of rows of that sheet, and all its rows. */
  readonly repeated: number;
  readonly rows: number;
  /** Its other doublons (of rows of other sheets, or of its own): not to be said to count. */
  readonly others: number;
}

/** Key of a sheet of an input, as `copiedSheets` and the hidden-sheet notices compare them. */
export const copiedSheetKey = (file: string, sheet: string): string => keyOf(file, sheet);

/**
 * Each register sheet of which at least half the rows (and two or more) are doublons of rows of one
 * earlier sheet, in file then sheet order.
 */
export function copiedSheets(register: Register): CopiedSheet[] {
  // The doublons as the register found them, each with the earlier row it repeats: counted per pair of sheets.
  /** Per later sheet, the count of its doublons per earlier sheet. */
  const repeated = new Map<string, Map<string, number>>();
  /** Per sheet, all its doublons, whichever row they repeat. */
  const doubled = new Map<string, number>();
  for (const { row: here, first: there } of register.doublons) {
    const key = keyOf(here.file, here.sheet);
    doubled.set(key, (doubled.get(key) ?? 0) + 1);
    if (here.file === there.file && here.sheet === there.sheet) continue;
    const counts = repeated.get(key) ?? new Map<string, number>();
    const from = keyOf(there.file, there.sheet);
    counts.set(from, (counts.get(from) ?? 0) + 1);
    repeated.set(key, counts);
  }
  if (repeated.size === 0) return [];
  const rowsOf = rowsBySheet(register);
  const out: CopiedSheet[] = [];
  for (const m of register.mappings) {
    if (m.kind !== 'registre') continue;
    const key = keyOf(m.file, m.sheet);
    const counts = repeated.get(key);
    if (counts === undefined) continue;
    // The sheet it repeats most (the first one in order on a tie).
    let best: [string, number] | null = null;
    for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
    const [from, k] = best!;
    const n = rowsOf(m.file, m.sheet);
    if (k < MIN_REPEATED || 2 * k < n) continue;
    const [fromFile, fromSheet] = from.split('\u0000');
    out.push({ file: m.file, sheet: m.sheet, fromFile, fromSheet, repeated: k, rows: n, others: (doubled.get(key) ?? k) - k });
  }
  return out;
}

/**
 * A French sentence per copied sheet. A hidden one is said hidden here, and nowhere else: the
 * hidden-sheet notice would say its rows count, when most are doublons (`hiddenSheetNotices`' `skip`).
 */
export function copiedSheetNotices(inputs: readonly ChainInput[], copies: readonly CopiedSheet[]): string[] {
  if (copies.length === 0) return [];
  const hidden = new Set(inputs.flatMap((i) => i.sheets.filter((s) => s.hidden === true).map((s) => keyOf(i.file, s.name))));
  const several = inputs.length > 1;
  const where = (file: string): string => (several ? ` du classeur « ${file} »` : '');
  return copies.map((c) => {
    const isHidden = hidden.has(keyOf(c.file, c.sheet));
    const sheet = `${isHidden ? 'masquée ' : ''}« ${c.sheet} »${where(c.file)}`;
    const source = `« ${c.fromSheet} »${where(c.fromFile)}`;
    const flagged = 'signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs';
    const show = isHidden ? ' Affichez-la pour la vérifier.' : '';
    const { repeated: k, rows: n, others } = c;
    // Two workbooks of a consolidation: one of them is a copy (or an older version) of the other, to take off the list.
    const apart = c.file !== c.fromFile;
    const order = apart ? `plus haut dans l'ordre des classeurs` : `plus haut dans l'ordre des feuilles`;
    if (k === n) {
      const todo = apart
        ? `Si l'un des deux classeurs est une copie de l'autre, retirez-le des classeurs à consolider : les contrôles ne montreront plus que les vrais doublons.`
        : `Si l'une des deux feuilles est une copie de sauvegarde, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons.`;
      return `La feuille ${sheet} reprend les ${plural(n, 'ligne', 'lignes')} de la feuille ${source}, ${order} : chacune est ${flagged}, où seules celles de ${source} comptent.${show} ${todo}`;
    }
    // The rows left are those no doublon at all: rows repeating a third sheet do not count either.
    const rest = n - k - others;
    const also =
      others === 0 ? '' : `, et ${others === 1 ? 'une autre ligne est aussi en double' : `${frenchNumber(others)} autres lignes sont aussi en double`}`;
    const restText = rest === 1 ? 'la ligne restante compte' : `les ${frenchNumber(rest)} lignes restantes comptent`;
    const counts = rest === 0 ? '' : `, mais ${restText} comme ${rest === 1 ? 'un marché à part' : 'des marchés à part'} (un numéro ou une date corrigés depuis ?)`;
    const after = rest === 0 ? '' : `, et ${rest === 1 ? 'sa ligne restante ne comptera' : 'ses lignes restantes ne compteront'} plus`;
    const todo = apart
      ? `Si le classeur « ${c.file} » est une ancienne version ou une copie de « ${c.fromFile} », retirez-le des classeurs à consolider : les contrôles ne montreront plus que les vrais doublons${after}.`
      : `Si c'est une ancienne copie, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons${after}.`;
    return `Sur les ${plural(n, 'ligne', 'lignes')} de la feuille ${sheet}, ${frenchNumber(k)} reprennent des lignes de la feuille ${source}, ${order}${also} : chacune est ${flagged}${counts}.${show} ${todo}`;
  });
}
