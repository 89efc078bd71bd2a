/**
 * Dates, durations and payment delays as buyers type them by hand (recipe `dates-durees`): the
 * spellings the spec leaves open and the README now documents (« Lecture des cellules »).
 */
import type { CellValue } from '../../src/domain/cell';
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { readDate, readField } from '../../src/domain/read-cell';
import { expectedForm } from '../../src/domain/validation';

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const field = (id: string): FieldDef => REGISTER_FIELDS.find((d) => d.id === id)!;
const read = (id: string, cell: CellValue) => {
  const o = readField(field(id), cell);
  return o.kind === 'value' ? o.value : o.kind;
};

describe('dates typed by hand', () => {
  it.each([
    ['15-mars-25', '2025-03-15'], // Excel's French `jj-mmm-aa`, pasted as text
    ['15-mars-2025', '2025-03-15'],
    ['1-janv.-25', '2025-01-01'],
    ['15 mars 25', '2025-03-15'],
    ['15 janv. 2025', '2025-01-15'],
    ['notifié le 15/03/2025', '2025-03-15'],
    ['Notifié le : 15/03/2025', '2025-03-15'],
    ['le 15 mars 2025', '2025-03-15'],
    ['commandé le 02/04/2025', '2025-04-02'],
    ['45731', '2025-03-15'], // a serial typed (or pasted) as text
    // A time is no part of the day, in words as in figures (README: `14/03/2025 00:00:00` is that day).
    ['15 mars 2025 14:30', '2025-03-15'],
    ['1er mars 2025 à 9h00', '2025-03-01'],
    ['15/03/2025 à 14h30', '2025-03-15'],
  ])('« %s » is %s', (text, iso) => {
    expect(read('dateNotification', text)).toBe(iso);
  });

  it('a serial typed as text is counted in the workbook calendar, like a bare number', () => {
    expect(readDate('44267', true)).toEqual({ kind: 'value', value: '2025-03-13' });
  });

  it('five digits in text far from any contract date (a postal code typed in the wrong column) are no serial', () => {
    expect(readDate('59100')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '59100' });
    expect(readDate('12345')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '12345' });
    // 36 526 is 01/01/2000, 54 788 the 31/12/2049, 54 789 the 01/01/2050.
    expect(readDate('36525')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '36525' });
    expect(readDate('36526')).toEqual({ kind: 'value', value: '2000-01-01' });
    expect(readDate('54788')).toEqual({ kind: 'value', value: '2049-12-31' });
    expect(readDate('54789')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '54789' });
  });

  it.each(['mars 2025', 'T2 2025', '2025', '15-mars', 'notifié en mars 2025', 'le 31/02/2025', '4573', '457310', 'notifié le 15/03/2025 et reconduit le 15/03/2026'])(
    '« %s » stays unreadable',
    (text) => {
      expect(read('dateNotification', text)).toBe('invalid');
    },
  );
});

describe('durations typed by hand (months)', () => {
  it.each([
    ['36', 36],
    ['36 mois', 36],
    ['3 ans', 36],
    ['1 an', 12],
    ['2,5 ans', 30],
    ['1 année', 12],
    ['48 (4 ans)', 48],
    ['48 mois (soit 4 ans)', 48],
    ['12 mois reconductible 3 fois', 48],
    ['1 an renouvelable 2 fois', 36],
    ['12 mois, reconductible 1 fois', 24],
    ['18 mois + 6', 24],
    ['1 an + 6 mois', 18],
  ])('« %s » is %d months', (text, months) => {
    expect(read('dureeMois', text)).toBe(months);
  });

  it.each(['6 semaines', '48 (3 ans)', '2,3 ans', 'un an', '12 mois reconductible', '3 ans (36 mois) + 6'])('« %s » stays unreadable', (text) => {
    expect(read('dureeMois', text)).toBe('invalid');
  });

  it('weeks in a duration, a year or a month in a delay: the message says to convert into the column unit', () => {
    expect(plain(expectedForm(field('dureeMois'), 'illisible', '6 semaines'))).toBe(
      'Cette colonne se compte en mois : convertissez la valeur en mois et saisissez un nombre entier (par exemple 12)',
    );
    expect(plain(expectedForm(field('delaiPaiement'), 'illisible', '1 mois'))).toContain('Cette colonne se compte en jours');
    expect(plain(expectedForm(field('delaiPaiement'), 'illisible', '1 an'))).toContain('Cette colonne se compte en jours');
    // « un an » in words: no figure to convert, the usual example.
    expect(plain(expectedForm(field('dureeMois'), 'illisible', 'un an'))).toBe('Saisissez un nombre entier (par exemple 12)');
  });

  it('a renewal without its count: the message asks for the full length, renewals included', () => {
    for (const shown of ['12 mois reconductible', '1 an renouvelable par tacite reconduction', '12 mois reconductible 3 fois par période de 12 mois']) {
      expect(read('dureeMois', shown)).toBe('invalid');
      expect(plain(expectedForm(field('dureeMois'), 'illisible', shown))).toBe(
        'Saisissez la durée totale en mois, reconductions comprises, en nombre entier (par exemple 48 pour 12 mois reconductibles 3 fois)',
      );
    }
  });

  it('years and weeks are no reading elsewhere: a delay of « 1 an », an amount of « 3 ans », hours of « 2 semaines »', () => {
    expect(read('delaiPaiement', '1 an')).toBe('invalid');
    expect(read('montant', '3 ans')).toBe('invalid');
    expect(read('heuresInsertionRealisees', '2 semaines')).toBe('invalid');
    expect(read('nbAvenants', '2 ans')).toBe('invalid');
  });
});

describe('what an unreadable date lacks, said in its message', () => {
  const hint = (shown: string) => plain(expectedForm(field('dateNotification'), 'illisible', shown));
  it.each([
    ['31/02/2025', 'Février 2025 n\'a que 28 jours. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['29/02/2025', 'Février 2025 n\'a que 28 jours. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['31/04/2025', 'Avril 2025 n\'a que 30 jours. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['31 juin 2025', 'Juin 2025 n\'a que 30 jours. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['mars 2025', 'Il manque le jour. Saisissez la date complète au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['Mars 2025', 'Il manque le jour. Saisissez la date complète au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['03/2025', 'Il manque le jour. Saisissez la date complète au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['T2 2025', 'Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)'],
    ['03/15/2025', "Saisissez la date jour d'abord (jj/mm/aaaa) : 15/03/2025"],
  ])('« %s »: %s', (shown, said) => {
    expect(hint(shown)).toBe(said);
  });
});
