import { specText } from '../../helpers/spec-file';
import { CATALOGUE } from '../../../src/domain/indicators/catalogue';
import { axeOf, objectifOf } from '../../../src/domain/indicators/types';
import { IDS_IN_ORDER as IDS } from './ids';

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

  it('matches the ids, order and labels of the spec tables', () => {
    const rows = specText('indicateurs.md')
      .split('\n')
      .map((l) => /^\|\s*`([0-9.]+-[a-z0-9-]+)`\s*\|\s*([^|]+?)\s*\|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ id: m[1], libelle: m[2] }));
    expect(rows.map((r) => r.id)).toEqual(IDS);
    expect(CATALOGUE.map((d) => ({ id: d.id, libelle: d.libelle }))).toEqual(rows);
  });
});
