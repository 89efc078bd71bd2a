/**
 * Spec audit (reading), `regles.md` §2: reading a cell. The examples of the
 * spec's table are read from the spec text, and each is checked both with
 * `readField` and through a register sheet (the column readers the register
 * uses), against values computed by hand.
 */
import type { CellValue } from '../../src/domain/cell';
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { readField } from '../../src/domain/read-cell';
import { buildRegister } from '../../src/domain/register';
import { d, err, grid } from '../helpers/grid';
import { specText } from '../helpers/spec-file';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'];
const field = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)!;
const val = (value: unknown) => ({ kind: 'value', value });

/** One register sheet: the four required columns, then `extra` columns; one row per entry of `cells`. */
function readRows(extra: string[], cells: CellValue[][], base: CellValue[] = ['M', 'Objet', 1000, d('2025-03-01')]) {
  const rows = cells.map((c, i) => [base[0] === 'M' ? `M${i + 1}` : base[0], ...base.slice(1), ...c]);
  return buildRegister([{ file: 'a.xlsx', sheets: [grid('S', [[...HEAD, ...extra], ...rows])], state: null }], { today: TODAY }).rows;
}

/** The cells of the §2 table row whose first cell is `type`. */
function specRow(type: string): string {
  const section = specText('regles.md').split('## 2. Reading a cell')[1];
  const line = section.split('\n').find((l) => l.startsWith(`| ${type} |`));
  if (line === undefined) throw new Error(`ligne ${type} introuvable`);
  return line;
}
const backticked = (s: string): string[] => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('§2 numbers: the spec examples, with normal, non-breaking and narrow non-breaking spaces', () => {
  // Hand-computed values of the examples, in the order the spec gives them.
  const EXPECTED: Readonly<Record<string, number>> = {
    '1 234,56': 1234.56,
    '1 234,56 €': 1234.56,
    '1.234,56': 1234.56,
    '1234.56': 1234.56,
    '12 500 € HT': 12500,
  };
  // The "accepted" cell of the row (the third cell names `entier`).
  const examples = backticked(specRow('nombre / montant / entier').split('|')[2]);
  const SPACES: [string, string][] = [
    ['space', ' '],
    ['U+00A0', '\u00a0'],
    ['U+202F', '\u202f'],
  ];
  const cases = examples.flatMap((e) => SPACES.map(([name, sp]) => [e, name, e.replace(/ /g, sp), EXPECTED[e]] as const));

  it('the spec lists these examples', () => {
    expect(examples).toEqual(Object.keys(EXPECTED));
  });

  it.each(cases)('%j with %s is read as the number', (_example, _space, text, expected) => {
    expect(readField(field('montant'), text)).toEqual(val(expected));
    expect(readField(field('delaiPaiement'), text)).toEqual(val(expected));
  });

  it('the examples are read the same in a register sheet, for montant, nombre and montant columns', () => {
    const texts = cases.map(([, , text]) => text);
    const rows = readRows(
      ["Heures d'insertion prévues", 'Dépenses mandatées'],
      texts.map((t) => [t, t]),
      ['M', 'Objet', '1\u202f000,50\u00a0€ HT', d('2025-03-01')],
    );
    expect(rows.map((r) => [r.values.montant, r.values.heuresInsertionPrevues, r.values.montantMandate])).toEqual(
      cases.map(([, , , expected]) => [1000.5, expected, expected]),
    );
    expect(rows.flatMap((r) => r.findings)).toEqual([]);
  });

  it('Excel numbers are read as they are', () => {
    expect(readRows(['Délai de paiement'], [[12.5]])[0].values.delaiPaiement).toBe(12.5);
  });

  it('an entier must be whole: 1 234 with a narrow space is 1234, 2,5 is not an entier', () => {
    const rows = readRows(["Nombre d'avenants", 'Offres reçues'], [['1\u202f234', '3'], ['2,5', 4]]);
    expect(rows[0].values).toMatchObject({ nbAvenants: 1234, offresRecues: 3 });
    expect(rows[1].values.nbAvenants).toBeUndefined();
    expect(rows[1].findings.map((f) => [f.code, f.colonne, f.valeurLue])).toEqual([['valeur-illisible', "Nombre d'avenants", '2,5']]);
  });
});

describe('§2 dates: Excel dates, 1900 serials, day-first texts', () => {
  const formats = backticked(specRow('date'));
  it('the spec lists these text formats', () => {
    expect(formats).toEqual(['jj/mm/aaaa', 'jj/mm/aa', 'jj-mm-aaaa', 'jj.mm.aaaa', 'aaaa-mm-jj']);
  });

  // 05/03/2025 = 5 March 2025 (day first). Serial: 45658 is 01/01/2025; + 31 (Jan) + 28 (Feb) + 4 = 45721.
  const cases: [string, CellValue, string][] = [
    ['Excel date', d('2025-03-05'), '2025-03-05'],
    ['1900 serial', 45721, '2025-03-05'],
    ['jj/mm/aaaa', '05/03/2025', '2025-03-05'],
    ['jj/mm/aa', '05/03/25', '2025-03-05'],
    ['jj-mm-aaaa', '05-03-2025', '2025-03-05'],
    ['jj.mm.aaaa', '05.03.2025', '2025-03-05'],
    ['aaaa-mm-jj', '2025-03-05', '2025-03-05'],
    ['jj/mm/aaaa, day 13', '13/01/2025', '2025-01-13'],
  ];

  it.each(cases)('%s: %j is %j', (_name, cell, iso) => {
    expect(readField(field('dateNotification'), cell)).toEqual(val(iso));
  });

  it('every form reads the same in a register sheet', () => {
    const direct = buildRegister(
      [{ file: 'a.xlsx', sheets: [grid('S', [HEAD, ...cases.map(([, cell], i) => [`M${i}`, 'o', 1, cell])])], state: null }],
      { today: TODAY },
    ).rows;
    expect(direct.map((r) => r.values.dateNotification)).toEqual(cases.map(([, , iso]) => iso));
    expect(direct.flatMap((r) => r.findings)).toEqual([]);
  });

  it('jj/mm/aa is always 20aa, whatever aa', () => {
    expect(readField(field('dateNotification'), '31/12/99')).toEqual(val('2099-12-31'));
    expect(readField(field('dateNotification'), '01/01/00')).toEqual(val('2000-01-01'));
    expect(readField(field('dateNotification'), '15/06/75')).toEqual(val('2075-06-15'));
  });

  it('day-first always: 04/03/2025 is 4 March, 03/04/2025 is 3 April, 03/13/2025 is no date', () => {
    expect(readField(field('dateNotification'), '04/03/2025')).toEqual(val('2025-03-04'));
    expect(readField(field('dateNotification'), '03/04/2025')).toEqual(val('2025-04-03'));
    expect(readField(field('dateNotification'), '04-03-25')).toEqual(val('2025-03-04'));
    expect(readField(field('dateNotification'), '03/13/2025')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '03/13/2025' });
  });
});

describe('§2 yes/no: every spelling of the spec', () => {
  const row = specRow('booléen');
  const [yesPart, noPart] = row.split('→ oui;');
  const yes = backticked(yesPart);
  const no = backticked(noPart.split('→ non')[0]);

  it('the spec lists these spellings', () => {
    expect(yes).toEqual(['oui', 'o', 'yes', 'y', 'x', '1', 'vrai', 'true', '✓', '✔', 'oui']);
    expect(no).toEqual(['non', 'n', 'no', '0', 'faux', 'false', '-']);
  });

  it.each(yes.map((w) => [w]))('%j is oui', (w) => {
    expect(readField(field('clauseSociale'), w)).toEqual(val(true));
  });
  it.each(no.map((w) => [w]))('%j is non', (w) => {
    expect(readField(field('clauseSociale'), w)).toEqual(val(false));
  });

  it('texts starting with oui are oui', () => {
    expect(readField(field('clauseSociale'), 'oui, lots 2 et 3')).toEqual(val(true));
    expect(readField(field('clauseSociale'), 'Oui (insertion)')).toEqual(val(true));
  });

  it('in a register sheet: oui, non, and empty (an empty cell is no value, neither oui nor non)', () => {
    const words = [...yes, ...no, 'oui - 350 h'];
    const rows = readRows(['Clause sociale'], [...words.map((w) => [w]), [null], ['  ']]);
    expect(rows.map((r) => r.values.clauseSociale)).toEqual([...yes.map(() => true), ...no.map(() => false), true, undefined, undefined]);
    expect(rows.flatMap((r) => r.findings)).toEqual([]);
  });
});

describe('§2 texte: trimmed; siret and code postal typed as numbers are padded with zeros', () => {
  it('readField, and a companion sheet (read cell by cell)', () => {
    expect(readField(field('titulaire'), '\t ACME \n')).toEqual(val('ACME'));
    const reg = buildRegister(
      [{ file: 'a.xlsx', sheets: [grid('Suivi', [['N° marché', 'Bénéficiaire', 'Sexe'], ['  M1 ', ' B-7  ', 'F']])], state: null }],
      { today: TODAY },
    );
    expect(reg.suiviInsertion.map((r) => r.values)).toEqual([{ numero: 'M1', beneficiaire: 'B-7', sexe: 'F' }]);
  });

  it('in a register sheet', () => {
    const rows = readRows(['Titulaire', 'SIRET', 'Code postal'], [['  ACME  ', 2345678901234, 2100], ['Net Plus', '73282932000074', 59100]]);
    expect(rows.map((r) => [r.values.titulaire, r.values.siret, r.values.codePostalTitulaire])).toEqual([
      ['ACME', '02345678901234', '02100'],
      ['Net Plus', '73282932000074', '59100'],
    ]);
  });
});

describe('§2 formula errors are never data: the cell is an error (valeur illisible)', () => {
  const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];
  const ONE_PER_TYPE = ['titulaire', 'nbAvenants', 'delaiPaiement', 'montantMandate', 'dateNotification', 'clauseSociale', 'procedure'];

  it('the spec names these errors', () => {
    const para = specText('regles.md').split('Formula error values')[1].split('\n\n')[0];
    expect(backticked(para).filter((w) => w.startsWith('#'))).toEqual(ERRORS.slice(0, 5));
  });

  it('one field of each type: texte, entier, nombre, montant, date, booléen, enum', () => {
    expect(ONE_PER_TYPE.map((id) => field(id).type)).toEqual(['texte', 'entier', 'nombre', 'montant', 'date', 'booleen', 'enum']);
  });

  it.each(ERRORS.flatMap((e) => ONE_PER_TYPE.map((id) => [e, id])))('%s in a %s cell is a formula error', (e, id) => {
    expect(readField(field(id), err(e))).toEqual({ kind: 'invalid', reason: 'erreur-formule', shown: e });
  });

  it('in a register sheet: no value is read from the cell, and the row carries valeur-illisible for each', () => {
    const extra = ['Titulaire', "Nombre d'avenants", 'Délai de paiement', 'Dépenses mandatées', 'Clause sociale', 'Procédure'];
    const rows = readRows(extra, [ERRORS.slice(0, 6).map(err)], ['M', 'Objet', 1000, d('2025-03-01')]);
    expect(rows[0].values).toEqual({ numero: 'M1', objet: 'Objet', montant: 1000, dateNotification: '2025-03-01' });
    expect(rows[0].findings.map((f) => [f.code, f.colonne, f.valeurLue])).toEqual(extra.map((h, i) => ['valeur-illisible', h, ERRORS[i]]));
    expect(rows[0].hasError).toBe(true);
  });

  it('an error in a required column is no value either: the row is an error, not read as the error text', () => {
    const rows = buildRegister(
      [{ file: 'a.xlsx', sheets: [grid('S', [HEAD, [err('#REF!'), err('#N/A'), 1000, err('#VALUE!')]])], state: null }],
      { today: TODAY },
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toEqual({ montant: 1000 });
    expect(rows[0].hasError).toBe(true);
    expect(rows[0].findings.map((f) => f.valeurLue)).toEqual(expect.arrayContaining(['#REF!', '#N/A', '#VALUE!']));
  });
});
