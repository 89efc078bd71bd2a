/**
 * Mutation testing of session 12's messages (errors.ts): each test kills a mutant that survived
 * the session's own tests and would change what the user reads.
 */
import { describeError } from '../../src/taskpane/errors';
import { AttemptNotUndoneError } from '../../src/workbook/office/meter';

describe('an import that failed and could not undo itself', () => {
  it('gives the failure itself in the parentheses, not the wrapper, when it has no known Office code', () => {
    const shown = describeError(new AttemptNotUndoneError(new Error('la feuille « Pôle Sport » existe déjà dans le classeur')), 'import');
    expect(shown).toMatch(
      /^L'import des fichiers a échoué \(la feuille « Pôle Sport » existe déjà dans le classeur\), et les feuilles déjà ajoutées n'ont pas pu être retirées/,
    );
    expect(shown).not.toContain('attempt not undone');
  });
});
