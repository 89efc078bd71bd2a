/**
 * Office.js errors shown to the user. Office's message is English and « isn't intended for
 * consumption by end users; use the error code » (Office docs, « Error handling with the
 * application-specific JavaScript APIs »): the pane and the ribbon say, in French, what failed,
 * why, what is sure (nothing half written), what to do, and give the code for support.
 */
import { describeError, describeUnreadAfterImport, officeCause, type Stage } from '../../src/taskpane/errors';
import { ExcelDoubleError } from '../doubles/excel-double';

/** An error as Office.js raises it: `code`, and an English message. */
function officeError(code: string): Error {
  const e = new Error(`${code}: You cannot perform the requested operation.`);
  e.name = 'RichApi.Error';
  (e as Error & { code: string }).code = code;
  return e;
}

const CODES = [
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'InactiveWorkbook',
  'ActivityLimitReached',
  'MemoryLimitReached',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'Conflict',
  'InsertDeleteConflict',
  'ItemNotFound',
  'ItemAlreadyExists',
  'ServiceNotAvailable',
  'RequestAborted',
  'GeneralException',
  'ApiNotFound',
  'ApiNotAvailable',
  'NotImplemented',
  'UnsupportedOperation',
];

describe('an Office.js error is told in French, by its code', () => {
  it.each(CODES)('%s: French cause and advice, the code, never the English message', (code) => {
    const shown = describeError(officeError(code), 'ecriture');
    expect(shown).toMatch(/^L'écriture des feuilles SPASER a échoué : [a-zà-ÿ]/i);
    expect(shown).toContain(" Aucune feuille n'a été modifiée à moitié. ");
    expect(shown.endsWith(` Code Excel : ${code}.`)).toBe(true);
    expect(shown).not.toMatch(/You cannot|requested operation/);
  });

  it('the cell being edited: finish or cancel it (the advice a write failure used to give whatever the cause)', () => {
    expect(describeError(officeError('InvalidOperationInCellEditMode'), 'ecriture')).toBe(
      "L'écriture des feuilles SPASER a échoué : une cellule est en cours de saisie dans Excel. Aucune feuille n'a été modifiée à moitié. Validez-la (touche Entrée) ou annulez-la (Échap), puis réessayez. Code Excel : InvalidOperationInCellEditMode.",
    );
  });

  it('access denied: protection or a read-only workbook, and how to get out of it', () => {
    expect(describeError(officeError('AccessDenied'), 'import')).toBe(
      "L'import des fichiers a échoué : Excel a refusé l'opération (classeur ou feuille protégé, ou classeur ouvert en lecture seule). Aucune feuille n’a été ajoutée. Ôtez la protection (onglet Révision) ou passez en modification (mode Modification d'Excel sur le web, droit de modifier un fichier partagé), puis réessayez. Code Excel : AccessDenied.",
    );
  });

  it('another workbook in front: click in this one', () => {
    expect(describeError(officeError('InactiveWorkbook'), 'lecture')).toBe(
      "La lecture du classeur a échoué : plusieurs classeurs sont ouverts et celui-ci n'est plus le classeur actif. Cliquez dans ce classeur, puis réessayez. Code Excel : InactiveWorkbook.",
    );
  });

  it.each<[Stage, string]>([
    ['lecture', ''],
    ['calcul', ''],
    ['selection', ''],
    ['ecriture', " Aucune feuille n'a été modifiée à moitié."],
    ['import', ' Aucune feuille n’a été ajoutée.'],
    ['surlignage', ' Les valeurs de vos feuilles ne sont jamais modifiées.'],
  ])('%s: what is sure after the failure is said before the advice', (stage, sure) => {
    const shown = describeError(officeError('GeneralException'), stage);
    expect(shown).toContain(`Excel a rencontré une erreur interne.${sure} Réessayez ; si elle revient`);
  });

  it('the double’s errors are read the same way (code first)', () => {
    expect(describeError(new ExcelDoubleError('ItemNotFound', 'feuille introuvable'), 'lecture')).toBe(
      "La lecture du classeur a échoué : une feuille a été renommée ou supprimée pendant l'opération. Réessayez. Code Excel : ItemNotFound.",
    );
  });

  it('a cell of the Contrôles list on a sheet renamed or deleted since the read: retrying cannot help, reading again does', () => {
    // The list dates from the pane's last read: « pendant l'opération… Réessayez » would fail again on every click.
    expect(describeError(new ExcelDoubleError('ItemNotFound', 'feuille introuvable'), 'selection')).toBe(
      "La cellule n'a pas pu être sélectionnée : sa feuille a été renommée ou supprimée depuis la dernière lecture du classeur. Cliquez sur « Relire le classeur », puis choisissez à nouveau la cellule dans la liste. Code Excel : ItemNotFound.",
    );
  });


  it('a code outside the table, or a Node error code, keeps the message as it was', () => {
    expect(officeCause(officeError('InvalidArgument'))).toBeNull();
    expect(describeError(officeError('InvalidArgument'), 'calcul')).toBe(
      "Le calcul a échoué (InvalidArgument: You cannot perform the requested operation.). Vérifiez les colonnes reconnues à l'étape Colonnes, puis relancez le calcul.",
    );
    const node = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(officeCause(node)).toBeNull();
    // A key of Object.prototype is not a code of the table.
    expect(officeCause(officeError('toString'))).toBeNull();
  });

  it('the message after an import that could not be read back gives the French cause too', () => {
    const shown = describeUnreadAfterImport(['Pôle Sport'], officeError('GeneralException'));
    expect(shown).toContain("n'a pas pu être relu ensuite (Excel a rencontré une erreur interne, code Excel GeneralException).");
    expect(shown).not.toMatch(/You cannot/);
  });
});
