/**
 * A closed-list column (enum, oui/non) unreadable on most of its filled cells is told once (README
 * « Colonnes »): its rows stay errors (`regles.md` §3), the user learns which column and what to do.
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, err, grid } from '../helpers/grid';

const TODAY = '2026-01-15';
const HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Nature', 'Clause sociale'];

function run(natures: CellValue[], clauses: CellValue[] = natures.map(() => 'oui')): readonly string[] {
  const rows: CellValue[][] = natures.map((n, i) => [`M${i + 1}`, 'Objet', 1000, d('2025-03-01'), n, clauses[i]]);
  const input: ChainInput = { file: 'Pôle.xlsx', sheets: [grid('Marchés', [HEADER, ...rows])], state: null };
  return runChain([input], { today: TODAY }).notices;
}

describe('unreadable closed-list columns', () => {
  it('tells a nature column of DECP natures, in these words', () => {
    expect(run(['Marché', 'Accord-cadre', 'Marché', 'Marché subséquent', 'Travaux'])).toEqual([
      'Feuille « Marchés » du classeur « Pôle.xlsx » : 4 des 5 valeurs remplies de la colonne « Nature », reconnue comme « Nature », sont illisibles ' +
        '(par exemple « Marché », « Accord-cadre », « Marché subséquent ») ; valeurs attendues : Travaux, Fournitures, Services. ' +
        'Ces lignes sont en erreur et ne comptent dans aucun indicateur. ' +
        "Si cette colonne ne donne pas ce champ (la nature d'un export DECP, par exemple, dit « Marché » ou « Accord-cadre »), " +
        "choisissez « — aucune colonne — » pour « Nature » à l'étape Colonnes du volet, ou ajoutez --sans-champ nature à la ligne de commande (le choix est gardé dans le classeur) ; " +
        'sinon, corrigez ses valeurs.',
    ]);
  });

  it('tells a oui/non column too, with its expected values and no DECP hint', () => {
    const notices = run(['Travaux', 'Services', 'Travaux'], ['Clause sociale', 'Critère social', 'Pas de considération sociale']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('3 des 3 valeurs remplies de la colonne « Clause sociale »');
    expect(notices[0]).toContain('valeurs attendues : oui, non.');
    expect(notices[0]).not.toContain('DECP');
  });

  it('says nothing when at most half the filled cells are unreadable', () => {
    expect(run(['Marché', 'Accord-cadre', 'Marché', 'Travaux', 'Services', 'Fournitures'])).toEqual([]);
  });

  it('says nothing of one or two slips, even on a short column', () => {
    expect(run(['Marché', 'Accord-cadre'])).toEqual([]);
    expect(run(['Marché', 'Accord-cadre', null, null])).toEqual([]);
  });

  it('counts neither empty cells nor formula errors', () => {
    // 3 unreadable texts of 5 filled (2 readable): told; the empty and #N/A cells change nothing
    expect(run(['Marché', 'Marché', 'Accord-cadre', 'Travaux', 'Services', null, err('#N/A'), '#REF!'])[0]).toContain('3 des 5 valeurs remplies');
    // formula errors alone are formulas to mend, not another vocabulary
    expect(run([err('#N/A'), err('#N/A'), err('#N/A'), '#N/A'])).toEqual([]);
  });

  it('does not change the rule: the rows stay errors and leave every indicator', () => {
    const rows: CellValue[][] = ['Marché', 'Accord-cadre', 'Marché'].map((n, i) => [`M${i + 1}`, 'Objet', 1000, d('2025-03-01'), n, 'oui']);
    const out = runChain([{ file: 'Pôle.xlsx', sheets: [grid('Marchés', [HEADER, ...rows])], state: null }], { today: TODAY });
    expect(out.result.lignes.erreurs).toBe(3);
    expect(out.result.controles.map((c) => c.code)).toEqual(['valeur-illisible', 'valeur-illisible', 'valeur-illisible']);
    expect(out.result.indicateurs.find((i) => i.id === '4.2.2-clause-sociale-nb')!.statut).toBe('non calculable');
  });
});
