/**
 * Excel gives an add-in the merged areas of a sheet only up to 512 of them (Office.js,
 * `getMergedAreasOrNullObject`): past that, the sheet's merged values are read in their first
 * cell only (a Pôle merged down ten contracts names the first one). A source sheet read so is
 * named, since its rows may then count under the file's name instead of their Pôle.
 */
import type { ChainInput } from './chain';
import { SHEET_KINDS } from './fields';
import type { Register } from './model';
import { markedSources } from './source-sheets';

/** A French sentence per source sheet read without its merged areas, in file then sheet order. */
export function unreadMergeNotices(inputs: readonly ChainInput[], register: Register): string[] {
  return markedSources(inputs, register, (s) => (s.mergesUnread === true ? true : undefined)).map(({ mapping: m, where }) => {
    const kind = m.kind === 'registre' ? 'registre des marchés' : `feuille « ${SHEET_KINDS[m.kind].label} »`;
    return (
      `La feuille « ${m.sheet} »${where} (${kind}) a plus de 512 zones de cellules fusionnées, qu'Excel ne transmet pas au complément : ` +
      "une valeur fusionnée sur plusieurs lignes (un Pôle, une procédure…) n'y est lue que sur sa première ligne. " +
      'Annulez la fusion de ces cellules et recopiez la valeur sur chaque ligne, puis recalculez.'
    );
  });
}
