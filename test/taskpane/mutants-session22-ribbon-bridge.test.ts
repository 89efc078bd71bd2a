/**
 * Mutation audit of session 22, the ribbon's runner (`ribbon-bridge.ts`): what it refuses,
 * what it computes with, and what it tells the pane.
 */
import { runChain } from '../../src/domain/chain';
import { createRibbonRunner, resetRibbonBridge, subscribeOpenStep, subscribeRibbonResult, type RibbonSummary } from '../../src/taskpane/ribbon-bridge';
import { d, grid } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

const chain: typeof runChain = (inputs, options) => runChain(inputs, { ...options, today: TODAY });

afterEach(() => resetRibbonBridge());

/** An « Actions SPASER » companion sheet (champs.md), recognised by its headers. */
function actionsSheet() {
  return grid('Actions', [
    ['Date', "Type d'action", 'Intitulé', 'Participants'],
    [d('2025-03-12'), 'Formation', 'Achats responsables', 14],
  ]);
}

describe('a ribbon click on a register beside a companion sheet', () => {
  it('writes: the required columns are the register’s, a companion sheet has none of them', async () => {
    // champs.md: companion sheets are optional and have their own fields; README: « S'il manque
    // une colonne obligatoire, rien n'est écrit » speaks of the register's required columns.
    const host = fakeHost([buyerSheet(), actionsSheet()]);
    const steps: string[] = [];
    const seen: RibbonSummary[] = [];
    subscribeOpenStep((s) => steps.push(s));
    subscribeRibbonResult((s) => seen.push(s));
    await createRibbonRunner(host, chain)();
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].register.mappings.some((m) => m.kind === 'actions')).toBe(true);
    expect(steps).toEqual([]);
    expect(seen.at(-1)?.echec).toBeNull();
  });
});

describe('what the ribbon’s summary says besides the counts', () => {
  it('a computation that fails is told as the computation’s failure, not the read’s', async () => {
    // README « Classeurs protégés, erreurs d'Excel »: a failure says what failed.
    const host = fakeHost([buyerSheet()]);
    const seen: RibbonSummary[] = [];
    subscribeRibbonResult((s) => seen.push(s));
    const broken: typeof runChain = () => {
      throw new Error('division par zéro');
    };
    await expect(createRibbonRunner(host, broken)()).rejects.toThrow('division par zéro');
    expect(seen.at(-1)?.echec).toMatch(/^Le calcul a échoué/);
    expect(host.writes).toHaveLength(0);
  });

  it('a write that left cells unmarked: the warning is published beside the summary', async () => {
    // README: « un avertissement « Surlignage incomplet » nomme la feuille (dans le volet, et à côté du résumé du ruban) ».
    const host = fakeHost([buyerSheet()]);
    const warning = 'La feuille « Suivi 2025 » est protégée : ses cellules fautives ne sont pas surlignées.';
    const seen: RibbonSummary[] = [];
    subscribeRibbonResult((s) => seen.push(s));
    await createRibbonRunner({ writesCharts: true, read: host.read, write: async () => ({ warning }) }, chain)();
    expect(seen.at(-1)).toMatchObject({ echec: null, avertissement: warning });
  });

  it('a write without warning: no warning in the summary', async () => {
    const host = fakeHost([buyerSheet()]);
    const seen: RibbonSummary[] = [];
    subscribeRibbonResult((s) => seen.push(s));
    await createRibbonRunner({ writesCharts: true, read: host.read, write: async () => ({}) }, chain)();
    expect(seen.at(-1)?.echec).toBeNull();
    expect(seen.at(-1)?.avertissement ?? null).toBeNull();
  });
});
