/** Every failure shown to the user as a French message that says what to do. */

export type Stage = 'lecture' | 'calcul' | 'ecriture' | 'import' | 'selection' | 'surlignage';

const NEXT_STEP: Readonly<Record<Stage, string>> = {
  lecture: 'Vérifiez que le classeur est un fichier .xlsx lisible, puis réessayez.',
  calcul: "Vérifiez les colonnes reconnues à l'étape Colonnes, puis relancez le calcul.",
  ecriture:
    "Aucune feuille n'a été modifiée à moitié : terminez la saisie en cours dans Excel (touche Entrée ou Échap), puis cliquez à nouveau sur le bouton d'écriture.",
  import: 'Aucune feuille n’a été ajoutée : corrigez le fichier signalé ou retirez-le de la sélection, puis réessayez.',
  selection: 'La feuille a peut-être été renommée ou supprimée : relancez le calcul.',
  surlignage: "Terminez la saisie en cours dans Excel (touche Entrée ou Échap), puis réessayez ; les valeurs de vos feuilles ne sont jamais modifiées.",
};

/** Errors of our own code carry a French message already (adapters, chain). */
const FRENCH_ERRORS = new Set(['NoRegisterError', 'UnreadableWorkbookError', 'NoWorkbookChosenError', 'MissingFieldsError', 'SheetNameClashError', 'PayloadRefusedError']);

export function describeError(error: unknown, stage: Stage): string {
  if (error instanceof Error && FRENCH_ERRORS.has(error.name)) {
    if (error.name === 'NoRegisterError') {
      if ((error as { empty?: boolean }).empty) {
        return `${error.message} Saisissez-y ou collez-y le registre, ou réunissez les classeurs des Pôles à l'étape Consolidation.`;
      }
      return `${error.message} Choisissez la feuille et les colonnes obligatoires à l'étape Colonnes.`;
    }
    return /\.\s*$/.test(error.message) || /réessayez\s*$/.test(error.message) ? ensureStop(error.message) : `${error.message}. ${NEXT_STEP[stage]}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  const what: Record<Stage, string> = {
    lecture: 'La lecture du classeur a échoué',
    calcul: 'Le calcul a échoué',
    ecriture: "L'écriture des feuilles SPASER a échoué",
    import: "L'import des fichiers a échoué",
    selection: "La cellule n'a pas pu être sélectionnée",
    surlignage: "Le surlignage n'a pas pu être retiré",
  };
  return `${what[stage]}${detail ? ` (${detail})` : ''}. ${NEXT_STEP[stage]}`;
}

const detailOf = (error: unknown) => {
  const detail = error instanceof Error ? error.message : String(error);
  return detail ? ` (${detail})` : '';
};
const quoted = (sheets: readonly string[]) => sheets.map((n) => `« ${n} »`).join(', ');

/**
 * The import went through but the workbook could not be read back afterwards; `unsaved`: the
 * error of the state write too, when its records could not be saved either.
 */
export function describeUnreadAfterImport(sheets: readonly string[], error: unknown, unsaved?: { readonly error: unknown }): string {
  return (
    `Les feuilles ont bien été importées (${quoted(sheets)}), mais le classeur n'a pas pu être relu ensuite${detailOf(error)}. ` +
    "Ne relancez pas l'import, qui les ajouterait une seconde fois : fermez puis rouvrez le volet pour calculer sur le classeur tel qu'il est." +
    (unsaved === undefined
      ? ''
      : ` Leur import n'a pas non plus pu être enregistré dans la feuille « SPASER État »${detailOf(unsaved.error)} : un nouvel import de ces Pôles ne proposera pas de remplacer ces feuilles (elles seront gardées, les nouvelles ajoutées à côté).`)
  );
}

/** The import went through but its records could not be saved: they wait in the session for the next write. */
export function describeUnsavedImportRecords(sheets: readonly string[], error: unknown): string {
  return (
    `Les feuilles ont bien été importées (${quoted(sheets)}), mais leur import n'a pas pu être enregistré dans la feuille « SPASER État »${detailOf(error)}. ` +
    "Le volet le garde jusqu'à la prochaine écriture des feuilles SPASER (bouton d'écriture de l'étape Indicateurs) : écrivez-les avant de fermer le volet, sans quoi un nouvel import de ces Pôles ne proposera plus de remplacer ces feuilles."
  );
}

function ensureStop(s: string): string {
  return /[.!?]\s*$/.test(s) ? s : `${s}.`;
}

/** No register in the workbook: not a failure for the project lead about to consolidate. */
export function isNoRegister(error: unknown): boolean {
  return error instanceof Error && error.name === 'NoRegisterError';
}
