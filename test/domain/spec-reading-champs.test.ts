/**
 * Spec audit (reading): every field of `champs.md` — id, label, type, required
 * flag, header synonyms, enum values and their synonyms — read from the spec
 * text itself and checked against the program (`fields.ts`, `mapHeaderRow`,
 * `readField`). A synonym dropped from `fields.ts`, a field renamed or retyped,
 * an enum value misspelt: each fails here.
 */
import {
  ACTIONS_FIELDS,
  CIBLES_FIELDS,
  REGISTER_FIELDS,
  REQUIRED_FIELDS,
  SAISIES_FIELDS,
  SUIVI_INSERTION_FIELDS,
  type FieldDef,
} from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { readField } from '../../src/domain/read-cell';
import { specText } from '../helpers/spec-file';

interface SpecField {
  readonly id: string;
  readonly label: string;
  /** The type cell as written (`texte, required`, `enum: Travaux, …`). */
  readonly typeCell: string;
  /** Header synonyms as written (examples); null when the table has no synonyms column. */
  readonly synonyms: string[] | null;
}

const CHAMPS = specText('champs.md');

/** Splits on commas outside brackets. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

/** The field rows of the table(s) of `text` (rows whose first cell is an identifier). */
function tableFields(text: string): SpecField[] {
  const out: SpecField[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!/^[a-z][A-Za-z]*$/.test(cells[0]) || cells[0] === 'id') continue;
    out.push({ id: cells[0], label: cells[1], typeCell: cells[2], synonyms: cells.length > 3 ? splitTopLevel(cells[3]) : null });
  }
  return out;
}

/** The part of champs.md from a heading/bold title to the next one. */
function section(start: string, end: string | null): string {
  const from = CHAMPS.indexOf(start);
  const to = end === null ? CHAMPS.length : CHAMPS.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`section ${start} introuvable`);
  return CHAMPS.slice(from, to);
}

const REGISTER_SPEC = tableFields(section('## Identification', '## Companion sheets'));
const COMPANIONS: readonly [string, readonly FieldDef[], SpecField[]][] = [
  ['Suivi insertion', SUIVI_INSERTION_FIELDS, tableFields(section('**Suivi insertion**', '**Actions SPASER**'))],
  ['Actions SPASER', ACTIONS_FIELDS, tableFields(section('**Actions SPASER**', '**Cibles**'))],
  ['Cibles', CIBLES_FIELDS, tableFields(section('**Cibles**', '**Saisies manuelles**'))],
  ['Saisies manuelles', SAISIES_FIELDS, tableFields(section('**Saisies manuelles**', null))],
];

const TYPE_WORDS: Readonly<Record<string, FieldDef['type']>> = {
  texte: 'texte',
  entier: 'entier',
  nombre: 'nombre',
  montant: 'montant',
  date: 'date',
  'booléen': 'booleen',
  enum: 'enum',
};

function typeOf(typeCell: string): FieldDef['type'] {
  const word = /^([a-zé]+)/.exec(typeCell)?.[1] ?? '';
  const t = TYPE_WORDS[word];
  if (t === undefined) throw new Error(`type inconnu : ${typeCell}`);
  return t;
}

/** A synonym as a header text: `réservation (L2113-12 = ESAT/EA, …)` explains values, not the header. */
function headerOf(synonym: string): string {
  return synonym.replace(/\s*\([^)]*=[^)]*\)\s*$/, '');
}

/** The field a header maps to on its own among `fields`, or null. */
function alone(header: string, fields: readonly FieldDef[]): string | null {
  const m = mapHeaderRow([header], fields, 1);
  return m.columns.length === 1 ? m.columns[0].field : null;
}

/** Enum values listed in a type cell (`enum: A, B, C`), or null. */
function enumValuesOf(typeCell: string): string[] | null {
  const m = /^enum: (.+)$/.exec(typeCell);
  return m === null ? null : m[1].split(', ').map((v) => v.trim());
}

/** `procedure` values and their synonyms, from the paragraph under the Identification table. */
function procedureValues(): [string, string[]][] {
  const start = CHAMPS.indexOf('(synonyms in brackets):');
  const end = CHAMPS.indexOf('The first six', start);
  const para = CHAMPS.slice(start + '(synonyms in brackets):'.length, end).replace(/\s+/g, ' ');
  const out: [string, string[]][] = [];
  for (const m of para.matchAll(/`([^`]+)`(?: \(([^)]*)\))?/g)) {
    out.push([m[1], m[2] === undefined ? [] : m[2].split(',').map((s) => s.trim())]);
  }
  return out;
}

describe('champs.md as parsed by this test (sanity of the parser)', () => {
  it('finds the 52 register fields and the four companion tables', () => {
    expect(REGISTER_SPEC).toHaveLength(52);
    expect(REGISTER_SPEC.map((f) => f.id).slice(0, 4)).toEqual(['numero', 'objet', 'pole', 'direction']);
    expect(REGISTER_SPEC.at(-1)?.id).toBe('commentaires');
    expect(COMPANIONS.map(([, , spec]) => spec.length)).toEqual([8, 4, 4, 4]);
    expect(procedureValues().map(([v]) => v)).toHaveLength(8);
  });
});

describe('register fields of champs.md (id, label, type, required)', () => {
  it('the program has exactly the fields of the spec, in the spec order', () => {
    expect(REGISTER_FIELDS.map((f) => f.id)).toEqual(REGISTER_SPEC.map((f) => f.id));
  });

  it.each(REGISTER_SPEC.map((s) => [s.id, s] as const))('%s: French label as written back and type', (id, s) => {
    const def = REGISTER_FIELDS.find((f) => f.id === id)!;
    expect(def.label).toBe(s.label);
    expect(def.type).toBe(typeOf(s.typeCell));
  });

  it('exactly numero, objet, montant and dateNotification are required', () => {
    const specRequired = REGISTER_SPEC.filter((s) => /\brequired\b/.test(s.typeCell)).map((s) => s.id);
    expect(specRequired).toEqual(['numero', 'objet', 'dateNotification', 'montant']);
    expect([...REQUIRED_FIELDS].sort()).toEqual([...specRequired].sort());
    expect(REGISTER_FIELDS.filter((f) => f.required).map((f) => f.id).sort()).toEqual([...specRequired].sort());
  });
});

describe('every header synonym of champs.md is recognised as its field', () => {
  const cases = REGISTER_SPEC.flatMap((s) => [s.label, ...(s.synonyms ?? [])].map((syn) => [headerOf(syn), s.id] as const));
  it.each(cases)('register: %j → %s', (header, id) => {
    expect(alone(header, REGISTER_FIELDS)).toBe(id);
  });

  for (const [kind, fields, spec] of COMPANIONS) {
    const kindCases = spec.flatMap((s) => {
      const syns = s.synonyms === null ? [] : s.synonyms[0] === 'as above' ? REGISTER_SPEC.find((r) => r.id === s.id)!.synonyms! : s.synonyms;
      // Cibles and Saisies list no synonyms: their label (without its explanation) is the header.
      const label = s.label.replace(/\s*[(:].*$/, '');
      return [label, ...syns].map((syn) => [headerOf(syn), s.id] as const);
    });
    it.each(kindCases)(`${kind}: %j → %s`, (header, id) => {
      expect(alone(header, fields)).toBe(id);
    });
  }
});

describe('companion sheets of champs.md (id, label, type)', () => {
  it.each(COMPANIONS.map(([kind, fields, spec]) => [kind, fields, spec] as const))('%s', (_kind, fields, spec) => {
    expect(fields.map((f) => f.id)).toEqual(spec.map((s) => s.id));
    for (const s of spec) {
      const def = fields.find((f) => f.id === s.id)!;
      expect([s.id, def.type]).toEqual([s.id, typeOf(s.typeCell)]);
      // Labels may carry an explanation in the spec (`Indicateur (id of indicateurs.md)`, `Sens: ≥ …`).
      expect([s.id, s.label === def.label || s.label.startsWith(`${def.label} (`) || s.label.startsWith(`${def.label}:`)]).toEqual([s.id, true]);
    }
  });
});

describe('enum values of champs.md: each value, its synonyms, any case and no accents, read as the canonical value', () => {
  const allFields: readonly FieldDef[] = [...REGISTER_FIELDS, ...SUIVI_INSERTION_FIELDS, ...ACTIONS_FIELDS];
  const enumSpecs = [...REGISTER_SPEC, ...COMPANIONS.flatMap(([, , spec]) => spec)].filter((s) => typeOf(s.typeCell) === 'enum');
  const noAccent = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

  const valueCases: [string, string, string][] = [];
  for (const s of enumSpecs) {
    const values = s.id === 'procedure' ? procedureValues().map(([v]) => v) : enumValuesOf(s.typeCell);
    if (values === null) throw new Error(`valeurs de ${s.id} introuvables`);
    for (const v of values) valueCases.push([s.id, v, v], [s.id, v.toUpperCase(), v], [s.id, noAccent(v).toLowerCase(), v]);
  }

  it('the program lists exactly the spec values, in order', () => {
    for (const s of enumSpecs) {
      const values = s.id === 'procedure' ? procedureValues().map(([v]) => v) : enumValuesOf(s.typeCell);
      const def = allFields.find((f) => f.id === s.id && f.type === 'enum')!;
      expect([s.id, def.options?.map((o) => o.value)]).toEqual([s.id, values]);
    }
  });

  it.each(valueCases)('%s: %j → %j', (id, text, canonical) => {
    const def = allFields.find((f) => f.id === id && f.type === 'enum')!;
    expect(readField(def, text)).toEqual({ kind: 'value', value: canonical });
  });

  const procedure = REGISTER_FIELDS.find((f) => f.id === 'procedure')!;
  const synonymCases = procedureValues().flatMap(([v, syns]) => syns.flatMap((syn) => [[syn, v] as const, [syn.toUpperCase(), v] as const]));
  it.each(synonymCases)('procedure synonym %j → %j', (text, canonical) => {
    expect(readField(procedure, text)).toEqual({ kind: 'value', value: canonical });
  });

  it('the first six procedure values are the DECP strings', () => {
    expect(procedureValues().slice(0, 6).map(([v]) => v)).toEqual([
      'Procédure adaptée',
      "Appel d'offres ouvert",
      "Appel d'offres restreint",
      'Procédure avec négociation',
      'Dialogue compétitif',
      'Marché passé sans publicité ni mise en concurrence préalable',
    ]);
  });

  it('marcheReserve: the articles named in champs.md read as their value', () => {
    const reserve = REGISTER_FIELDS.find((f) => f.id === 'marcheReserve')!;
    const synonymsCell = REGISTER_SPEC.find((s) => s.id === 'marcheReserve')!.synonyms!.join(', ');
    const pairs = [...synonymsCell.matchAll(/(L\d{4}-\d{2}) = ([^,)]+)/g)].map((m) => [m[1], m[2].trim()]);
    expect(pairs).toEqual([
      ['L2113-12', 'ESAT/EA'],
      ['L2113-13', 'SIAE'],
      ['L2113-15', 'ESS'],
    ]);
    for (const [article, value] of pairs) {
      expect(readField(reserve, article)).toEqual({ kind: 'value', value });
      expect(readField(reserve, article.replace('L', 'L. '))).toEqual({ kind: 'value', value });
    }
  });

  it('nature: the T/F/S of the header « catégorie (T/F/S) » read as Travaux, Fournitures, Services', () => {
    const nature = REGISTER_FIELDS.find((f) => f.id === 'nature')!;
    expect(['T', 'f', 'S'].map((t) => readField(nature, t))).toEqual([
      { kind: 'value', value: 'Travaux' },
      { kind: 'value', value: 'Fournitures' },
      { kind: 'value', value: 'Services' },
    ]);
  });

  it('a text outside the closed list is unreadable, not guessed', () => {
    const nature = REGISTER_FIELDS.find((f) => f.id === 'nature')!;
    const categorie = REGISTER_FIELDS.find((f) => f.id === 'categorieEntreprise')!;
    expect(readField(nature, 'Maîtrise d’œuvre')).toEqual({ kind: 'invalid', reason: 'illisible', shown: 'Maîtrise d’œuvre' });
    expect(readField(categorie, 'Moyenne')).toEqual({ kind: 'invalid', reason: 'illisible', shown: 'Moyenne' });
  });
});
