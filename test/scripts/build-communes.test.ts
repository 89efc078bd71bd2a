/**
 * README « Architecture »: the MEL communes table is generated (`npm run communes`), not copied by hand.
 * A hand edit of the generated file (the knip clean-up un-exported `MelCommune` there, not in the generator)
 * is undone by the next `npm run communes`: the committed file must be what the script writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMelTable, renderMelModule } from '../../scripts/build-communes';

const ROOT = path.resolve(__dirname, '../..');
const DATA = path.join(ROOT, 'node_modules', '@etalab', 'decoupage-administratif', 'data');

describe('scripts/build-communes (communes-mel.md: the table is built from the package)', () => {
  const table = buildMelTable(
    JSON.parse(fs.readFileSync(path.join(DATA, 'epci.json'), 'utf8')),
    JSON.parse(fs.readFileSync(path.join(DATA, 'communes.json'), 'utf8')),
  );

  it('src/domain/communes-mel.ts is exactly what the script writes (never edited by hand)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'domain', 'communes-mel.ts'), 'utf8')).toBe(renderMelModule(table));
  });

  it('keeps the associated communes of Lille (Lomme, Hellemmes-Lille) apart from the 95 communes', () => {
    expect(table.communes).toHaveLength(95);
    expect(table.associees).toEqual([
      { nom: 'Hellemmes-Lille', chefLieu: '59350' },
      { nom: 'Lomme', chefLieu: '59350' },
    ]);
  });
});
