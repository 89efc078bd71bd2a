/**
 * The remark on a source sheet whose texts Excel mis-decoded (a UTF-8 CSV opened as Windows-1252):
 * the chain reads them as meant (`misdecoded.ts`), but the buyer's sheet still shows them garbled.
 */
import type { ChainInput } from './chain';
import { plural } from './change';
import { isMisdecoded, repairMisdecoded } from './misdecoded';
import type { Register } from './model';
import { markedSources } from './source-sheets';

/** The first mis-decoded text of a grid (header included) and how many cells hold one; undefined when none. */
function misdecodedCells(rows: readonly (readonly unknown[])[]): { example: string; count: number } | undefined {
  let example: string | undefined;
  let count = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== 'string' || !isMisdecoded(cell)) continue;
      example ??= cell.trim();
      count++;
    }
  }
  return example === undefined ? undefined : { example, count };
}

/**
 * One French sentence per source sheet holding mis-decoded text: read as meant, but the buyer's sheet
 * still shows it garbled, and the way to fix the sheet itself is to reopen the CSV in UTF-8.
 */
export function misdecodedSheetNotices(inputs: readonly ChainInput[], register: Register): string[] {
  return markedSources(inputs, register, (grid) => misdecodedCells(grid.rows)).map(({ mapping: m, value, where }) => {
    const cells = value.count === 1 ? 'une cellule porte' : `${plural(value.count, 'cellule', 'cellules')} portent`;
    return (
      `Feuille « ${m.sheet} »${where} : ${cells} un texte mal décodé, lu comme il devait s'écrire (par exemple « ${value.example} », lu « ${repairMisdecoded(value.example)} ») : ` +
      "c'est un fichier CSV enregistré en UTF-8 et ouvert dans Excel comme un texte Windows (1252). Pour corriger la feuille elle-même, rouvrez le fichier CSV par Données › À partir d'un fichier texte/CSV, " +
      `avec l'origine « 65001 : Unicode (UTF-8) », puis enregistrez-le au format .xlsx.`
    );
  });
}
