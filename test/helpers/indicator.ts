import type { IndicatorResult } from '../../src/domain/model';

/** An indicator result with plain defaults, these fields changed. */
export function indicator(over: Partial<IndicatorResult>): IndicatorResult {
  return {
    id: 'x',
    axe: 1,
    objectif: '1.1.1',
    libelle: 'L',
    unite: '%',
    statut: 'calculé',
    valeur: 10,
    couverture: { renseignees: 1, total: 1 },
    repartition: null,
    n1: null,
    cible: null,
    parPole: null,
    motif: null,
    ...over,
  };
}
