import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE } from '../../../src/domain/indicators/catalogue';
import { axeOf, objectifOf } from '../../../src/domain/indicators/types';

/** The catalogue of indicateurs.md, in order (kept here so the test never passes silently). */
const IDS = [
  '1.1.1-cibles-atteintes',
  '1.1.2-marches-ar',
  '1.1.2-avenants-ar',
  '1.1.2-montant-ar',
  '1.1.2-dataviz',
  '1.2.1-formations',
  '1.2.1-personnes-formees',
  '1.2.1-ateliers-evenements',
  '2.1.1-programmes-nb',
  '2.1.1-programmes-montant',
  '2.1.1-prolongations-recurrents',
  '2.1.2-hors-marche-nb',
  '2.1.2-hors-marche-montant',
  '2.1.2-sans-nomenclature-nb',
  '2.1.2-sans-nomenclature-montant',
  '2.1.3-sourcage',
  '2.1.4-cout-global',
  '2.1.5-relation-fournisseur',
  '2.1.5-reunions',
  '2.1.5-delai-paiement',
  '2.2.2-hors-bpu',
  '2.2.3-soumissionnaires',
  '2.2.3-fiches-suivi',
  '2.2.4-dossiers-negocies',
  '2.2.4-gain-negociation',
  '2.2.5-offre-technique-amelioree',
  '3.1.1-consideration-env',
  '3.1.1-criteres-env',
  '3.1.1-clauses-env',
  '3.1.1-reemploi',
  '3.1.1-reutilisation',
  '3.1.1-recycle',
  '3.2.1-fournitures-evitees',
  '3.2.1-mobilier-reemploye',
  '3.2.1-location',
  '3.2.1-achat-usage',
  '3.2.1-centrales',
  '4.1.2-consideration-sociale',
  '4.2.1-insertion-nb',
  '4.2.1-insertion-montant',
  '4.2.2-clause-sociale-nb',
  '4.2.2-clause-sociale-part',
  '4.2.2-heures',
  '4.2.2-personnes',
  '4.2.2-contrats',
  '4.2.2-typologie',
  '4.2.2-femmes',
  '4.2.2-roubaisiens',
  '4.2.2-residents-qpv',
  '4.2.3-reserves',
  '4.2.3-montant-esat-siae-ess',
  '5.1.1-fournisseurs-zone',
  '5.1.1-montant-moyen-roubaix',
  '5.1.4-fournisseurs-typologie',
  '5.2.1-innovants-nb',
  '5.2.1-innovants-montant',
];

describe('catalogue', () => {
  it('lists every indicator of indicateurs.md exactly once, in order', () => {
    expect(CATALOGUE.map((d) => d.id)).toEqual(IDS);
  });

  it('derives axe and objectif from the id', () => {
    expect(axeOf('4.2.2-femmes')).toBe(4);
    expect(objectifOf('4.2.2-femmes')).toBe('4.2.2');
  });

  it('gives each indicator a French label and a unit of sortie.md', () => {
    for (const d of CATALOGUE) {
      expect(d.libelle.length).toBeGreaterThan(5);
      expect(['%', '€', 'nombre', 'jours']).toContain(d.unite);
    }
  });

  const specFile = path.resolve(__dirname, '../../../..', 'shared/spec/indicateurs.md');
  const hasSpec = fs.existsSync(specFile);
  if (!hasSpec) console.warn(`indicateurs.md introuvable (${specFile}) : comparaison avec la spécification non faite (liste littérale vérifiée).`);

  (hasSpec ? it : it.skip)('matches the ids, order and labels of the spec tables', () => {
    const rows = fs
      .readFileSync(specFile, 'utf8')
      .split('\n')
      .map((l) => /^\|\s*`([0-9.]+-[a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ id: m[1], libelle: m[2] }));
    expect(rows.map((r) => r.id)).toEqual(IDS);
    expect(CATALOGUE.map((d) => ({ id: d.id, libelle: d.libelle }))).toEqual(rows);
  });
});
