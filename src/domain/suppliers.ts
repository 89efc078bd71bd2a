/** Supplier identity and size (`regles.md` §7, §8). */
import type { RegisterValues } from './fields';
import { isDigits } from './digits';

export const SIZES = ['TPE', 'PME', 'ETI', 'GE', 'Inconnue'] as const;
export type Size = (typeof SIZES)[number];

const LA_POSTE_SIREN = '356000000';

/**
 * SIRET check: 14 digits passing Luhn; a La Poste establishment (SIREN
 * 356000000) is also valid when the sum of its 14 digits is a multiple of 5.
 */
/** A SIRET cell without its blanks (most cells are the 14 digits already: no copy then). */
export function siretDigits(cell: string): string {
  return isDigits(cell, 14) ? cell : cell.replace(/\s+/g, '');
}

export function isValidSiret(digits: string): boolean {
  if (!isDigits(digits, 14)) return false;
  let luhn = 0;
  let plain = 0;
  for (let i = 0; i < 14; i++) {
    const d = digits.charCodeAt(i) - 48;
    plain += d;
    // From the right, every second digit is doubled: even indexes of 14 digits.
    if (i % 2 === 0) luhn += d * 2 > 9 ? d * 2 - 9 : d * 2;
    else luhn += d;
  }
  if (luhn % 10 === 0) return true;
  return digits.startsWith(LA_POSTE_SIREN) && plain % 5 === 0;
}

/** Company size: `categorieEntreprise`, else headcount (décret 2008-1354), else Inconnue. */
export function sizeOf(values: RegisterValues): Size {
  const cat = values.categorieEntreprise;
  if (cat === 'TPE' || cat === 'PME' || cat === 'ETI' || cat === 'GE') return cat;
  const n = values.effectifTitulaire;
  if (n === undefined) return 'Inconnue';
  if (n < 10) return 'TPE';
  if (n < 250) return 'PME';
  if (n < 5000) return 'ETI';
  return 'GE';
}

const LEGAL_FORMS: ReadonlySet<string> = new Set(['sa', 'sas', 'sarl', 'eurl', 'sasu']);

/** Supplier name for comparison: case, accents, punctuation and legal forms removed. */
export function normalizeSupplierName(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    // "S.A.R.L." must become "sarl", not "s a r l".
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  return words.filter((w) => w !== '' && !LEGAL_FORMS.has(w)).join(' ');
}

/**
 * The key that counts a supplier once: its SIRET when valid, else its
 * normalised name; null when neither identifies it.
 */
export function supplierKey(values: RegisterValues): string | null {
  if (values.siret !== undefined) {
    const digits = siretDigits(values.siret);
    if (isValidSiret(digits)) return `siret:${digits}`;
  }
  if (values.titulaire !== undefined) {
    const name = normalizeSupplierName(values.titulaire);
    if (name !== '') return `nom:${name}`;
  }
  return null;
}
