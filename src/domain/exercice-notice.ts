/**
 * An exercice asked for (`--exercice`, the pane's choice) in which the register has no contract:
 * every indicator would be empty or « non calculable » with no word of why. The years the register
 * has are told, so that a mistyped year is seen at once.
 */
import { frenchCompare, frenchList } from './french-text';
import { poleKeyMemo, poleNames } from './normalize';
import type { RegisterRow } from './model';

/** Years listed one by one up to this many; beyond, as a span. */
const YEARS_LISTED = 5;

function yearsText(years: readonly number[]): string {
  if (years.length === 1) return `de ${years[0]}`;
  if (years.length <= YEARS_LISTED) return `de ${frenchList(years.map(String))}`;
  return `de ${years[0]} à ${years[years.length - 1]}`;
}

/**
 * The year a row offers to choose, as the pane's Exercice list shows it: its notification year, none
 * for a date out of the permitted period (`date-invalide`, a typo such as 2031).
 */
export function choosableYear(r: Pick<RegisterRow, 'annee' | 'findings'>): number | null {
  return r.annee !== null && !r.findings.some((f) => f.code === 'date-invalide') ? r.annee : null;
}

/** The notice for exercice `asked` when no register row is notified in it (none when not asked). */
export function emptyExerciceNotices(rows: readonly RegisterRow[], asked: number | undefined): string[] {
  if (asked === undefined) return [];
  const years = new Set<number>();
  for (const r of rows) {
    const year = choosableYear(r);
    if (year === asked) return [];
    if (year !== null) years.add(year);
  }
  const found = [...years].sort((a, b) => a - b);
  const has = found.length === 0 ? "n'a aucune date de notification lisible" : `a des marchés notifiés ${yearsText(found)}`;
  return [`Aucun marché du registre n'est notifié en ${asked}, l'exercice demandé : ses indicateurs sont vides ou non calculables. Le registre ${has} ; vérifiez l'exercice choisi.`];
}

/** How the rows of a workbook without a row of the exercice can count: only in N−1, partly, or not at all. */
type OutsideCount = 'n1' | 'part-n1' | 'none';

/**
 * In a consolidation, a workbook none of whose dated rows is of the exercice: most often last year's
 * file of a Pôle given with this year's (recipe `melanges`), or on purpose for the N−1 values (recipe
 * `annee-precedente`). Its rows change only the N−1 values (or nothing), which nothing else says: named,
 * with its years and what to do; several such workbooks whose rows count alike are named in one remark.
 */
export function fileOutsideExerciceNotices(files: readonly string[], rows: readonly RegisterRow[], exercice: number | null): string[] {
  // No row of the exercice at all is told by `emptyExerciceNotices`, once for the register.
  if (files.length < 2 || exercice === null || !rows.some((r) => r.annee === exercice)) return [];
  // Per file, its dated rows and their years (a count, not a list: a register has many rows, few years).
  const dated = new Map<string, { lines: number; years: Set<number> }>();
  for (const r of rows) {
    const year = choosableYear(r);
    if (year === null) continue;
    let file = dated.get(r.source.file);
    if (file === undefined) dated.set(r.source.file, (file = { lines: 0, years: new Set<number>() }));
    file.lines++;
    file.years.add(year);
  }
  const groups = new Map<OutsideCount, { files: string[]; lines: number; years: Set<number> }>();
  for (const file of files) {
    const own = dated.get(file);
    if (own === undefined || own.years.has(exercice)) continue;
    const kind: OutsideCount = !own.years.has(exercice - 1) ? 'none' : own.years.size === 1 ? 'n1' : 'part-n1';
    const group = groups.get(kind) ?? { files: [], lines: 0, years: new Set<number>() };
    group.files.push(file);
    group.lines += own.lines;
    for (const y of own.years) group.years.add(y);
    groups.set(kind, group);
  }
  return [...groups].map(([kind, group]) => outsideExerciceNotice(kind, group.files, group.lines, [...group.years].sort((a, b) => a - b), exercice));
}

function outsideExerciceNotice(kind: OutsideCount, files: readonly string[], lines: number, found: readonly number[], exercice: number): string {
  const several = files.length > 1;
  const one = lines === 1;
  const subject = several
    ? `Les classeurs ${frenchList(files.map((f) => `« ${f} »`))} n'ont aucune ligne de l'exercice ${exercice} : leurs ${lines} lignes datées sont`
    : `Le classeur « ${files[0]} » n'a aucune ligne de l'exercice ${exercice} : ${one ? 'sa ligne datée est' : `ses ${lines} lignes datées sont`}`;
  let count: string;
  if (kind === 'n1') count = `ne ${one ? 'peut' : 'peuvent'} compter que dans les valeurs N−1`;
  else if (kind === 'part-n1') count = `seules celles de ${exercice - 1} peuvent compter, dans les valeurs N−1`;
  else count = `ne ${one ? 'compte' : 'comptent'} dans aucun indicateur de ${exercice}`;
  // Last year's file given on purpose is how a lead gets the N−1 values: only then is keeping it a choice.
  const it = several ? 'les' : 'le';
  const advice =
    kind === 'none'
      ? `Si ${several ? 'ce sont les fichiers' : "c'est le fichier"} d'une autre année, retirez-${it} des classeurs à consolider.`
      : `Gardez-${it} ${several ? "s'ils sont" : "s'il est"} là pour comparer ${exercice} à ${exercice - 1} ; sinon, retirez-${it} des classeurs à consolider.`;
  return `${subject} ${yearsText(found)}, et ${count}. ${advice}`;
}

/**
 * N−1 computed on the rows of N−1 there are (`regles.md` §9), when some Pôles of N have none (a Pôle
 * that sent no file of last year): the City's N−1 then covers part of the City, and every évolution
 * compares the whole of N with that part. Nothing else says so: those Pôles are named, with what to do.
 */
export function partialN1Notices(files: readonly string[], rows: readonly RegisterRow[], exercice: number | null): string[] {
  if (exercice === null) return [];
  // Pôle keys ignore a year: a Pôle named after its file (« Pôle A 2024 ») is Pôle A here.
  const keyOf = poleKeyMemo();
  const ofN = new Set<string>();
  const ofN1 = new Set<string>();
  for (const r of rows) {
    if (r.hasError) continue;
    const key = keyOf(r.pole);
    if (r.annee === exercice) ofN.add(key);
    else if (r.annee === exercice - 1) ofN1.add(key);
  }
  // Only part of the City's Pôles of N have rows of N−1; none at all is last year's file told above.
  if (![...ofN].some((k) => ofN1.has(k))) return [];
  const names = poleNames(rows, keyOf);
  const missing = [...ofN]
    .filter((k) => k !== '' && !ofN1.has(k))
    .map((key) => names.get(key) ?? key)
    .sort(frenchCompare);
  if (missing.length === 0) return [];
  const previous = exercice - 1;
  const one = missing.length === 1;
  const named = frenchList(missing.map((p) => `« ${p} »`));
  const add =
    files.length > 1
      ? `ajoutez ${one ? 'son classeur' : 'leurs classeurs'} de ${previous} aux classeurs à consolider pour comparer toute la Ville`
      : `ajoutez ${one ? 'ses' : 'leurs'} lignes de ${previous} au registre pour comparer toute la Ville`;
  return [
    `Les valeurs N−1 (${previous}) ne portent que sur une partie de la Ville : ${one ? 'le Pôle' : 'les Pôles'} ${named} ${one ? "n'a" : "n'ont"} aucune ligne de ${previous}, alors qu'${one ? 'il en a' : 'ils en ont'} de ${exercice}. Chaque évolution compare donc ${exercice} à ${previous} sans ${one ? 'lui' : 'eux'} ; ${add}.`,
  ];
}
