/** Geographic zone of a supplier (`regles.md` §6). */
import type { RegisterValues } from './fields';
import { MEL_ASSOCIATED_COMMUNES, MEL_COMMUNES, MEL_ONLY_POSTAL_CODES } from './communes-mel';
import { normalizeCommune } from './normalize';

export const ZONES = [
  'Roubaix',
  'MEL (hors Roubaix)',
  'Hauts-de-France (hors MEL)',
  'France (hors Hauts-de-France)',
  'Étranger',
  'Inconnue',
] as const;

export type Zone = (typeof ZONES)[number];

const ROUBAIX = normalizeCommune('Roubaix');

/**
 * The names of the MEL communes, and those of their associated communes (Lomme,
 * Hellemmes-Lille, parts of Lille) in the forms addresses use: alone (`Hellemmes`),
 * after or before their commune (`Lille-Lomme`).
 */
function melNames(): Set<string> {
  const names = new Set(MEL_COMMUNES.map((c) => normalizeCommune(c.nom)));
  for (const [nom, chefLieu] of MEL_ASSOCIATED_COMMUNES) {
    const commune = MEL_COMMUNES.find((c) => c.insee === chefLieu);
    if (!commune) continue;
    const of = normalizeCommune(commune.nom);
    const full = normalizeCommune(nom);
    const alone = full.endsWith(` ${of}`) ? full.slice(0, -(of.length + 1)) : full;
    for (const form of [full, alone, `${alone} ${of}`, `${of} ${alone}`]) names.add(form);
  }
  return names;
}

const MEL_NAMES: ReadonlySet<string> = melNames();
const FRANCE_NAMES: ReadonlySet<string> = new Set(['france', 'fr', 'fra', 'france metropolitaine', 'republique francaise']);
const HDF_DEPARTMENTS: ReadonlySet<string> = new Set(['02', '59', '60', '62', '80']);

/** True when a country cell means France (`France`, `FR`…, any case or accents). */
export function isFrance(pays: string): boolean {
  return FRANCE_NAMES.has(normalizeCommune(pays));
}

/** The 5 digits of a postal code cell (spaces ignored: `59 170` is 59170), else null. */
export function postalCode(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const digits = raw.replace(/\s+/g, '');
  return /^\d{5}$/.test(digits) ? digits : null;
}

/**
 * A commune cell split from the postal code typed before or after the name (`59100 Roubaix`,
 * `Roubaix 59100`, `Roubaix (59100)`, `Roubaix 59100 CEDEX`, `59100ROUBAIX`).
 */
export function communeAndCode(text: string): { commune: string; cp: string | null } {
  const trimmed = text.trim();
  // An address's last line may end with the country (`Lille 59000 France`, `Roubaix, France`): read
  // without it (`Fontenay-en-France`, hyphenated, keeps its name; `France` alone is left as typed).
  return splitCode(trimmed.replace(COUNTRY_AFTER, ''));
}

const COUNTRY_AFTER = /(?:\s*[,;]\s*|\s+[-–—]\s+|\s*\(\s*|\s+)france\s*\)?$/i;

function splitCode(trimmed: string): { commune: string; cp: string | null } {
  // A postal code alone (`59100`, how a facilitator often gives a residence) names no commune.
  const codeOnly = /^(\d{5})(?:\s+cedex(?:\s*\d+)?)?$/i.exec(trimmed);
  if (codeOnly) return { commune: '', cp: codeOnly[1] };
  const codeFirst = /^(\d{5})\s+(.+)$/.exec(trimmed);
  if (codeFirst) return { commune: codeFirst[2], cp: codeFirst[1] };
  // Brackets are how an address book often writes it: `Roubaix (59100)`; a CEDEX after the code is
  // dropped as the commune's own CEDEX suffix is (`Roubaix 59100 CEDEX`).
  const codeLast = /^(.+?)\s+(?:(\d{5})|\(\s*(\d{5})\s*\))(?:\s+cedex(?:\s*\d+)?)?$/i.exec(trimmed);
  if (codeLast) return { commune: codeLast[1], cp: codeLast[2] ?? codeLast[3] };
  // A code glued to the name (`59100ROUBAIX`, `Roubaix59100`) is still read as a person reads it.
  const gluedFirst = /^(\d{5})(\p{L}.*)$/u.exec(trimmed);
  if (gluedFirst) return { commune: gluedFirst[2], cp: gluedFirst[1] };
  const gluedLast = /^(.*\p{L})(\d{5})(?:\s+cedex(?:\s*\d+)?)?$/iu.exec(trimmed);
  if (gluedLast) return { commune: gluedLast[1], cp: gluedLast[2] };
  return { commune: trimmed, cp: null };
}

/**
 * Tried in order Étranger, Roubaix, MEL, Hauts-de-France, France, Inconnue.
 * A commune name of the MEL wins over the postal code, unless the postal code
 * is of another département (a namesake such as Croix 90100). A commune
 * outside the MEL (or unknown) leaves the decision to the postal code.
 */
export function zoneOf(values: RegisterValues): Zone {
  const pays = values.paysTitulaire?.trim();
  if (pays && !isFrance(pays)) return 'Étranger';

  const typed = communeAndCode(values.communeTitulaire ?? '');
  const cp = postalCode(values.codePostalTitulaire) ?? typed.cp;
  const commune = typed.commune ? normalizeCommune(typed.commune) : '';
  if (commune && (cp === null || cp.startsWith('59'))) {
    if (commune === ROUBAIX) return 'Roubaix';
    if (MEL_NAMES.has(commune)) return 'MEL (hors Roubaix)';
  }
  if (cp !== null) {
    if (cp === '59100') return 'Roubaix';
    if (MEL_ONLY_POSTAL_CODES.has(cp)) return 'MEL (hors Roubaix)';
    if (HDF_DEPARTMENTS.has(cp.slice(0, 2))) return 'Hauts-de-France (hors MEL)';
    return 'France (hors Hauts-de-France)';
  }
  return 'Inconnue';
}
