/**
 * Hand mutants of chain.ts (session 18): rules of the whole chain no test pinned.
 * Expectations worked out by hand from the spec and the README.
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import { d, err, grid } from '../helpers/grid';
import { noRegisterError } from '../helpers/no-register';

const TODAY = '2026-01-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant HT', 'Date de notification', 'Clause sociale'];
const input = (file: string, sheets: ChainInput['sheets']): ChainInput => ({ file, sheets, state: null });

describe('sortie.md suggestions: tags suggested from the wording, never declared ones', () => {
  it('a clause declared in its column is no suggestion', () => {
    const out = runChain([input('a.xlsx', [grid('Marchés', [HEAD, ['M-1', 'Fournitures de bureau', 100, d('2025-03-01'), 'oui']])])], { today: TODAY });
    expect(out.register.rows[0].tags.map((t) => t.origine)).toEqual(['déclaré']);
    expect(out.result.suggestions).toEqual([]);
  });

  it('a row without a numero lists no suggestion (a decision is kept by numero)', () => {
    const out = runChain([input('a.xlsx', [grid('Marchés', [HEAD, [null, "Chantier d'insertion", 100, d('2025-03-01'), null]])])], { today: TODAY });
    expect(out.result.controles.map((c) => c.code)).toContain('numero-manquant');
    expect(out.result.suggestions).toEqual([]);
  });
});

describe('sortie.md controles: every finding, the companion sheets included', () => {
  it('an unreadable cell of the Cibles sheet is a control', () => {
    const cibles = grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], ['4.2.3-reserves', 2025, err('#REF!'), '≥']]);
    const out = runChain([input('a.xlsx', [grid('Marchés', [HEAD, ['M-1', 'Papier', 100, d('2025-03-01'), 'oui']]), cibles])], { today: TODAY });
    expect(out.result.controles.map((c) => [c.code, c.feuille, c.ligne])).toEqual([['valeur-illisible', 'Cibles', 2]]);
  });
});

describe('no register (French message)', () => {
  const noRegister = (inputs: ChainInput[]) => noRegisterError(inputs, TODAY);

  it('companion sheets alone are no register', () => {
    const e = noRegister([input('cibles.xlsx', [grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], ['4.2.3-reserves', 2025, 5, '≥']])])]);
    expect(e.message).toMatch(/^Aucun registre reconnu dans « cibles\.xlsx »/);
  });

  it('cells holding an empty text are empty: the workbook is said to be empty', () => {
    const e = noRegister([input('vide.xlsx', [grid('Feuil1', [['', null], [null, '']])])]);
    expect(e.empty).toBe(true);
    expect(e.message).toMatch(/^Le classeur « vide\.xlsx » est vide/);
  });

  it('several workbooks are said to be empty only when every one is', () => {
    const e = noRegister([input('vide.xlsx', [grid('Feuil1', [[null]])]), input('notes.xlsx', [grid('Feuil1', [['Nom', 'Prénom'], ['a', 'b']])])]);
    expect(e.empty).toBe(false);
    expect(e.message).toMatch(/^Aucun registre reconnu dans ces classeurs : « vide\.xlsx », « notes\.xlsx »/);
  });
});
