/**
 * `indicateurs.md` « every indicator can be computed per Pôle »: the breakdowns with no single
 * value (zones, company sizes) have no room in `parPole` (numbers, `sortie.md`); their categories
 * per Pôle are in the chain's output, written under `SPASER Pôles`' table, never in the JSON.
 * Expectations worked out by hand below.
 */
import { resultJson, runChain } from '../../src/domain/chain';
import { FORMAT_PERCENT } from '../../src/domain/plan-types';
import { twoPolesSuppliers } from '../helpers/two-poles-suppliers';
import { cellAt, findRow, formatAt, sheet } from '../helpers/plan-sheet';

/**
 * Five contracts of 2025, two Pôles, suppliers by name (regles §8), zones by postal code (§7):
 *   A-1 Pôle A, T1, 59100 Roubaix,          1 000 €
 *   A-2 Pôle A, T2, 59000 Lille (MEL),      3 000 €
 *   B-1 Pôle B, T1, 59100 Roubaix,          2 000 €
 *   B-2 Pôle B, T3, 75011 (France),         2 000 €
 *   B-3 Pôle B, T4, 62000 Arras (HdF),      4 000 €
 * Pôle A: suppliers T1 Roubaix, T2 MEL → 50 % / 50 %; spend 1 000 / 4 000 → 25 %, 3 000 → 75 %.
 * Pôle B: T1 Roubaix, T3 France, T4 HdF → 33,3 % each; spend 8 000: 25 %, 25 %, 50 %.
 * City: 4 suppliers, 25 % each; spend 12 000: Roubaix 3 000 (25 %), MEL 3 000 (25 %),
 *   HdF 4 000 (33,3 %), France 2 000 (16,7 %).
 * No company size column: 5.1.4 is non calculable, for the City and for each Pôle.
 */
function output() {
  return runChain([{ file: 'Ville.xlsx', sheets: [twoPolesSuppliers()], state: null }], { today: '2026-01-15' });
}

const third = 100 / 3;

describe('breakdowns by Pôle', () => {
  const out = output();

  it('gives each Pôle its zones, suppliers and spend, beside the City’s', () => {
    const zones = out.poleBreakdowns.get('5.1.1-fournisseurs-zone')!;
    expect(Object.keys(zones).sort()).toEqual(['Pôle A', 'Pôle B']);
    const a = zones['Pôle A']!;
    expect(a['Roubaix']).toEqual({ fournisseurs: 50, depense: 25 });
    expect(a['MEL (hors Roubaix)']).toEqual({ fournisseurs: 50, depense: 75 });
    const b = zones['Pôle B']!;
    const share = (x: unknown) => x as { fournisseurs: number; depense: number };
    expect(share(b['Roubaix']).fournisseurs).toBeCloseTo(third, 9);
    expect(share(b['Roubaix']).depense).toBe(25);
    expect(share(b['France (hors Hauts-de-France)']).depense).toBe(25);
    expect(share(b['Hauts-de-France (hors MEL)']).depense).toBe(50);
    // Categories a Pôle has no supplier in count 0, as the City's breakdown does.
    expect(share(a['Hauts-de-France (hors MEL)']).depense ?? 0).toBe(0);
  });

  it('says null for a Pôle whose breakdown is non calculable', () => {
    expect(out.poleBreakdowns.get('5.1.4-fournisseurs-typologie')).toEqual({ 'Pôle A': null, 'Pôle B': null });
  });

  it('holds only the breakdowns with no single value', () => {
    expect([...out.poleBreakdowns.keys()].sort()).toEqual(['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie']);
  });

  it('leaves the JSON of sortie.md as it is: parPole of a breakdown stays null per Pôle', () => {
    const json = JSON.parse(resultJson(out.result));
    const zone = json.indicateurs.find((i: { id: string }) => i.id === '5.1.1-fournisseurs-zone');
    expect(zone.parPole).toEqual({ 'Pôle A': null, 'Pôle B': null });
    expect(Object.keys(zone)).not.toContain('repartitionParPole');
    expect(resultJson(out.result)).not.toContain('Pôle A":{"Roubaix');
  });

  it('writes them under SPASER Pôles’ table: share of spend, then of suppliers, a Pôle per column', () => {
    const s = sheet(out.plan, 'SPASER Pôles');
    const title = findRow(s, 1, 'Répartitions par Pôle');
    expect(title).toBeGreaterThan(out.result.indicateurs.length + 1);
    const spendTitle = findRow(s, 1, 'Part (en nombre et en €) des fournisseurs par zone géographique : part de la dépense');
    expect(spendTitle).toBeGreaterThan(title);
    expect([1, 2, 3, 4, 5, 6].map((c) => cellAt(s, spendTitle + 1, c))).toEqual(['Id', 'Catégorie', 'Unité', 'Pôle A', 'Pôle B', 'Ville (total)']);
    // Zones in the spec's order: Roubaix, MEL, Hauts-de-France, France, Étranger, Inconnue.
    expect([2, 4, 5, 6].map((c) => cellAt(s, spendTitle + 2, c))).toEqual(['Roubaix', 25, 25, 25]);
    expect([2, 4, 5, 6].map((c) => cellAt(s, spendTitle + 3, c))).toEqual(['MEL (hors Roubaix)', 75, 0, 25]);
    expect(cellAt(s, spendTitle + 4, 2)).toBe('Hauts-de-France (hors MEL)');
    expect(cellAt(s, spendTitle + 4, 5)).toBe(50);
    expect(cellAt(s, spendTitle + 4, 6)).toBeCloseTo(third, 9);
    expect(formatAt(s, spendTitle + 2, 4)).toBe(FORMAT_PERCENT);
    const suppliersTitle = findRow(s, 1, 'Part (en nombre et en €) des fournisseurs par zone géographique : part des fournisseurs');
    expect(suppliersTitle).toBeGreaterThan(spendTitle);
    expect([2, 4, 6].map((c) => cellAt(s, suppliersTitle + 2, c))).toEqual(['Roubaix', 50, 25]);
    // Company sizes are non calculable everywhere: no table for them.
    const texts = s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(texts.filter((t) => /typologie.*: part de/.test(t))).toEqual([]);
  });
});
