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
 * `Roubaix 59100`, `Roubaix (59100)`, `Roubaix 59100 CEDEX`, `59100ROUBAIX`). A whole postal
 * address is read by its last line (`12 rue de la Gare, BP 123, 59053 ROUBAIX CEDEX 1`); a country
 * after the town is set apart (`Mouscron, Belgique`, `7500 Tournai (BE)`), and so is a département
 * in brackets (`ROUBAIX (59)`).
 */
export function communeAndCode(text: string): { commune: string; cp: string | null } {
  const { commune, cp } = typedPlace(text);
  return { commune, cp };
}

/** `communeAndCode`, with the country and the département typed after the town. */
export function typedPlace(text: string): TypedPlace {
  // A register names few towns, each on many rows: read each spelling once (bounded).
  let place = typedPlaces.get(text);
  if (place === undefined) {
    place = Object.freeze(readTypedPlace(text));
    if (typedPlaces.size >= TYPED_PLACES_LIMIT) typedPlaces.clear();
    typedPlaces.set(text, place);
  }
  return place;
}

const TYPED_PLACES_LIMIT = 4096;
const typedPlaces = new Map<string, Readonly<TypedPlace>>();

function readTypedPlace(text: string): TypedPlace {
  let rest = text.trim();
  // An address's last line may end with the country (`Lille 59000 France`, `Roubaix, France`): read
  // without it (`Fontenay-en-France`, hyphenated, keeps its name; `France` alone is left as typed).
  rest = rest.replace(COUNTRY_AFTER, '');
  let pays: string | null = null;
  const foreign = FOREIGN_AFTER.exec(rest);
  if (foreign && foreign.index > 0) {
    pays = foreign[1] ?? foreign[2];
    rest = rest.slice(0, foreign.index).trim();
  }
  // `B-7500 Tournai`: the country's letters before the code, as an international address writes it.
  const prefixed = FOREIGN_PREFIX.exec(rest);
  if (pays === null && prefixed) pays = prefixed[1];
  const place = splitCode(plainCodes(lastLine(rest)));
  return { ...place, pays };
}

/** What a commune cell says of the place: the town, a postal code, a foreign country, a département. */
export interface TypedPlace {
  commune: string;
  cp: string | null;
  /** A country other than France written after the town, as typed; null when none. */
  pays: string | null;
  /** A département typed in brackets after the town (`(59)`); null when none. */
  departement: string | null;
}

// Its code (`Lille, FR`) only after a comma, a dash or in brackets, as a foreign country's (`Mouscron, BE`).
const COUNTRY_AFTER = /(?:(?:\s*[,;]\s*|\s+[-–—]\s+|\s*\(\s*|\s+)france|(?:\s*[,;]\s*|\s+[-–—]\s+|\s*\(\s*)fra?)\s*\)?$/i;

/** Countries written after a town: their names after any separator, their codes only after a comma, a dash or in brackets. */
const FOREIGN_NAMES = 'belgique|belgie|belgië|belgium|luxembourg|allemagne|deutschland|pays[- ]bas|nederland|espagne|italie|suisse|royaume[- ]uni|portugal';
const FOREIGN_CODES = 'be|bel|lu|lux|de|nl|es|it|ch|uk|gb|pt';
const FOREIGN_PREFIX = /(?:^|[\s,;])(b|be|l|lu|d|de|nl|ch)-\s?\d{4,5}\s+\p{L}/iu;
const FOREIGN_AFTER = new RegExp(
  `(?:\\s*[,;]\\s*|\\s+[-–—]\\s+|\\s*\\(\\s*)(${FOREIGN_NAMES}|${FOREIGN_CODES})\\s*\\)?$|\\s+(${FOREIGN_NAMES})$`,
  'i',
);

/** A postal code in a line: 5 digits, or written `59 100`. */
const CODE_IN = /(?:^|\D)(?:\d{5}|\d{2} \d{3})(?:\D|$)/;
/** The words of a delivery that are no town (`BP 123`, `CS 60001`, `CEDEX 1`). */
const DELIVERY_WORDS = /\b(?:cedex|bp|cs|tsa)\b\.?\s*\d*/gi;

function hasTownName(line: string): boolean {
  return /\p{L}/u.test(line.replace(DELIVERY_WORDS, ''));
}

/**
 * The line of an address that holds the town: the last with a postal code and a name
 * (`12 rue de la Gare, BP 123, 59053 ROUBAIX CEDEX 1`); else the last name, with a code
 * typed on a line of its own (`Roubaix, 59100`).
 */
function lastLine(text: string): string {
  if (!/[,;\n]/.test(text)) return text;
  const lines = text.split(/[,;\n]/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length <= 1) return lines[0] ?? text;
  for (let i = lines.length - 1; i >= 0; i--) if (CODE_IN.test(lines[i]) && hasTownName(lines[i])) return lines[i];
  let town: string | undefined;
  for (let i = lines.length - 1; i >= 0 && town === undefined; i--) if (hasTownName(lines[i])) town = lines[i];
  // `BP 70123` holds five digits but no postal code: the delivery words go with their number.
  const code = lines.find((l) => CODE_IN.test(l.replace(DELIVERY_WORDS, '')) && !hasTownName(l));
  if (town === undefined) return text;
  return code === undefined ? town : `${town} ${code}`;
}

/** `59 100` → `59100`, and `F-59100` → `59100`: how an address may write a French postal code. */
function plainCodes(text: string): string {
  return text.replace(/(^|[^\d-])(?:fr?-\s?)?(\d{2}) ?(\d{3})(?=\D|$)/gi, '$1$2$3');
}

/** A département of the region named in brackets after the town (`Lille (Nord)`): its number. */
const REGION_DEPARTMENTS: Readonly<Record<string, string>> = { nord: '59', 'pas de calais': '62', somme: '80', oise: '60', aisne: '02' };

function splitCode(text: string): Omit<TypedPlace, 'pays'> {
  let trimmed = text;
  let departement: string | null = null;
  // `ROUBAIX (59)`: the département, not a postal code.
  const dept = /^(.*\S)\s*\(\s*(\d{2}|2[ab]|97\d|[\p{L} '-]+)\s*\)$/iu.exec(trimmed);
  const number = dept === null ? undefined : /^[\d]/.test(dept[2]) || /^2[ab]$/i.test(dept[2]) ? dept[2].toUpperCase() : REGION_DEPARTMENTS[normalizeCommune(dept[2])];
  if (dept && number !== undefined) {
    trimmed = dept[1];
    departement = number;
  }
  // A postal code alone (`59100`, how a facilitator often gives a residence) names no commune.
  const codeOnly = /^(\d{5})(?:\s+cedex(?:\s*\d+)?)?$/i.exec(trimmed);
  if (codeOnly) return { commune: '', cp: codeOnly[1], departement };
  const codeFirst = /^(\d{5})\s+(.+)$/.exec(trimmed);
  if (codeFirst) return { commune: codeFirst[2], cp: codeFirst[1], departement };
  // Brackets are how an address book often writes it: `Roubaix (59100)`; a CEDEX after the code is
  // dropped as the commune's own CEDEX suffix is (`Roubaix 59100 CEDEX`).
  const codeLast = /^(.+?)\s+(?:(\d{5})|\(\s*(\d{5})\s*\))(?:\s+cedex(?:\s*\d+)?)?$/i.exec(trimmed);
  if (codeLast) return { commune: codeLast[1], cp: codeLast[2] ?? codeLast[3], departement };
  // A code glued to the name (`59100ROUBAIX`, `Roubaix59100`) is still read as a person reads it.
  const gluedFirst = /^(\d{5})(\p{L}.*)$/u.exec(trimmed);
  if (gluedFirst) return { commune: gluedFirst[2], cp: gluedFirst[1], departement };
  const gluedLast = /^(.*\p{L})(\d{5})(?:\s+cedex(?:\s*\d+)?)?$/iu.exec(trimmed);
  if (gluedLast) return { commune: gluedLast[1], cp: gluedLast[2], departement };
  // A street before the code and the town, on one line (`12 rue de la Gare 59100 Roubaix`, `BP 70123 59053 Roubaix Cedex`).
  const inside = /(?:^|\s)(\d{5})\s+(\p{L}[^\d]*?(?:\s+cedex(?:\s*\d+)?)?)$/iu.exec(trimmed);
  if (inside) return { commune: inside[2], cp: inside[1], departement };
  return { commune: trimmed, cp: null, departement };
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

  const typed = typedPlace(values.communeTitulaire ?? '');
  // A country written after the town says what the « Pays » column would have said.
  if (!pays && typed.pays !== null) return 'Étranger';
  const cp = postalCode(values.codePostalTitulaire) ?? typed.cp;
  const commune = typed.commune ? normalizeCommune(typed.commune) : '';
  const departement = cp === null ? typed.departement : cp.slice(0, 2);
  if (commune && (departement === null || departement === '59')) {
    if (commune === ROUBAIX) return 'Roubaix';
    if (MEL_NAMES.has(commune)) return 'MEL (hors Roubaix)';
  }
  if (cp !== null) {
    if (cp === '59100') return 'Roubaix';
    if (MEL_ONLY_POSTAL_CODES.has(cp)) return 'MEL (hors Roubaix)';
  }
  // The département of a postal code, or the one typed in brackets, gives the region.
  if (departement !== null) return HDF_DEPARTMENTS.has(departement) ? 'Hauts-de-France (hors MEL)' : 'France (hors Hauts-de-France)';
  return 'Inconnue';
}
