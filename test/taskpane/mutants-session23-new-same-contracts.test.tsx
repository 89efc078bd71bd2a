/**
 * Hand mutation audit of session 23: the sentence saying why a renamed file is proposed the Pôle of
 * an earlier import (README « Consolidation »: « Pôle proposé d'après ses marchés : 150 des 150
 * marchés de ce fichier sont dans l'import du Pôle … »), in correct French for one contract.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ImportRecord } from '../../src/domain/state';
import { ConsolidationStep } from '../../src/taskpane/components/ConsolidationStep';
import { recogniseFile } from '../../src/taskpane/consolidation';
import { d, grid } from '../helpers/grid';
import { TODAY } from './fixtures';

afterEach(cleanup);

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const rowsOf = (numeros: string[]) => numeros.map((n, i) => [n, 'Objet', 100 + i, d('2025-03-04')]);
const RECORDS: ImportRecord[] = [{ sheet: 'Sport', file: 'Pôle Sport.xlsx', pole: 'Sport', kind: 'registre', date: '2026-01-15', fingerprint: 'x' }];

async function sentence(numeros: string[]): Promise<string> {
  const workbook = [grid('Sport', [HEADER, ...rowsOf(['S-1', 'S-9'])])];
  const file = recogniseFile({ name: 'Suivi mars 2026.xlsx', sheets: [grid('2025', [HEADER, ...rowsOf(numeros)])] }, TODAY);
  render(
    <ConsolidationStep busy={false} existingSheets={['Sport']} workbook={workbook} records={RECORDS} onChooseFiles={async () => [file]} onImport={jest.fn()} />,
  );
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], file.name)] } });
  const card = await screen.findByRole('region', { name: 'Fichier Suivi mars 2026.xlsx' });
  return within(card).getByText(/^Pôle proposé d'après ses marchés/).textContent ?? '';
}

it('a file of one contract: « Le marché de ce fichier est »', async () => {
  expect(await sentence(['S-1'])).toMatch(/^Pôle proposé d'après ses marchés : Le marché de ce fichier est dans l'import du Pôle « Sport »/);
});

it('one of two contracts: « 1 des 2 marchés de ce fichier est », in the singular', async () => {
  expect(await sentence(['S-1', 'X-1'])).toMatch(/^Pôle proposé d'après ses marchés : 1 des 2\smarchés de ce fichier est dans l'import du Pôle « Sport »/);
});
