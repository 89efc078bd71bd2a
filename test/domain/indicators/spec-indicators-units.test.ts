/**
 * Spec audit (indicateurs.md labels, sortie.md `unite`): each indicator's unit
 * as its label in the spec states it — "(€)" euros, "(jours)" days, a share
 * ("Pourcentage…", "Part…", "% …", "(% de …)") percent, otherwise a count.
 */
import { CATALOGUE } from '../../../src/domain/indicators/catalogue';
import { specText } from '../../helpers/spec-file';

const LABELS: readonly [string, string][] = specText('indicateurs.md')
  .split('\n')
  .map((l) => /^\|\s*`([0-9.]+-[a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => [m[1], m[2]]);

function unitOfLabel(label: string): string {
  if (label.endsWith('(€)')) return '€';
  if (label.endsWith('(jours)')) return 'jours';
  if (/^(Pourcentage|Part|%)/.test(label) || label.includes('(% de')) return '%';
  return 'nombre';
}

describe('unit of each indicator, from its label in indicateurs.md', () => {
  it('reads the 56 indicators of the spec', () => {
    expect(LABELS).toHaveLength(56);
  });

  it.each(LABELS)('%s « %s »', (id, label) => {
    expect(CATALOGUE.find((d) => d.id === id)?.unite).toBe(unitOfLabel(label));
  });
});
