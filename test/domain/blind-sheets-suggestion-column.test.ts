/**
 * regles.md §3: « Messages are in French and name the row (sheet row number as the
 * user sees it) and the column (the user's own header) ». The warning
 * `suggestion-non-confirmee` names the column whose wording raised the suggestion:
 * `objet` when its text suggests the tag, else `commentaires` (found by the blind
 * acceptance test « sheets »: it named no column and linked to the numero cell).
 */
import type { CellValue } from '../../src/domain/cell';
import type { ChainInput } from '../../src/domain/chain';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const HEAD = ['Réf. marché', 'Intitulé', 'Montant HT', 'Date notif', 'Observations'];

function findingsOf(cells: CellValue[]) {
  const input: ChainInput = { file: 'pole.xlsx', sheets: [grid('Suivi', [['Titre'], HEAD, cells])], state: null };
  const row = buildRegister([input], { today: '2025-06-15' }).rows[0];
  return row.findings.filter((f) => f.code === 'suggestion-non-confirmee');
}

describe('suggestion-non-confirmee names the column of the triggering text', () => {
  test('trigger in the objet: the objet header', () => {
    const [f] = findingsOf(['M-1', 'Fourniture de papier recyclé', 1000, d('2025-03-01'), null]);
    expect(f.colonne).toBe('Intitulé');
    expect(f.col).toBe(2);
    expect(f.message).toBe("Ligne 3, colonne « Intitulé » : l'étiquette suggérée Clause environnementale (« recyclé ») attend votre confirmation ou votre refus.");
    expect(f.valeurLue).toBe('Clause environnementale (« recyclé »)');
  });

  test('trigger in the commentaires only: the commentaires header', () => {
    const [f] = findingsOf(['M-1', 'Fourniture de papier', 1000, d('2025-03-01'), 'papier recyclé demandé']);
    expect(f.colonne).toBe('Observations');
    expect(f.col).toBe(5);
  });

  test('two suggestions, one from each text, each names its own column', () => {
    const found = findingsOf(['M-1', 'Fourniture de papier recyclé', 1000, d('2025-03-01'), 'solution innovante attendue']);
    expect(found.map((f) => [f.colonne, f.valeurLue?.split(' (')[0]])).toEqual(
      expect.arrayContaining([
        ['Intitulé', 'Clause environnementale'],
        ['Observations', 'Marché innovant'],
      ]),
    );
    expect(found).toHaveLength(2);
  });
});
