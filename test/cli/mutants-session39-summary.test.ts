/**
 * Session 39 mutation audit of the end of the French summary (`format.ts`, session 34): where the
 * findings are listed row by row, and where the remarks printed while it ran are kept, is said only
 * of a workbook written.
 */
import { formatSummary } from '../../src/cli/format';
import type { SpaserResult } from '../../src/domain/model';
import { indicator } from '../helpers/indicator';

type Controle = SpaserResult['controles'][number];
const finding = (gravite: Controle['gravite'], code: Controle['code']): Controle => ({ gravite, code, message: 'm', feuille: 'Suivi', ligne: 2, colonne: null, source: 'a.xlsx' });
const result = (controles: Controle[]): SpaserResult => ({
  exercice: 2025,
  depense: 'montant',
  lignes: { lues: 3, exercice: 3, erreurs: 0, avertissements: 0 },
  indicateurs: [indicator({})],
  controles,
  suggestions: [],
});
const lines = (controles: Controle[], output: string | null, notices?: { shown: number; written: number }) =>
  formatSummary(result(controles), { inputs: ['a.xlsx'], output, notices }).split('\n');
const DETAIL = '  Détail ligne par ligne dans la feuille « SPASER Contrôles » du classeur écrit.';

describe('« Détail ligne par ligne »', () => {
  it('after warnings alone too', () => {
    expect(lines([finding('avertissement', 'siret-invalide')], '/tmp/sortie.xlsx')).toContain(DETAIL);
  });

  it('not without a finding', () => {
    expect(lines([], '/tmp/sortie.xlsx')).not.toContain(DETAIL);
  });

  it('not when no workbook is written', () => {
    expect(lines([finding('erreur', 'objet-manquant')], null)).not.toContain(DETAIL);
  });
});

describe('the remarks of the run', () => {
  it('no workbook written: not said to be kept in one, even when they would be', () => {
    expect(lines([], null, { shown: 2, written: 2 }).filter((l) => l.startsWith('Remarque'))).toEqual(['Remarques du calcul : 2, affichées pendant le calcul.']);
  });
});
