/**
 * An exercice asked for (`--exercice`, the pane's choice) in which the register has no contract:
 * every indicator would be empty or « non calculable » with no word of why. The years the register
 * has are told, so that a mistyped year is seen at once.
 */
import { frenchList } from './french-text';
import type { RegisterRow } from './model';

/** Years listed one by one up to this many; beyond, as a span. */
const YEARS_LISTED = 5;

function yearsText(years: readonly number[]): string {
  if (years.length === 1) return `de ${years[0]}`;
  if (years.length <= YEARS_LISTED) return `de ${frenchList(years.map(String))}`;
  return `de ${years[0]} à ${years[years.length - 1]}`;
}

/** The notice for exercice `asked` when no register row is notified in it (none when not asked). */
export function emptyExerciceNotices(rows: readonly RegisterRow[], asked: number | undefined): string[] {
  if (asked === undefined) return [];
  const years = new Set<number>();
  for (const r of rows) {
    if (r.annee === asked) return [];
    if (r.annee !== null) years.add(r.annee);
  }
  const found = [...years].sort((a, b) => a - b);
  const has = found.length === 0 ? "n'a aucune date de notification lisible" : `a des marchés notifiés ${yearsText(found)}`;
  return [`Aucun marché du registre n'est notifié en ${asked}, l'exercice demandé : ses indicateurs sont vides ou non calculables. Le registre ${has} ; vérifiez l'exercice choisi.`];
}
