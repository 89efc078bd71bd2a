/**
 * A backup copy of the register sheet (« Déplacer ou copier ») or an older copy kept beside it is a
 * register source like any other (`regles.md` §1), and each of its rows that repeats an earlier row is
 * a `doublon` (§3): the controls fill with errors the buyer did not make. One notice per such sheet
 * names the sheet it repeats, says why the controls are full and what to do; the errors stay.
 */
import { plural } from './change';
import { FirstRows } from './first-rows';
import { fieldOfRows } from './indicators/row-view';
import type { Register } from './model';
import { rowsBySheet } from './source-sheets';

/** Fewest rows repeated from one sheet for a notice: a single shared contract is an ordinary doublon. */
const MIN_REPEATED = 2;

const keyOf = (file: string, sheet: string): string => `${file}\u0000${sheet}`;

/**
 * A French sentence per register sheet of which at least half the rows (and two or more) are doublons
 * of rows of one earlier sheet, in file then sheet order.
 */
export function copiedSheetNotices(register: Register): string[] {
  const rows = register.rows;
  if (!rows.some((r) => r.findings.some((f) => f.code === 'doublon'))) return [];
  // The first row of each (year, numero) as `doublon` finds it, to know which sheet each doublon repeats.
  const numeroOf = fieldOfRows(rows, 'numero');
  const firsts = new FirstRows<number>();
  /** Per later sheet, the count of its doublons per earlier sheet. */
  const repeated = new Map<string, Map<string, number>>();
  for (let i = 0; i < rows.length; i++) {
    const numero = numeroOf(i);
    const annee = rows[i].annee;
    if (typeof numero !== 'string' || annee === null) continue;
    const first = firsts.firstOrAdd(annee, numero, i);
    if (first === undefined) continue;
    const here = rows[i].source;
    const there = rows[first].source;
    if (here.file === there.file && here.sheet === there.sheet) continue;
    const key = keyOf(here.file, here.sheet);
    const counts = repeated.get(key) ?? new Map<string, number>();
    const from = keyOf(there.file, there.sheet);
    counts.set(from, (counts.get(from) ?? 0) + 1);
    repeated.set(key, counts);
  }
  if (repeated.size === 0) return [];
  const rowsOf = rowsBySheet(register);
  const several = new Set(register.mappings.map((m) => m.file)).size > 1;
  const where = (file: string): string => (several ? ` du classeur « ${file} »` : '');
  const out: string[] = [];
  for (const m of register.mappings) {
    if (m.kind !== 'registre') continue;
    const counts = repeated.get(keyOf(m.file, m.sheet));
    if (counts === undefined) continue;
    // The sheet it repeats most (the first one in order on a tie).
    let best: [string, number] | null = null;
    for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
    const [from, k] = best!;
    const n = rowsOf(m.file, m.sheet);
    if (k < MIN_REPEATED || 2 * k < n) continue;
    const [fromFile, fromSheet] = from.split('\u0000');
    const sheet = `« ${m.sheet} »${where(m.file)}`;
    const source = `« ${fromSheet} »${where(fromFile)}`;
    const flagged = `signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs`;
    const advice = "Si l'une des deux feuilles est une copie de sauvegarde, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons.";
    if (k === n) {
      out.push(`La feuille ${sheet} reprend les ${plural(n, 'ligne', 'lignes')} de la feuille ${source}, plus haut dans l'ordre des feuilles : chacune est ${flagged}, où seules celles de ${source} comptent. ${advice}`);
    } else {
      const rest = n - k;
      const restText = rest === 1 ? 'la ligne restante compte' : `les ${plural(rest, 'lignes restantes', 'lignes restantes')} comptent`;
      out.push(
        `Sur les ${plural(n, 'ligne', 'lignes')} de la feuille ${sheet}, ${k} reprennent des lignes de la feuille ${source}, plus haut dans l'ordre des feuilles : chacune est ${flagged}, mais ${restText} comme ${rest === 1 ? 'un marché à part' : 'des marchés à part'} (un numéro ou une date corrigés depuis ?). Si c'est une ancienne copie, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons, et ${rest === 1 ? 'sa ligne restante ne comptera' : 'ses lignes restantes ne compteront'} plus.`,
      );
    }
  }
  return out;
}
