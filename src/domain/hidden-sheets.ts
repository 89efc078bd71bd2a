/**
 * Hidden sheets are read as every other (`regles.md` §1: every sheet whose header maps the
 * required fields is a register source), but the user cannot see them: one that counts is named,
 * beside the controls, so that an old copy or a draft hidden away is not counted unawares.
 */
import type { ChainInput } from './chain';
import { copiedSheetKey } from './copied-sheets';
import { SHEET_KINDS } from './fields';
import { plural } from './change';
import type { Register } from './model';
import { markedSources, rowsBySheet } from './source-sheets';

/**
 * A French sentence per hidden sheet read as a register or companion sheet, in file then sheet order;
 * but those of `skip` (`copiedSheetKey`): a hidden copy of the register is told by its own notice,
 * its rows being doublons, not counted.
 */
export function hiddenSheetNotices(inputs: readonly ChainInput[], register: Register, skip: ReadonlySet<string> = new Set()): string[] {
  const sources = markedSources(inputs, register, (s) => (s.hidden === true ? true : undefined)).filter(
    ({ mapping: m }) => !skip.has(copiedSheetKey(m.file, m.sheet)),
  );
  if (sources.length === 0) return [];
  const rowsOf = rowsBySheet(register);
  return sources.map(({ mapping: m, where }) => {
    if (m.kind === 'registre') {
      const n = rowsOf(m.file, m.sheet);
      const lines = plural(n, 'ligne', 'lignes');
      return `La feuille masquée « ${m.sheet} »${where} est lue comme registre des marchés (${lines}) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.`;
    }
    return `La feuille masquée « ${m.sheet} »${where} est lue comme feuille « ${SHEET_KINDS[m.kind].label} » : elle compte dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.`;
  });
}
