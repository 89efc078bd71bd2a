/**
 * Session 39 mutation audit of the lot sentence of a `doublon` (`conflicts.ts`, session 34): the
 * headers of a lot column, and the lot cells that name the same lot however written.
 */
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { DOUBLON_TODAY, sheetInput } from '../helpers/doublons';
import { d } from '../helpers/grid';

/** The messages of every `doublon` of a one-sheet register whose lot column is headed `lotHeader`. */
function doublons(lotHeader: string, lots: CellValue[], numero = '2025-012'): string[] {
  const rows = lots.map((lot) => [numero, lot, 'Restauration', 1000, d('2025-04-14')]);
  const reg = buildRegister([sheetInput('a.xlsx', ['N° marché', lotHeader, 'Objet', 'Montant HT', 'Date notif'], rows)], { today: DOUBLON_TODAY });
  return reg.rows.flatMap((r) => r.findings).filter((f) => f.code === 'doublon').map((f) => f.message.replace(/\u00a0/g, ' '));
}

describe('the lot column', () => {
  it('« Lot N » heads one', () => {
    const [message] = doublons('Lot N', ['Lot 1', 'Lot 2']);
    expect(message).toContain('Ce sont deux lots (« Lot N » : « Lot 2 » sur cette ligne, « Lot 1 » sur la première)');
  });
});

describe('the same lot written two ways is no sentence', () => {
  it.each<[string, CellValue, CellValue]>([
    ['a number and « Lot  1 » with two spaces', 1, 'Lot  1'],
    ['« Lots 2 » and 2', 'Lots 2', 2],
    ['« Lot no. 2 » and 2', 'Lot no. 2', 2],
    ['« Lot unique » in two cases', 'Lot unique', 'LOT UNIQUE'],
  ])('%s', (_, first, later) => {
    const [message] = doublons('Lot', [first, later]);
    expect(message).toContain('saisie en double');
    expect(message).not.toContain('Ce sont deux lots');
  });

  it('while two lots written those ways are told apart', () => {
    const [message] = doublons('Lot', [1, 'Lot no. 2']);
    expect(message).toContain('Ce sont deux lots');
  });
});


// « L1 », the short form the message itself suggests for a lot (« 2025-012-L1 »), is lot 1.
describe('a lot written « L1 »', () => {
  it('is the same lot as « Lot 1 » or 1: no sentence', () => {
    for (const [first, later] of [
      ['Lot 1', 'L1'],
      [1, 'L 1'],
      ['L01', 'lot 1'],
    ] as [CellValue, CellValue][]) {
      const [message] = doublons('Lot', [first, later]);
      expect(message).toContain('saisie en double');
      expect(message).not.toContain('Ce sont deux lots');
    }
  });

  it('« L2 » after « L1 »: two lots, with the numero to give it', () => {
    const [message] = doublons('Lot', ['L1', 'L2']);
    expect(message).toContain('Ce sont deux lots (« Lot » : « L2 » sur cette ligne, « L1 » sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 »)');
  });

  it('« La » or « LB » is no lot L-something: still compared as written', () => {
    const [message] = doublons('Lot', ['La', 'LB']);
    expect(message).toContain('Ce sont deux lots (« Lot » : « LB » sur cette ligne, « La » sur la première) : donnez à chaque lot son propre numéro pour');
  });
});
