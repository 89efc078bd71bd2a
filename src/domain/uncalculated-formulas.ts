/**
 * A formula saved without its result (a workbook written by a program — openpyxl, an export —
 * and never opened in Excel) has no value to read: Excel computes it on opening, the file
 * reader cannot. Its cell reads empty, so its rows may be said to miss a value the buyer sees
 * in Excel: a source sheet holding such formulas is named, with what to do.
 */
import type { ChainInput } from './chain';
import { frenchNumber } from './french-text';
import type { Register } from './model';
import { markedSources } from './source-sheets';

/** A French sentence per source sheet holding formulas without their result, in file then sheet order. */
export function uncalculatedFormulaNotices(inputs: readonly ChainInput[], register: Register): string[] {
  return markedSources(inputs, register, (s) => ((s.uncalculated ?? 0) > 0 ? s.uncalculated : undefined)).map(({ mapping: m, value: n, where }) => {
    const formulas = n > 1 ? `${frenchNumber(n)} formules enregistrées sans leur résultat` : 'une formule enregistrée sans son résultat';
    return (
      `La feuille « ${m.sheet} »${where} a ${formulas} (classeur écrit par un logiciel et jamais ouvert dans Excel) : ` +
      `${n > 1 ? 'leurs cellules se lisent vides' : 'sa cellule se lit vide'}. Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.`
    );
  });
}
