/**
 * Hidden sheets are read as every other (`regles.md` §1: every sheet whose header maps the
 * required fields is a register source), but the user cannot see them: one that counts is named,
 * beside the controls, so that an old copy or a draft hidden away is not counted unawares.
 */
import type { ChainInput } from './chain';
import { SHEET_KINDS } from './fields';
import { frenchNumber } from './french-text';
import type { Register } from './model';

/** A French sentence per hidden sheet read as a register or companion sheet, in file then sheet order. */
export function hiddenSheetNotices(inputs: readonly ChainInput[], register: Register): string[] {
  const hidden = new Set(inputs.flatMap((i) => i.sheets.filter((s) => s.hidden === true).map((s) => `${i.file}\u0000${s.name}`)));
  if (hidden.size === 0) return [];
  const sources = register.mappings.filter((m) => hidden.has(`${m.file}\u0000${m.sheet}`));
  if (sources.length === 0) return [];
  const rowsOf = new Map<string, number>();
  for (const row of register.rows) {
    const key = `${row.source.file}\u0000${row.source.sheet}`;
    if (hidden.has(key)) rowsOf.set(key, (rowsOf.get(key) ?? 0) + 1);
  }
  const several = inputs.length > 1;
  return sources.map((m) => {
    const where = several ? ` du classeur « ${m.file} »` : '';
    if (m.kind === 'registre') {
      const n = rowsOf.get(`${m.file}\u0000${m.sheet}`) ?? 0;
      const lines = `${frenchNumber(n)} ${n > 1 ? 'lignes' : 'ligne'}`;
      return `La feuille masquée « ${m.sheet} »${where} est lue comme registre des marchés (${lines}) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.`;
    }
    return `La feuille masquée « ${m.sheet} »${where} est lue comme feuille « ${SHEET_KINDS[m.kind].label} » : elle compte dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.`;
  });
}
