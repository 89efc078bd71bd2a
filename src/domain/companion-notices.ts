/**
 * Rows of the *Cibles* and *Saisies manuelles* sheets that the computation
 * leaves aside, told to the user: the spec has no control code for them, and a
 * target or a manual value that silently counts for nothing is worse than a word.
 */
import { CATALOGUE, indicatorDef } from './indicators/catalogue';
import type { CompanionRow, IndicatorResult, RowSource } from './model';

interface IndicatorRowValues {
  readonly indicateur?: string;
  readonly annee?: number;
}

function where(source: RowSource): string {
  return `feuille « ${source.sheet} » du classeur « ${source.file} », ligne ${source.row}`;
}

/** The same, opening a sentence. */
function whereCapitalised(source: RowSource): string {
  const w = where(source);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The row's indicator id when it is one of the catalogue; an unknown one is told (and the row ignored). */
function knownId(row: CompanionRow<IndicatorRowValues>, notices: string[]): string | null {
  const id = row.values.indicateur?.trim();
  if (!id) return null;
  if (indicatorDef(id) !== undefined) return id;
  notices.push(`${whereCapitalised(row.source)} : « ${id} » n'est pas l'identifiant d'un indicateur du SPASER (${hint(id)}) ; la ligne est ignorée.`);
  return null;
}

/**
 * What to write instead: the catalogue id a typo was likely meant for (« 3.2.1-fournitures-evites »),
 * else an example of the form, never a guess far from what was typed.
 */
function hint(id: string): string {
  const typed = id.toLocaleLowerCase('fr');
  let best = CATALOGUE[0].id;
  let bestDistance = Infinity;
  for (const def of CATALOGUE) {
    const d = editDistance(typed, def.id);
    if (d < bestDistance) [best, bestDistance] = [def.id, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 5)) ? `vouliez-vous dire « ${best} » ?` : 'par exemple « 2.1.3-sourcage »';
}

/** Levenshtein distance (ids are short: a full table is cheap). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** What the user should know of the Cibles and Saisies manuelles rows (French), in sheet order. */
export function companionNotices(
  cibles: readonly CompanionRow<IndicatorRowValues & { readonly cible?: number }>[],
  saisies: readonly CompanionRow<IndicatorRowValues & { readonly valeur?: number }>[],
  exercice: number | null,
  indicateurs: readonly IndicatorResult[],
): string[] {
  const notices: string[] = [];
  // The target of an indicator is its first row of N with a cible (as the engine reads it).
  const firstTarget = new Map<string, RowSource>();
  for (const row of cibles) {
    const id = knownId(row, notices);
    if (id === null || row.values.annee !== exercice || row.values.cible === undefined) continue;
    const first = firstTarget.get(id);
    if (first === undefined) firstTarget.set(id, row.source);
    else
      notices.push(
        `${whereCapitalised(row.source)} : une cible ${exercice} de « ${id} » est déjà donnée ${sameSheet(first, row.source) ? `ligne ${first.row}` : `(${where(first)})`} ; seule la première compte.`,
      );
  }
  const statut = new Map(indicateurs.map((r) => [r.id, r.statut] as const));
  for (const row of saisies) {
    const id = knownId(row, notices);
    if (id !== null && row.values.annee === exercice && row.values.valeur !== undefined && statut.get(id) === 'calculé') {
      notices.push(`${whereCapitalised(row.source)} : « ${id} » est calculé à partir du registre pour ${exercice} ; la valeur saisie n'est pas reprise (une saisie ne remplace jamais un calcul).`);
    }
  }
  return notices;
}

function sameSheet(a: RowSource, b: RowSource): boolean {
  return a.file === b.file && a.sheet === b.sheet;
}
