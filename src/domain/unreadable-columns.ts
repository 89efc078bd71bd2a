/**
 * Closed-list columns (enum, oui/non) whose values are mostly unreadable: the column is most likely
 * another thing under the field's name (a DECP export's `nature` says Marché or Accord-cadre, not
 * Travaux, Fournitures or Services). `regles.md` §3 makes each such row an error that leaves every
 * indicator; the user is told once per column what to do, beside the controls (README « Colonnes »).
 */
import { isCellError, isErrorText, type CellValue } from './cell';
import { registerField, type RegisterFieldId } from './fields';
import { fieldOfRows } from './indicators/row-view';
import type { Register } from './model';

/** Fewest unreadable cells for a column to be told of: one or two are typing slips, listed in the controls. */
const MIN_UNREADABLE = 3;
const EXAMPLES = 3;

interface Tally {
  readonly file: string;
  readonly sheet: string;
  readonly field: RegisterFieldId;
  unreadable: number;
  readonly examples: string[];
  /** Register rows of that sheet (indexes), to count the filled cells once the column is suspect. */
  readonly rows: number[];
}

/** Unreadable text, not a formula error (`#N/A` is a formula to mend, not a vocabulary). */
function unreadableText(cell: CellValue | undefined): string | null {
  if (cell === undefined || cell === null || isCellError(cell)) return null;
  const text = String(cell).trim();
  return text === '' || isErrorText(text) ? null : text;
}

function isClosedList(field: RegisterFieldId): boolean {
  const type = registerField(field).type;
  return type === 'enum' || type === 'booleen';
}

/** One French notice per mapped enum or oui/non column of which more than half the filled cells are unreadable (at least `MIN_UNREADABLE`). */
export function unreadableColumnNotices(register: Register): string[] {
  const tallies = new Map<string, Tally>();
  const rows = register.rows;
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i].raw;
    for (const key in raw) {
      const field = key as RegisterFieldId;
      const text = unreadableText(raw[field]);
      if (text === null || !isClosedList(field)) continue;
      const { file, sheet } = rows[i].source;
      const id = `${file}\u0000${sheet}\u0000${field}`;
      let t = tallies.get(id);
      if (t === undefined) tallies.set(id, (t = { file, sheet, field, unreadable: 0, examples: [], rows: [] }));
      t.unreadable++;
      if (t.examples.length < EXAMPLES && !t.examples.includes(text)) t.examples.push(text);
    }
  }
  const suspect = [...tallies.values()].filter((t) => t.unreadable >= MIN_UNREADABLE);
  if (suspect.length === 0) return [];
  const notices: string[] = [];
  for (const t of suspect) {
    const valueOf = fieldOfRows(rows, t.field);
    let read = 0;
    for (let i = 0; i < rows.length; i++) {
      const s = rows[i].source;
      if (s.file === t.file && s.sheet === t.sheet && valueOf(i) !== undefined) read++;
    }
    const filled = read + t.unreadable;
    if (t.unreadable * 2 <= filled) continue;
    const mapping = register.mappings.find((m) => m.kind === 'registre' && m.file === t.file && m.sheet === t.sheet);
    const header = mapping?.columns.find((c) => c.field === t.field)?.header ?? t.field;
    notices.push(notice(t, header, filled));
  }
  return notices;
}

function expected(field: RegisterFieldId): string {
  const def = registerField(field);
  return def.type === 'booleen' ? 'oui, non' : (def.options ?? []).map((o) => o.value).join(', ');
}

function notice(t: Tally, header: string, filled: number): string {
  const label = registerField(t.field).label;
  const examples = t.examples.map((e) => `« ${e} »`).join(', ');
  return (
    `Feuille « ${t.sheet} » du classeur « ${t.file} » : ${t.unreadable} des ${filled} valeurs remplies de la colonne « ${header} », ` +
    `reconnue comme « ${label} », sont illisibles (par exemple ${examples}) ; valeurs attendues : ${expected(t.field)}. ` +
    'Ces lignes sont en erreur et ne comptent dans aucun indicateur. ' +
    `Si cette colonne ne donne pas ce champ${t.field === 'nature' ? " (la nature d'un export DECP, par exemple, dit « Marché » ou « Accord-cadre »)" : ''}, ` +
    `choisissez « — aucune colonne — » pour « ${label} » à l'étape Colonnes du volet, ou ajoutez --sans-champ ${t.field} à la ligne de commande (le choix est gardé dans le classeur) ; ` +
    'sinon, corrigez ses valeurs.'
  );
}
