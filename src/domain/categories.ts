/**
 * The categories of a breakdown (`sortie.md`: zones, company sizes, contract types, sexes), in one
 * order and under one name for every front: the tables and charts of `SPASER Indicateurs` and
 * `SPASER Pôles`, the pane and the command line. The JSON keeps the keys of `sortie.md` (`F`, `H`).
 */
import { frenchCompare } from './french-text';
import { SUIVI_INSERTION_FIELDS } from './fields';
import { SIZES } from './suppliers';
import { ZONES } from './zones';

const CONTRACT_ORDER = (SUIVI_INSERTION_FIELDS.find((f) => f.id === 'typeContrat')?.options ?? []).map((o) => o.value);
const SEX_LABELS: Readonly<Record<string, string>> = { F: 'Femmes', H: 'Hommes' };
const CATEGORY_ORDER: readonly string[] = [...ZONES, ...SIZES, ...CONTRACT_ORDER, 'F', 'H'];

function categoryRank(key: string): number {
  // `Inconnue` closes both the zones and the sizes: its last place keeps it after GE as after Étranger.
  const i = CATEGORY_ORDER.lastIndexOf(key);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

/** Breakdown keys in the spec's order (zones, sizes, contract types, sexes), unknown keys after in French order. */
export function orderedCategories(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => categoryRank(a) - categoryRank(b) || frenchCompare(a, b));
}

/** A category as the sheets, the pane and the command line name it: `Femmes` for the key `F`. */
export function categoryLabel(key: string): string {
  return SEX_LABELS[key] ?? key;
}
