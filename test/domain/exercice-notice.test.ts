import { runChain } from '../../src/domain/chain';
import { emptyExerciceNotices } from '../../src/domain/exercice-notice';
import { d, grid } from '../helpers/grid';

// An exercice asked for in which no contract of the register is notified: every indicator is empty
// or non calculable, and the buyer is told why and which years the register has (README « En ligne
// de commande »), most often a mistyped `--exercice`.

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const register = (...rows: (string | number | null | { date: string })[][]) => grid('Marchés', [HEADER, ...rows]);
const run = (exercice: number | undefined, ...rows: (string | number | null | { date: string })[][]) =>
  runChain([{ file: 'Pôle A.xlsx', sheets: [register(...rows)], state: null }], { today: '2026-01-15', exercice });
const NBSP = '\u00a0';
const notice = (asked: number, has: string) =>
  `Aucun marché du registre n'est notifié en ${asked}, l'exercice demandé${NBSP}: ses indicateurs sont vides ou non calculables. Le registre ${has}${NBSP}; vérifiez l'exercice choisi.`;

describe('an exercice asked for that the register does not have', () => {
  it('is told with the years the register has, in order, and written among the remarks', () => {
    const out = run(2019, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2024-06-01')], ['A-3', 'Encre', 20, d('2025-07-01')]);
    expect(out.notices).toEqual([notice(2019, 'a des marchés notifiés de 2024 et 2025')]);
    expect(out.remarks).toEqual(out.notices);
    expect(out.result.exercice).toBe(2019);
  });

  it('says nothing when the year has a contract, even one in error, or when no year was asked', () => {
    expect(run(2025, ['A-1', 'Voirie', 100, d('2025-02-01')]).notices).toEqual([]);
    // The row of 2024 is in error (no amount): the year is not empty, the controls say what is wrong.
    expect(run(2024, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', null, d('2024-06-01')]).notices).toEqual([]);
    expect(run(undefined, ['A-1', 'Voirie', 100, d('2025-02-01')]).notices).toEqual([]);
  });

  it('one year; up to five listed; more as a span; no readable date at all', () => {
    const row = (annee: number | null) => ({ annee }) as never;
    expect(emptyExerciceNotices([row(2023)], 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2023')]);
    expect(emptyExerciceNotices([2025, 2021, 2022, 2023, 2024].map(row), 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2021, 2022, 2023, 2024 et 2025')]);
    expect(emptyExerciceNotices([2025, 2020, 2021, 2022, 2023, 2024].map(row), 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2020 à 2025')]);
    expect(emptyExerciceNotices([row(null)], 2019)).toEqual([notice(2019, "n'a aucune date de notification lisible")]);
    expect(emptyExerciceNotices([row(null), row(2019)], 2019)).toEqual([]);
  });
});
