import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

expect.extend(toHaveNoViolations);

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

describe('Indicateurs step', () => {
  it('lists the indicators by axe with statut, value and motif', async () => {
    const { container } = render(<App host={fakeHost([buyerSheet()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('heading', { name: 'Axe 1 — gouvernance du schéma' });
    for (const axe of [2, 3, 4, 5]) expect(screen.getByRole('heading', { name: new RegExp(`^Axe ${axe} — `) })).toBeInTheDocument();
    // 2025 valid rows: 2025-001 (12 000 €, clause sociale), 2025-002, 2025-005 → one AR contract of 12 000 €.
    expect(indicator('1.1.2-montant-ar')).toHaveTextContent(/12\s000,00\s€/);
    expect(within(indicator('1.1.2-montant-ar')).getByText('Calculé')).toBeInTheDocument();
    const cibles = indicator('1.1.1-cibles-atteintes');
    expect(within(cibles).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument();
    expect(within(cibles).getByText('Motif : feuille Cibles absente')).toBeInTheDocument();
    expect(screen.getByText(/3 lignes retenues pour 2025 sur 7 lignes lues/)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('recomputes for the exercice the user picks', async () => {
    const calls: ChainOptions[] = [];
    const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
    render(<App host={fakeHost([buyerSheet()])} chain={chain} today={TODAY} initialStep="indicateurs" />);
    const exercice = (await screen.findByRole('combobox', { name: 'Exercice' })) as HTMLSelectElement;
    expect(exercice.value).toBe('2025');
    fireEvent.change(exercice, { target: { value: '2024' } });
    // 2024: 2024-001 (50 000 €, clause sociale) and 2024-002.
    await screen.findByText(/2 lignes retenues pour 2024/);
    expect(calls[calls.length - 1].exercice).toBe(2024);
    expect(indicator('1.1.2-montant-ar')).toHaveTextContent(/50\s000,00\s€/);
  });

  it('writes only after a successful computation, with the output computed', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    const button = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    expect(host.writes).toHaveLength(0);
    fireEvent.click(button);
    await screen.findByText(/Feuilles SPASER écrites dans le classeur/);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].result.exercice).toBe(2025);
    expect(host.writes[0].plan.sheets.map((s) => s.name)).toContain('SPASER Indicateurs');
  });

  it('offers nothing to write when the computation failed, and says what to do in French', async () => {
    const host = fakeHost([buyerSheet()]);
    const failing = () => {
      throw new Error('panne');
    };
    const { container } = render(<App host={host} chain={failing} today={TODAY} initialStep="indicateurs" />);
    expect(await screen.findByText('Le calcul a échoué (panne). Vérifiez les colonnes reconnues à l\'étape Colonnes, puis relancez le calcul.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Écrire les feuilles/ })).toBeNull();
    expect(host.writes).toHaveLength(0);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('shows a French error when writing fails', async () => {
    const host = fakeHost([buyerSheet()], { writeError: new Error('InvalidOperation') });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    const bar = await screen.findByText(/L'écriture des feuilles SPASER a échoué \(InvalidOperation\)/);
    expect(bar).toHaveTextContent('cliquez à nouveau');
  });

  it('offers the download link in the preview once written', async () => {
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], 'Suivi.xlsx')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles SPASER' }));
    const link = await screen.findByRole('link', { name: 'Télécharger le classeur' });
    expect(link).toHaveAttribute('href', 'blob:resultat');
    expect(link).toHaveAttribute('download', 'Suivi - SPASER.xlsx');
  });

  it('shows the values of the Pôle the user picks', async () => {
    render(<App host={fakeHost([buyerSheet()])} today={TODAY} initialStep="indicateurs" />);
    const pole = (await screen.findByRole('combobox', { name: 'Pôle' })) as HTMLSelectElement;
    // No Pôle column: the rows' Pôle is the file name without extension.
    expect(Array.from(pole.options).map((o) => o.textContent)).toEqual(['Toute la Ville', 'Suivi']);
    fireEvent.change(pole, { target: { value: 'Suivi' } });
    // One Pôle holds every row: its share equals the City's.
    await screen.findByDisplayValue('Suivi');
    expect(indicator('1.1.2-montant-ar')).toHaveTextContent(/12\s000,00\s€/);
    expect(indicator('1.1.1-cibles-atteintes')).toHaveTextContent('Non calculable');
  });
});
