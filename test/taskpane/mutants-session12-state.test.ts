/**
 * Mutation testing of session 12 (state.ts): the « Surlignage incomplet » warning and the
 * progress of a read or write, as the reducer keeps them. Each test kills a mutant that
 * survived the session's own tests.
 */
import { INITIAL_STATE, paneReducer } from '../../src/taskpane/state';

const WARNING = 'La feuille « Suivi 2025 » est protégée : …';

describe('the warning of a write that went through', () => {
  it('goes when the next operation starts (a new write must not show the old sheet names)', () => {
    const written = paneReducer(INITIAL_STATE, { type: 'written', notice: 'ok', warning: WARNING });
    expect(written.warning).toBe(WARNING);
    expect(paneReducer(written, { type: 'busy', label: 'Écriture' }).warning).toBeNull();
  });

  it('is replaced by the next write’s, or goes when that write has none', () => {
    const first = paneReducer(INITIAL_STATE, { type: 'written', notice: 'ok', warning: WARNING });
    expect(paneReducer(first, { type: 'written', notice: 'ok' }).warning).toBeNull();
  });

  it('the removal of the marks clears an earlier error, and shows its own warning', () => {
    const failed = paneReducer(INITIAL_STATE, { type: 'failed', message: 'Le surlignage n’a pas pu être retiré.' });
    const cleared = paneReducer(failed, { type: 'highlightsCleared', warning: WARNING });
    expect(cleared.error).toBeNull();
    expect(cleared.warning).toBe(WARNING);
    expect(paneReducer(cleared, { type: 'dismiss' }).warning).toBeNull();
  });
});

describe('the progress of a read or write', () => {
  it('is only kept while something runs, dropped at 100 %, and goes with the end of the operation', () => {
    expect(paneReducer(INITIAL_STATE, { type: 'progress', progress: { phase: 'lecture', fraction: 0.4 } }).progress).toBeNull();
    const reading = paneReducer(INITIAL_STATE, { type: 'busy', label: 'Lecture' });
    const at40 = paneReducer(reading, { type: 'progress', progress: { phase: 'lecture', fraction: 0.4 } });
    expect(at40.progress).toEqual({ phase: 'lecture', fraction: 0.4 });
    expect(paneReducer(at40, { type: 'progress', progress: { phase: 'lecture', fraction: 1 } }).progress).toBeNull();
    expect(paneReducer(at40, { type: 'idle' }).progress).toBeNull();
    expect(paneReducer(at40, { type: 'busy', label: 'Écriture' }).progress).toBeNull();
  });
});
