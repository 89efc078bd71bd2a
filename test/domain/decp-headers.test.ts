/**
 * Headers of the national open-data export (DECP) in its three styles (README « Colonnes »): words
 * run together cut into the fields' words, camelCase read in any case, `id` a weak numero, and an
 * identifier header never taken for a name field (`acheteur.id`, `titulaire.id`).
 */
import fc from 'fast-check';
import { REGISTER_FIELDS, SHEET_KINDS, SUIVI_INSERTION_FIELDS, type FieldDef } from '../../src/domain/fields';
import { headerKey, mapHeaderRow, recogniseWorkbook } from '../../src/domain/mapping';
import { normalizeHeader } from '../../src/domain/normalize';

const fieldOf = (headers: string[], fields: readonly FieldDef[] = REGISTER_FIELDS) => {
  const m = mapHeaderRow(headers, fields, 1);
  return (header: string): string | null => m.columns.find((c) => c.header === header)?.field ?? null;
};

describe('headerKey: words run together are cut into the fields’ words', () => {
  it.each([
    ['datenotification', 'date notification'],
    ['dateNotification', 'date notification'],
    ['DATENOTIFICATION', 'date notification'],
    ['codeCPV', 'code cpv'],
    ['offresRecues', 'offres recues'],
    ['marche_innovant', 'marche innovant'],
    ['titulaire.denominationSociale', 'titulaire denomination sociale'],
    ['acheteurId', 'acheteur id'],
  ])('%s → %s', (header, key) => expect(headerKey(header)).toBe(key));

  it.each(['considerationsSociales', 'lieuExecution', 'formePrix', 'ccag', 'EJ_CHORUS', 'imputation', 'attributaire'])(
    'a word not made of the fields’ words only is left whole: %s',
    (header) => expect(headerKey(header)).toBe(normalizeHeader(header)),
  );
});

describe('DECP headers map to the right fields, traps included', () => {
  const camel = ['id', 'acheteur.id', 'nature', 'objet', 'codeCPV', 'dateNotification', 'montant', 'titulaire.id', 'titulaire.typeIdentifiant', 'titulaire.denominationSociale', 'lieuExecution.code', 'offresRecues', 'marcheInnovant', 'considerationsSociales'];

  it('the buyer organisation’s SIRET is neither the Acheteur nor the supplier’s SIRET', () => {
    for (const h of ['acheteur.id', 'acheteur_id', 'ACHETEURS_ID', 'acheteurid', 'Acheteur (id)']) {
      const m = mapHeaderRow([h, 'Objet', 'Montant HT'], REGISTER_FIELDS, 1);
      expect([h, m.columns.map((c) => c.field)]).toEqual([h, ['objet', 'montant']]);
    }
    expect(fieldOf(camel)('acheteur.id')).toBeNull();
  });

  it('the place of execution is never the supplier’s postal code', () => {
    for (const h of ['lieuExecution.code', 'lieuexecution_code', 'LIEU_EXEC_CODE', 'lieuExecution.typeCode']) {
      expect([h, fieldOf([h, 'Objet', 'Montant HT'])(h)]).toEqual([h, null]);
    }
  });

  it('the supplier’s identifier is its SIRET, its company name the Titulaire, its identifier type nothing', () => {
    const f = fieldOf(camel);
    expect(f('titulaire.id')).toBe('siret');
    expect(f('titulaire.denominationSociale')).toBe('titulaire');
    expect(f('titulaire.typeIdentifiant')).toBeNull();
    expect(fieldOf(['TITULAIRES_ID', 'TITULAIRES_ID_TYPE', 'TITULAIRES_DENOMINATION'])('TITULAIRES_DENOMINATION')).toBe('titulaire');
    // a name field still takes a partial match without an identifier word
    expect(fieldOf(['Titulaire du marché'])('Titulaire du marché')).toBe('titulaire');
  });

  it('an identifier field keeps its partial matches: « Participant (ID) » is the beneficiary', () => {
    expect(fieldOf(['N° Marché', 'Participant (ID)', 'Sexe'], SUIVI_INSERTION_FIELDS)('Participant (ID)')).toBe('beneficiaire');
  });

  it('camel, run-together and capital forms of one header map alike', () => {
    const f = fieldOf(camel);
    expect([f('codeCPV'), f('dateNotification'), f('offresRecues'), f('marcheInnovant'), f('considerationsSociales')]).toEqual([
      'codeCPV', 'dateNotification', 'offresRecues', 'marcheInnovant', null,
    ]);
    const lower = fieldOf(['codecpv', 'datenotification', 'offresrecues', 'marcheinnovant', 'dureemois']);
    expect([lower('codecpv'), lower('datenotification'), lower('offresrecues'), lower('marcheinnovant'), lower('dureemois')]).toEqual([
      'codeCPV', 'dateNotification', 'offresRecues', 'marcheInnovant', 'dureeMois',
    ]);
  });
});

describe('a bare « id » is the numero only for want of a real numero column', () => {
  it('alone, it is the numero', () => {
    expect(fieldOf(['id', 'objet', 'montant'])('id')).toBe('numero');
    expect(fieldOf(['MARCHE_ID', 'objet'])('MARCHE_ID')).toBe('numero');
  });

  it.each([['N° de marché'], ['Référence'], ['Numéro de marché attribué'], ['N° marché interne']])(
    'any other header naming the numero wins, whatever the order: %s',
    (other) => {
      for (const headers of [['id', other, 'Objet'], [other, 'id', 'Objet']]) {
        const m = mapHeaderRow(headers, REGISTER_FIELDS, 1);
        expect([headers, m.columns.find((c) => c.field === 'numero')?.header]).toEqual([headers, other]);
        expect(m.unmapped.map((u) => u.header)).toContain('id');
      }
    },
  );

  it('a bare « id » is no numero of a Suivi insertion sheet (there it may be the beneficiary’s)', () => {
    expect(fieldOf(['id', 'Sexe', 'Heures'], SUIVI_INSERTION_FIELDS)('id')).toBeNull();
  });
});

describe('properties of headerKey', () => {
  const allNames = Object.values(SHEET_KINDS).flatMap((k) => (k.fields as readonly FieldDef[]).flatMap((f) => [f.label, ...f.synonyms]));

  it('never throws and keeps only [a-z0-9 ] with single spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const k = headerKey(s);
        expect(k).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('a header already written in words normalises as before (every label and synonym, any case)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allNames), fc.boolean(), (name, upper) => {
        const h = upper ? name.toUpperCase() : name;
        expect(headerKey(h)).toBe(normalizeHeader(h));
      }),
      { numRuns: 400 },
    );
  });

  it('two or three field words run together, in any case, give the words back', () => {
    const words = [...new Set(allNames.flatMap((n) => normalizeHeader(n).split(' ')))].filter((w) => w.length >= 4);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 3 }), fc.boolean(), (ws, upper) => {
        const glued = ws.join('');
        const key = headerKey(upper ? glued.toUpperCase() : glued);
        // cut into field words that spell the same letters (the cut may differ: `datedebut`)
        expect(key.replace(/ /g, '')).toBe(glued);
        expect(key.split(' ').length).toBeGreaterThan(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('short forms and legal references in headers map to their field', () => {
  it('`N° mché` is the numero, `Marché réservé (art. L2113-12)` the reserved-contract column', () => {
    const grid = {
      name: 'Suivi',
      firstRow: 1,
      firstCol: 1,
      rows: [
        ['N° mché', 'Objet', 'Montant HT', 'Date notif', 'Marché réservé (art. L2113-12)'],
        ['2025-01', 'Nettoyage', 1000, '01/02/2025', 'SIAE'],
      ],
      tables: [],
    };
    const [mapping] = recogniseWorkbook('Pôle.xlsx', [grid], []);
    expect(mapping.kind).toBe('registre');
    const field = (h: string) => mapping.columns.find((c) => c.header === h)?.field;
    expect(field('N° mché')).toBe('numero');
    expect(field('Marché réservé (art. L2113-12)')).toBe('marcheReserve');
  });
});

describe('what is not cut into pieces', () => {
  it('a small word that ends many others is no piece: « Modèle » stays one word', () => {
    expect(headerKey('Modèle')).toBe('modele');
    expect(headerKey('Modèle passation')).toBe('modele passation');
  });
  it('a very long run of letters is a text, not a header: left whole', () => {
    const long = 'datenotification'.repeat(4);
    expect(headerKey(long)).toBe(long);
    // Still cut at a header's length.
    expect(headerKey('titulairedenominationsociale')).toBe('titulaire denomination sociale');
  });
});
