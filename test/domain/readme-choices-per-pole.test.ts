/**
 * README « Choix faits » › Indicateurs › Valeurs par Pôle: every indicator computed on rows has
 * per-Pôle values; the ones with no Pôle (COPIL targets, charts, the Actions SPASER sheet, manual
 * values) and the breakdowns (`parPole` holds numbers) are null for each Pôle.
 */
import { runChain } from '../../src/domain/chain';
import { indicator, register, sheet } from './indicators/fixtures';

const FIELDS = ['clauseSociale', 'siret', 'titulaire', 'codePostalTitulaire', 'categorieEntreprise'] as const;
const a = sheet([...FIELDS], 'Registre A', 'Pôle A');
const b = sheet([...FIELDS], 'Registre B', 'Pôle B');
const reg = register(
  [
    a.row({ clauseSociale: true, siret: '73282932000074', titulaire: 'Alpha', codePostalTitulaire: '59100', categorieEntreprise: 'PME' }),
    a.row({ clauseSociale: false, siret: '73282932000074', titulaire: 'Alpha', codePostalTitulaire: '59100', categorieEntreprise: 'PME' }),
    b.row({ clauseSociale: true, titulaire: 'Beta', codePostalTitulaire: '75011', categorieEntreprise: 'GE' }),
  ],
  {
    actions: [{ date: '2025-03-01', typeAction: 'Formation', intitule: 'Achats responsables', participants: 12 }],
    cibles: [{ indicateur: '4.2.2-clause-sociale-nb', annee: 2025, cible: 1 }],
    saisies: [{ indicateur: '3.2.1-fournitures-evitees', annee: 2025, valeur: 12 }],
  },
);

describe('README: per-Pôle values', () => {
  it('an indicator computed on rows has a value for each Pôle', () => {
    const r = indicator(reg, '4.2.2-clause-sociale-nb');
    expect(r.valeur).toBe(2);
    expect(r.parPole).toEqual({ 'Pôle A': 1, 'Pôle B': 1 });
  });

  it.each(['1.1.1-cibles-atteintes', '1.1.2-dataviz', '1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements', '3.2.1-fournitures-evitees', '3.2.1-mobilier-reemploye'])(
    '%s is null for each Pôle',
    (id) => {
      expect(indicator(reg, id).parPole).toEqual({ 'Pôle A': null, 'Pôle B': null });
    },
  );

  it('the City values of those are still there', () => {
    expect(indicator(reg, '1.1.1-cibles-atteintes').valeur).toBe(100);
    expect(indicator(reg, '1.2.1-formations').valeur).toBe(1);
    expect(indicator(reg, '3.2.1-fournitures-evitees')).toMatchObject({ statut: 'saisi', valeur: 12 });
  });

  it.each(['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie'])('%s, a breakdown, is null for each Pôle', (id) => {
    const r = indicator(reg, id);
    expect(r.repartition).not.toBeNull();
    expect(r.parPole).toEqual({ 'Pôle A': null, 'Pôle B': null });
  });
});

describe('README: per-Pôle values in the chain output', () => {
  it('1.1.2-dataviz, counted on the charts of the run, is null for each Pôle there too', () => {
    const grid = {
      name: 'Marchés',
      firstRow: 1,
      firstCol: 1,
      tables: [],
      rows: [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
        ['M-1', 'Papier', 100, { date: '2025-02-01' }, 'Pôle A'],
        ['M-2', 'Stylos', 200, { date: '2025-03-01' }, 'Pôle B'],
      ],
    };
    for (const writesCharts of [false, true]) {
      const out = runChain([{ file: 'Ville.xlsx', sheets: [grid], state: null }], { today: '2026-01-15', writesCharts });
      const r = out.result.indicateurs.find((i) => i.id === '1.1.2-dataviz');
      expect(r?.statut).toBe('calculé');
      expect(r?.parPole).toEqual({ 'Pôle A': null, 'Pôle B': null });
    }
  });
});
