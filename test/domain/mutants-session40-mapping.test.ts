/**
 * Headers that speak of money or of a date (session 40 mutation audit of `headerSaysMoney` and
 * `headerSaysDate` in `mapping.ts`, `test/mutants-session40.md`, P…): an amount is no count, a
 * date nothing but a date, « à (la) date » is no date; an amount may still be a target or a value.
 */
import { recogniseWorkbook } from '../../src/domain/mapping';
import { grid } from '../helpers/grid';

const BASE = ['N° marché', 'Objet', 'Date de notification', 'Montant HT'];

/** The field the last header of a register maps to, or null. */
function fieldOf(header: string): string | null {
  const [m] = recogniseWorkbook('p.xlsx', [grid('S', [[...BASE, header], ['M-1', 'Papier', '01/02/2025', 1000, 5]] as never)]);
  return m.columns.find((c) => c.header === header)?.field ?? null;
}

it.each(['Avenants (montant)', 'Montants des avenants', 'Avenants TTC', 'Avenants EUR', 'Avenants en euros', 'Avenants kEUR', 'Avenants keuros', 'Avenants MEUR'])(
  '%j speaks of money: not the number of avenants',
  (header) => {
    expect(fieldOf(header)).toBeNull();
  },
);

it.each(['Dates des avenants', 'Dates avenants'])('%j names dates: not the number of avenants', (header) => {
  expect(fieldOf(header)).toBeNull();
});

it.each([
  ['Date de programmation', null],
  ['Date de négociation', null],
  ['Date du mandatement', null],
  ['Date clause sociale', null],
])('%j is a date, none of the yes/no or amount fields its other words name', (header, field) => {
  expect(fieldOf(header)).toBe(field);
});

it.each([
  ['Mandaté à la date HT', 'montantMandate'],
  ['Heures réalisées à la date', 'heuresInsertionRealisees'],
])('« à la date » is « so far », no date: %j keeps %s', (header, field) => {
  expect(fieldOf(header)).toBe(field);
});

it('a target or a value in euros is still the target or the value', () => {
  const [cibles, saisies] = recogniseWorkbook('p.xlsx', [
    grid('Cibles', [['Indicateur', 'Année', 'Cible (montant HT)'], ['2.1.3-sourcage', 2025, 1000]]),
    grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur HT'], ['2.1.3-sourcage', 2025, 1000]]),
  ]);
  expect([cibles.kind, cibles.columns.map((c) => c.field)]).toEqual(['cibles', ['indicateur', 'annee', 'cible']]);
  expect([saisies.kind, saisies.columns.map((c) => c.field)]).toEqual(['saisies', ['indicateur', 'annee', 'valeur']]);
});
