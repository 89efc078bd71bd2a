/**
 * Session-28 mutation audit of the remarks of `SPASER Indicateurs` (`plan.ts` `REMARK_WIDTH`): the width
 * is the README's number, not only the constant's. Expectations from the README, worked by hand.
 */
import { runChain } from '../../src/domain/chain';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';
import { cellAt, sheet } from '../helpers/plan-sheet';

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Papier', 100, d('2025-02-01')],
]);

/** The lines of the first remark under the heading (row 4), as written (« • » or indent included). */
function remarkLines(id: string): string[] {
  const saisies = grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur'], [id, 2025, 3]]);
  const out = runChain([{ file: 'Pôle A.xlsx', sheets: [REGISTER, saisies], state: null }], { today: '2026-01-15' });
  const s = sheet(out.plan, SHEET_INDICATEURS);
  const lines: string[] = [];
  for (let r = 5; ; r++) {
    const v = String(cellAt(s, r, 1) ?? '');
    if (v === '') break;
    lines.push(v);
  }
  return lines;
}

describe('a remark is cut into lines of at most 100 characters, each as full as the next word allows', () => {
  // README « Feuilles écrites »: each remark « ouverte par « • » et coupée aux espaces en lignes d'au plus
  // 100 caractères, la largeur des colonnes A:C ». Ids of growing length move the cuts across the width.
  it.each(Array.from({ length: 24 }, (_, k) => k + 1))('id of %p letters', (k) => {
    const lines = remarkLines(`${'z'.repeat(k)} inconnu`);
    expect(lines.length).toBeGreaterThan(1);
    // At most 100 with its « • » or indent (session-28 review: 101–103 before); its text (indent's 3 off) full.
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    const texts = lines.map((l) => l.replace(/^(• | {3})/, ''));
    for (let i = 0; i + 1 < texts.length; i++) expect(texts[i].length + 1 + texts[i + 1].split(' ')[0].length).toBeGreaterThan(97);
  });
});
