/**
 * Session 36: a Suivi insertion row whose numero is in the register in no year gets a notice that
 * repeated that numero as typed whenever it had a digit. A beneficiary's name typed in the numero
 * column, with a digit (« Dupont Marie 2 », « Sarah B. 59100 »), was repeated in the pane, the command
 * line and `SPASER Indicateurs`. A numero is now repeated only when it looks like a contract numero
 * (`unlikeNumero`: a digit, and words that are acronyms: capitals, four letters at most, `lot` and
 * `bis` apart). Expectations written by hand.
 */
import { runChain } from '../../src/domain/chain';
import { unlikeNumero } from '../../src/domain/companion-notices';
import { d, grid } from '../helpers/grid';

const fr = (s: string): string => s.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ ([:;?!])/g, '\u00a0$1');

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['2025-001', 'Voirie', 100, d('2025-02-01')],
]);
const suivi = (...numeros: string[]) => grid('Insertion', [['N° de marché', 'Bénéficiaire', 'Heures réalisées'], ...numeros.map((n, i) => [n, `B${i}`, 1])]);
const run = (...numeros: string[]) => runChain([{ file: 'Pôle A.xlsx', sheets: [REGISTER, suivi(...numeros)], state: null }], { today: '2026-01-15', exercice: 2025 });
const where = 'Feuille « Insertion » du classeur « Pôle A.xlsx »';
const loss = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";
const hidden = (reason: string) =>
  fr(`${where}, ligne 2 : le numéro de marché saisi ${reason} et ne figure pas dans le registre ; la ligne ne compte ${loss} Il n'est pas recopié ici, au cas où ce serait le nom d'une personne : indiquez le numéro du marché.`);

describe('unlikeNumero', () => {
  it.each(['2025-M-014', 'MAPA 25/003', '24AO12', '2025/0042', 'RES-25-004', 'AC 2024 015 L2', 'XYZ-99', 'M7', '2025-012 lot 2', '2025-012 Lot 2', '2025-012 bis', '2025-021-BC01'])(
    '%s looks like a contract numero',
    (numero) => {
      expect(unlikeNumero(numero)).toBeNull();
    },
  );

  it.each([
    ['Dupont Marie 2', "a un mot qui n'est pas en capitales"],
    ['M. Durand (2e contrat)', "a un mot qui n'est pas en capitales"],
    ['Sarah B. 59100', "a un mot qui n'est pas en capitales"],
    ['Léa 0612345678', "a un mot qui n'est pas en capitales"],
    ['Mapa 25/003', "a un mot qui n'est pas en capitales"],
    ['DUPONT 12/03/1990', 'a un mot de plus de quatre lettres'],
    ['MARIE 59100', 'a un mot de plus de quatre lettres'],
    ['Jean Dupont', "n'a aucun chiffre"],
  ])('%s does not: it %s', (numero, reason) => {
    expect(unlikeNumero(numero)).toBe(reason);
  });
});

describe('the notice of a Suivi numero the register has in no year', () => {
  it.each(['2025-M-014', 'MAPA 25/003', '24AO12', '2025/0042', 'RES-25-004', 'AC 2024 015 L2'])('repeats %s, a contract numero', (numero) => {
    expect(run(numero).notices).toEqual([fr(`${where}, ligne 2 : le marché « ${numero} » ne figure pas dans le registre ; la ligne ne compte ${loss}`)]);
  });

  it.each([
    ['Dupont Marie 2', "a un mot qui n'est pas en capitales"],
    ['M. Durand (2e contrat)', "a un mot qui n'est pas en capitales"],
    ['Sarah B. 59100', "a un mot qui n'est pas en capitales"],
    ['DUPONT 12/03/1990', 'a un mot de plus de quatre lettres'],
  ])('does not repeat %s, a name maybe, and names its sheet and row', (numero, reason) => {
    const out = run(numero);
    expect(out.notices).toEqual([hidden(reason)]);
    expect(JSON.stringify([out.notices, out.result])).not.toMatch(/Dupont|Durand|Sarah|DUPONT/);
  });

  it('past the numeros told, counts those not repeated and lists the others', () => {
    const out = run('X1', 'X2', 'X3', 'X4', 'MAPA 25/003', 'Sarah B. 59100', 'M. Durand (2e contrat)');
    expect(out.notices).toHaveLength(5);
    expect(out.notices[4]).toBe(
      fr(
        `${where} : 3 autres marchés (« MAPA 25/003 », plus 2 saisies qui n'ont pas la forme d'un numéro de marché, non recopiées) ne figurent pas dans le registre ; leurs 3 lignes ne comptent ${loss}`,
      ),
    );
    expect(out.notices.join(' ')).not.toMatch(/Sarah|Durand/);
  });
});
