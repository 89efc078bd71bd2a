/**
 * Hand mutants of unreadable-columns.ts (session 18). README « Colonnes »: a closed-list column
 * (enum, oui/non) of which most filled cells are unreadable is told once, per column of one
 * sheet of one workbook; other columns' unreadable cells stay listed in the controls only.
 * Expectations worked out by hand.
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';

function rows(natures: readonly CellValue[], from = 1): CellValue[][] {
  return natures.map((n, i) => [`M${from + i}`, 'Objet', 1000, d('2025-03-01'), n]);
}

const HEAD = (nature: string) => ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', nature];
const READABLE = Array.from({ length: 10 }, () => 'Services');

describe('unreadable closed-list columns, told per column of one sheet of one workbook', () => {
  it('two workbooks with a sheet of the same name: each counted apart, each with its own header', () => {
    const a: ChainInput = { file: 'Pôle A.xlsx', sheets: [grid('Marchés', [HEAD('Nature'), ...rows([...READABLE, 'Marché', 'Marché'])])], state: null };
    const b: ChainInput = {
      file: 'Pôle B.xlsx',
      sheets: [grid('Marchés', [HEAD('Type de marché'), ...rows(['Marché', 'Accord-cadre', 'Marché', 'Travaux'], 100)])],
      state: null,
    };
    const notices = runChain([a, b], { today: TODAY }).notices.filter((n) => n.includes('illisibles'));
    // A: 2 unreadable of 12 (too few); B: 3 of 4, under its own header.
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Feuille « Marchés » du classeur « Pôle B.xlsx » : 3 des 4 valeurs remplies de la colonne « Type de marché »');
  });

  it('two sheets of one workbook: each counted apart', () => {
    const input: ChainInput = {
      file: 'Pôle.xlsx',
      sheets: [
        grid('Marchés 2024', [HEAD('Nature'), ...rows([...READABLE, 'Marché', 'Marché'])]),
        grid('Marchés 2025', [HEAD('Nature'), ...rows(['Marché', 'Accord-cadre', 'Marché', 'Travaux'], 100)]),
      ],
      state: null,
    };
    const notices = runChain([input], { today: TODAY }).notices.filter((n) => n.includes('illisibles'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Feuille « Marchés 2025 » du classeur « Pôle.xlsx » : 3 des 4 valeurs remplies de la colonne « Nature »');
  });

  it('a column that is not a closed list (a date) is not told, however unreadable', () => {
    const sheet = grid('Marchés', [
      ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'],
      ...['bientôt', 'à venir', 'en cours', 'voir service'].map((t, i): CellValue[] => [`M${i + 1}`, 'Objet', 1000, t]),
    ]);
    const out = runChain([{ file: 'Pôle.xlsx', sheets: [sheet], state: null }], { today: TODAY });
    expect(out.result.controles.filter((c) => c.code === 'date-invalide')).toHaveLength(4);
    expect(out.notices.filter((n) => n.includes('illisibles'))).toEqual([]);
  });
});
