/**
 * Found by the blind acceptance « territoire » (session 41): how the economic-development Pôle
 * types its suppliers' headcount, address and innovation.
 */
import { REGISTER_FIELDS, SUIVI_INSERTION_FIELDS, type FieldDef } from '../../src/domain/fields';
import { readField } from '../../src/domain/read-cell';
import { suggestTags, suggestTagsByWords } from '../../src/domain/tagging';
import { mapHeaderRow } from '../../src/domain/mapping';
import { zoneOf } from '../../src/domain/zones';
import type { RegisterValues } from '../../src/domain/fields';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const field = (id: string): FieldDef => {
  const f = REGISTER_FIELDS.find((d) => d.id === id);
  if (f === undefined) throw new Error(id);
  return f;
};

describe('a headcount typed with its unit', () => {
  // « 12 salariés » in an Effectif column is 12, as « 30 jours » is 30 in a délai column (README).
  test.each([
    ['12 salariés', 12],
    ['12 Salariés', 12],
    ['1 salarié', 1],
    ['250 salaries', 250],
    ['1 200 salariés', 1200],
    ['45 employés', 45],
    ['8 personnes', 8],
  ])('%s → %d', (text, n) => {
    expect(readField(field('effectifTitulaire'), text)).toEqual({ kind: 'value', value: n });
  });

  test('a bound is not a headcount, and the unit belongs to the headcount only', () => {
    expect(readField(field('effectifTitulaire'), '250 et +')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('effectifTitulaire'), 'plus de 250 salariés')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('effectifTitulaire'), '10 à 49 salariés')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('montant'), '12 salariés')).toMatchObject({ kind: 'invalid' });
  });
});

describe('a term answered « non » in the text (regles.md §4: negations do not trigger)', () => {
  const tags = (text: string): string[] => suggestTags(undefined, text).map((s) => s.etiquette);
  test.each([
    ['Achat innovant : non', []],
    ['Achat innovant : Non (sans objet)', []],
    ['achat innovant: NON', []],
    ['Innovant = non', []],
    ['Innovant : non concerné', []],
    ['Critère environnemental : aucun', []],
    ['Clause sociale : non ; solution innovante', ['Marché innovant']],
    ['Clause sociale : non. Papier recyclé', ['Clause environnementale']],
    ['Achat innovant : oui', ['Marché innovant']],
    ['Achat innovant : oui (sacs connectés)', ['Marché innovant']],
    ['Observations : prototype de navette', ['Marché innovant']],
    ['Expérimentation, clause sociale : non', ['Marché innovant']],
  ])('%s', (text, want) => {
    expect(tags(text)).toEqual(want);
    expect(suggestTagsByWords(undefined, text).map((s) => s.etiquette)).toEqual(want);
  });
});

describe('a supplier address typed as a postal service would (regles.md §6)', () => {
  const zone = (commune: string, cp?: string): string => zoneOf({ communeTitulaire: commune, codePostalTitulaire: cp } as RegisterValues);
  test.each([
    // the country written after the town: a foreign one makes the supplier foreign, as the « Pays » column would
    ['Mouscron, Belgique', 'Étranger'],
    ['7500 Tournai (BE)', 'Étranger'],
    ['Tournai - Belgique', 'Étranger'],
    ['Bruxelles (Belgique)', 'Étranger'],
    ['Luxembourg, Luxembourg', 'Étranger'],
    ['Lille, France', 'MEL (hors Roubaix)'],
    // the département in brackets is no postal code; it still says the region when the town does not
    ['ROUBAIX (59)', 'Roubaix'],
    ['Marcq en Baroeul (59)', 'MEL (hors Roubaix)'],
    ['Hazebrouck (59)', 'Hauts-de-France (hors MEL)'],
    ['Lyon (69)', 'France (hors Hauts-de-France)'],
    // a whole postal address: the last line (code and town) decides; street, BP and CEDEX do not
    ['12 rue de la Gare, BP 123, 59053 ROUBAIX CEDEX 1', 'Roubaix'],
    ["Zone de l'Union, 59200 Tourcoing", 'MEL (hors Roubaix)'],
    ["3 allée des Tisserands, 59650 Villeneuve-d'Ascq", 'MEL (hors Roubaix)'],
    ['12 rue de la Gare 59100 Roubaix', 'Roubaix'],
    ['BP 70123 59053 Roubaix Cedex', 'Roubaix'],
    ['5 rue de Lille, 62300 Lens', 'Hauts-de-France (hors MEL)'],
    ['8 avenue de Lille, 75008 Paris', 'France (hors Hauts-de-France)'],
    ['97400 Saint-Denis', 'France (hors Hauts-de-France)'],
  ])('%s → %s', (text, want) => {
    expect(zone(text)).toBe(want);
  });

  test('a town named like a country part is no country (« Fontenay-en-France », « Belgique » alone)', () => {
    expect(zone('Fontenay-en-France', '95470')).toBe('France (hors Hauts-de-France)');
    expect(zone('Roubaix', '59100')).toBe('Roubaix');
  });
});

describe('an « Adresse » column gives the commune when no column names it', () => {
  const fields = (headers: string[]): Record<string, string> =>
    Object.fromEntries(mapHeaderRow(headers, REGISTER_FIELDS, 1).columns.map((c) => [c.header, c.field]));
  test.each(['Adresse du titulaire', 'Adresse titulaire', 'Adresse du fournisseur', "Adresse de l'entreprise"])('%s', (h) => {
    expect(fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', h])[h]).toBe('communeTitulaire');
    // never the supplier's name, even without a « Titulaire » column
    expect(fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', h])[h]).toBe('communeTitulaire');
  });

  test('an address that does not say whose (the work site\'s, perhaps) is no supplier\'s town', () => {
    const f = fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Adresse']);
    expect(f['Adresse']).toBeUndefined();
    expect(fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Adresse de livraison'])['Adresse de livraison']).toBeUndefined();
  });

  test('an e-mail address is no place, and never the supplier name', () => {
    const f = fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Adresse mail du fournisseur', 'Adresse e-mail titulaire']);
    expect(f['Adresse mail du fournisseur']).toBeUndefined();
    expect(f['Adresse e-mail titulaire']).toBeUndefined();
  });

  test('a part of the address keeps its field (read before session 41): code postal, ville, pays « de l\'adresse »', () => {
    const f = fields([
      'N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire',
      'Code postal (adresse du titulaire)', 'Adresse - Ville', 'Pays (adresse)',
    ]);
    expect(f['Code postal (adresse du titulaire)']).toBe('codePostalTitulaire');
    expect(f['Adresse - Ville']).toBe('communeTitulaire');
    expect(f['Pays (adresse)']).toBe('paysTitulaire');
    expect(fields(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'CP adresse', 'Ville adresse'])).toMatchObject({
      'CP adresse': 'codePostalTitulaire',
      'Ville adresse': 'communeTitulaire',
    });
    // A beneficiary's town in the Suivi insertion sheet likewise.
    const suivi = mapHeaderRow(['N° de marché', 'Bénéficiaire', 'Ville (adresse)'], SUIVI_INSERTION_FIELDS, 1).columns;
    expect(suivi.find((c) => c.header === 'Ville (adresse)')?.field).toBe('communeResidence');
  });

  test('a « Ville » column wins: the address then holds the street only', () => {
    const header = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Adresse du titulaire', 'CP', 'Ville'];
    const f = fields(header);
    expect(f['Ville']).toBe('communeTitulaire');
    expect(f['CP']).toBe('codePostalTitulaire');
    expect(f['Adresse du titulaire']).toBeUndefined();
    expect(mapHeaderRow(header, REGISTER_FIELDS, 1).ambiguous).toEqual([]);
  });
});

describe('a foreign postal code beside a town written with its country', () => {
  // regles.md §3 checks the code against France when the country is empty: a country typed after the town is one.
  const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'CP', 'Ville'];
  const codes = (cp: string, ville: string): string[] => {
    const sheet = grid('Suivi', [HEAD, ['M-1', 'Enseignes', 500, d('2025-03-01'), cp, ville]]);
    return buildRegister([{ file: 'f.xlsx', sheets: [sheet], state: null }], { today: '2025-06-15' }).rows[0].findings.map((f) => f.code);
  };
  test.each([
    ['7700', 'Mouscron, Belgique', []],
    ['7500', 'Tournai (BE)', []],
    ['7700', 'Mouscron', ['code-postal-invalide']],
    ['5910', 'Roubaix, France', ['code-postal-invalide']],
  ])('%s %s', (cp, ville, want) => {
    expect(codes(cp, ville)).toEqual(want);
  });
});

describe('a headcount typed as a band says where the band goes', () => {
  test('« 250 et + »: the message names the size column as the place for a band', () => {
    const sheet = grid('Suivi', [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Effectif'], ['M-1', 'Enseignes', 500, d('2025-03-01'), '250 et +']]);
    const f = buildRegister([{ file: 'f.xlsx', sheets: [sheet], state: null }], { today: '2025-06-15' }).rows[0].findings;
    expect(f.map((x) => x.code)).toEqual(['valeur-illisible']);
    expect(f[0].message).toContain('«\u00a0250 et +\u00a0»');
    expect(f[0].message).toContain("Saisissez l'effectif en chiffres (par exemple 12)");
    expect(f[0].message).toContain("indiquez la catégorie d'entreprise (TPE, PME, ETI ou GE)");
  });
});

describe('an address line as a postal service writes it (regles.md §6, README « Zones et fournisseurs »)', () => {
  const zone = (commune: string): string => zoneOf({ communeTitulaire: commune } as RegisterValues);
  test.each([
    // the town and its code on two lines of one cell: read together, as before session 41
    ['Roubaix, 59100', 'Roubaix'],
    ['Roubaix, Cedex 1', 'Roubaix'],
    ['Lille, 59000 France', 'MEL (hors Roubaix)'],
    ['12 rue de la Gare, Roubaix', 'Roubaix'],
    // a postal code written with a space, as the code column reads it
    ['59 100 Roubaix', 'Roubaix'],
    ['12 rue de la Gare, 59 053 ROUBAIX CEDEX 1', 'Roubaix'],
    // the country's letters before the code (international notation)
    ['F-59100 Roubaix', 'Roubaix'],
    ['FR-59200 Tourcoing', 'MEL (hors Roubaix)'],
    ['B-7500 Tournai', 'Étranger'],
    ['BE-7700 Mouscron', 'Étranger'],
    ['Rue de la Gare 12, B-7700 Mouscron', 'Étranger'],
    // a département of the region named in brackets
    ['Lille (Nord)', 'MEL (hors Roubaix)'],
    ['Hazebrouck (Nord)', 'Hauts-de-France (hors MEL)'],
    ['Arras (Pas-de-Calais)', 'Hauts-de-France (hors MEL)'],
  ])('%s → %s', (text, want) => {
    expect(zone(text)).toBe(want);
  });
});

describe('company sizes typed as the Pôle types them (regles.md §7, décret 2008-1354)', () => {
  const size = (text: string) => readField(field('categorieEntreprise'), text);
  // An auto-entrepreneur (micro-entrepreneur) is a sole trader under the micro-company thresholds: a TPE.
  test.each(['Auto-entrepreneur', 'auto entrepreneur', 'Autoentrepreneur', 'Micro-entrepreneur', 'microentrepreneur'])('%s → TPE', (t) => {
    expect(size(t)).toEqual({ kind: 'value', value: 'TPE' });
  });
  test.each(['TPE/PME', 'TPE-PME', 'Micro', 'Entreprise individuelle'])('%s stays unreadable rather than guessed', (t) => {
    expect(size(t)).toMatchObject({ kind: 'invalid' });
  });
  test('a headcount in full-time equivalents (« 12 ETP ») is that headcount', () => {
    expect(readField(field('effectifTitulaire'), '12 ETP')).toEqual({ kind: 'value', value: 12 });
  });
});
