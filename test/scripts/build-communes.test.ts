/**
 * README « Architecture »: the MEL communes table is generated (`npm run communes`), not copied by hand.
 * A hand edit of the generated file (the knip clean-up un-exported `MelCommune` there, not in the generator)
 * is undone by the next `npm run communes`: the committed file must be what the script writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMelTable, renderMelModule } from '../../scripts/build-communes';

describe('src/domain/communes-mel.ts', () => {
  it('is exactly what `npm run communes` writes from @etalab/decoupage-administratif', () => {
    const root = path.resolve(__dirname, '..', '..');
    const data = path.join(root, 'node_modules', '@etalab', 'decoupage-administratif', 'data');
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(data, file), 'utf8'));
    const generated = renderMelModule(buildMelTable(read('epci.json'), read('communes.json')));
    expect(generated).toBe(fs.readFileSync(path.join(root, 'src', 'domain', 'communes-mel.ts'), 'utf8'));
  });
});
