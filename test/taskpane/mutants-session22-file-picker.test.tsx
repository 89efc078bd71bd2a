/**
 * Mutation audit of session 22, the pane's file input (`FilePicker.tsx`): README « Utiliser le
 * produit », step 5 Consolidation: « choix de plusieurs `.xlsx` ».
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FilePicker } from '../../src/taskpane/components/FilePicker';

afterEach(cleanup);

const xlsx = (name: string) => new File(['x'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

function choose(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

it('the Consolidation picker takes several workbooks and names each one chosen', () => {
  const onFiles = jest.fn();
  render(<FilePicker label="Classeurs à consolider" buttonText="Choisir les classeurs…" multiple onFiles={onFiles} />);
  const input = screen.getByLabelText('Classeurs à consolider') as HTMLInputElement;
  // « choix de plusieurs .xlsx »: the browser's dialog must allow more than one file.
  expect(input.multiple).toBe(true);
  choose(input, [xlsx('pole-a.xlsx'), xlsx('pole-b.xlsx')]);
  expect(onFiles).toHaveBeenCalledWith([expect.objectContaining({ name: 'pole-a.xlsx' }), expect.objectContaining({ name: 'pole-b.xlsx' })]);
  // Every workbook chosen is named, not only the first.
  expect(screen.getByText(/pole-a\.xlsx/)).toHaveTextContent('pole-b.xlsx');
});

it('a dialog closed without a file keeps the earlier choice and does not start a read', () => {
  const onFiles = jest.fn();
  render(<FilePicker label="Choisir un classeur (.xlsx)" buttonText="Choisir un classeur…" onFiles={onFiles} />);
  const input = screen.getByLabelText('Choisir un classeur (.xlsx)');
  choose(input, [xlsx('Suivi 2025.xlsx')]);
  expect(onFiles).toHaveBeenCalledTimes(1);
  // Cancelled: the browser fires change with no file; nothing to read (App reads files[0]).
  choose(input, []);
  expect(onFiles).toHaveBeenCalledTimes(1);
  expect(screen.getByText('Suivi 2025.xlsx')).toBeInTheDocument();
});

it('the input is emptied once read: the same file chosen again (edited since) is read again', () => {
  // A browser fires no change for a file input given the file it already holds: a buyer reopening
  // the workbook they edited since, or a file removed from the Consolidation list, would get nothing.
  const onFiles = jest.fn();
  render(<FilePicker label="Choisir un classeur (.xlsx)" buttonText="Choisir un classeur…" onFiles={onFiles} />);
  const input = screen.getByLabelText('Choisir un classeur (.xlsx)') as HTMLInputElement;
  const set = jest.spyOn(input, 'value', 'set');
  choose(input, [xlsx('Suivi 2025.xlsx')]);
  expect(onFiles).toHaveBeenCalledTimes(1);
  expect(set).toHaveBeenCalledWith('');
  // What was chosen stays said beside the button.
  expect(screen.getByText('Suivi 2025.xlsx')).toBeInTheDocument();
});

it('a list kept by the caller is what is named (a file removed from it is no longer said)', () => {
  render(<FilePicker label="Classeurs à consolider" buttonText="Choisir les classeurs…" multiple names={['pole-b.xlsx']} onFiles={jest.fn()} />);
  const input = screen.getByLabelText('Classeurs à consolider');
  choose(input, [xlsx('pole-a.xlsx'), xlsx('pole-b.xlsx')]);
  expect(screen.getByText('pole-b.xlsx')).toBeInTheDocument();
  expect(screen.queryByText(/pole-a\.xlsx/)).toBeNull();
});
