/**
 * README audit, « Choix faits là où la spécification se tait » › Lecture des
 * cellules: the choices the README promises where `regles.md` §2 is silent,
 * checked through `readNumber`/`readDate` and through a register sheet (what
 * the buyer sees). Expectations are worked out by hand.
 */
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { readDate, readNumber } from '../../src/domain/read-cell';
import { d, grid } from '../helpers/grid';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];

/** One register row with the four required columns plus `extra`; returns the row read. */
function rowOf(cells: CellValue[], extra: string[] = []) {
  const rows: CellValue[][] = [[...HEAD, ...extra], cells];
  return buildRegister([{ file: 'Pôle Test.xlsx', sheets: [grid('Suivi', rows)], state: null }], { today: '2025-06-15' }).rows[0];
}

const value = (v: unknown) => ({ kind: 'value', value: v });
const illisible = (shown: string) => ({ kind: 'invalid', reason: 'illisible', shown });

describe('README: number text', () => {
  it('a lone comma is decimal, whatever the digits after it (1,234 = 1.234, not 1234)', () => {
    expect(readNumber('1,234')).toEqual(value(1.234));
    expect(readNumber('12,500')).toEqual(value(12.5));
    expect(readNumber('123,456')).toEqual(value(123.456));
  });

  it('a lone dot groups thousands only as d.ddd, dd.ddd, ddd.ddd; anywhere else it is decimal', () => {
    expect(readNumber('1.234')).toEqual(value(1234));
    expect(readNumber('12.500')).toEqual(value(12500));
    expect(readNumber('123.456')).toEqual(value(123456));
    // Four digits before, or not three after, or with spaces: decimal.
    expect(readNumber('1234.567')).toEqual(value(1234.567));
    expect(readNumber('12.50')).toEqual(value(12.5));
    expect(readNumber('1.2345')).toEqual(value(1.2345));
    expect(readNumber('1 234.5')).toEqual(value(1234.5));
  });

  it('with both marks, the last one is decimal', () => {
    expect(readNumber('1.234,5')).toEqual(value(1234.5));
    expect(readNumber('1,234.5')).toEqual(value(1234.5));
  });

  it('spaces group thousands by three: any other grouping is unreadable', () => {
    expect(readNumber('12 345 678')).toEqual(value(12345678));
    expect(readNumber('1\u00a0234\u202f567')).toEqual(value(1234567));
    expect(readNumber('12 34')).toEqual(illisible('12 34'));
    expect(readNumber('1234 567')).toEqual(illisible('1234 567'));
    expect(readNumber('1 234 56')).toEqual(illisible('1 234 56'));
  });

  it.each<[string, number]>([
    ['12 500 €', 12500],
    ['12 500 EUR', 12500],
    ['12 500 HT', 12500],
    ['45 jours', 45],
    ['35 h', 35],
    ['18 mois', 18],
  ])('%j is read: € EUR HT jours h mois are accepted around a number', (text, n) => {
    expect(readNumber(text)).toEqual(value(n));
  });

  it.each(['12 500 TTC', '12 500 € TTC', '12 k€', '12k€', '50 %', '50%', '12,5 %'])('%j is unreadable: TTC, k€ and %% are not read', (text) => {
    expect(readNumber(text)).toEqual(illisible(text));
  });

  it('in a register sheet, a percentage in a number column is valeur-illisible, not the number', () => {
    const row = rowOf(['M-1', 'Entretien', 1000, d('2025-03-01'), '30 %'], ['Durée (mois)']);
    expect(row.values.dureeMois).toBeUndefined();
    expect(row.findings.map((f) => f.code)).toContain('valeur-illisible');
    // TTC in the required amount is montant-invalide (an error), never read as an HT amount.
    const ttc = rowOf(['M-2', 'Entretien', '1 200 € TTC', d('2025-03-01')]);
    expect(ttc.values.montant).toBeUndefined();
    expect(ttc.findings.map((f) => f.code)).toEqual(['montant-invalide']);
  });
});

describe('README: a lone dash is empty (numbers and dates)', () => {
  it.each(['-', '\u2013', '\u2014', ' - '])('%j is an empty number and an empty date', (dash) => {
    expect(readNumber(dash)).toEqual({ kind: 'empty' });
    expect(readDate(dash)).toEqual({ kind: 'empty' });
  });

  it('in a register sheet: a dash in a number column is no value and no finding; in the date column it is an empty date', () => {
    const row = rowOf(['M-1', 'Entretien', 1000, d('2025-03-01'), '\u2013'], ['Durée (mois)']);
    expect(row.values.dureeMois).toBeUndefined();
    expect(row.findings).toEqual([]);
    const noDate = rowOf(['M-2', 'Entretien', 1000, '-']);
    expect(noDate.findings.map((f) => f.code)).toEqual(['date-manquante']);
  });
});

describe('README: dates written in words; the fake 29/02/1900', () => {
  it.each<[string, string]>([
    ['3 mars 2024', '2024-03-03'],
    ['3 MARS 2024', '2024-03-03'],
    ['1er août 2025', '2025-08-01'],
    ['15 déc. 2024', '2024-12-15'],
  ])('%j is read as %s', (text, iso) => {
    expect(readDate(text)).toEqual(value(iso));
  });

  it('a date in words in a register sheet is the notification date', () => {
    const row = rowOf(['M-1', 'Entretien', 1000, '3 mars 2025']);
    expect(row.values.dateNotification).toBe('2025-03-03');
    expect(row.hasError).toBe(false);
  });

  it('serial 60 (Excel’s 29/02/1900) is unreadable; 59 and 61 are the days around it', () => {
    expect(readDate(59)).toEqual(value('1900-02-28'));
    expect(readDate(60)).toEqual(illisible('60'));
    expect(readDate(61)).toEqual(value('1900-03-01'));
  });
});
