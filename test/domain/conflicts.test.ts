/**
 * Spec README: the project lead « sees duplicates and conflicts ». A `doublon` (regles.md §3)
 * says whether its two rows carry the same values (a double entry) or differ (a conflict to
 * arbitrate), naming what differs. Expectations are worked out by hand.
 */
import type { CellValue } from '../../src/domain/cell';
import { comparedRow, conflictSentence, differingFields } from '../../src/domain/conflicts';
import type { RegisterFieldId } from '../../src/domain/fields';
import { doublonMessage, sheetInput } from '../helpers/doublons';
import { d, err } from '../helpers/grid';

const input = sheetInput;

const BASE = 'Ligne 3, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi » pour la même année : la ligne est écartée des indicateurs.';

describe('doublon: double entry or conflict', () => {
  const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Titulaire'];

  it('the same values, written differently (case, spaces), are a double entry', () => {
    const message = doublonMessage([
      input('a.xlsx', HEAD, [
        ['M-1', 'Entretien des écoles', 1000, d('2025-03-01'), 'Net Plus'],
        ['M-1', '  entretien   DES écoles ', 1000.001, d('2025-03-01'), 'NET PLUS'],
      ]),
    ]);
    expect(message).toBe(`${BASE} Les deux lignes portent les mêmes valeurs (saisie en double).`);
  });

  it('names each field that differs by the user’s header, later row first, in the order of champs.md', () => {
    const message = doublonMessage([
      input('a.xlsx', HEAD, [
        ['M-1', 'Entretien des écoles', 12000, d('2025-03-01'), 'Net Plus'],
        ['M-1', 'Entretien des écoles', 15000.5, d('2025-03-01'), 'Propreté 59'],
      ]),
    ]);
    expect(message).toBe(
      `${BASE} Conflit, les deux lignes diffèrent (à arbitrer) : « Montant HT » : 15 000,50 € sur cette ligne, 12 000 € sur la première ; « Titulaire » : « Propreté 59 » sur cette ligne, « Net Plus » sur la première.`,
    );
  });

  it('an amount with cents shows its two decimals, as every other message and sheet writes euros; whole euros none', () => {
    const message = doublonMessage([
      input('a.xlsx', HEAD, [
        ['M-1', 'Entretien des écoles', 132400.5, d('2025-03-01'), 'Net Plus'],
        ['M-1', 'Entretien des écoles', 98000, d('2025-03-01'), 'Net Plus'],
      ]),
    ]);
    // Spaces as a reader sees them (the message has no-break ones).
    expect(message.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/« Montant HT » : 98 000 € sur cette ligne, 132 400,50 € sur la première\.$/);
  });

  it('a field filled on one row and empty on the other differs', () => {
    const message = doublonMessage([
      input('a.xlsx', HEAD, [
        ['M-1', 'Entretien', 1000, d('2025-03-01'), null],
        ['M-1', 'Entretien', 1000, d('2025-03-01'), 'Net Plus'],
      ]),
    ]);
    expect(message).toBe(`${BASE} Conflit, les deux lignes diffèrent (à arbitrer) : « Titulaire » : « Net Plus » sur cette ligne, vide sur la première.`);
  });

  it('a field one Pôle does not track is unknown there, not a difference; the Pôle itself is not compared', () => {
    const message = doublonMessage([
      input('Pôle A.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Titulaire'], [['M-1', 'Entretien', 1000, d('2025-03-01'), 'Net Plus']]),
      input('Pôle B.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], [['M-1', 'Entretien', 1000, d('2025-06-01')]]),
    ]);
    expect(message).toBe(
      'Ligne 2, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi » du classeur « Pôle A.xlsx » pour la même année : la ligne est écartée des indicateurs.' +
        ' Conflit, les deux lignes diffèrent (à arbitrer) : « Date notif » : 01/06/2025 sur cette ligne, 01/03/2025 sur la première.',
    );
  });

  it('an unreadable cell on either row is not compared', () => {
    const message = doublonMessage([
      input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Durée (mois)'], [
        ['M-1', 'Entretien', 1000, d('2025-03-01'), err('#VALUE!')],
        ['M-1', 'Entretien', 1000, d('2025-03-01'), 12],
      ]),
    ]);
    expect(message).toBe(`${BASE} Les deux lignes portent les mêmes valeurs (saisie en double).`);
  });

  it('compares with an earlier row read in an earlier block of rows (300 rows apart)', () => {
    const rows: CellValue[][] = [['M-1', 'Entretien', 1000, d('2025-03-01'), 'Net Plus']];
    for (let i = 2; i <= 300; i++) rows.push([`M-${i}`, 'Autre', 10, d('2025-03-01'), 'X']);
    rows.push(['M-1', 'Entretien', 2000, d('2025-03-01'), 'Net Plus']);
    const message = doublonMessage([input('a.xlsx', HEAD, rows)]);
    expect(message).toMatch(/^Ligne 302, colonne « N° marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Suivi »/);
    expect(message).toMatch(/ Conflit, les deux lignes diffèrent \(à arbitrer\) : « Montant HT » : 2 000 € sur cette ligne, 1 000 € sur la première\.$/);
  });

  // A long text is cut to 40 characters, the ellipsis included.
  it('booleans and long texts are shown as a reader would', () => {
    const longA = 'Marché de nettoyage des bâtiments communaux, lot 1';
    const message = doublonMessage([
      input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale'], [
        ['M-1', longA, 1000, d('2025-03-01'), 'non'],
        ['M-1', 'Nettoyage', 1000, d('2025-03-01'), 'oui'],
      ]),
    ]);
    expect(message).toBe(
      `${BASE} Conflit, les deux lignes diffèrent (à arbitrer) : « Objet » : « Nettoyage » sur cette ligne, « Marché de nettoyage des bâtiments commu… » sur la première ; « Clause sociale » : oui sur cette ligne, non sur la première.`,
    );
  });
});

describe('conflictSentence', () => {
  const diff = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Champ ${i + 1}`, here: `${i}`, first: 'vide' }));

  it('names four differences at most and counts the others', () => {
    expect(conflictSentence(diff(5))).toBe(
      ' Conflit, les deux lignes diffèrent (à arbitrer) : « Champ 1 » : 0 sur cette ligne, vide sur la première ; « Champ 2 » : 1 sur cette ligne, vide sur la première ; « Champ 3 » : 2 sur cette ligne, vide sur la première ; « Champ 4 » : 3 sur cette ligne, vide sur la première ; et 1 autre champ.',
    );
    expect(conflictSentence(diff(7))).toMatch(/ ; et 3\sautres champs\.$/);
    expect(conflictSentence(diff(4))).not.toMatch(/autre/);
  });

  it('compares only what both sheets map', () => {
    const mapped = (ids: RegisterFieldId[]) => new Set<RegisterFieldId>(ids);
    const later = comparedRow({ objet: 'A', montant: 2 }, mapped(['objet', 'montant']));
    const first = comparedRow({ objet: 'B', montant: 1 }, mapped(['objet']));
    expect(differingFields(later, first).map((x) => x.label)).toEqual(['Objet du marché']);
  });
});
