import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// A Suivi insertion row whose contract is in the register but whose register rows all stay out of the
// indicators of the run (in error, hors marché, of a year other than N and N−1) counts in no 4.2.2
// indicator: told with the register row to fix (README « Indicateurs »). A row matching a contract that
// counts (in N, or in N−1 for the N−1 column, or through the first row of a `doublon`) is not.

const FILE = 'Pôle A.xlsx';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché'];
const register = (...rows: (string | number | null | { date: string })[][]) => grid('Marchés', [HEADER, ...rows]);
const suivi = (...rows: (string | number | null)[][]) => grid('Insertion', [['N° de marché', 'Bénéficiaire', 'Heures réalisées'], ...rows]);
const run = (...sheets: ReturnType<typeof grid>[]) => runChain([{ file: FILE, sheets, state: null }], { today: '2026-01-15', exercice: 2025 });
const where = 'Feuille « Insertion » du classeur « Pôle A.xlsx »';
const loss = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";
const heures = (out: ReturnType<typeof run>) => out.result.indicateurs.find((r) => r.id === '4.2.2-heures');

describe('Suivi insertion rows whose contract is in the register but counts in no indicator', () => {
  it('names the register row in error, with its errors, and tells to correct it', () => {
    const out = run(
      register(['OK-1', 'Voirie', 100, d('2025-02-01'), null], ['E-1', 'Éclairage', null, d('2025-03-01'), null]),
      suivi(['OK-1', 'B1', 10], ['E-1', 'B2', 35], [' e-1 ', 'B3', 5]),
    );
    expect(out.notices).toEqual([
      `${where}, lignes 3 et 4 : le marché « E-1 » est à la ligne 3 de la feuille « Marchés », en erreur (montant manquant) ; ces lignes ne comptent ${loss} Corrigez cette ligne : ses heures compteront.`,
    ]);
    // Nothing computed changes: the 10 hours of OK-1 only.
    expect(heures(out)?.valeur).toBe(10);
  });

  it('says nothing of a doublon whose first row counts, and names the first row in error and the doublon that repeats it', () => {
    const counted = run(
      register(['D-1', 'Voirie', 100, d('2025-02-01'), null], ['D-1', 'Voirie (saisie en double)', 100, d('2025-02-01'), null]),
      suivi(['D-1', 'B1', 12]),
    );
    expect(counted.notices).toEqual([]);
    expect(heures(counted)?.valeur).toBe(12);

    // The buyer typed the contract again below a row in error: the later row is a doublon, in error too.
    const hidden = run(
      register(['D-1', null, 100, d('2025-02-01'), null], ['OK-1', 'Voirie', 100, d('2025-02-01'), null], ['D-1', 'Voirie', 100, d('2025-02-01'), null]),
      suivi(['D-1', 'B1', 12], ['OK-1', 'B2', 1]),
    );
    expect(hidden.notices).toEqual([
      `${where}, ligne 2 : le marché « D-1 » est à la ligne 2 de la feuille « Marchés », en erreur (objet manquant), puis à la ligne 4, écartée comme doublon ; la ligne ne compte ${loss} Corrigez la ligne 2, ou supprimez-la si la ligne 4 la remplace : ses heures compteront.`,
    ]);
    expect(heures(hidden)?.valeur).toBe(1);
  });

  it('names an order outside any contract with the column that says so', () => {
    const out = run(
      register(['OK-1', 'Voirie', 100, d('2025-02-01'), 'non'], ['H-1', 'Fournitures', 50, d('2025-03-01'), 'oui']),
      suivi(['H-1', 'B1', 20]),
    );
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « H-1 » est à la ligne 3 de la feuille « Marchés », une commande hors marché (colonne « Hors marché ») ; la ligne ne compte ${loss} Si c'est un marché, corrigez cette colonne : ses heures compteront.`,
    ]);
  });

  it('names a contract of another year, the nearest to N, but not one of N−1', () => {
    const out = run(
      register(
        ['OK-1', 'Voirie', 100, d('2025-02-01'), null],
        ['P-1', 'Espaces verts', 100, d('2024-02-01'), null],
        ['V-1', 'Nettoyage', 100, d('2021-02-01'), null],
        ['V-1', 'Nettoyage (reconduit)', 100, d('2022-02-01'), null],
      ),
      suivi(['P-1', 'B1', 7], ['V-1', 'B2', 8]),
    );
    expect(out.notices).toEqual([
      `${where}, ligne 3 : le marché « V-1 » est notifié en 2022 (ligne 5 de la feuille « Marchés »), ni en 2025 ni en 2024 ; la ligne ne compte ${loss} Vérifiez sa date de notification, ou calculez l'exercice 2022.`,
    ]);
    // P-1 is a contract of N−1: its hours are in the N−1 column.
    expect(heures(out)?.n1).toBe(7);
  });

  it('says nothing when one register row of the numero counts, whatever the others', () => {
    const out = run(
      register(
        ['M-1', 'Voirie', null, d('2025-02-01'), null],
        ['M-1', 'Voirie', 100, d('2024-02-01'), null],
        ['M-2', 'Achat', 100, d('2025-02-01'), 'oui'],
        ['M-2', 'Marché', 100, d('2024-02-01'), null],
      ),
      suivi(['M-1', 'B1', 7], ['M-2', 'B2', 8]),
    );
    expect(out.notices).toEqual([]);
  });

  it('names the workbook of a register row of another input', () => {
    const out = runChain(
      [
        { file: FILE, sheets: [register(['OK-1', 'Voirie', 100, d('2025-02-01'), null]), suivi(['E-2', 'B1', 3])], state: null },
        { file: 'Pôle B.xlsx', sheets: [grid('Registre B', [HEADER, ['E-2', 'Chaises', 300, null, null]])], state: null },
      ],
      { today: '2026-01-15', exercice: 2025 },
    );
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « E-2 » est à la ligne 2 de la feuille « Registre B » du classeur « Pôle B.xlsx », en erreur (date de notification manquante) ; la ligne ne compte ${loss} Corrigez cette ligne : ses heures compteront.`,
    ]);
  });

  it('keeps each kind to five sentences a sheet, the last one telling the others together', () => {
    const numeros = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
    const out = run(
      register(['OK-1', 'Voirie', 100, d('2025-02-01'), null], ...numeros.map((n) => [n, 'x', null, d('2025-02-01'), null])),
      suivi(...numeros.map((n, i) => [n, `B${i}`, 1]), ['E6', 'B9', 1], ['X1', 'B10', 1]),
    );
    const fix = (n: string, row: number) =>
      `${where}, ligne ${row - 1} : le marché « ${n} » est à la ligne ${row} de la feuille « Marchés », en erreur (montant manquant) ; la ligne ne compte ${loss} Corrigez cette ligne : ses heures compteront.`;
    expect(out.notices).toEqual([
      fix('E1', 3),
      fix('E2', 4),
      fix('E3', 5),
      fix('E4', 6),
      `${where}, ligne 9 : le marché « X1 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `${where} : 2 autres marchés (« E5 » et « E6 ») sont au registre sur des lignes qu'aucun indicateur ne compte (en erreur, hors marché ou d'une autre année) ; leurs 3 lignes ne comptent ${loss}`,
    ]);
  });
});
