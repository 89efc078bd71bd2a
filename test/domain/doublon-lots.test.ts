/**
 * Lots kept under one numero with a « Lot » column no field reads (README « Lots, avenants… »):
 * from the second lot, `doublon` (regles.md §3), and its message says they are two lots and what
 * to do. Expectations written by hand; each case failed before the lot sentence.
 */
import type { CellValue } from '../../src/domain/cell';
import type { ChainInput } from '../../src/domain/chain';
import { lotRead, lotsSentence } from '../../src/domain/conflicts';
import { buildRegister } from '../../src/domain/register';
import { DOUBLON_TODAY, doublonMessage, sheetInput } from '../helpers/doublons';
import { d, grid } from '../helpers/grid';

const BASE = 'Ligne 3, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi » pour la même année : la ligne est écartée des indicateurs.';

/** The messages of every `doublon` of the register, by sheet row. */
function doublons(inputs: ChainInput[]): [number, string][] {
  const reg = buildRegister(inputs, { today: DOUBLON_TODAY });
  return reg.rows.flatMap((r) => r.findings).filter((f) => f.code === 'doublon').map((f) => [f.source.row, f.message]);
}

describe('doublon: two lots under one numero', () => {
  it('lots that differ in the « Lot » column: the message says so and shows a numero per lot', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', ['N° marché', 'Lot', 'Objet', 'Montant HT', 'Date notif'], [
        ['2025-012', 'Lot 1', 'Restauration', 400000, d('2025-04-14')],
        ['2025-012', 'Lot 2', 'Restauration', 80000, d('2025-04-14')],
      ]),
    ]);
    expect(message).toBe(
      `${BASE} Conflit, les deux lignes diffèrent (à arbitrer) : « Montant HT » : 80 000 € sur cette ligne, 400 000 € sur la première.` +
        ' Ce sont deux lots (« Lot » : « Lot 2 » sur cette ligne, « Lot 1 » sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 ») pour qu\'il compte.',
    );
  });

  it('numbers for lots, every other value equal: not a double entry but two lots', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'N° de lot'], [
        ['2025-012', 'Restauration', 1000, d('2025-04-14'), 1],
        ['2025-012', 'Restauration', 1000, d('2025-04-14'), 2],
      ]),
    ]);
    expect(message).toBe(
      `${BASE} Les deux lignes portent les mêmes valeurs.` +
        ' Ce sont deux lots (« N° de lot » : 2 sur cette ligne, 1 sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 ») pour qu\'il compte.',
    );
  });

  it('the same lot twice (an avenant, a double entry) is no sentence; another lot of that numero is', () => {
    expect(
      doublons([
        sheetInput('a.xlsx', ['N° marché', 'Lot', 'Objet', 'Montant HT', 'Date notif'], [
          ['2025-E07', 'Lot 1', 'Repas', 400000, d('2025-04-14')],
          ['2025-E07', 'lot  1 ', 'Repas', 400000, d('2025-04-14')], // r3: the same lot, written otherwise
          ['2025-E07', 1, 'Repas', 400000, d('2025-04-14')], // r4: the same lot, as a number
          ['2025-E07', 'Lot 3', 'Repas', 400000, d('2025-04-14')], // r5: another lot
        ]),
      ]),
    ).toEqual([
      [3, `${BASE} Les deux lignes portent les mêmes valeurs (saisie en double).`],
      [4, `${BASE.replace('Ligne 3', 'Ligne 4')} Les deux lignes portent les mêmes valeurs (saisie en double).`],
      [
        5,
        `${BASE.replace('Ligne 3', 'Ligne 5')} Les deux lignes portent les mêmes valeurs.` +
          ' Ce sont deux lots (« Lot » : « Lot 3 » sur cette ligne, « Lot 1 » sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-E07-L3 ») pour qu\'il compte.',
      ],
    ]);
  });

  it('a column no field reads whose header is no lot header leaves the message as it was', () => {
    const rows: CellValue[][] = [
      ['2025-012', 'Lot 1', 'Repas', 1000, d('2025-04-14')],
      ['2025-012', 'Lot 2', 'Repas', 1000, d('2025-04-14')],
    ];
    expect(doublonMessage([sheetInput('a.xlsx', ['N° marché', 'Visa DAF', 'Objet', 'Montant HT', 'Date notif'], rows)])).toBe(
      `${BASE} Les deux lignes portent les mêmes valeurs (saisie en double).`,
    );
    expect(doublonMessage([sheetInput('a.xlsx', ['N° marché', 'Lot', 'Objet', 'Montant HT', 'Date notif'], rows)])).toMatch(/ Ce sont deux lots /);
  });

  it('reads the lot cells where the sheet starts (a grid from C3) and across blocks of rows', () => {
    const head: CellValue[] = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'N° du lot'];
    const rows: CellValue[][] = [head, ['M-1', 'Repas', 1000, d('2025-03-01'), 'A']];
    for (let i = 2; i <= 300; i++) rows.push([`M-${i}`, 'Autre', 10, d('2025-03-01'), null]);
    rows.push(['M-1', 'Repas', 1000, d('2025-03-01'), 'B']);
    const sheet = grid('Suivi', rows, { firstRow: 3, firstCol: 3 });
    expect(doublonMessage([{ file: 'a.xlsx', sheets: [sheet], state: null }])).toBe(
      'Ligne 304, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 4 de la feuille « Suivi » pour la même année : la ligne est écartée des indicateurs.' +
        ' Les deux lignes portent les mêmes valeurs. Ce sont deux lots (« N° du lot » : « B » sur cette ligne, « A » sur la première) : donnez à chaque lot son propre numéro (par exemple « M-1-LB ») pour qu\'il compte.',
    );
  });
});

describe('doublon: two lots in two sheets or two workbooks', () => {
  const HEAD = ['N° marché', 'Lot', 'Objet', 'Montant HT', 'Date notif'];
  const LOTS = ' : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 ») pour qu\'il compte.';

  it('two sheets of one workbook (a register per service), each with a « Lot » column', () => {
    const sheetA = grid('Service A', [HEAD, ['2025-013', 'Lot 3', 'Goûters', 500, d('2025-04-14')], ['2025-012', 'Lot 1', 'Repas', 1000, d('2025-04-14')]]);
    // Before the doublon: another lot (row 2, not the first row's lot) and a totals row (no register row).
    const sheetB = grid('Service B', [
      HEAD,
      ['2025-099', 'Lot 7', 'Repas', 1000, d('2025-04-14')],
      [null, 'Total', null, 1000, null],
      ['2025-012', 'Lot 2', 'Repas', 1000, d('2025-04-14')],
    ]);
    expect(doublons([{ file: 'a.xlsx', sheets: [sheetA, sheetB], state: null }])).toEqual([
      [
        4,
        'Ligne 4, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 3 de la feuille « Service A » pour la même année : la ligne est écartée des indicateurs.' +
          ' Les deux lignes portent les mêmes valeurs. Ce sont deux lots (« Lot » : « Lot 2 » sur cette ligne, « Lot 1 » sur la première)' +
          LOTS,
      ],
    ]);
  });

  it('two workbooks consolidated, lot columns named differently; a sheet without lot column says nothing of lots', () => {
    const a = sheetInput('a.xlsx', HEAD, [
      ['2025-012', 'Lot 1', 'Repas', 1000, d('2025-04-14')], // r2
      ['2025-020', 'Lot 1', 'Car', 500, d('2025-04-14')], // r3
    ]);
    // No lot column: its doublon of a.xlsx r3, and r3 first of its numero, are no lots.
    const b = sheetInput('b.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], [
      ['2025-020', 'Car', 500, d('2025-04-14')], // r2
      ['2025-030', 'Vitres', 200, d('2025-04-14')], // r3
    ]);
    const c = sheetInput(
      'c.xlsx',
      ['Référence', 'Objet', 'Montant HT', 'Date notif', 'N° de lot'],
      [
        ['2025-012', 'Repas', 1000, d('2025-04-14'), 2], // r2: another lot of a.xlsx r2
        ['2025-030', 'Vitres', 200, d('2025-04-14'), 2], // r3: its first row (b.xlsx) has no lot column
        ['2025-012', 'Repas', 1000, d('2025-04-14'), 'lot 01'], // r4: the same lot as a.xlsx r2
      ],
      'Marchés',
    );
    const inA = (row: number) => `à la ligne ${row} de la feuille « Suivi » du classeur « a.xlsx » pour la même année : la ligne est écartée des indicateurs.`;
    expect(doublons([a, b, c])).toEqual([
      [2, `Ligne 2, colonne « N° marché » : ce numéro de marché figure déjà ${inA(3)} Les deux lignes portent les mêmes valeurs (saisie en double).`],
      [
        2,
        `Ligne 2, colonne « Référence » : ce numéro de marché figure déjà ${inA(2)} Les deux lignes portent les mêmes valeurs.` +
          ' Ce sont deux lots (« N° de lot » : 2 sur cette ligne, « Lot » : « Lot 1 » sur la première)' +
          LOTS,
      ],
      [
        3,
        'Ligne 3, colonne « Référence » : ce numéro de marché figure déjà à la ligne 3 de la feuille « Suivi » du classeur « b.xlsx » pour la même année : la ligne est écartée des indicateurs.' +
          ' Les deux lignes portent les mêmes valeurs (saisie en double).',
      ],
      [4, `Ligne 4, colonne « Référence » : ce numéro de marché figure déjà ${inA(2)} Les deux lignes portent les mêmes valeurs (saisie en double).`],
    ]);
  });

  it('one lot header written two ways (« Lot » and « LOT ») is named once, as in the later row\'s sheet', () => {
    const a = sheetInput('a.xlsx', HEAD, [['2025-012', 'Lot 1', 'Repas', 1000, d('2025-04-14')]]);
    const b = sheetInput('b.xlsx', ['N° marché', 'LOT', 'Objet', 'Montant HT', 'Date notif'], [['2025-012', 'Lot 2', 'Repas', 1000, d('2025-04-14')]]);
    expect(doublonMessage([a, b])).toMatch(/\. Ce sont deux lots \(« LOT » : « Lot 2 » sur cette ligne, « Lot 1 » sur la première\) : /);
  });
});

/**
 * `lotsSentence` for two lot cells (`here` in the column `header`, `first` in `firstHeader`), each
 * read by `lotRead` from its cell alone (no objet), '' when either is empty.
 */
function lotSentence(header: string, here: CellValue | undefined, first: CellValue | undefined, numero: string, firstHeader = header): string {
  const a = lotRead(header, here, undefined);
  const b = lotRead(firstHeader, first, undefined);
  return a === null || b === null ? '' : lotsSentence(a, b, numero);
}

describe('lotSentence', () => {
  it('needs two lots read in both cells, different as a person reads them', () => {
    expect(lotSentence('Lot', 'Lot 2', null, 'M')).toBe('');
    expect(lotSentence('Lot', '  ', 'Lot 1', 'M')).toBe('');
    expect(lotSentence('Lot', { error: '#N/A' }, 'Lot 1', 'M')).toBe('');
    expect(lotSentence('Lot', 'Lot 01', 1, 'M')).toBe('');
    expect(lotSentence('Lot', 'LOT N° 2', 'lot n°2', 'M')).toBe('');
    expect(lotSentence('Lot', 'Lot 3a', 'Lot 3', 'M')).toMatch(/\(par exemple « M-L3A »\)/);
  });

  it('names the first row\'s lot column too when it is another one', () => {
    expect(lotSentence('N° de lot', 2, 'Lot 1', '2025-012', 'Lot')).toBe(
      ' Ce sont deux lots (« N° de lot » : 2 sur cette ligne, « Lot » : « Lot 1 » sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 ») pour qu\'il compte.',
    );
    expect(lotSentence('Lot', 2, 1, 'M', ' lot ')).toBe(
      ' Ce sont deux lots (« Lot » : 2 sur cette ligne, 1 sur la première) : donnez à chaque lot son propre numéro (par exemple « M-L2 ») pour qu\'il compte.',
    );
  });

  it('shows a numero per lot only for a lot written simply; a long text is cut', () => {
    expect(lotSentence('Lot', 'Lot 2 – goûters et collations des accueils de loisirs', 'Lot 1 – repas', '2025-012')).toBe(
      ' Ce sont deux lots (« Lot » : « Lot 2 – goûters et collations des accue… » sur cette ligne, « Lot 1 – repas » sur la première) : donnez à chaque lot son propre numéro pour qu\'il compte.',
    );
  });
});
