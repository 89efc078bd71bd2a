/**
 * Mutation audit of session 41's own code (test/mutants-session41-today.md): the readings merged by hand
 * today (values in quotes, units of time, shares, bids, headcounts, labels answered « non »). Each case
 * holds a defect the audit found or kills a mutant the tests before it let live; expectations are worked
 * out by hand from regles.md and the README.
 */
import { recogniseWorkbook } from '../../src/domain/mapping';
import { registerField, SAISIES_FIELDS, SUIVI_INSERTION_FIELDS } from '../../src/domain/fields';
import { columnReader, readField } from '../../src/domain/read-cell';
import { suggestTags, suggestTagsByWords } from '../../src/domain/tagging';
import { typedPlace, zoneOf } from '../../src/domain/zones';
import { expectedForm } from '../../src/domain/validation';
import { grid } from '../helpers/grid';

const read = (id: Parameters<typeof registerField>[0], cell: string) => readField(registerField(id), cell);
const illisible = (shown: string) => ({ kind: 'invalid', reason: 'illisible', shown });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('a value in CSV quotes is read as the text inside, unit check included', () => {
  it('a unit of time that is not the column\'s stays unreadable inside quotes', () => {
    // README: « 90 jours » in Durée (mois), « 2 mois » as a delay, « 30 jours » as an amount are unreadable;
    // a value in quotes reads as the value they surround, so the quotes change nothing.
    expect(read('dureeMois', '"90 jours"')).toEqual(illisible('"90 jours"'));
    expect(read('delaiPaiement', '"2 mois"')).toEqual(illisible('"2 mois"'));
    expect(read('montant', '"30 jours"')).toEqual(illisible('"30 jours"'));
    expect(read('nbAvenants', '"3 h"')).toEqual(illisible('"3 h"'));
    // The column's own unit still reads.
    expect(read('delaiPaiement', '"30 j"')).toEqual({ kind: 'value', value: 30 });
  });

  it('the message of a quoted foreign unit says to convert, as without quotes', () => {
    const hint = plain(expectedForm(registerField('delaiPaiement'), 'illisible', '"2 mois"'));
    expect(hint).toContain('Cette colonne se compte en jours : convertissez la valeur en jours');
  });

  it('a headcount, bids or a labelled amount keep their words inside quotes', () => {
    // README: « 12 salariés » is 12, « 3 offres » is 3 in the bids column, « Maxi : 500 000 € » 500 000,
    // « 8 500 € (12 %) » 8 500.
    expect(read('effectifTitulaire', '"12 salariés"')).toEqual({ kind: 'value', value: 12 });
    expect(read('offresRecues', '"3 offres"')).toEqual({ kind: 'value', value: 3 });
    expect(read('montant', '"Maxi : 500 000 €"')).toEqual({ kind: 'value', value: 500000 });
    expect(read('gainNegociation', '"8 500 € (12 %)"')).toEqual({ kind: 'value', value: 8500 });
  });
});

describe('an amount with its share: the unit of the figure still counts', () => {
  it('« 30 jours (12 %) » is no amount of 30 €', () => {
    // The share is set aside; what is left, « 30 jours », is a unit of time in an amount column.
    expect(read('montant', '30 jours (12 %)')).toEqual(illisible('30 jours (12 %)'));
    expect(read('gainNegociation', '30 jours soit 12 %')).toEqual(illisible('30 jours soit 12 %'));
    expect(read('gainNegociation', '8 500 € HT (12 %)')).toEqual({ kind: 'value', value: 8500 });
  });
});

describe('a label answered « non » leaves the negation that begins a longer answer', () => {
  const both = (t: string) => [suggestTags(t, undefined), suggestTagsByWords(t, undefined)].map((s) => s.map((x) => x.etiquette));

  it('« Observations : aucune clause sociale » suggests nothing', () => {
    // regles.md §4: « aucune clause » does not trigger; the label before the colon changes nothing.
    expect(both('Observations : aucune clause sociale')).toEqual([[], []]);
    expect(both('Commentaire : non soumis à clause sociale')).toEqual([[], []]);
    expect(both('Clauses : aucune clause environnementale ni sociale')).toEqual([[], []]);
    expect(both('Achat innovant : non innovant')).toEqual([[], []]);
  });

  it('a label answered « non » alone still denies only its own clause', () => {
    expect(both('Achat innovant : non, clause sociale')).toEqual([['Clause sociale'], ['Clause sociale']]);
    expect(both('Clause sociale = aucune')).toEqual([[], []]);
  });
});

describe('units of time: each column takes its own, and only it (README « Lecture des cellules »)', () => {
  const suiviHeures = SUIVI_INSERTION_FIELDS.find((f) => f.id === 'heures')!;
  const saisie = SAISIES_FIELDS.find((f) => f.id === 'valeur')!;

  it('hours read in the hours columns, in the register and in Suivi insertion', () => {
    expect(read('heuresInsertionPrevues', '350 h')).toEqual({ kind: 'value', value: 350 });
    expect(readField(suiviHeures, '35 h')).toEqual({ kind: 'value', value: 35 });
    expect(readField(suiviHeures, '35 jours')).toEqual(illisible('35 jours'));
  });

  it('a singular unit word is a unit too: « 1 heure » is no duration in months', () => {
    expect(read('dureeMois', '1 heure')).toEqual(illisible('1 heure'));
  });

  it('counts take no unit of time: bids, headcount, review meetings', () => {
    expect(read('offresRecues', '3 jours')).toEqual(illisible('3 jours'));
    expect(read('effectifTitulaire', '12 h')).toEqual(illisible('12 h'));
    expect(read('nbBilans', '2 mois')).toEqual(illisible('2 mois'));
  });

  it('every unit word after the number counts, « HT » after « jours » included', () => {
    expect(read('montant', '30 jours HT')).toEqual(illisible('30 jours HT'));
  });

  it('a manual value takes any unit (its indicator has its own)', () => {
    expect(readField(saisie, '35 h')).toEqual({ kind: 'value', value: 35 });
    expect(readField(saisie, '12,5')).toEqual({ kind: 'value', value: 12.5 });
  });

  it('an unreadable date typed with a unit of time is told the date format, not « sans unité »', () => {
    expect(plain(expectedForm({ type: 'date' }, 'illisible', '30 jours'))).toBe('Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025)');
  });
});

describe('quotes: only a text wrapped in them is unwrapped', () => {
  it('« =12" » (an equals sign, no opening quote) stays unreadable', () => {
    expect(read('montant', '=12"')).toEqual(illisible('=12"'));
  });

  it('a SIRET in plain quotes read by the column reader keeps its digits', () => {
    const out: unknown[] = [];
    columnReader(registerField('siret'))([['"00012345600019"']], [0], 1, 0, out as never);
    expect(out).toEqual(['00012345600019']);
  });
});

describe('a procedure with its threshold, in the ways finance software writes it (README)', () => {
  const ADAPTEE = { kind: 'value', value: 'Procédure adaptée' };
  it('comparison signs and words', () => {
    expect(read('procedure', 'MAPA ≤ 40 k€')).toEqual(ADAPTEE);
    expect(read('procedure', 'MAPA moins de 40 k€')).toEqual(ADAPTEE);
    expect(read('procedure', 'MAPA inférieur ou égal à 40 000 €')).toEqual(ADAPTEE);
  });

  it('thousands as a bare « k », millions as « M€ »', () => {
    expect(read('procedure', 'MAPA < 40 k')).toEqual(ADAPTEE);
    expect(read('procedure', 'AOO > 5,5 M€')).toEqual({ kind: 'value', value: "Appel d'offres ouvert" });
  });

  it('in CSV quotes', () => {
    expect(read('procedure', '"MAPA < 40 k€"')).toEqual(ADAPTEE);
  });

  it('« jusqu\'à », and words in capitals as an export writes them', () => {
    expect(read('procedure', "MAPA jusqu'à 40 k€")).toEqual(ADAPTEE);
    expect(read('procedure', 'MAPA INFÉRIEUR À 40 000 €')).toEqual(ADAPTEE);
  });

  it('« sans publicité » next to punctuation', () => {
    const SANS = { kind: 'value', value: 'Marché passé sans publicité ni mise en concurrence préalable' };
    expect(read('procedure', 'Négociée sans publicité.')).toEqual(SANS);
    expect(read('procedure', 'Négociée/sans publicité')).toEqual(SANS);
  });
});

describe('a contract type named by its longest synonym among other words', () => {
  const typeContrat = SUIVI_INSERTION_FIELDS.find((f) => f.id === 'typeContrat')!;
  it('« Contrat à durée déterminée d\'insertion de 6 mois » is a CDDI (six words to match)', () => {
    expect(readField(typeContrat, "Contrat à durée déterminée d'insertion de 6 mois")).toEqual({ kind: 'value', value: 'CDDI' });
  });
});

describe('bids with their label or noun (README: only in the bids column)', () => {
  it('« soumissionnaires » as a label or a noun, « offres reçues » as a noun', () => {
    expect(read('offresRecues', 'Soumissionnaires : 4')).toEqual({ kind: 'value', value: 4 });
    expect(read('offresRecues', '4 soumissionnaires')).toEqual({ kind: 'value', value: 4 });
    expect(read('offresRecues', '3 offres reçues')).toEqual({ kind: 'value', value: 3 });
  });

  it('a label between two numbers is no count', () => {
    expect(read('offresRecues', '3 offres reçues 2')).toEqual(illisible('3 offres reçues 2'));
  });
});

describe('an amount with its share: the share says « % »', () => {
  it('« 8 500 € (12) », a number in brackets without « % », stays unreadable', () => {
    expect(read('gainNegociation', '8 500 € (12)')).toEqual(illisible('8 500 € (12)'));
  });
});

describe('the words read around a number belong to one column each (README)', () => {
  it('a headcount\'s unit is read in the headcount only', () => {
    expect(read('effectifTitulaire', '12 salariés')).toEqual({ kind: 'value', value: 12 });
    expect(read('dureeMois', '12 salariés')).toEqual(illisible('12 salariés'));
  });

  it('a share is set aside after an amount only', () => {
    expect(read('heuresInsertionRealisees', '350 (12 %)')).toEqual(illisible('350 (12 %)'));
  });
});

describe('the messages of today: each to its own column and reason', () => {
  const hint = (id: Parameters<typeof registerField>[0], reason: 'illisible' | 'negatif' | 'non-entier', shown?: string) =>
    plain(expectedForm(registerField(id), reason, shown));

  it('the headcount\'s band sentence is for an unreadable headcount only', () => {
    expect(hint('effectifTitulaire', 'non-entier', '12,5')).toBe('Saisissez un nombre entier (par exemple 12)');
    expect(hint('effectifTitulaire', 'negatif', '-12')).toBe("Cette colonne n'admet pas de nombre négatif : saisissez 12 si le signe moins est de trop, sinon corrigez la valeur");
    expect(hint('nbAvenants', 'illisible', 'beaucoup')).toBe('Saisissez un nombre entier (par exemple 12)');
  });

  it('the saving\'s sentence is the gain\'s only, and only with the figure', () => {
    expect(hint('montantMandate', 'negatif', '-8 500 €')).toBe("Cette colonne n'admet pas de nombre négatif : saisissez 8 500 € si le signe moins est de trop, sinon corrigez la valeur");
    expect(hint('gainNegociation', 'negatif')).toBe("Cette colonne n'admet pas de nombre négatif : corrigez la valeur");
  });

  it('a minus sign typed « − », « – » or followed by a space', () => {
    expect(hint('gainNegociation', 'negatif', '\u22128 500 €')).toContain('pour une économie de ce montant, saisissez 8 500 € ;');
    expect(hint('gainNegociation', 'negatif', '\u2013 8 500 €')).toContain('pour une économie de ce montant, saisissez 8 500 € ;');
    expect(hint('montantMandate', 'negatif', '- 8 500 €')).toContain('saisissez 8 500 € si le signe moins est de trop');
  });

  it('a unit of time in a count says « sans unité »; in an amount, the amount\'s own sentence', () => {
    expect(hint('nbAvenants', 'illisible', '3 h')).toBe('Saisissez un nombre entier (par exemple 12), sans unité');
    expect(hint('montantMandate', 'illisible', '30 jours')).toBe('Saisissez un montant en euros (par exemple 12 500,00)');
  });

  it('a percentage among other words is no share typed for the amount', () => {
    expect(hint('montantMandate', 'illisible', '5 000 € HT (TVA 20 %)')).toBe('Saisissez un montant en euros (par exemple 12 500,00)');
  });
});

describe('share and delay headers (README « En-têtes »)', () => {
  function fieldsOf(extra: string[]): Record<string, string> {
    const header = ['N° marché', 'Objet', 'Date de notification', 'Montant HT', ...extra];
    const row = header.map((_, i) => (i === 0 ? 'M-1' : i === 1 ? 'Papier' : i === 2 ? '01/02/2025' : 12));
    const [m] = recogniseWorkbook('p.xlsx', [grid('S', [header, row] as never)]);
    return Object.fromEntries(m.columns.map((c) => [c.header, c.field]));
  }

  it('a « % » that is not the header\'s unit leaves the amount its column', () => {
    expect(fieldsOf(['Montant mandaté HT (TVA 20 %)'])['Montant mandaté HT (TVA 20 %)']).toBe('montantMandate');
  });

  it('« Délais de mandatement », plural, is no spend either', () => {
    expect(fieldsOf(['Délais de mandatement'])['Délais de mandatement']).toBeUndefined();
  });
});

describe('a supplier\'s commune typed as an address (regles.md §6, README « Zones et fournisseurs »)', () => {
  const zone = (commune: string) => zoneOf({ communeTitulaire: commune });

  it('a postal code on its own line, written with a space, goes with the town', () => {
    // Hazebrouck is no MEL commune: only its code (59: Nord) places it in the region.
    expect(zone('Hazebrouck, 59190')).toBe('Hauts-de-France (hors MEL)');
    expect(zone('Hazebrouck, 59 190')).toBe('Hauts-de-France (hors MEL)');
    expect(zone('59000; Lille')).toBe('MEL (hors Roubaix)');
  });

  it('a delivery line after the town (« CS 60001 ») is no town, its number no postal code', () => {
    expect(zone('Lille, 59000, CS 60001')).toBe('MEL (hors Roubaix)');
    // No postal code at all: Hazebrouck is no MEL name, so nothing places it (a BP number is no code of Haute-Saône).
    expect(zone('Hazebrouck, BP 70123')).toBe('Inconnue');
    expect(zone('Hazebrouck, BP 70123, 59190')).toBe('Hauts-de-France (hors MEL)');
  });

  it('the line with the code and the name wins over a later line with a name only', () => {
    expect(typedPlace('Roubaix 59100, Bâtiment B')).toEqual({ commune: 'Roubaix', cp: '59100', pays: null, departement: null });
  });

  it('a lone town keeps no separator; a code alone with its CEDEX names no commune', () => {
    expect(typedPlace('Hazebrouck,').commune).toBe('Hazebrouck');
    expect(typedPlace('59100 CEDEX')).toEqual({ commune: '', cp: '59100', pays: null, departement: null });
  });

  it('a country written after the town, by name', () => {
    expect(zone('Amsterdam, Pays-Bas')).toBe('Étranger');
    expect(typedPlace('Tournai Belgique').pays).toBe('Belgique');
  });

  it('a département in brackets: Corse, and one that is not the MEL name\'s', () => {
    expect(zone('Ajaccio (2A)')).toBe('France (hors Hauts-de-France)');
    // As a postal code of another département: the MEL name does not win (README).
    expect(zone('Armentières (62)')).toBe('Hauts-de-France (hors MEL)');
    expect(typedPlace('Lille (Centre)').departement).toBeNull();
  });
});

describe('a label answered: only a negation answers « non »', () => {
  const both = (t: string) => [suggestTags(t, undefined), suggestTagsByWords(t, undefined)].map((s) => s.map((x) => x.etiquette));
  it('« Marché innovant : nouvelle solution » keeps its label; « Clause sociale : néant » does not', () => {
    expect(both('Marché innovant : nouvelle solution')).toEqual([['Marché innovant'], ['Marché innovant']]);
    expect(both('Clause sociale : néant')).toEqual([[], []]);
  });

  it('every label answered « non » of a text, not the first only', () => {
    expect(both('Clause sociale : non, achat innovant : non')).toEqual([[], []]);
  });

  it('a label after another label\'s colon (« Observations : achat innovant : non ») is answered too', () => {
    expect(both('Observations : achat innovant : non')).toEqual([[], []]);
    expect(both('Observations : achat innovant : oui')).toEqual([['Marché innovant'], ['Marché innovant']]);
  });

  it('a slash ends the label before it: « Clause sociale / achat innovant : non » keeps the clause', () => {
    expect(both('Clause sociale / achat innovant : non')).toEqual([['Clause sociale'], ['Clause sociale']]);
  });
});
