import type { CellValue } from '../../src/domain/cell';
import { ACTIONS_FIELDS, REGISTER_FIELDS, SUIVI_INSERTION_FIELDS, type FieldDef } from '../../src/domain/fields';
import {
  cellToText,
  excelSerialToIso,
  readBoolean,
  readDate,
  readEnum,
  readField,
  readNumber,
  readText,
  type ReadOutcome,
} from '../../src/domain/read-cell';

const field = (id: string): FieldDef => {
  const f = [...REGISTER_FIELDS, ...SUIVI_INSERTION_FIELDS, ...ACTIONS_FIELDS].find((d) => d.id === id);
  if (f === undefined) throw new Error(id);
  return f;
};
const val = <T>(v: T): ReadOutcome<T> => ({ kind: 'value', value: v });
const EMPTY = { kind: 'empty' };
const err = (shown: string) => ({ kind: 'invalid', reason: 'erreur-formule', shown });
const illisible = (shown: string) => ({ kind: 'invalid', reason: 'illisible', shown });

describe('readNumber', () => {
  it('reads Excel numbers as they are', () => {
    expect(readNumber(1234.56)).toEqual(val(1234.56));
    expect(readNumber(-3)).toEqual(val(-3));
    expect(readNumber(0)).toEqual(val(0));
  });

  it.each<[string, number]>([
    ['1234', 1234],
    ['1 234,56', 1234.56],
    ['1 234,56 €', 1234.56],
    ['1\u00a0234,56\u00a0€', 1234.56],
    ['1\u202f234\u202f567,5', 1234567.5],
    ['1.234,56', 1234.56],
    ['1.234.567,89', 1234567.89],
    ['1234.56', 1234.56],
    ['1,5', 1.5],
    ['12 500 € HT', 12500],
    ['12 500 €HT', 12500],
    ['12500€', 12500],
    ['12 500 EUR', 12500],
    ['12 500 euros H.T.', 12500],
    ['€ 12 500', 12500],
    ['-3,5', -3.5],
    ['- 3,5', -3.5],
    ['\u22123,5', -3.5],
    ['+7', 7],
    ['  42  ', 42],
    ['0,125', 0.125],
    ['30 jours', 30],
    ['35 h', 35],
    ['1,234.56', 1234.56],
    ['1,234,567', 1234567],
  ])('reads text %j as %p', (text, expected) => {
    expect(readNumber(text)).toEqual(val(expected));
  });

  it('reads a single dot followed by exactly 3 digits as a thousands separator, otherwise as decimal', () => {
    expect(readNumber('1.234')).toEqual(val(1234));
    expect(readNumber('12.500')).toEqual(val(12500));
    expect(readNumber('123.456')).toEqual(val(123456));
    expect(readNumber('1.5')).toEqual(val(1.5));
    expect(readNumber('1.50')).toEqual(val(1.5));
    expect(readNumber('0.125')).toEqual(val(0.125));
    expect(readNumber('1234.567')).toEqual(val(1234.567));
    expect(readNumber('1.2345')).toEqual(val(1.2345));
    // A single comma is always decimal in French.
    expect(readNumber('1,234')).toEqual(val(1.234));
  });

  it('reads blank text and a lone dash as empty', () => {
    expect(readNumber(null)).toEqual(EMPTY);
    expect(readNumber('')).toEqual(EMPTY);
    expect(readNumber(' \u00a0\u202f\t')).toEqual(EMPTY);
    expect(readNumber('-')).toEqual(EMPTY);
  });

  it.each(['abc', '12 5', '1 2345', '12,5,3', '1.234,5.6', '12 500 TTC', '12,', ',5', '1..2', 'HT', '€', '12 k€', '1e5', '3 pommes'])(
    'refuses %j',
    (text) => {
      expect(readNumber(text)).toEqual(illisible(text.trim()));
    },
  );

  it('refuses booleans and dates, and reports formula errors', () => {
    expect(readNumber(true)).toEqual(illisible('VRAI'));
    // Still refused; the reason lets the message name the date format (session 40).
    expect(readNumber({ date: '2024-03-01' })).toEqual({ kind: 'invalid', reason: 'format-date', shown: '01/03/2024' });
    expect(readNumber({ error: '#N/A' })).toEqual(err('#N/A'));
  });
});

describe('readDate', () => {
  it('reads calendar date cells', () => {
    expect(readDate({ date: '2024-03-15' })).toEqual(val('2024-03-15'));
    expect(readDate({ date: '2024-02-30' })).toEqual(illisible('2024-02-30'));
  });

  it('reads Excel 1900 serials, with the fictitious 29/02/1900', () => {
    expect(readDate(1)).toEqual(val('1900-01-01'));
    expect(readDate(59)).toEqual(val('1900-02-28'));
    expect(readDate(60)).toEqual(illisible('60'));
    expect(readDate(61)).toEqual(val('1900-03-01'));
    expect(readDate(25569)).toEqual(val('1970-01-01'));
    expect(readDate(45292)).toEqual(val('2024-01-01'));
    expect(readDate(45351)).toEqual(val('2024-02-29'));
    expect(readDate(45292.75)).toEqual(val('2024-01-01'));
    expect(readDate(2958465)).toEqual(val('9999-12-31'));
    expect(readDate(2958466)).toEqual(illisible('2958466'));
    expect(readDate(0)).toEqual(illisible('0'));
    expect(readDate(-5)).toEqual(illisible('-5'));
    expect(excelSerialToIso(44927)).toBe('2023-01-01');
  });

  it.each<[string, string]>([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['05/03/24', '2024-03-05'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024-03-15 00:00:00', '2024-03-15'],
    ['2024-03-15T00:00:00', '2024-03-15'],
    ['15/03/2024 14:30', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['1er mars 2024', '2024-03-01'],
    ['12 Février 2023', '2023-02-12'],
    ['  15/03/2024 ', '2024-03-15'],
  ])('reads text %j as %j', (text, iso) => {
    expect(readDate(text)).toEqual(val(iso));
  });

  it('reads a bare serial of a 1904 workbook (old Excel for Mac) in its own calendar, as Excel shows it once formatted', () => {
    // 05/03/2025 is 45 721 from 1900 and 44 259 from 1904 (1 462 days fewer).
    expect(readDate(44259, true)).toEqual(val('2025-03-05'));
    expect(readDate(44259)).toEqual(val('2021-03-04'));
    expect(readDate(0, true)).toEqual(val('1904-01-01'));
    expect(readDate(44259.5, true)).toEqual(val('2025-03-05'));
    expect(readDate(2958465 - 1462, true)).toEqual(val('9999-12-31'));
    for (const n of [-1, 2958465 - 1461]) expect(readDate(n, true)).toEqual(illisible(String(n)));
    // Texts and calendar dates are no serials: the system changes nothing.
    expect(readDate('05/03/2025', true)).toEqual(val('2025-03-05'));
    expect(readDate({ date: '2025-03-05' }, true)).toEqual(val('2025-03-05'));
    expect(readField(field('dateNotification'), 44259, true)).toEqual(val('2025-03-05'));
    expect(readField(field('dateNotification'), 44259)).toEqual(val('2021-03-04'));
    expect(readField(field('montant'), 44259, true)).toEqual(val(44259));
  });

  it('is always day-first, never month-first', () => {
    expect(readDate('03/04/2024')).toEqual(val('2024-04-03'));
    expect(readDate('12/13/2024')).toEqual(illisible('12/13/2024'));
  });

  it.each(['31/02/2025', '29/02/2023', '00/01/2024', '32/01/2024', '2024-13-01', 'demain', '15/03-2024', '15/03', '2024'])(
    'refuses %j',
    (text) => {
      expect(readDate(text)).toEqual(illisible(text));
    },
  );

  it('handles empty, booleans and errors', () => {
    expect(readDate(null)).toEqual(EMPTY);
    expect(readDate('  ')).toEqual(EMPTY);
    expect(readDate(false)).toEqual(illisible('FAUX'));
    expect(readDate({ error: '#REF!' })).toEqual(err('#REF!'));
  });
});

describe('readBoolean', () => {
  it.each(['oui', 'OUI', ' Oui ', 'o', 'O', 'yes', 'Y', 'x', 'X', '1', 'vrai', 'VRAI', 'true', '✓', '✔', 'oui (2 lots)', 'Oui - partiel', 'o u i'])(
    '%j is oui',
    (text) => {
      expect(readBoolean(text)).toEqual(val(true));
    },
  );
  it.each(['non', 'NON', 'n', 'No', '0', 'faux', 'False', '-', 'Non concerné', 'non (sans objet)'])('%j is non', (text) => {
    expect(readBoolean(text)).toEqual(val(false));
  });
  it('reads Excel booleans and the numbers 1 and 0', () => {
    expect(readBoolean(true)).toEqual(val(true));
    expect(readBoolean(false)).toEqual(val(false));
    expect(readBoolean(1)).toEqual(val(true));
    expect(readBoolean(0)).toEqual(val(false));
  });
  it('refuses anything else', () => {
    expect(readBoolean('peut-être')).toEqual(illisible('peut-être'));
    expect(readBoolean('nonobstant')).toEqual(illisible('nonobstant'));
    expect(readBoolean(2)).toEqual(illisible('2'));
    expect(readBoolean({ date: '2024-01-01' })).toEqual(illisible('01/01/2024'));
    expect(readBoolean({ error: '#VALUE!' })).toEqual(err('#VALUE!'));
  });
  it('reads blank as empty', () => {
    expect(readBoolean(null)).toEqual(EMPTY);
    expect(readBoolean(' ')).toEqual(EMPTY);
  });
});

describe('readEnum', () => {
  const procedure = field('procedure');
  const nature = field('nature');
  const reserve = field('marcheReserve');

  it('maps values and synonyms to the canonical value, ignoring case, accents and punctuation', () => {
    expect(readEnum(procedure, 'MAPA')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'procedure adaptee')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'AOO')).toEqual(val("Appel d'offres ouvert"));
    expect(readEnum(procedure, 'appel d’offres ouvert')).toEqual(val("Appel d'offres ouvert"));
    expect(readEnum(procedure, 'Gré à gré')).toEqual(val('Marché passé sans publicité ni mise en concurrence préalable'));
    expect(readEnum(nature, 'T')).toEqual(val('Travaux'));
    expect(readEnum(nature, 'services')).toEqual(val('Services'));
    expect(readEnum(reserve, 'L. 2113-12')).toEqual(val('ESAT/EA'));
    expect(readEnum(reserve, 'l2113-13')).toEqual(val('SIAE'));
    expect(readEnum(reserve, 'esat / ea')).toEqual(val('ESAT/EA'));
    expect(readEnum(field('typeAction'), 'Evenement')).toEqual(val('Événement'));
    expect(readEnum(field('sexe'), 'Mme')).toEqual(val('F'));
  });

  it('tries the text without its bracket, then the bracket', () => {
    expect(readEnum(procedure, 'MAPA (article R2123-1)')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'Procédure formalisée (AOO)')).toEqual(val("Appel d'offres ouvert"));
  });

  it('reads a procedure followed by its threshold, as a finance software writes it (blind recipe « paiements »)', () => {
    expect(readEnum(procedure, 'MAPA < 40 k€')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'MAPA ≥ 90 000 € HT')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'MAPA inférieur à 40 000 €')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'Procédure adaptée de 40 à 90 k€')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'AOO > 221 k€ HT')).toEqual(val("Appel d'offres ouvert"));
    expect(readEnum(procedure, 'MAPA > 40 k€ et < 90 k€')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'MAPA 40-90 k€')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'MAPA - 40 k€')).toEqual(val('Procédure adaptée'));
    expect(readEnum(procedure, 'MAPA 2025')).toEqual(illisible('MAPA 2025'));
    // Words that are not a threshold keep the text unreadable.
    expect(readEnum(procedure, 'MAPA relancé')).toEqual(illisible('MAPA relancé'));
    expect(readEnum(procedure, 'MAPA < AOO')).toEqual(illisible('MAPA < AOO'));
    expect(readEnum(nature, 'Travaux lot 2')).toEqual(illisible('Travaux lot 2'));
  });

  it('reads a procedure « sans publicité » or « sans mise en concurrence » in any wording as the contract passed without them', () => {
    const sansPub = val('Marché passé sans publicité ni mise en concurrence préalable');
    expect(readEnum(procedure, 'Négociée sans publicité')).toEqual(sansPub);
    expect(readEnum(procedure, 'Procédure négociée sans publicité ni mise en concurrence préalables')).toEqual(sansPub);
    expect(readEnum(procedure, 'Marché négocié sans mise en concurrence')).toEqual(sansPub);
    expect(readEnum(procedure, 'Achat sans publicité < 40 k€')).toEqual(sansPub);
    // « avec publicité » is not « sans publicité ».
    expect(readEnum(procedure, 'Négociée avec publicité')).toEqual(illisible('Négociée avec publicité'));
  });

  it('reads booleans and numbers through their text', () => {
    expect(readEnum(reserve, false)).toEqual(val('Non'));
    expect(readEnum(reserve, 0)).toEqual(val('Non'));
  });

  it('refuses unknown values and reports errors', () => {
    expect(readEnum(nature, 'Prestations intellectuelles')).toEqual(illisible('Prestations intellectuelles'));
    expect(readEnum(nature, { error: '#N/A' })).toEqual(err('#N/A'));
    expect(readEnum(nature, '  ')).toEqual(EMPTY);
  });
});

describe('readText', () => {
  const objet = field('objet');
  const siret = field('siret');
  const cp = field('codePostalTitulaire');

  it('trims text and reads blank as empty', () => {
    expect(readText(objet, '  Nettoyage des locaux ')).toEqual(val('Nettoyage des locaux'));
    expect(readText(objet, '   ')).toEqual(EMPTY);
    expect(readText(objet, null)).toEqual(EMPTY);
  });

  it('writes numbers as a person sees them', () => {
    expect(readText(objet, 2024)).toEqual(val('2024'));
    expect(readText(objet, 12.5)).toEqual(val('12,5'));
    expect(readText(siret, 12345678901234)).toEqual(val('12345678901234'));
    expect(readText(objet, 1e22)).toEqual(val('10000000000000000000000'));
  });

  it('left-pads SIRET and postal codes typed as numbers, not text (text keeps what was typed)', () => {
    expect(readText(siret, 2345678901234)).toEqual(val('02345678901234'));
    expect(readText(cp, 2100)).toEqual(val('02100'));
    expect(readText(cp, '2100')).toEqual(val('2100'));
    expect(readText(cp, 59100)).toEqual(val('59100'));
    expect(readText(cp, '2100 A')).toEqual(val('2100 A'));
    expect(readText(objet, 2100)).toEqual(val('2100'));
  });

  it('reads booleans as oui/non, dates as jj/mm/aaaa, errors as errors', () => {
    expect(readText(objet, true)).toEqual(val('oui'));
    expect(readText(objet, false)).toEqual(val('non'));
    expect(readText(objet, { date: '2024-03-05' })).toEqual(val('05/03/2024'));
    expect(readText(objet, { error: '#NAME?' })).toEqual(err('#NAME?'));
  });
});

describe('readField', () => {
  it('dispatches on the field type', () => {
    expect(readField(field('montant'), '1 234,50 €')).toEqual(val(1234.5));
    expect(readField(field('dateNotification'), '01/02/2024')).toEqual(val('2024-02-01'));
    expect(readField(field('clauseSociale'), 'oui')).toEqual(val(true));
    expect(readField(field('nature'), 'F')).toEqual(val('Fournitures'));
    expect(readField(field('objet'), 'x')).toEqual(val('x'));
  });

  it('requires whole numbers for entier, tolerating formula noise', () => {
    expect(readField(field('nbAvenants'), '2,5')).toEqual({ kind: 'invalid', reason: 'non-entier', shown: '2,5' });
    expect(readField(field('nbAvenants'), 2.9999999999996)).toEqual(val(3));
    expect(readField(field('nbAvenants'), '3')).toEqual(val(3));
    expect(readField(field('delaiPaiement'), '2,5')).toEqual(val(2.5));
  });

  it('reports negative numbers', () => {
    expect(readField(field('montant'), '-1 000')).toEqual({ kind: 'invalid', reason: 'negatif', shown: '-1 000' });
    expect(readField(field('nbAvenants'), -1.5)).toEqual({ kind: 'invalid', reason: 'negatif', shown: '-1,5' });
    expect(readField(field('delaiPaiement'), -3)).toEqual({ kind: 'invalid', reason: 'negatif', shown: '-3' });
    expect(readField(field('montant'), '-0')).toEqual(val(0));
  });

  it('reads a count of bids written with its noun, in the bids column only (blind recipe « paiements »)', () => {
    const offres = field('offresRecues');
    expect(readField(offres, '3 offres')).toEqual(val(3));
    expect(readField(offres, '1 offre')).toEqual(val(1));
    expect(readField(offres, '4 plis')).toEqual(val(4));
    expect(readField(offres, '2 candidatures')).toEqual(val(2));
    expect(readField(offres, 'Offres reçues : 3')).toEqual(val(3));
    expect(readField(offres, "Nb d'offres : 5")).toEqual(val(5));
    expect(readField(offres, '3 offres, 1 hors délai')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '3 offres, 1 hors délai' });
    // A bid is no amount nor a delay.
    expect(readField(field('montant'), '3 offres')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '3 offres' });
    expect(readField(field('delaiPaiement'), '3 offres')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '3 offres' });
  });

  it('reads days abbreviated « j. » or « jrs » like « j » and « jours »', () => {
    expect(readField(field('delaiPaiement'), '45 j.')).toEqual(val(45));
    expect(readField(field('delaiPaiement'), '45j.')).toEqual(val(45));
    expect(readField(field('delaiPaiement'), '45 jrs')).toEqual(val(45));
    expect(readField(field('delaiPaiement'), '32 j')).toEqual(val(32));
  });

  it('reads a saving written with its share in brackets as the amount in euros', () => {
    expect(readField(field('gainNegociation'), '8 500 € (12 %)')).toEqual(val(8500));
    expect(readField(field('gainNegociation'), '8 500 € soit 12 %')).toEqual(val(8500));
    expect(readField(field('gainNegociation'), '12 %')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '12 %' });
    expect(readField(field('gainNegociation'), '(12 %)')).toEqual({ kind: 'invalid', reason: 'illisible', shown: '(12 %)' });
  });

  it("refuses a unit that is not the column's: « 2 mois » is no delay in days, « 90 jours » no duration in months", () => {
    const no = (shown: string) => ({ kind: 'invalid', reason: 'illisible', shown });
    expect(readField(field('delaiPaiement'), '2 mois')).toEqual(no('2 mois'));
    expect(readField(field('dureeMois'), '90 jours')).toEqual(no('90 jours'));
    expect(readField(field('dureeMois'), '48 h')).toEqual(no('48 h'));
    expect(readField(field('montant'), '30 jours')).toEqual(no('30 jours'));
    expect(readField(field('gainNegociation'), '35 h')).toEqual(no('35 h'));
    expect(readField(field('heuresInsertionRealisees'), '35 jours')).toEqual(no('35 jours'));
    expect(readField(field('nbAvenants'), '2 mois')).toEqual(no('2 mois'));
    // A count of people (Actions SPASER) has no unit of time either: « 2 h » is a training's length.
    expect(readField(ACTIONS_FIELDS.find((f) => f.id === 'participants') as FieldDef, '2 h')).toEqual(no('2 h'));
    expect(readField(ACTIONS_FIELDS.find((f) => f.id === 'participants') as FieldDef, '3 jours')).toEqual(no('3 jours'));
    // regles.md §2 gives `1 234,56 €` for every number: euros are read in any column.
    expect(readField(field('delaiPaiement'), '30 €')).toEqual(val(30));
    // The column's own unit is read.
    expect(readField(field('delaiPaiement'), '30 jours')).toEqual(val(30));
    expect(readField(field('dureeMois'), '12 mois')).toEqual(val(12));
    expect(readField(field('heuresInsertionRealisees'), '35 h')).toEqual(val(35));
    expect(readField(field('montant'), '€ 12 500 HT')).toEqual(val(12500));
  });

  it('passes empty and errors through', () => {
    expect(readField(field('montant'), null)).toEqual(EMPTY);
    expect(readField(field('montant'), { error: '#DIV/0!' })).toEqual(err('#DIV/0!'));
  });
});

describe('cellToText', () => {
  it.each<[CellValue, string]>([
    [null, ''],
    ['  abc ', 'abc'],
    [1234.5, '1234,5'],
    [12345678901234, '12345678901234'],
    [true, 'VRAI'],
    [false, 'FAUX'],
    [{ date: '2024-12-31' }, '31/12/2024'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%j → %j', (cell, text) => {
    expect(cellToText(cell)).toBe(text);
  });
});
