/**
 * Mutation audit of session 14 (read-cell.ts): reading rules of `regles.md` §2 and of the
 * README's reading choices that no test pinned. Expectations worked out by hand.
 */
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { excelSerialToIso, numberToText, parseDateText, parseNumberText, readField, type ReadOutcome } from '../../src/domain/read-cell';

const field = (id: string): FieldDef => {
  const f = REGISTER_FIELDS.find((d) => d.id === id);
  if (f === undefined) throw new Error(id);
  return f;
};
const val = <T>(v: T): ReadOutcome<T> => ({ kind: 'value', value: v });
const illisible = (shown: string) => ({ kind: 'invalid', reason: 'illisible', shown });

describe('numbers as text (README: thousands and decimal marks)', () => {
  it('a single dot in the shape 12.500 groups thousands, also with a unit around it', () => {
    expect(parseNumberText('12.500 €')).toBe(12500);
    expect(parseNumberText('1.234 HT')).toBe(1234);
  });

  it('several dots group thousands: 1.234.567 = 1 234 567', () => {
    expect(parseNumberText('1.234.567')).toBe(1234567);
  });

  it('groups after the first hold exactly 3 digits: « 1 23 » and « 1 2345 » are unreadable', () => {
    expect(parseNumberText('1 23')).toBeNull();
    expect(parseNumberText('1 2345')).toBeNull();
    // A short or long group in the middle too.
    expect(parseNumberText('1 23 456')).toBeNull();
    expect(parseNumberText('1 2345 678')).toBeNull();
    expect(parseNumberText('12 345')).toBe(12345);
  });

  it('one sign only: « -+5 » and « +-5 » are unreadable', () => {
    expect(parseNumberText('-+5')).toBeNull();
    expect(parseNumberText('+-5')).toBeNull();
  });

  it('a number text beyond the range of numbers (10^400) is unreadable, not infinite', () => {
    const huge = `1${'0'.repeat(400)}`;
    expect(readField(field('montant'), huge)).toEqual(illisible(huge));
  });

  it('the value shown for an unreadable number is the trimmed text', () => {
    expect(readField(field('montant'), '  beaucoup  ')).toEqual(illisible('beaucoup'));
  });

  it('a whole number computed by a formula, off by float noise, is whole (entier)', () => {
    // 1 234 567 + 2e-9: within the tolerance of a formula's rounding → 1 234 567.
    expect(readField(field('effectifTitulaire'), 1234567.000000002)).toEqual(val(1234567));
  });
});

describe('numberToText: a number as the user typed it (Valeur lue): comma decimal, never an exponent', () => {
  it('0.1 is « 0,1 », not its 20-digit binary expansion', () => {
    expect(numberToText(0.1)).toBe('0,1');
  });
  it('1.5e-7 is « 0,00000015 »; 1e21 is 1 followed by 21 zeros', () => {
    expect(numberToText(1.5e-7)).toBe('0,00000015');
    expect(numberToText(1e21)).toBe('1000000000000000000000');
  });
});

describe('dates (regles §2: a calendar date)', () => {
  it('29 February exists in leap years only: 2000 and 2024 yes; 2100 and 2025 no', () => {
    expect(parseDateText('29/02/2000')).toBe('2000-02-29');
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('29/02/2100')).toBeNull();
    expect(parseDateText('29/02/2025')).toBeNull();
  });

  it('30 April exists (leap year or not), 31 April does not; month 00 does not', () => {
    expect(parseDateText('30/04/2025')).toBe('2025-04-30');
    expect(parseDateText('30/04/2024')).toBe('2024-04-30');
    expect(parseDateText('31/04/2025')).toBeNull();
    expect(parseDateText('15/00/2025')).toBeNull();
  });

  it('years 1000 to 9999 only', () => {
    expect(parseDateText('01/01/0999')).toBeNull();
    expect(parseDateText('01/01/1000')).toBe('1000-01-01');
    expect(parseDateText('31/12/9999')).toBe('9999-12-31');
  });

  it('an unknown month name is no date', () => {
    expect(parseDateText('3 truc 2024')).toBeNull();
  });

  it('Excel serial 36585 is 29/02/2000 (36526 is 01/01/2000, + 31 + 28)', () => {
    expect(excelSerialToIso(36585)).toBe('2000-02-29');
  });

  it('a dash alone is empty; any other short text, or a dash with more, is an unreadable date', () => {
    expect(readField(field('dateNotification'), '5')).toEqual(illisible('5'));
    expect(readField(field('dateNotification'), '-01/03/2025')).toEqual(illisible('-01/03/2025'));
  });
});

describe('closed lists (regles §2: enum, case-, accent- and punctuation-insensitive)', () => {
  it('« E.S.A.T. » is ESAT; « E.S.S. » is ESS', () => {
    expect(readField(field('structureTitulaire'), 'E.S.A.T.')).toEqual(val('ESAT'));
    expect(readField(field('marcheReserve'), 'E.S.S.')).toEqual(val('ESS'));
  });

  it('Excel FALSE in marcheReserve is Non; Excel TRUE in a list without oui is unreadable, shown VRAI', () => {
    expect(readField(field('marcheReserve'), false)).toEqual(val('Non'));
    expect(readField(field('structureTitulaire'), true)).toEqual(illisible('VRAI'));
  });

  it('a text with a bracket matching no option, inside or outside, is unreadable', () => {
    expect(readField(field('procedure'), 'Autre chose (à préciser)')).toEqual(illisible('Autre chose (à préciser)'));
  });

  it('a date in a list column is unreadable, shown as the user sees it', () => {
    expect(readField(field('procedure'), { date: '2025-03-15' })).toEqual(illisible('15/03/2025'));
  });

  it('an empty cell is empty', () => {
    expect(readField(field('procedure'), null)).toEqual({ kind: 'empty' });
  });
});

describe('siret / codePostalTitulaire typed as numbers (regles §2: digits left-padded)', () => {
  it('a whole non-negative number is padded: 0 → 00000; any other number is kept as typed', () => {
    expect(readField(field('codePostalTitulaire'), 0)).toEqual(val('00000'));
    expect(readField(field('codePostalTitulaire'), -59)).toEqual(val('-59'));
    expect(readField(field('siret'), 1.5)).toEqual(val('1,5'));
  });
});
