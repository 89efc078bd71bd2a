/**
 * Session 36: lots kept under one numero whose lot is written in the objet (« Travaux école – Lot 2 :
 * peinture »), not in a « Lot » column, or in the objet on one side and in a « Lot » column on the
 * other. The doublon's message said nothing of lots then; it says « Ce sont deux lots » and where each
 * lot was read. The lot is read only when written clearly (`objetLot`). Expectations written by hand.
 */
import { lotRead, lotsSentence, objetLot } from '../../src/domain/conflicts';
import { doublonMessage, sheetInput } from '../helpers/doublons';
import { d } from '../helpers/grid';

/** French typography of the expected texts: a no-break space inside « » and before : ; ? ! (no user text here holds one). */
const fr = (s: string): string => s.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ ([:;?!])/g, '\u00a0$1');

const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date notif'];
const HEAD_LOT = ['N° marché', 'Lot', 'Objet', 'Montant HT', 'Date notif'];
const DATE = d('2025-04-14');
const BASE = 'Ligne 3, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi » pour la même année : la ligne est écartée des indicateurs.';
const conflict = (here: string, first: string) => ` Conflit, les deux lignes diffèrent (à arbitrer) : « Objet » : « ${here} » sur cette ligne, « ${first} » sur la première.`;
const lots = (inside: string, example: string) => ` Ce sont deux lots (${inside}) : donnez à chaque lot son propre numéro (par exemple « ${example} ») pour qu'il compte.`;

describe('objetLot: the one lot an objet names clearly', () => {
  it.each([
    ['Travaux école Jules Ferry – Lot 2 : peinture', '2'],
    ['Lot n°3 - Électricité', '3'],
    ['Fournitures de bureau (lot 1)', '1'],
    ['LOT N° 04 – VRD', '4'],
    ['Lot nº 12 Menuiseries extérieures', '12'],
    ['Réfection de voirie, lot numéro 5', '5'],
    ['Lot no 7', '7'],
    ['lot2 plomberie', '2'],
    ['Entretien des espaces verts - Lot A', 'A'],
    ['Restauration scolaire, lot B : goûters', 'B'],
    ['Lot C.', 'C'],
    // The same lot twice is that lot.
    ['Maçonnerie (lot 2), reprise du lot 2', '2'],
  ])('%s → lot %s', (objet, lot) => {
    expect(objetLot(objet)).toBe(lot);
  });

  it.each([
    // `lot` inside another word
    'Aménagement du lotissement Les Prés 2',
    'Projet pilote 3 ans',
    'Ballot 2 de papier',
    'Lot-et-Garonne',
    'Cahors (Lot)',
    // `lot` as a common noun, or a verb after it
    "Achat d'un lot de 50 stylos",
    'Un lot a été déclaré infructueux',
    'LOT NON ATTRIBUÉ',
    "LOT D'AMPOULES LED",
    'Lot unique',
    // several lots, or a number that is no lot's
    'Lots 1 et 2 : voirie',
    'Lot 1 et 2',
    'lot 1/2',
    'Lot 1 à 3',
    'lot 1-3',
    'Lot 1 : voirie ; lot 2 : éclairage',
    'Lot 2025',
    'un lot 1 000 stylos',
    'Lot 2bis',
    'Lot A Peinture',
    '',
  ])('%s → none', (objet) => {
    expect(objetLot(objet)).toBeNull();
  });

  it('reads only a text', () => {
    expect(objetLot(2)).toBeNull();
    expect(objetLot(undefined)).toBeNull();
  });
});

describe('doublon: two lots written in the objet', () => {
  it('no lot column: the lot of each objet', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', HEAD, [
        ['2025-012', 'Lot n°1 - Plomberie', 1000, DATE],
        ['2025-012', 'Lot n°2 - Électricité', 1000, DATE],
      ]),
    ]);
    expect(message).toBe(fr(BASE + conflict('Lot n°2 - Électricité', 'Lot n°1 - Plomberie') + lots('objet : lot 2 sur cette ligne, lot 1 sur la première', '2025-012-L2')));
  });

  it('a « Lot » column in one workbook, the objet in the other', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', HEAD_LOT, [['2025-012', 1, 'Fournitures de bureau', 1000, DATE]]),
      sheetInput('b.xlsx', HEAD, [['2025-012', 'Fournitures de bureau (lot 2)', 1000, DATE]]),
    ]);
    expect(message).toBe(
      fr(
        'Ligne 2, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi » du classeur « a.xlsx » pour la même année : la ligne est écartée des indicateurs.' +
          conflict('Fournitures de bureau (lot 2)', 'Fournitures de bureau') +
          lots('objet : lot 2 sur cette ligne, « Lot » : 1 sur la première', '2025-012-L2'),
      ),
    );
  });

  it('a « Lot » column whose cell is empty on one row: that row\'s objet', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', HEAD_LOT, [
        ['2025-E07', 'Lot 1', 'Repas', 1000, DATE],
        ['2025-E07', null, 'Repas – lot 3', 1000, DATE],
      ]),
    ]);
    expect(message).toBe(fr(BASE + conflict('Repas – lot 3', 'Repas') + lots('objet : lot 3 sur cette ligne, « Lot » : « Lot 1 » sur la première', '2025-E07-L3')));
  });

  it('the same lot in the column and in the objet: a double entry, as before', () => {
    const message = doublonMessage([
      sheetInput('a.xlsx', HEAD_LOT, [
        ['M-1', 2, 'Voirie – lot 2', 1000, DATE],
        ['M-1', null, 'Voirie – lot 2', 1000, DATE],
      ]),
    ]);
    expect(message).toBe(fr(`${BASE} Les deux lignes portent les mêmes valeurs (saisie en double).`));
  });

  it('no lot written clearly on either row: the conflict only', () => {
    expect(
      doublonMessage([
        sheetInput('a.xlsx', HEAD, [
          ['2025-012', "Achat d'un lot de 50 stylos", 1000, DATE],
          ['2025-012', "Achat d'un lot de 80 stylos", 1000, DATE],
        ]),
      ]),
    ).toBe(fr(BASE + conflict("Achat d'un lot de 80 stylos", "Achat d'un lot de 50 stylos")));
    // A lot on one row only: nothing to tell apart.
    expect(
      doublonMessage([
        sheetInput('a.xlsx', HEAD, [
          ['2025-012', 'Voirie', 1000, DATE],
          ['2025-012', 'Voirie lot 2', 1000, DATE],
        ]),
      ]),
    ).toBe(fr(BASE + conflict('Voirie lot 2', 'Voirie')));
  });
});

describe('lotRead and lotsSentence', () => {
  it('the lot column\'s cell first, the objet when the column is missing or its cell empty', () => {
    expect(lotRead('Lot', 'Lot 1', 'Voirie lot 2')).toEqual({ header: 'Lot', cell: 'Lot 1', text: 'Lot 1' });
    expect(lotRead('Lot', '  ', 'Voirie lot 2')).toEqual({ objet: '2' });
    expect(lotRead(undefined, undefined, 'Voirie lot 2')).toEqual({ objet: '2' });
    expect(lotRead('Lot', null, 'Voirie')).toBeNull();
  });

  it('a lot cell written at length against an objet: told apart by its number; the numero shown only for a lot known simply', () => {
    const column = lotRead('Lot', 'Lot 2 – goûters', 'Repas')!;
    const objet = lotRead(undefined, undefined, 'Repas (lot 1)')!;
    expect(lotsSentence(objet, column, 'M')).toBe(fr(lots('objet : lot 1 sur cette ligne, « Lot » : « Lot 2 – goûters » sur la première', 'M-L1')));
    expect(lotsSentence(column, objet, 'M')).toBe(
      fr(" Ce sont deux lots (« Lot » : « Lot 2 – goûters » sur cette ligne, objet : lot 1 sur la première) : donnez à chaque lot son propre numéro pour qu'il compte."),
    );
    // A lot cell without a number cannot be told apart from an objet's lot.
    expect(lotsSentence(objet, lotRead('Lot', 'Lot unique', 'Repas')!, 'M')).toBe('');
    expect(lotsSentence(objet, lotRead(undefined, undefined, 'Goûters, lot 01')!, 'M')).toBe('');
  });
});
