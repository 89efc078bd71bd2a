/**
 * Session 36, mutation audit of the notice for choices saved for a sheet the workbook no longer has
 * (README « Choix de colonnes »): one notice per sheet, and a sheet's name is one whatever its case,
 * as in Excel (two choices saved under « Marchés 2025 » and « MARCHÉS 2025 » are of one sheet).
 */
import { runChain } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';

const register = grid('Marchés 2026', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Papier', 1000, d('2026-02-01')],
]);
const runOn = (mappings: MappingOverride[]) =>
  runChain([{ file: 'Pôle Sport.xlsx', sheets: [register], state: { version: 1 as const, mappings, decisions: [] } }], { today: '2026-03-15' });

describe('choices saved for a gone sheet under two cases of its name', () => {
  it('are told in one notice, named as first saved', () => {
    const notices = runOn([
      { sheet: 'Marchés 2025', columns: { 'Jours pour payer': 'delaiPaiement' } },
      { sheet: 'MARCHÉS 2025', columns: { Réf: 'numero' } },
    ])
      .notices.map((n) => n.replace(/\u00a0/g, ' '))
      .filter((n) => n.includes("n'a plus de feuille de ce nom"));
    expect(notices).toEqual([
      "Feuille « Marchés 2025 » du classeur « Pôle Sport.xlsx » : vos choix de colonnes (« Jours pour payer », choisi pour « Délai moyen de paiement (jours) » et « Réf », choisi pour « N° de marché ») " +
        "ne s'appliquent plus, car le classeur n'a plus de feuille de ce nom. Si elle a été renommée, refaites ces choix à l'étape Colonnes du volet, sur la feuille renommée ; les anciens ne sont plus gardés.",
    ]);
  });
});
