/**
 * Sheets that look like a register (a header with several fields, some required) but
 * miss a required column: their rows count for nothing, so the user is told which
 * column is missing, in the « no register » message and in the notices of a run.
 */
import type { ChainInput } from './chain';
import { lowerFirst } from './french-text';
import { describeMissingRequired, findIncompleteRegisters, missingRequiredFields } from './mapping';
import type { MappingOverride, SheetMapping } from './model';
import { mergeOverrides } from './register';

/** At most this many required columns missing for a sheet to be told of in a run that went on. */
const NOTICE_MAX_MISSING = 2;

/** The closest register-like sheet of each input, in French (`Colonne obligatoire introuvable …`). */
export function missingColumnSentences(inputs: readonly ChainInput[], overrides: readonly MappingOverride[] = []): string[] {
  return inputs.flatMap((input) => {
    const closest = fewestMissing(findIncompleteRegisters(input.file, input.sheets, mergeOverrides(input, overrides)));
    if (closest === undefined) return [];
    const sentence = describeMissingRequired(closest);
    return inputs.length > 1 ? [`« ${input.file} » : ${sentence}`] : [sentence];
  });
}

/**
 * Every register-like sheet left out of a run (at most two required columns missing): the sheets
 * the notices below name, and the ones the pane's Colonnes step lets the user complete.
 */
export function incompleteRegisters(inputs: readonly ChainInput[], overrides: readonly MappingOverride[] = []): SheetMapping[] {
  return inputs.flatMap((input) =>
    findIncompleteRegisters(input.file, input.sheets, mergeOverrides(input, overrides)).filter(
      (m) => missingRequiredFields(m).length <= NOTICE_MAX_MISSING,
    ),
  );
}

/** Each register-like sheet left out of a run (`incompleteRegisters`), as a notice naming its file, sheet and missing columns. */
export function incompleteRegisterNotices(incomplete: readonly SheetMapping[]): string[] {
  return incomplete.map(
    (m) =>
      `Classeur « ${m.file} » : ${lowerFirst(describeMissingRequired(m))} Ses lignes ne sont pas comptées : ajoutez la colonne ou renommez son en-tête, ou choisissez-la à l'étape Colonnes du volet.`,
  );
}

/** The sheet missing the fewest required columns; the first of them on a tie. */
function fewestMissing(sheets: readonly SheetMapping[]): SheetMapping | undefined {
  let best: SheetMapping | undefined;
  let bestCount = Infinity;
  for (const m of sheets) {
    const count = missingRequiredFields(m).length;
    if (count < bestCount) [best, bestCount] = [m, count];
  }
  return best;
}
