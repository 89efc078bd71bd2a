/** Every failure shown to the user as a French message that says what to do. */
import type { ChainInput } from '../domain/chain';
import { isSpaserSheet } from '../domain/plan-types';
import { AttemptNotUndoneError, errorCode } from '../workbook/office/meter';

export type Stage = 'lecture' | 'calcul' | 'ecriture' | 'import' | 'selection' | 'surlignage';

const NEXT_STEP: Readonly<Record<Stage, string>> = {
  lecture: 'Vérifiez que le classeur est un fichier .xlsx lisible, puis réessayez.',
  calcul: "Vérifiez les colonnes reconnues à l'étape Colonnes, puis relancez le calcul.",
  ecriture:
    "Aucune feuille n'a été modifiée à moitié : terminez la saisie en cours dans Excel (touche Entrée ou Échap), puis cliquez à nouveau sur le bouton d'écriture.",
  import: 'Aucune feuille n’a été ajoutée : corrigez le fichier signalé ou retirez-le de la sélection, puis réessayez.',
  selection: 'La feuille a peut-être été renommée ou supprimée : relancez le calcul.',
  surlignage: "Terminez la saisie en cours dans Excel (touche Entrée ou Échap), puis réessayez ; les valeurs de vos feuilles ne sont jamais modifiées.",
};

/** Errors of our own code carry a French message already (adapters, chain). */
const FRENCH_ERRORS = new Set([
  'NoRegisterError',
  'UnreadableWorkbookError',
  'NoWorkbookChosenError',
  'MissingFieldsError',
  'SheetNameClashError',
  'PayloadRefusedError',
  'WorkbookProtectedError',
  'HiddenSheetError',
]);

/** What is sure after a failure of each stage, said before the advice of an Office error. */
const NOTHING_HALF_DONE: Readonly<Record<Stage, string>> = {
  lecture: '',
  calcul: '',
  ecriture: " Aucune feuille n'a été modifiée à moitié.",
  import: ' Aucune feuille n’a été ajoutée.',
  selection: '',
  surlignage: ' Les valeurs de vos feuilles ne sont jamais modifiées.',
};

const RETRY_SOON = 'réessayez dans un instant';
const UNSUPPORTED: OfficeCause = [
  "cette version d'Excel ne propose pas une fonction dont le complément a besoin",
  'mettez Excel à jour (Microsoft 365), ou utilisez Excel sur le web',
];
const TOO_LARGE: OfficeCause = [
  "le classeur dépasse la taille qu'Excel sur le web échange avec un complément",
  'utilisez Excel pour Windows ou Mac, ou la ligne de commande',
];
const CHANGED_MEANWHILE: OfficeCause = ["le classeur a été modifié pendant l'opération (coédition, autre complément)", RETRY_SOON];

/** What happened, then what to do. */
type OfficeCause = readonly [cause: string, advice: string];

/**
 * Office.js errors, by their code (`OfficeExtension.Error.code`, never localised). Their message is
 * English and not meant for users (Office's « Error handling with the application-specific
 * JavaScript APIs »): the pane says the cause and what to do in French, and gives the code for support.
 */
const OFFICE_CAUSES: Readonly<Record<string, OfficeCause>> = {
  InvalidOperationInCellEditMode: ['une cellule est en cours de saisie dans Excel', 'validez-la (touche Entrée) ou annulez-la (Échap), puis réessayez'],
  AccessDenied: [
    "Excel a refusé l'opération (classeur ou feuille protégé, ou classeur ouvert en lecture seule)",
    "ôtez la protection (onglet Révision) ou passez en modification (mode Modification d'Excel sur le web, droit de modifier un fichier partagé), puis réessayez",
  ],
  InactiveWorkbook: ["plusieurs classeurs sont ouverts et celui-ci n'est plus le classeur actif", 'cliquez dans ce classeur, puis réessayez'],
  ActivityLimitReached: ["Excel limite le nombre d'opérations d'un complément", 'réessayez dans une minute'],
  MemoryLimitReached: ['Excel manque de mémoire', 'fermez les autres classeurs, ou enregistrez, fermez et rouvrez celui-ci, puis réessayez'],
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  Conflict: CHANGED_MEANWHILE,
  InsertDeleteConflict: CHANGED_MEANWHILE,
  ItemNotFound: ["une feuille a été renommée ou supprimée pendant l'opération", 'réessayez'],
  ItemAlreadyExists: ["une feuille du même nom a été ajoutée pendant l'opération", 'réessayez'],
  ServiceNotAvailable: ['Excel ne répond pas', RETRY_SOON],
  RequestAborted: ["Excel a interrompu l'opération", RETRY_SOON],
  GeneralException: ['Excel a rencontré une erreur interne', 'réessayez ; si elle revient, enregistrez, fermez et rouvrez le classeur'],
  ApiNotFound: UNSUPPORTED,
  ApiNotAvailable: UNSUPPORTED,
  NotImplemented: UNSUPPORTED,
  UnsupportedOperation: UNSUPPORTED,
};

/**
 * Causes that differ with the stage. A cell of the Contrôles list names its sheet as the pane last
 * read it: a sheet renamed or deleted since stays missing however often the click is retried.
 */
const STAGE_CAUSES: Partial<Record<Stage, Readonly<Record<string, OfficeCause>>>> = {
  selection: {
    ItemNotFound: [
      'sa feuille a été renommée ou supprimée depuis la dernière lecture du classeur',
      'cliquez sur « Relire le classeur », puis choisissez à nouveau la cellule dans la liste',
    ],
  },
};

function officeCauseOf(error: unknown, stage?: Stage): { code: string; cause: string; advice: string } | null {
  const code = errorCode(error);
  if (code === null) return null;
  const byStage = stage === undefined ? undefined : STAGE_CAUSES[stage];
  const known = byStage && Object.hasOwn(byStage, code) ? byStage[code] : Object.hasOwn(OFFICE_CAUSES, code) ? OFFICE_CAUSES[code] : null;
  if (known === null) return null;
  const [cause, advice] = known;
  return { code, cause, advice };
}

/** The French cause of an Office.js error, with its code, for a message of its own; null for any other error. */
export function officeCause(error: unknown): string | null {
  const known = officeCauseOf(error);
  return known && `${known.cause}, code Excel ${known.code}`;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const WHAT_FAILED: Readonly<Record<Stage, string>> = {
  lecture: 'La lecture du classeur a échoué',
  calcul: 'Le calcul a échoué',
  ecriture: "L'écriture des feuilles SPASER a échoué",
  import: "L'import des fichiers a échoué",
  selection: "La cellule n'a pas pu être sélectionnée",
  surlignage: "Le surlignage n'a pas pu être retiré",
};

export function describeError(error: unknown, stage: Stage): string {
  if (error instanceof AttemptNotUndoneError) {
    // Said instead of « Aucune feuille n'a été ajoutée », which is no longer sure.
    return `${WHAT_FAILED[stage]}${detailOf(error.error)}, et les feuilles déjà ajoutées n'ont pas pu être retirées : des feuilles « SPASER import … » sont peut-être restées dans le classeur. Elles ne sont jamais lues comme un registre, et la prochaine écriture des feuilles SPASER les supprime ; vous pouvez aussi les supprimer vous-même. Relancez ensuite l'import.`;
  }
  if (error instanceof Error && FRENCH_ERRORS.has(error.name)) {
    if (error.name === 'NoRegisterError') {
      if ((error as { empty?: boolean }).empty) {
        return `${error.message} Saisissez-y ou collez-y le registre, ou réunissez les classeurs des Pôles à l'étape Consolidation.`;
      }
      // The message says how to split the CSV's column A: no column to choose before that.
      if ((error as { unsplitCsv?: boolean }).unsplitCsv) return error.message;
      return `${error.message} Choisissez la feuille et les colonnes obligatoires à l'étape Colonnes.`;
    }
    return /\.\s*$/.test(error.message) || /réessayez\s*$/.test(error.message) ? ensureStop(error.message) : `${error.message}. ${NEXT_STEP[stage]}`;
  }
  const office = officeCauseOf(error, stage);
  if (office !== null) {
    return `${WHAT_FAILED[stage]} : ${office.cause}.${NOTHING_HALF_DONE[stage]} ${capitalized(office.advice)}. Code Excel : ${office.code}.`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${WHAT_FAILED[stage]}${detail ? ` (${detail})` : ''}. ${NEXT_STEP[stage]}`;
}

const detailOf = (error: unknown) => {
  const detail = officeCause(error) ?? (error instanceof Error ? error.message : String(error));
  return detail ? ` (${detail})` : '';
};
const quoted = (sheets: readonly string[]) => sheets.map((n) => `« ${n} »`).join(', ');

/**
 * The import went through but the workbook could not be read back afterwards; `unsaved`: the
 * error of the state write too, when its records could not be saved either.
 */
export function describeUnreadAfterImport(sheets: readonly string[], error: unknown, unsaved?: { readonly error: unknown }): string {
  return (
    `Les feuilles ont bien été importées (${quoted(sheets)}), mais le classeur n'a pas pu être relu ensuite${detailOf(error)}. ` +
    "Ne relancez pas l'import, qui les ajouterait une seconde fois : fermez puis rouvrez le volet pour calculer sur le classeur tel qu'il est." +
    (unsaved === undefined
      ? ''
      : ` Leur import n'a pas non plus pu être enregistré dans la feuille « SPASER État »${detailOf(unsaved.error)} : un nouvel import de ces Pôles ne proposera pas de remplacer ces feuilles (elles seront gardées, les nouvelles ajoutées à côté).`)
  );
}

/** The import went through but its records could not be saved: they wait in the session for the next write. */
export function describeUnsavedImportRecords(sheets: readonly string[], error: unknown): string {
  return (
    `Les feuilles ont bien été importées (${quoted(sheets)}), mais leur import n'a pas pu être enregistré dans la feuille « SPASER État »${detailOf(error)}. ` +
    "Le volet le garde jusqu'à la prochaine écriture des feuilles SPASER (bouton d'écriture de l'étape Indicateurs) : écrivez-les avant de fermer le volet, sans quoi un nouvel import de ces Pôles ne proposera plus de remplacer ces feuilles."
  );
}

function ensureStop(s: string): string {
  return /[.!?]\s*$/.test(s) ? s : `${s}.`;
}

/** No register in the workbook: not a failure for the project lead about to consolidate. */
export function isNoRegister(error: unknown): boolean {
  return error instanceof Error && error.name === 'NoRegisterError';
}

/**
 * A failed computation on `inputs`. A workbook holding only the add-in's own sheets (a result written
 * earlier, such as the command line's consolidation) has no sheet to choose at the step Colonnes.
 */
export function describeComputeError(error: unknown, inputs: readonly ChainInput[]): string {
  const sheets = inputs.flatMap((i) => i.sheets);
  if (isNoRegister(error) && sheets.length > 0 && sheets.every((s) => isSpaserSheet(s.name))) {
    return `${(error as Error).message} Ce classeur ne contient que des feuilles SPASER, écrites par le complément et jamais relues comme un registre : ouvrez le classeur qui contient le registre, ou réunissez les classeurs des Pôles à l'étape Consolidation.`;
  }
  return describeError(error, 'calcul');
}

const UNPROTECT_SHEET = 'ôtez la protection (onglet Révision, « Ôter la protection de la feuille »)';

/**
 * Protected sheets the add-in left as they were: it marks faulty cells with conditional formats,
 * which a protected sheet refuses (`surligner`: a write's marks; `retirer`: the removal button).
 */
export function describeProtectedSheets(sheets: readonly string[], action: 'surligner' | 'retirer'): string {
  const one = sheets.length === 1;
  const which = `${one ? 'La feuille' : 'Les feuilles'} ${quoted(sheets)} ${one ? 'est protégée' : 'sont protégées'}`;
  return action === 'surligner'
    ? `${which} : ${one ? 'ses' : 'leurs'} cellules fautives ne sont pas surlignées (la liste de l'étape Contrôles les donne toutes). Pour les voir surlignées, ${UNPROTECT_SHEET}, puis relancez le calcul.`
    : `${which} : le surlignage du complément y reste. Pour le retirer, ${UNPROTECT_SHEET}, puis cliquez à nouveau sur le bouton.`;
}

/**
 * A write's marks on protected sheets: `unmarked`, faulty cells left unmarked; `kept`, earlier marks
 * left in place, which may now mark cells fixed since (a sheet without faults now is not « unmarked »).
 */
export function describeUnmarkedSheets(unmarked: readonly string[], kept: readonly string[]): string {
  const faults = unmarked.length > 0 ? describeProtectedSheets(unmarked, 'surligner') : '';
  if (kept.length === 0) return faults;
  const where = kept.length === 1 ? `la feuille protégée ${quoted(kept)}` : `les feuilles protégées ${quoted(kept)}`;
  const fix = unmarked.length > 0 ? '' : ` : pour le mettre à jour, ${UNPROTECT_SHEET}, puis relancez le calcul`;
  const stale = `Le surlignage d'un calcul précédent reste sur ${where} et peut marquer des cellules qui ne sont plus fautives${fix}.`;
  return faults ? `${faults} ${stale}` : stale;
}

/** The SPASER sheets are written, but Excel refused the marks on the faulty cells. */
export function describeHighlightFailure(error: unknown): string {
  return `Les cellules fautives n'ont pas pu être surlignées${detailOf(error)} ; la liste de l'étape Contrôles les donne toutes. Relancez le calcul pour réessayer le surlignage.`;
}

/**
 * Told as soon as the pane reads a workbook whose structure is protected: the buyer can check
 * columns, controls and indicators, but Excel will refuse the SPASER sheets and the imports.
 */
export function describeProtectedWorkbook(): string {
  return "La structure de ce classeur est protégée (onglet Révision, « Protéger le classeur ») : vous pouvez vérifier les colonnes, les contrôles et les indicateurs, mais Excel refusera d'y ajouter les feuilles SPASER et les feuilles importées. Ôtez la protection avant d'écrire ou d'importer.";
}
