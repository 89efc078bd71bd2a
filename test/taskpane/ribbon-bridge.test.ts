import { runChain } from '../../src/domain/chain';
import { detectHostKind } from '../../src/taskpane/office-host';
import {
  createRibbonRunner,
  MissingFieldsError,
  resetRibbonBridge,
  subscribeOpenStep,
  subscribeRibbonResult,
  type RibbonSummary,
} from '../../src/taskpane/ribbon-bridge';
import { buyerSheet, fakeHost, TODAY, unknownSheet } from './fixtures';

const chain: typeof runChain = (inputs, options) => runChain(inputs, { ...options, today: TODAY });

describe('ribbon bridge', () => {
  afterEach(() => resetRibbonBridge());

  it('writes, then publishes the short result to the pane (even one subscribing later)', async () => {
    const host = fakeHost([buyerSheet()]);
    let shown = 0;
    await createRibbonRunner(host, chain, async () => {
      shown++;
    })();
    expect(host.writes).toHaveLength(1);
    expect(shown).toBe(1);
    const seen: RibbonSummary[] = [];
    subscribeRibbonResult((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ lignesLues: 7, erreurs: 2, exercice: 2025, echec: null });
    const computed = host.writes[0].result.indicateurs.filter((i) => i.statut !== 'non calculable').length;
    expect(seen[0].indicateursCalcules).toBe(computed);
  });

  it('writes nothing and opens the Colonnes step when no register is recognised', async () => {
    const host = fakeHost([unknownSheet()]);
    const steps: string[] = [];
    const seen: RibbonSummary[] = [];
    subscribeOpenStep((s) => steps.push(s));
    subscribeRibbonResult((s) => seen.push(s));
    await expect(createRibbonRunner(host, chain)()).rejects.toThrow(/Aucun registre reconnu/);
    expect(host.writes).toHaveLength(0);
    expect(steps).toEqual(['colonnes']);
    expect(seen[0].echec).toMatch(/Aucun registre reconnu/);
  });

  it('refuses to write when a register sheet lacks a required column', async () => {
    const host = fakeHost([buyerSheet()]);
    const steps: string[] = [];
    subscribeOpenStep((s) => steps.push(s));
    // A register mapping without `montant` (as a partial user mapping could give).
    const partial: typeof runChain = (inputs, options) => {
      const out = chain(inputs, options);
      const mappings = out.register.mappings.map((m) => ({ ...m, columns: m.columns.filter((c) => c.field !== 'montant') }));
      return { ...out, register: { ...out.register, mappings } };
    };
    await expect(createRibbonRunner(host, partial)()).rejects.toThrow(MissingFieldsError);
    expect(host.writes).toHaveLength(0);
    expect(steps).toEqual(['colonnes']);
  });
});

describe('host detection', () => {
  it('is the preview without Office.js, or when Office reports no host', async () => {
    expect(await detectHostKind(undefined)).toBe('apercu');
    expect(await detectHostKind({ onReady: async () => ({ host: null }) })).toBe('apercu');
    expect(await detectHostKind({ onReady: async () => ({ host: 'Word' }), HostType: { Excel: 'Excel' } })).toBe('apercu');
  });

  it('is Excel when Office reports Excel as host', async () => {
    expect(await detectHostKind({ onReady: async () => ({ host: 'Excel' }), HostType: { Excel: 'Excel' } })).toBe('excel');
  });
});
