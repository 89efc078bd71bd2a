/**
 * Mutation audit of session 17 (mapping.ts, Stryker over the whole file): rules of the header
 * scale and of the column mapping (`regles.md` §1, README « Colonnes » and « Exports DECP », the
 * module and function comments of mapping.ts) that no test pinned. Expectations worked out by
 * hand from those texts and the names of `champs.md` / fields.ts.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import {
  describeMissingRequired,
  detectSheet,
  findIncompleteRegisters,
  headerKey,
  headerText,
  mapHeaderRow,
  missingRequiredFields,
  namesBoth,
} from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';

const reg = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)!;
const row = (headers: string[]) => mapHeaderRow(headers, REGISTER_FIELDS, 1);
const fieldsOf = (m: { readonly columns: readonly { col: number; field: string }[] }) => m.columns.map((c) => `${c.col}:${c.field}`);

describe('README « Colonnes »: a header made of a whole synonym of each of two fields, less than 0.05 apart, is ambiguous', () => {
  it('« Montant titulaire » is left for the user to choose between the Montant and the Titulaire', () => {
    // « montant » is a synonym of the Montant notifié HT, « titulaire » the Titulaire's label: each
    // field explains the word the other does not. Word weights (module comment: rarity over the
    // fields of every kind, 69 of them): montant names 6 fields (the six amounts), titulaire 7
    // (Titulaire, SIRET, code postal, commune, pays, structure, effectif) — ln(1 + 69/6) = 2.526,
    // ln(1 + 69/7) = 2.385, so 0.4 + 0.5 × 2.526 / 4.911 = 0.657 against 0.643: 0.014 apart.
    // The Montant being an HT amount does not matter: there is no TTC in the header.
    const m = row(['Montant titulaire']);
    expect(m.columns).toEqual([]);
    expect(m.ambiguous).toHaveLength(1);
    expect([...m.ambiguous[0].fields].sort()).toEqual(['montant', 'titulaire']);
  });
});

describe('module comment: words weigh by rarity across all fields (a generic word explains less than a specific one)', () => {
  it('« Titulaire ESS » is the Type de structure du titulaire, not the Titulaire', () => {
    // « ESS » (a synonym of structureTitulaire) names 1 of the 69 fields, « titulaire » 7:
    // ln(1 + 69/1) = 4.248 against ln(1 + 69/7) = 2.385. The structure explains 4.248 / 6.633 of
    // the header (0.4 + 0.5 × 0.640 = 0.720), the Titulaire 0.360 (0.580, below 0.6): the rare
    // word decides. Were the common word the heavier, the Titulaire would take the column.
    expect(fieldsOf(row(['Titulaire ESS']))).toEqual(['1:structureTitulaire']);
  });
});

describe('namesBoth (regles §1 « maps equally well to two fields »): each field explains words the other does not, and together the whole header', () => {
  const both = (header: string, a: string, b: string) => [
    namesBoth(headerKey(header), reg(a), reg(b)),
    namesBoth(headerKey(header), reg(b), reg(a)),
  ];

  it('« Montant titulaire »: the Montant and the Titulaire, in either order', () => {
    expect(both('Montant titulaire', 'montant', 'titulaire')).toEqual([true, true]);
  });

  it('« Montant titulaire 2024 »: the year is explained by neither, so not both', () => {
    expect(both('Montant titulaire 2024', 'montant', 'titulaire')).toEqual([false, false]);
  });

  it('« Montant mandaté »: the Montant explains nothing the Dépenses mandatées do not', () => {
    // « montant mandaté » (synonym of montantMandate) explains both words; « montant » only one of them.
    expect(both('Montant mandaté', 'montantMandate', 'montant')).toEqual([false, false]);
  });

  it('« Montant titulaire » and the Pôle: a field that explains no word names nothing', () => {
    expect(both('Montant titulaire', 'montant', 'pole')).toEqual([false, false]);
  });
});

describe('headerText: the header as messages show it, spaces and line breaks collapsed (regles §3: the user\'s own header)', () => {
  it('leading, trailing and repeated blanks are collapsed to single spaces and trimmed', () => {
    expect(headerText('  Montant \n\n  notifié  ')).toBe('Montant notifié');
  });

  it('the mapped column keeps that text as its header', () => {
    expect(row([' Objet ', 'Montant\n\nHT']).columns.map((c) => c.header)).toEqual(['Objet', 'Montant HT']);
  });
});

describe('README « Exports DECP »: only words of 5 letters or more are cut into the fields\' words', () => {
  it('« DECP » (the README\'s own name for the données essentielles) is not « de CP », the Code postal', () => {
    // Short words are never cut (mapping.ts: « too many ways to spell them with pieces »): « decp »
    // stays one unknown word, which names no field.
    expect(headerKey('DECP')).toBe('decp');
    expect(row(['DECP']).columns).toEqual([]);
  });
});

describe('README « Colonnes » / SPASER État: an override key is a header text, else a column letter within the header row', () => {
  // A register of 28 columns: the four required ones, then « Col 5 » … « Col 27 », and
  // « Payé » in column AB (28), a header no field names.
  const headers: CellValue[] = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
  for (let c = 5; c <= 27; c++) headers.push(`Col ${c}`);
  headers.push('Payé');
  const sheet: SheetGrid = { name: 'Marchés', firstRow: 1, firstCol: 1, tables: [], rows: [headers] };
  const detect = (columns: MappingOverride['columns']) => detectSheet('r.xlsx', sheet, [{ sheet: 'Marchés', columns }]);

  it('« AB » (two letters) names column 28', () => {
    expect(fieldsOf(detect({ AB: 'montantMandate' })[0])).toContain('28:montantMandate');
  });

  it('an override naming a field of another kind of sheet (here of Suivi insertion) is ignored', () => {
    // « beneficiaire » is no register field (champs.md): the register keeps its own columns only.
    const m = detect({ Payé: 'beneficiaire' })[0];
    expect(m.kind).toBe('registre');
    expect(fieldsOf(m)).toEqual(['1:numero', '2:objet', '3:montant', '4:dateNotification']);
  });

  it('« A1 », a saved header renamed since, is no column letter: it names no column (not K)', () => {
    // No header reads « A1 » any more, and « A1 » is not letters only: the override is dropped.
    const m = detect({ A1: 'montantMandate' })[0];
    expect(m.columns.some((c) => c.field === 'montantMandate')).toBe(false);
    expect(fieldsOf(m)).toEqual(['1:numero', '2:objet', '3:montant', '4:dateNotification']);
  });
});

describe('README « Colonnes »: two columns for one field — the better score wins, then the leftmost; the loser is listed unrecognised', () => {
  it('« Montant notifié 2024 » beats « Montant 2024 » on its left, though neither is an exact name', () => {
    // Both are partial matches of the Montant (neither is its label nor a synonym, so neither is the
    // more canonical). Weights: montant 2.526 (6 fields), notifi 3.570 (2: montant notifié, notifié
    // le), a number 1. « Montant 2024 »: 2.526 / 3.526 = 0.716 → 0.758. « Montant notifié 2024 »:
    // « montant notifié » covers 6.096 / 7.096 = 0.859 → 0.830 (the Date de notification, from
    // « notifié le », only 0.503 → 0.652, too far behind to tie). The better score takes the field.
    const m = row(['Montant 2024', 'Zorglub', 'Montant notifié 2024']);
    expect(fieldsOf(m)).toEqual(['3:montant']);
    // The loser is not moved to another field, and the unrecognised columns are listed left to right.
    expect(m.unmapped.map((u) => u.col)).toEqual([1, 2]);
  });
});

describe('mapping.ts: a merged header repeats its text in the next columns, and only the first column is mapped', () => {
  it('« Objet » over columns B and C: the Objet is column B', () => {
    const m = row(['N° de marché', 'Objet', 'Objet']);
    expect(fieldsOf(m)).toEqual(['1:numero', '2:objet']);
    expect(m.unmapped).toEqual([{ col: 3, header: 'Objet' }]);
  });

  it('an ambiguous merged header is one choice for the user: column A only', () => {
    const m = row(['Montant titulaire', 'Montant titulaire']);
    expect(m.ambiguous.map((a) => a.col)).toEqual([1]);
    expect(m.unmapped).toEqual([{ col: 2, header: 'Montant titulaire' }]);
  });
});

describe('mapping.ts: the header row is the sheet\'s (or the Excel table\'s) columns only', () => {
  const REQUIRED = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
  const sheet = (rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: 'Marchés', firstRow: 1, firstCol: 1, tables: [], rows, ...extra });

  it('regles §1 « the header of an Excel table »: a header left of the table is not one of its columns', () => {
    const g = sheet([['Titulaire', null, ...REQUIRED]], { tables: [{ name: 'T', headerRow: 1, firstCol: 3, lastCol: 6, lastRow: 1 }] });
    expect(fieldsOf(detectSheet('r.xlsx', g)[0])).toEqual(['3:numero', '4:objet', '5:montant', '6:dateNotification']);
  });

  it('model: « unmapped » lists non-empty headers only (an empty header cell is no unrecognised column)', () => {
    const m = detectSheet('r.xlsx', sheet([[...REQUIRED, null, 'Zorglub']]))[0];
    expect(m.unmapped).toEqual([{ col: 6, header: 'Zorglub' }]);
    // Not even when the user's override takes the empty column E away from any field.
    const o = detectSheet('r.xlsx', sheet([[...REQUIRED, null, 'Zorglub']]), [{ sheet: 'Marchés', columns: { E: null } }])[0];
    expect(o.unmapped).toEqual([{ col: 6, header: 'Zorglub' }]);
  });

  it('an override letter outside the header row (left of C, right of F) names no column', () => {
    // The used range starts at column C: columns A and G are not in the header row C–F.
    const g = sheet([[...REQUIRED]], { firstCol: 3 });
    const m = detectSheet('r.xlsx', g, [{ sheet: 'Marchés', columns: { A: 'montantMandate', G: 'titulaire' } }])[0];
    expect(fieldsOf(m)).toEqual(['3:numero', '4:objet', '5:montant', '6:dateNotification']);
  });

  it('a saved header row that the sheet no longer has gives no mapping (and no error)', () => {
    const g = sheet([[...REQUIRED], ['2024-001', 'Nettoyage', 1000, { date: '2024-03-01' }]]);
    expect(detectSheet('r.xlsx', g, [{ sheet: 'Marchés', headerRow: 30, columns: {} }])).toEqual([]);
  });

  it('an override names its workbook by file name: the folders of either path do not matter', () => {
    const g = sheet([[...REQUIRED, 'Payé']]);
    const o: MappingOverride[] = [{ file: 'C:\\Users\\achats\\Pôle.xlsx', sheet: 'Marchés', columns: { Payé: 'montantMandate' } }];
    expect(fieldsOf(detectSheet('D:/partage/Pôle.xlsx', g, o)[0])).toContain('5:montantMandate');
    expect(fieldsOf(detectSheet('Pôle.xlsx', g, o)[0])).toContain('5:montantMandate');
    expect(fieldsOf(detectSheet('Autre.xlsx', g, o)[0])).not.toContain('5:montantMandate');
  });
});

describe('champs.md: each companion kind has its own required fields', () => {
  it('a Cibles mapping with only « Sens » misses the Indicateur, the Année and the Cible', () => {
    const m = { file: 'f.xlsx', sheet: 'Cibles', kind: 'cibles' as const, headerRow: 1, columns: [{ col: 1, header: 'Sens', field: 'sens' }], ambiguous: [], unmapped: [], explicit: false };
    expect(missingRequiredFields(m)).toEqual(['indicateur', 'annee', 'cible']);
  });
});

describe('classify (mapping.ts): a companion sheet unless the register kind maps more columns still', () => {
  it('a Suivi insertion sheet mapping as many columns as the register kind (4 and 4) is a Suivi insertion', () => {
    // Suivi insertion: numero, beneficiaire, communeResidence (« ville »), heures (« heures réalisées »): 4,
    // all its required fields. Register: numero, communeTitulaire (« ville »), heuresInsertionRealisees
    // (« heures réalisées »), objet: 4, without the Montant and the Date — no register, and not more columns.
    const g: SheetGrid = { name: 'Insertion', firstRow: 1, firstCol: 1, tables: [], rows: [['N° de marché', 'Bénéficiaire', 'Ville', 'Heures réalisées', 'Objet']] };
    const [m] = detectSheet('r.xlsx', g);
    expect(m.kind).toBe('suiviInsertion');
  });
});

describe('regles §1: the header of an Excel table first', () => {
  const REQUIRED = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
  const t = (name: string, headerRow: number, firstCol: number) => ({ name, headerRow, firstCol, lastCol: firstCol + 3, lastRow: headerRow + 1 });

  it('of two register tables, the upper one, whatever order the workbook lists them in', () => {
    const rows: CellValue[][] = [[...REQUIRED], [], [], [...REQUIRED]];
    const g: SheetGrid = { name: 'Marchés', firstRow: 1, firstCol: 1, rows, tables: [t('Bas', 4, 1), t('Haut', 1, 1)] };
    expect(detectSheet('r.xlsx', g)[0].headerRow).toBe(1);
  });

  it('a saved header row that is a table\'s header keeps to the table\'s columns', () => {
    const g: SheetGrid = { name: 'Marchés', firstRow: 1, firstCol: 1, rows: [['Titulaire', null, ...REQUIRED]], tables: [t('T', 1, 3)] };
    const [m] = detectSheet('r.xlsx', g, [{ sheet: 'Marchés', headerRow: 1, columns: {} }]);
    expect(fieldsOf(m)).toEqual(['3:numero', '4:objet', '5:montant', '6:dateNotification']);
  });
});

describe('README « Colonnes »: a sheet that looks like a register (3 fields, one required) but misses a required column', () => {
  const g = (rows: CellValue[][]): SheetGrid => ({ name: 'Feuil1', firstRow: 1, firstCol: 1, tables: [], rows });

  it('one required column alone is not « at least three fields »', () => {
    expect(findIncompleteRegisters('f.xlsx', [g([['Objet du marché', 'Zorglub']])])).toEqual([]);
  });

  it('says whether the user chose part of its mapping (explicit)', () => {
    const sheet = g([['Objet', 'Titulaire', 'Montant HT', 'Payé']]);
    expect(findIncompleteRegisters('f.xlsx', [sheet])[0].explicit).toBe(false);
    expect(findIncompleteRegisters('f.xlsx', [sheet], [{ sheet: 'Feuil1', columns: { Payé: 'montantMandate' } }])[0].explicit).toBe(true);
  });
});

describe('messages', () => {
  const complete = { file: 'f.xlsx', sheet: 'Marchés', kind: 'registre' as const, headerRow: 4, ambiguous: [], unmapped: [], explicit: false,
    columns: ['numero', 'objet', 'montant', 'dateNotification'].map((field, i) => ({ col: i + 1, header: field, field })) };

  it('no sentence when no required column is missing', () => {
    expect(describeMissingRequired(complete)).toBe('');
  });
});
