/**
 * The national references of `indicateurs.md` (« shown beside, never mixed in »): the national
 * plan for sustainable public procurement 2022-2025 aims at 100 % of contracts with an
 * environmental consideration and 30 % with a social one.
 */

import { formatValue } from './change';

export const CONSIDERATION_IDS = {
  sociale: '4.1.2-consideration-sociale',
  environnementale: '3.1.1-consideration-env',
  innovation: '5.2.1-innovants-nb',
} as const;

export const NATIONAL_REFERENCE = { sociale: 30, environnementale: 100, innovation: null } as const;

/** The national reference of an indicator, in its unit (%), or null when it has none. */
export function nationalReference(id: string): number | null {
  if (id === CONSIDERATION_IDS.sociale) return NATIONAL_REFERENCE.sociale;
  if (id === CONSIDERATION_IDS.environnementale) return NATIONAL_REFERENCE.environnementale;
  return null;
}

/** `référence nationale : 30,0 %` (the plan's name once, for the sheet's note), shown as pane and CLI show it. */
export function nationalReferenceText(id: string): string | null {
  const ref = nationalReference(id);
  return ref === null ? null : `référence nationale (plan national pour des achats durables 2022-2025) : ${formatValue(ref, '%')}`;
}
