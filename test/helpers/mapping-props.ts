/**
 * Generators shared by the header-mapping properties (`regles.md` §1, `champs.md`,
 * README « Choix faits » → « Colonnes »): header texts built from the labels and synonyms of
 * the fields, written as buyers write them (any case, accents dropped, spaces doubled, line
 * breaks, underscores), with or without a trailing unit bracket.
 */
import fc from 'fast-check';
import { SHEET_KINDS, type FieldDef, type SheetKind } from '../../src/domain/fields';
import { normalizeHeader, stripAccents } from '../../src/domain/normalize';

export const KINDS = Object.keys(SHEET_KINDS) as SheetKind[];
export const fieldsOf = (kind: SheetKind): readonly FieldDef[] => SHEET_KINDS[kind].fields as readonly FieldDef[];
export const ALL_FIELDS: readonly FieldDef[] = KINDS.flatMap(fieldsOf);

/** The field's label then its synonyms, in `champs.md` order. */
export const namesOf = (f: FieldDef): string[] => [f.label, ...f.synonyms];

/** Unit brackets that are not thousands or millions of euros (`regles.md` §1 examples and the like). */
export const PLAIN_UNIT_BRACKETS = ['(€)', '(HT)', '(jours)', '(en €)', '(€ HT)', '[€]', '(EUR)', '(en euros)', '(mois)', '(€ H.T.)', '( € )', '(Euros HT)'];
/** Brackets in thousands or millions of euros (README « Colonnes »). */
export const SCALED_UNIT_BRACKETS = ['(k€)', '(kEUR)', '(KE)', "(milliers d'euros)", '(milliers d’euros)', '(M€)', '(K €)', "(millions d'euros)", '(k€ HT)', '(KEUR HT)', '(MEUR)', '(keuros)'];
export const UNIT_BRACKETS = [...PLAIN_UNIT_BRACKETS, ...SCALED_UNIT_BRACKETS];

/** The same header as a buyer might type it: normalises to the same text (checked by the properties' first assertion). */
export function styled(text: string, seed: readonly number[]): string {
  let i = 0;
  const next = () => seed[i++ % seed.length];
  const caseMode = next() % 4;
  let t = caseMode === 0 ? text.toUpperCase() : caseMode === 1 ? text.toLowerCase() : caseMode === 2 ? text : [...text].map((c, k) => ((seed[k % seed.length] + k) % 2 === 0 ? c.toUpperCase() : c)).join('');
  if (next() % 3 === 0) t = stripAccents(t);
  const spaces = [' ', '  ', '\n', '_', ' \n ', '\u00a0', ' - '];
  t = t.replace(/ /g, () => spaces[next() % spaces.length]);
  if (next() % 4 === 0) t = `  ${t} `;
  return t;
}

export const seedArb = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 });

/** A label or synonym of one of `fields`, styled. */
export function nameOf(fields: readonly FieldDef[]): fc.Arbitrary<{ field: FieldDef; name: string; header: string }> {
  const pairs = fields.flatMap((field) => namesOf(field).map((name) => ({ field, name })));
  return fc.tuple(fc.constantFrom(...pairs), seedArb).map(([p, seed]) => ({ ...p, header: styled(p.name, seed) }));
}

/** What one column maps to in a mapping: a field id, `?a|b` when ambiguous, `-` otherwise. */
export function outcomeOf(m: { columns: readonly { col: number; field: string }[]; ambiguous: readonly { col: number; fields: readonly string[] }[] }, col: number): string {
  const c = m.columns.find((x) => x.col === col);
  if (c !== undefined) return c.field;
  const a = m.ambiguous.find((x) => x.col === col);
  if (a !== undefined) return `?${[...a.fields].sort().join('|')}`;
  return '-';
}

/** Where a normalised header stands among the field's names (`synonymRank`): past the end when none. */
export function canonicalRank(field: FieldDef, normalized: string): number {
  const texts = [...new Set(namesOf(field).map(normalizeHeader).filter((t) => t !== ''))];
  const at = texts.indexOf(normalized);
  return at < 0 ? texts.length : at;
}
