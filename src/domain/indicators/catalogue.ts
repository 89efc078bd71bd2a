/** Every indicator of `indicateurs.md`, in the catalogue's order. */
import { AXE1 } from './axe1';
import { AXE2 } from './axe2';
import { AXE3 } from './axe3';
import { AXE4 } from './axe4';
import { AXE5 } from './axe5';
import type { IndicatorDef } from './types';

export const CATALOGUE: readonly IndicatorDef[] = [...AXE1, ...AXE2, ...AXE3, ...AXE4, ...AXE5];

const BY_ID = new Map<string, IndicatorDef>(CATALOGUE.map((d) => [d.id, d]));

export function indicatorDef(id: string): IndicatorDef | undefined {
  return BY_ID.get(id);
}
