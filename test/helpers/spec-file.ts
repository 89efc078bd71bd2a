import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../..');
/** The shared spec beside the project (`../shared/spec`), when this checkout has it. */
const SHARED = path.resolve(REPO, '..', 'shared', 'spec');

/**
 * A spec file as the tests read it: the copy kept in `test/fixtures/spec` (so the
 * check runs on any clone), which must equal the shared spec wherever that is present.
 */
export function specText(name: string): string {
  const copy = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'spec', name), 'utf8');
  const shared = path.join(SHARED, name);
  if (fs.existsSync(shared) && fs.readFileSync(shared, 'utf8') !== copy) {
    throw new Error(`test/fixtures/spec/${name} diffère de ${shared} : recopier la spécification.`);
  }
  return copy;
}
