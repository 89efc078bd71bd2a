/**
 * Mutation audit of session 11, the pane's JSON export (`result-export.ts`, `ResultExport.tsx`):
 * behaviours no earlier test pinned, each expectation worked by hand.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { ResultExport } from '../../src/taskpane/components/ResultExport';
import { importedDecisions, type ImportSheet } from '../../src/taskpane/consolidation';
import { platformDownloads, resultJsonFileName } from '../../src/taskpane/result-export';
import { buyerSheet, TODAY } from './fixtures';

afterEach(cleanup);

describe('file name of the exported JSON: every character Windows refuses is replaced', () => {
  it.each([
    ['a\\b.xlsx', 'a_b - SPASER 2025.json'],
    ['a*b.xlsx', 'a_b - SPASER 2025.json'],
    ['a"b.xlsx', 'a_b - SPASER 2025.json'],
    ['a<b>c.xlsx', 'a_b_c - SPASER 2025.json'],
    ['a|b.xlsx', 'a_b - SPASER 2025.json'],
  ])('%p → %p', (name, expected) => {
    expect(resultJsonFileName(name, 2025)).toBe(expected);
  });
});

it('Office on Android does not download a file offered by the pane either', () => {
  expect(platformDownloads('Android')).toBe(false);
});

it('a result without exercice says « exercice non déterminé » in the copy message', async () => {
  const result = { ...runChain([{ file: 'Suivi.xlsx', sheets: [buyerSheet()], state: null }], { today: TODAY }).result, exercice: null };
  render(<ResultExport result={result} workbookName="Suivi.xlsx" downloadsFiles copy={async () => true} />);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier le résultat (JSON)' })));
  expect(screen.getByText(/^Résultat copié dans le presse-papiers \(exercice non déterminé, 56 indicateurs, /)).toBeInTheDocument();
});

it('importedDecisions: a Pôle’s decision applying by numero goes to its imported register sheets, not to its companion sheets', () => {
  const plan: ImportSheet[] = [
    { name: 'Pôle A', kind: 'registre', source: { file: 'pole-a.xlsx', sheet: 'Marchés' }, rows: [] },
    { name: 'Cibles', kind: 'cibles', source: { file: 'pole-a.xlsx', sheet: 'Cibles' }, rows: [] },
  ];
  const unnamed = { numero: 'M-2', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'rejetée' } as const;
  expect(importedDecisions([{ name: 'pole-a.xlsx', decisions: [unnamed] }], plan, 'Bilan.xlsx')).toEqual([{ ...unnamed, source: 'Bilan.xlsx|Pôle A' }]);
});
