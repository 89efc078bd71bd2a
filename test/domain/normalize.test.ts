import {
  normalizeCommune,
  normalizeFreeText,
  normalizeHeader,
  normalizeNumero,
  stripAccents,
} from '../../src/domain/normalize';

describe('stripAccents', () => {
  it('removes diacritics and expands ligatures', () => {
    expect(stripAccents('Délai éàçîôü')).toBe('Delai eaciou');
    expect(stripAccents('œuvre Cœur ÆSOP')).toBe('oeuvre Coeur AESOP');
  });
  it('returns plain ASCII unchanged', () => {
    expect(stripAccents('Montant HT')).toBe('Montant HT');
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['Montant notifié HT', 'montant notifie ht'],
    ['  MONTANT   notifié  ', 'montant notifie'],
    ['Montant\nnotifié', 'montant notifie'],
    ['Montant\r\nnotifié', 'montant notifie'],
    ['Objet\tdu marché', 'objet du marche'],
  ])('lower case, accents, spaces and line breaks: %j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it.each([
    ['N° de marché', 'numero de marche'],
    ['N°Marché', 'numero marche'],
    ['Nº marché', 'numero marche'],
    ['N ° marché', 'numero marche'],
    ['No marché', 'numero marche'],
    ['No. marché', 'numero marche'],
    ['Num. marché', 'numero marche'],
    ['Numéro de marché', 'numero de marche'],
    ['NUMERO DU MARCHE', 'numero du marche'],
  ])('numéro spellings: %j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it('turns `no` into numero only as a whole word', () => {
    expect(normalizeHeader('Nom du titulaire')).toBe('nom du titulaire');
    expect(normalizeHeader('Nombre de lots')).toBe('nombre lots');
    expect(normalizeHeader('Innovation')).toBe('innovation');
    expect(normalizeHeader('Nominal')).toBe('nominal');
  });

  it.each([
    ["Nb d'avenants", 'nombre avenants'],
    ["Nombre d'avenants", 'nombre avenants'],
    ['Nbre offres reçues', 'nombre offres recues'],
    ['Nbr de bilans', 'nombre bilans'],
    ['Nombre des participants', 'nombre participants'],
    ['NB avenants', 'nombre avenants'],
  ])('nombre spellings: %j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it('treats both apostrophes, slashes and punctuation as spaces', () => {
    expect(normalizeHeader('Date d’attribution')).toBe('date d attribution');
    expect(normalizeHeader("Date d'attribution")).toBe('date d attribution');
    expect(normalizeHeader('Titulaire / Attributaire')).toBe('titulaire attributaire');
    expect(normalizeHeader('Date notif.')).toBe('date notif');
    expect(normalizeHeader('Réf. marché :')).toBe('ref marche');
  });

  it.each([
    ['Montant (€)', 'montant'],
    ['Montant (HT)', 'montant'],
    ['Durée (jours)', 'duree'],
    ['Montant HT (en €)', 'montant ht'],
    ['Montant [€]', 'montant'],
    ['Montant\nnotifié (€ HT)', 'montant notifie'],
    ['Montant (€) (HT)', 'montant'],
    ['Clause sociale (oui/non)', 'clause sociale'],
    ['Date de notification (jj/mm/aaaa)', 'date de notification'],
  ])('drops a trailing unit in brackets: %j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it('keeps a bracket that is not a unit, and always keeps TTC', () => {
    expect(normalizeHeader('Montant (TTC)')).toBe('montant ttc');
    expect(normalizeHeader('Montant (€ TTC)')).toBe('montant ttc');
    expect(normalizeHeader('Catégorie (TPE/PME)')).toBe('categorie tpe pme');
  });

  it('never returns anything but a-z, 0-9 and single spaces', () => {
    expect(normalizeHeader('  ¿ Coût « global » ?? ')).toBe('cout global');
    expect(normalizeHeader('')).toBe('');
    expect(normalizeHeader('(€)')).toBe('');
  });
});

describe('normalizeNumero', () => {
  it('ignores case and every kind of space', () => {
    expect(normalizeNumero(' 2024 M\u00a0012 ')).toBe('2024m012');
    expect(normalizeNumero('2024\u202fm\t012')).toBe('2024m012');
    expect(normalizeNumero('2024-M-012')).toBe('2024-m-012');
  });
});

describe('normalizeCommune', () => {
  it.each([
    ['Roubaix', 'roubaix'],
    ['ROUBAIX CEDEX 1', 'roubaix'],
    ['Roubaix Cedex', 'roubaix'],
    ['Lille cedex 09', 'lille'],
    // Session 38: the number glued to CEDEX (`CEDEX1`, as some address files write it).
    ['Roubaix CEDEX1', 'roubaix'],
    ['Lille Cedex09', 'lille'],
    ['Villeneuve-d’Ascq', 'villeneuve d ascq'],
    ["Villeneuve-d'Ascq", 'villeneuve d ascq'],
    ['St-André-lez-Lille', 'saint andre lez lille'],
    ['Ste Catherine', 'sainte catherine'],
    ['Saint-Amand-les-Eaux', 'saint amand les eaux'],
    ['Marcq-en-Barœul', 'marcq en baroeul'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCommune(input)).toBe(expected);
  });

  it('keeps St / Ste inside words and a CEDEX that is not at the end', () => {
    expect(normalizeCommune('Stains')).toBe('stains');
    expect(normalizeCommune('Cedex Ville')).toBe('cedex ville');
  });
});

describe('normalizeFreeText', () => {
  it('lower case, accents removed, punctuation to spaces, collapsed', () => {
    expect(normalizeFreeText("  Clause d'INSERTION — Économie   circulaire! ")).toBe('clause d insertion economie circulaire');
  });
});

describe('normalizeHeader: a buyer\'s own short forms and notes (README « Colonnes »)', () => {
  it.each([
    ['N° mché', 'numero marche'],
    ['Num. mch.', 'numero marche'],
    ['Marché réservé (art. L2113-12)', 'marche reserve'],
    ['Réservé (L2113-12 à L2113-15)', 'reserve'],
    ['Procédure (article R2123-1 du code de la commande publique)', 'procedure'],
    ['Montant (€ HT) (cf. art. R2162-4)', 'montant'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });

  it.each([
    // A bracket that cites no article is kept as words, as before.
    ['Réservé (ESAT/EA)', 'reserve esat ea'],
    ['Montant (TTC)', 'montant ttc'],
    ['Catégorie (TPE/PME)', 'categorie tpe pme'],
    // Words beside the article that are not a reference keep the bracket.
    ['Clause (art. L2112-2 insertion)', 'clause art l2112 2 insertion'],
  ])('%j keeps its bracket: %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});
