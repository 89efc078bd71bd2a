import { INITIAL_STATE, paneReducer, withColumnChoice } from '../../src/taskpane/state';

describe('pane reducer', () => {
  it('keeps one override per sheet, starting from the saved one', () => {
    const base = { sheet: 'S', headerRow: 2, columns: { Réf: 'numero' } };
    const once = withColumnChoice([], { sheet: 'S', headerRow: 2, field: 'objet', header: 'Intitulé', previousHeader: 'Objet', base });
    expect(once).toEqual([{ sheet: 'S', headerRow: 2, columns: { Réf: 'numero', Objet: null, Intitulé: 'objet' } }]);
    const twice = withColumnChoice(once, { sheet: 'S', headerRow: 2, field: 'siret', header: null, previousHeader: 'SIRET', base });
    expect(twice).toEqual([{ sheet: 'S', headerRow: 2, columns: { Réf: 'numero', Objet: null, Intitulé: 'objet', SIRET: null } }]);
    const other = withColumnChoice(twice, { sheet: 'T', headerRow: 1, field: 'objet', header: 'Quoi', previousHeader: null });
    expect(other.map((o) => o.sheet)).toEqual(['S', 'T']);
  });

  it("keeps the rows said for the header row chosen: the session's choice first, else the saved one", () => {
    const base = { sheet: 'S', headerRow: 2, headerRows: 2 as const, columns: {} };
    const choice = { sheet: 'S', field: 'objet', header: 'Intitulé', previousHeader: null, base };
    const elsewhere = withColumnChoice([], { ...choice, headerRow: 3 });
    expect(elsewhere).toEqual([{ sheet: 'S', headerRow: 3, columns: { Intitulé: 'objet' } }]);
    // Back on the saved row (the form without a register): the saved rows, the session's columns.
    expect(withColumnChoice(elsewhere, { ...choice, headerRow: 2, header: 'Sujet' })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 2, columns: { Sujet: 'objet' } }]);
    // The session's own choice for that row wins, said or not.
    const session = [{ sheet: 'S', headerRow: 2, columns: {} }];
    expect(withColumnChoice(session, { ...choice, headerRow: 2 })).toEqual([{ sheet: 'S', headerRow: 2, columns: { Intitulé: 'objet' } }]);
  });

  it('the form says its rows: two, or one instead of two said for that row (else left unsaid)', () => {
    const choice = { sheet: 'S', headerRow: 2, field: 'objet', header: 'Intitulé', previousHeader: null };
    const two = { sheet: 'S', headerRow: 2, headerRows: 2 as const, columns: {} };
    const one = { ...two, headerRows: 1 as const };
    expect(withColumnChoice([], { ...choice, headerRows: 2 })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 2, columns: { Intitulé: 'objet' } }]);
    expect(withColumnChoice([], { ...choice, headerRows: 1 })).toEqual([{ sheet: 'S', headerRow: 2, columns: { Intitulé: 'objet' } }]);
    expect(withColumnChoice([two], { ...choice, headerRows: 1 })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 1, columns: { Intitulé: 'objet' } }]);
    expect(withColumnChoice([], { ...choice, headerRows: 1, base: two })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 1, columns: { Intitulé: 'objet' } }]);
    expect(withColumnChoice([one], { ...choice, headerRows: 1 })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 1, columns: { Intitulé: 'objet' } }]);
    expect(withColumnChoice([one], { ...choice, headerRows: 2 })).toEqual([{ sheet: 'S', headerRow: 2, headerRows: 2, columns: { Intitulé: 'objet' } }]);
  });

  it('drops the output on failure so that nothing stale can be written', () => {
    const output = {} as never;
    const computed = paneReducer({ ...INITIAL_STATE, busy: 'Calcul' }, { type: 'computed', output });
    expect(computed.output).toBe(output);
    expect(computed.busy).toBeNull();
    const failed = paneReducer(computed, { type: 'failed', message: 'Échec' });
    expect(failed.output).toBeNull();
    expect(failed.error).toBe('Échec');
  });

  it('an idle naming a label ends only that label (a later operation’s progress stays)', () => {
    const waiting = paneReducer(INITIAL_STATE, { type: 'busy', label: 'En attente' });
    expect(paneReducer(waiting, { type: 'idle', label: 'En attente' }).busy).toBeNull();
    const reading = paneReducer(waiting, { type: 'busy', label: 'Lecture' });
    expect(paneReducer(reading, { type: 'idle', label: 'En attente' }).busy).toBe('Lecture');
    expect(paneReducer(reading, { type: 'idle' }).busy).toBeNull();
  });

  it('replaces a decision on the same tag instead of adding one', () => {
    const d = { numero: 'A', consideration: 'sociale' as const, etiquette: 'Clause sociale', decision: 'confirmée' as const };
    const s1 = paneReducer(INITIAL_STATE, { type: 'decide', decision: d });
    const s2 = paneReducer(s1, { type: 'decide', decision: { ...d, decision: 'rejetée' } });
    expect(s2.decisions).toEqual([{ ...d, decision: 'rejetée' }]);
  });

  it('marks the output written and clears it on a new computation', () => {
    const written = paneReducer(INITIAL_STATE, { type: 'written', notice: 'ok' });
    expect(written.written).toBe(true);
    expect(paneReducer(written, { type: 'computed', output: {} as never }).written).toBe(false);
  });
});
