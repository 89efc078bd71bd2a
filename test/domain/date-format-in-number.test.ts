/**
 * A number under a date format is a date (README « Lecture des cellules »), and a number column does
 * not take a date: the cell is unreadable. But its message said only « Saisissez un nombre »: a buyer
 * who retypes 24 in a delay cell formatted as a date sees 24/01/1900 again, and the same control
 * (blind acceptance « outils », session 40: a report export whose delay and amount cells carried a
 * date style). The message now names the date format and how to show the number.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { grid, d } from '../helpers/grid';

const rows: CellValue[][] = [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Délai de paiement', 'Nombre d\'offres reçues'],
  ['M-1', 'Papier', 1000, d('2025-02-01'), d('1900-01-24'), 3],
  ['M-2', 'Encre', d('1975-04-16'), d('2025-02-01'), 20, d('1900-01-04')],
  ['M-3', 'Toner', 300, d('2025-02-01'), 'vingt', 2],
];
const out = runChain([{ file: 'Export.xlsx', sheets: [grid('Marchés', rows)], state: null }], { today: '2026-01-15', writesCharts: false });
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const message = (row: number, code: string, col?: string) =>
  plain(out.result.controles.find((f) => f.ligne === row && f.code === code && (col === undefined || f.colonne === col))!.message);

describe('a date in a number column: the message says the cell is formatted as a date', () => {
  it('a number (delay): valeur-illisible, with the date format named', () => {
    expect(message(2, 'valeur-illisible')).toBe(
      'Ligne 2, colonne « Délai de paiement » : la valeur « 24/01/1900 » ne peut pas être lue. Excel l\'affiche en date parce que la cellule est au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le nombre affiché, ou saisissez un nombre (par exemple 35,5).',
    );
  });

  it('an amount: montant-invalide, with the date format named', () => {
    expect(message(3, 'montant-invalide')).toBe(
      'Ligne 3, colonne « Montant HT » : le montant « 16/04/1975 » n\'est pas un montant positif lisible. Excel l\'affiche en date parce que la cellule est au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le montant affiché, ou saisissez un montant en euros (par exemple 12 500,00).',
    );
  });

  it('a whole number: the same, with its own example', () => {
    expect(message(3, 'valeur-illisible', "Nombre d'offres reçues")).toContain(
      'est au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le nombre affiché, ou saisissez un nombre entier (par exemple 12).',
    );
  });

  it('a text in a number column keeps the usual message', () => {
    expect(message(4, 'valeur-illisible')).toBe('Ligne 4, colonne « Délai de paiement » : la valeur « vingt » ne peut pas être lue. Saisissez un nombre (par exemple 35,5).');
  });
});
