/**
 * Mutation audit s40-c (test/mutants-session40-c.md): the accords-cadres code of session 40 (labelled
 * amounts, optional plural in headers, SIRET lists, the accord-cadre amount hint, the doublon sentence
 * of a marché subséquent or a bon de commande) and the last fixes of the second s40 audit. Each case
 * kills a mutant that the tests before it let live, or holds a defect it found.
 */
import type { CellValue } from '../../src/domain/cell';
import { agreementPartSentence } from '../../src/domain/conflicts';
import { registerField } from '../../src/domain/fields';
import { normalizeHeader } from '../../src/domain/normalize';
import { readField } from '../../src/domain/read-cell';
import { expectedForm, frenchMessage } from '../../src/domain/validation';
import { communeAndCode, zoneOf } from '../../src/domain/zones';

const SOURCE = { file: 'AC.xlsx', sheet: 'AC 2025', row: 4 };
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('an optional plural « (s) », « (es) », « (x) » is dropped from the header, its word kept whole', () => {
  it('every plural of a header, in any case, after an accented letter too', () => {
    const cases: [string, string][] = [
      ['Titulaire(s)', 'titulaire'],
      ['Entreprise(s) titulaire(s)', 'entreprise titulaire'],
      ['TITULAIRE(S)', 'titulaire'],
      ['Attributaire(s) retenu(es)', 'attributaire retenu'],
      ['Lieu(x) d’exécution', 'lieu d execution'],
      ['Marché(s) notifié(s)', 'marche notifie'],
    ];
    for (const [header, normalized] of cases) expect([header, normalizeHeader(header)]).toEqual([header, normalized]);
  });
});

describe('an agreement’s amount typed with its label', () => {
  const montant = registerField('montant');
  const read = (cell: CellValue) => readField(montant, cell);

  it('a label in brackets with spaces inside, « ( estimé ) », is still the estimate', () => {
    expect(read('300 000 € ( estimé )')).toEqual({ kind: 'value', value: 300000 });
  });

  it('a label before more digits than a number holds is no amount', () => {
    expect(read(`Maxi : ${'9'.repeat(400)}`).kind).toBe('invalid');
  });

  it('a yes/no cell in the amount column is unreadable, not a crash', () => {
    expect(read(true).kind).toBe('invalid');
  });

  it('a labelled amount of a CSV mis-decoded by Excel reads as the clean one', () => {
    // `€` is E2 82 AC, read back as `â‚¬`; the no-break space C2 A0 as `Â ` + no-break space; `é` as `Ã©`.
    expect(read('Maxi : 500\u00c2\u00a0000 \u00e2\u201a\u00ac HT')).toEqual({ kind: 'value', value: 500000 });
    expect(read('Montant estim\u00c3\u00a9 : 75 000 \u00e2\u201a\u00ac')).toEqual({ kind: 'value', value: 75000 });
  });
});

describe('siret-invalide on a cell listing several SIRETs: every separator a list uses', () => {
  const LISTED = "porte 2 numéros de 14 chiffres, un par titulaire sans doute";
  it('a pipe, « et », a spaced dash, a trailing separator', () => {
    for (const cell of [
      '41234567000019 | 52345678000023',
      '41234567000019 et 52345678000023',
      '41234567000019 - 52345678000023',
      '41234567000019 ; 52345678000023 ;',
    ]) {
      expect([cell, plain(frenchMessage('siret-invalide', SOURCE, 'SIRET', cell))]).toEqual([cell, expect.stringContaining(LISTED)]);
    }
  });

  it('a list of SIRETs grouped by no-break spaces that Excel mis-decoded is still a list', () => {
    const cell = '412\u00c2\u00a0345\u00c2\u00a0670\u00c2\u00a000019 / 523\u00c2\u00a0456\u00c2\u00a0780\u00c2\u00a000023';
    expect(plain(frenchMessage('siret-invalide', SOURCE, 'SIRET', cell))).toContain(LISTED);
  });
});

describe('montant-invalide: the words of an agreement’s amounts get the accord-cadre hint, no other word', () => {
  const AGREEMENT = 'Pour un accord-cadre, saisissez son montant maximum';
  const said = (cell: string) => plain(frenchMessage('montant-invalide', SOURCE, 'Montant HT', cell));

  it('minimum, maximum, min/max, an estimate to come', () => {
    for (const cell of ['Minimum : 20 000 €', 'Maximum à définir', 'min 20 000 / max 120 000', 'estimation à venir', 'estimé à venir']) {
      expect([cell, said(cell)]).toEqual([cell, expect.stringContaining(AGREEMENT)]);
    }
  });

  it('a word that only starts like one (ministère) gets the usual hint', () => {
    expect(said('financé par le ministère')).not.toContain(AGREEMENT);
  });
});

describe('the country after the commune', () => {
  it('an en dash before « France » is a dash too', () => {
    expect(communeAndCode('Lomme 59160 – France')).toEqual({ commune: 'Lomme', cp: '59160' });
  });

  it('without a postal code, the commune is still read without the country', () => {
    expect(communeAndCode('Roubaix, France')).toEqual({ commune: 'Roubaix', cp: null });
    expect(zoneOf({ communeTitulaire: 'Roubaix, France' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Marcq-en-Barœul (France)' })).toBe('MEL (hors Roubaix)');
    // a name of its own ending in France keeps it, and France alone is no commune to cut
    expect(communeAndCode('Fontenay-en-France')).toEqual({ commune: 'Fontenay-en-France', cp: null });
    expect(communeAndCode('France')).toEqual({ commune: 'France', cp: null });
  });
});

describe('the doublon sentence of a marché subséquent or a bon de commande under its agreement’s numero', () => {
  const example = (objet: string, numero = 'AC-1') => /par exemple « ([^»]*) »/.exec(plain(agreementPartSentence(objet, numero)))?.[1].trim();
  const says = (objet: string) => /L'objet dit (un marché subséquent|un bon de commande)/.exec(plain(agreementPartSentence(objet, 'AC-1')))?.[1];

  it('the number proposed: three digits, glued to MS, its leading zero dropped, after the words, the numero trimmed', () => {
    expect(example('BC n° 104 — vitres')).toBe('AC-1-BC104');
    expect(example('MS3 — papier')).toBe('AC-1-MS3');
    expect(example('MS n° 104 — papier')).toBe('AC-1-MS104');
    expect(says('Marché subséquent de papier')).toBe('un marché subséquent');
    expect(example('BC02 — vitres')).toBe('AC-1-BC2');
    expect(example('Marché subséquent n°2 — papier')).toBe('AC-1-MS2');
    expect(example('BC n° 12', ' AC-2 ')).toBe('AC-2-BC12');
  });

  it('the words in capitals, a plural « bons de commande »', () => {
    expect(says('MARCHÉ SUBSÉQUENT — PAPIER')).toBe('un marché subséquent');
    expect(says('BON DE COMMANDE — VITRES')).toBe('un bon de commande');
    expect(says('Bons de commande de janvier')).toBe('un bon de commande');
    expect(says('Marchés subséquents du lot 2')).toBe('un marché subséquent');
  });

  it('« N° » in capitals (the usual spelling), « Marché Subséquent », « Bon De Commande » in title case', () => {
    expect(example('MS N°3 — cartouches')).toBe('AC-1-MS3');
    expect(example('BC N° 12 — vitres')).toBe('AC-1-BC12');
    expect(example('Marché Subséquent N°2 - papier')).toBe('AC-1-MS2');
    expect(example('Bon De Commande n°5')).toBe('AC-1-BC5');
  });

  it('the part named first is the row, and an agreement named after it does not hide it', () => {
    expect(example("Marché subséquent n°2 de l'accord-cadre fournitures")).toBe('AC-1-MS2');
    expect(example('BC n°7 - accord-cadre vitres')).toBe('AC-1-BC7');
    expect(example('Bon de commande n°4 du marché subséquent n°2')).toBe('AC-1-BC4');
    // the agreement named first is the agreement's own row
    expect(says('Accord-cadre à marchés subséquents n°2')).toBeUndefined();
  });

  it('no part of an agreement: a year after MS, MS inside a word, an « accord cadre » spelt with a space', () => {
    for (const objet of ['Licences MS 2019', 'Forfait SMS 500', 'Accord cadre à bons de commande — vitres']) expect([objet, says(objet)]).toEqual([objet, undefined]);
  });
});

describe('the accord-cadre hint is for the notified amount only', () => {
  it('a spend column typed « estimation à venir » is not told to take the agreement’s maximum', () => {
    const hint = expectedForm(registerField('montantMandate'), 'illisible', 'estimation à venir', 'Montant mandaté HT');
    expect(hint).not.toContain('accord-cadre');
    expect(plain(hint)).toBe('Saisissez un montant en euros (par exemple 12 500,00)');
    expect(expectedForm(registerField('montant'), 'illisible', 'estimation à venir', 'Montant HT')).toContain('Pour un accord-cadre');
  });
});

describe('the accord-cadre hint under a header in M€', () => {
  it('its example is half a million euros in the column’s unit, not 500 M€', () => {
    const said = plain(frenchMessage('montant-invalide', SOURCE, 'Montant HT (M€)', 'sans minimum ni maximum'));
    expect(said).toContain("en millions d'euros (l'unité de la colonne), ou son montant estimé s'il n'a pas de maximum (par exemple 0,5).");
  });
});

describe('an agreement’s amount with « HT » after its label, or its label after the number', () => {
  const read = (cell: CellValue) => readField(registerField('montant'), cell);
  it('« Montant maximum HT : … » (champs.md’s own words), « 500 000 € HT maxi », « (maximum) »', () => {
    const cases: [string, number][] = [
      ['Montant maximum HT : 1 200 000 €', 1200000],
      ['Maximum HT : 500 000 €', 500000],
      ['Max. HT 80 000', 80000],
      ['Montant estimé HT : 75 000 €', 75000],
      ['500 000 € HT maxi', 500000],
      ['80 000 € max.', 80000],
      ['300 000 € HT (maximum)', 300000],
    ];
    for (const [text, n] of cases) expect([text, read(text)]).toEqual([text, { kind: 'value', value: n }]);
  });

  it('the minimum after the number, or two amounts, stay unreadable', () => {
    for (const text of ['20 000 € mini', 'mini 20 000 / 120 000 maxi', '20 000 (minimum)', 'HT maxi']) expect([text, read(text).kind]).toEqual([text, 'invalid']);
  });
});
