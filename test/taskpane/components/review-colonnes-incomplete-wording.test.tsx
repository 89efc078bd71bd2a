/**
 * Review: the Colonnes step lists a register-like sheet missing up to two required columns;
 * when one sheet misses two, its sentence says columns, not « une colonne ».
 */
import '../dom-setup';
import { render, screen } from '@testing-library/react';
import { App } from '../../../src/taskpane/components/App';
import { incompleteRegisters } from '../../../src/domain/incomplete-registers';
import { missingRequiredFields } from '../../../src/domain/mapping';
import { grid, d } from '../../helpers/grid';
import { fakeHost, TODAY } from '../fixtures';

const register = () =>
  grid('Marchés 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['2025-001', 'Nettoyage des écoles', 10000, d('2025-01-15')],
  ]);
/** Neither the date nor the amount under a name the spec knows. */
const twoMissing = () =>
  grid('Commandes 2025', [
    ['N° marché', 'Objet', 'Signé le', 'Titulaire', 'Prix'],
    ['C-01', 'Petit matériel', d('2025-02-10'), 'Martin', 500],
  ]);

it('says « des colonnes obligatoires » for one sheet missing two of them', async () => {
  const [m] = incompleteRegisters([{ file: 'a.xlsx', sheets: [register(), twoMissing()], state: null }]);
  expect(missingRequiredFields(m)).toHaveLength(2);
  render(<App host={fakeHost([register(), twoMissing()])} today={TODAY} />);
  await screen.findByRole('region', { name: 'Feuille « Commandes 2025 »' });
  const intro = screen.getByText(/La feuille ci-dessous ressemble à un registre/);
  expect(intro.textContent).toContain('des colonnes obligatoires lui manquent');
  expect(intro.textContent).toContain('tant que vous ne les avez pas choisies');
});
