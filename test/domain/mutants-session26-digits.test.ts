/**
 * Session-26 mutation audit of the digits shown beside an indicator (`change.ts` `rowDecimals`, the
 * command line, the pane's Pôle view, `SPASER Indicateurs` / `SPASER Pôles` formats, the national
 * reference): cases the demo does not hold, each killing a hand-applied mutant that survived.
 * Expectations from README « Valeurs affichées et typographie » and « Session 26 », worked by hand.
 */
import { formatIndicatorValue } from '../../src/cli/format';
import { formatChange, formatValue } from '../../src/domain/change';
import type { IndicatorResult } from '../../src/domain/model';
import { CONSIDERATION_IDS, nationalReferenceText } from '../../src/domain/national-reference';
import { buildPlan } from '../../src/domain/plan';
import { FORMAT_DECIMAL, FORMAT_NUMBER, SHEET_INDICATEURS, SHEET_POLES } from '../../src/domain/plan-types';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { comparisonLines } from '../../src/taskpane/labels';
import { findRow, formatAt, sheet } from '../helpers/plan-sheet';
import { indicator, makeResult, planInput } from './fixtures/plan-fixtures';

const ID = '2.2.3-soumissionnaires';
const NBSP = '\u00a0';

describe('a whole value against a mean N−1 (3 offers against 2,5)', () => {
  // README: « Valeur, N−1 et évolution d'un indicateur prennent les chiffres de sa ligne dans la feuille ».
  const ind = indicator({ id: ID, axe: 2, unite: 'nombre', valeur: 3, n1: 2.5, couverture: { renseignees: 4, total: 4 } });

  it('SPASER Indicateurs formats the row with one decimal, value and N−1 alike', () => {
    const s = sheet(buildPlan(planInput({ result: makeResult({ indicateurs: [ind] }) })), SHEET_INDICATEURS);
    const row = findRow(s, 1, ID);
    // Columns D (valeur), F (N−1), G (évolution).
    expect([formatAt(s, row, 4), formatAt(s, row, 6), formatAt(s, row, 7)]).toEqual([FORMAT_DECIMAL, FORMAT_DECIMAL, FORMAT_DECIMAL]);
  });

  it('the command line says the value with that decimal too', () => {
    expect(formatIndicatorValue(ind)).toBe('3,0 — N−1 : 2,5 (évolution : +0,5)');
  });

  it('a count against a count keeps no decimal', () => {
    expect(formatIndicatorValue({ ...ind, n1: 2 })).toBe('3 — N−1 : 2 (évolution : +1)');
  });
});

describe('a Pôle whose value and N−1 are whole, in a City whose value is a mean', () => {
  // README: « dans la vue d'un Pôle, la valeur du Pôle prend les chiffres de sa ligne dans `SPASER Pôles`
  // (tous les Pôles et la Ville) » : Sport 3 and Culture 4 offers, the City 3,5 on average.
  const ind = indicator({ id: ID, axe: 2, unite: 'nombre', valeur: 3.5, parPole: { Culture: 4, Sport: 3 }, couverture: { renseignees: 4, total: 4 } });

  it('SPASER Pôles formats the row with one decimal, the Pôles\' cells included', () => {
    const s = sheet(buildPlan(planInput({ result: makeResult({ indicateurs: [ind] }) })), SHEET_POLES);
    const row = findRow(s, 1, ID);
    // Columns D (Culture), E (Sport), F (Ville).
    expect([formatAt(s, row, 4), formatAt(s, row, 5), formatAt(s, row, 6)]).toEqual([FORMAT_DECIMAL, FORMAT_DECIMAL, FORMAT_DECIMAL]);
  });

  it('the pane shows the Pôle\'s 3 as « 3,0 », and its whole N−1 with the same decimal', () => {
    const figures = new Map([[ID, { statut: 'calculé' as const, valeur: 3, couverture: { renseignees: 2, total: 2 }, motif: null, n1: 2, n1Note: null }]]);
    const shown = shownIndicator(ind, 'Sport', figures, new Map());
    expect([shown.value, shown.lines]).toEqual(['3,0', [`N−1${NBSP}: 2,0 (évolution${NBSP}: +1,0)`]]);
  });

  it('all whole, the Pôle keeps its whole number', () => {
    const figures = new Map([[ID, { statut: 'calculé' as const, valeur: 3, couverture: { renseignees: 2, total: 2 }, motif: null, n1: 2, n1Note: null }]]);
    expect(shownIndicator({ ...ind, valeur: 4 } as IndicatorResult, 'Sport', figures, new Map()).value).toBe('3');
  });
});

describe('a mean alone keeps its decimal', () => {
  // README: « un nombre entier sans décimale et une moyenne avec une (`2,6` offres) ; l'évolution depuis N−1 de même ».
  it('value, target and change', () => {
    expect(formatValue(2.6, 'nombre')).toBe('2,6');
    expect(formatChange(0.5, 'nombre')).toBe('+0,5');
    // A target of 2,5 offers, as `SPASER Indicateurs`' Cible column writes it (« ≥ 2,5 »).
    expect(comparisonLines({ valeur: 3, n1: null, unite: 'nombre', cible: { valeur: 2.5, sens: '≥', atteinte: true } })).toEqual([`Cible${NBSP}: ≥${NBSP}2,5 — atteinte`]);
  });
});

describe('the national reference in the note of SPASER Indicateurs', () => {
  // README « Session 26 »: « la note de la feuille dit « 30,0 % » comme le volet ».
  it('is written 30,0 %, as the value column and the command line', () => {
    expect(nationalReferenceText(CONSIDERATION_IDS.sociale)).toContain(`: 30,0${NBSP}%`);
    const ind = indicator({ id: CONSIDERATION_IDS.sociale, axe: 4, unite: '%', valeur: 40, couverture: { renseignees: 1, total: 1 } });
    expect(formatIndicatorValue(ind)).toContain('référence nationale : 30,0 %');
    const s = sheet(buildPlan(planInput({ result: makeResult({ indicateurs: [ind] }) })), SHEET_INDICATEURS);
    const notes = s.blocks.flatMap((b) => b.values.flatMap((r) => r.filter((v): v is string => typeof v === 'string' && v.includes('référence nationale'))));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`30,0${NBSP}%`);
    expect(notes[0]).not.toMatch(/\b30\s%/);
  });
});

it('FORMAT_NUMBER and FORMAT_DECIMAL differ (the checks above could not pass on a shared code)', () => {
  expect(FORMAT_NUMBER).not.toBe(FORMAT_DECIMAL);
});
