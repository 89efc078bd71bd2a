/**
 * Mutation audit, session 20 (`format.ts`): the French summary printed without `--json`
 * (README « En ligne de commande »), pinned where no test did.
 * - A count takes the French plural only from 2: « 1 erreur », « 0 avertissement », « 2 erreurs »;
 *   one input is « Classeur : », several « Classeurs : ».
 * - The summary says the spend used (README « Indicateurs » : « Dépense retenue : montant
 *   notifié », or dépenses mandatées, « comme la feuille et la ligne de commande le disent »).
 * - Indicators are grouped under their axe, one heading per axe (as `SPASER Indicateurs`, sortie.md).
 * - The suggestions left « à confirmer ou rejeter » are the undecided ones only.
 * - A register without a readable date has no exercice: the summary never prints « null ».
 * - Days take the plural from 2 whatever the sign (« -2,5 jours »).
 */
import { formatSummary, formatValue } from '../../src/cli/format';
import type { SpaserResult } from '../../src/domain/model';
import { indicator } from '../helpers/indicator';


type Controle = SpaserResult['controles'][number];
const finding = (gravite: Controle['gravite'], code: Controle['code'], ligne: number): Controle => ({
  gravite,
  code,
  message: 'm',
  feuille: 'Suivi',
  ligne,
  colonne: null,
  source: 'a.xlsx',
});

function result(over: Partial<SpaserResult>): SpaserResult {
  return {
    exercice: 2025,
    depense: 'montant',
    lignes: { lues: 3, exercice: 3, erreurs: 0, avertissements: 0 },
    indicateurs: [indicator({})],
    controles: [],
    suggestions: [],
    ...over,
  };
}

const lines = (r: SpaserResult, inputs = ['a.xlsx']): string[] => formatSummary(r, { inputs, output: '/tmp/sortie.xlsx' }).split('\n');

describe('counts in French: singular up to 1, plural from 2', () => {
  it('one error and no warning', () => {
    expect(lines(result({ controles: [finding('erreur', 'doublon', 3)] }))).toContain('Contrôles (constats sur toutes les lignes lues) : 1 erreur, 0 avertissement');
  });
  it('no error and two warnings', () => {
    const r = result({ controles: [finding('avertissement', 'siret-invalide', 2), finding('avertissement', 'siret-invalide', 3)] });
    expect(lines(r)).toContain('Contrôles (constats sur toutes les lignes lues) : 0 erreur, 2 avertissements');
  });
  it('one input is « Classeur », two are « Classeurs »', () => {
    expect(lines(result({}), ['Pôle A.xlsx'])).toContain('Classeur : Pôle A.xlsx');
    expect(lines(result({}), ['Pôle A.xlsx', 'Pôle B.xlsx'])).toContain('Classeurs : Pôle A.xlsx, Pôle B.xlsx');
  });
});

describe('the spend used is said', () => {
  it('notified amounts', () => {
    expect(lines(result({ depense: 'montant' }))).toContain("Dépense retenue : montant notifié (aucune dépense mandatée renseignée sur les lignes valides de l'exercice)");
  });
  it('paid amounts', () => {
    expect(lines(result({ depense: 'montantMandate' })).some((l) => l.startsWith('Dépense retenue : dépenses mandatées'))).toBe(true);
  });
});

it('indicators come under their axe, one heading per axe', () => {
  const r = result({
    indicateurs: [
      indicator({ id: 'a1', axe: 1, libelle: 'Premier' }),
      indicator({ id: 'a2', axe: 1, libelle: 'Deuxième' }),
      indicator({ id: 'b1', axe: 4, libelle: 'Troisième' }),
    ],
  });
  const text = lines(r);
  const headings = text.filter((l) => /^Axe \d/.test(l));
  expect(headings).toEqual(['Axe 1 — gouvernance du schéma', 'Axe 4 — transformation sociale']);
  const at = text.indexOf('Axe 1 — gouvernance du schéma');
  expect(text.slice(at + 1, at + 3)).toEqual(['  a1  Premier : 10,0 %', '  a2  Deuxième : 10,0 %']);
});

it('the suggestions left to confirm or reject are the undecided ones', () => {
  const s = (numero: string, decision: 'confirmée' | 'rejetée' | null) =>
    ({ numero, consideration: 'sociale', etiquette: 'Clause sociale', declencheur: 'insertion', decision }) as SpaserResult['suggestions'][number];
  const text = lines(result({ suggestions: [s('1', null), s('2', 'confirmée'), s('3', 'rejetée')] }));
  const line = text.find((l) => l.startsWith("Suggestions d'étiquettes"));
  // Three suggestions, one undecided.
  expect(line).toMatch(/^Suggestions d'étiquettes : 3, dont 1 à confirmer ou rejeter/);
});

it('a register without any readable date: the exercice is said unknown, never « null »', () => {
  const text = lines(result({ exercice: null, lignes: { lues: 0, exercice: 0, erreurs: 0, avertissements: 0 } }));
  expect(text[0]).toMatch(/^Registre SPASER — exercice \D+$/);
  expect(text.join('\n')).not.toMatch(/null|undefined/);
});

it('days take the plural from 2, below zero too', () => {
  expect(formatValue(-2.5, 'jours')).toBe('-2,5 jours');
  expect(formatValue(-30, 'jours')).toBe('-30,0 jours');
});
