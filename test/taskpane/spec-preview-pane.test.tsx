/**
 * README « Aperçu dans un navigateur (sans Excel) » — the pane on the real
 * PreviewHost: a chosen `.xlsx` is read, the result is offered for download
 * under `<nom> - SPASER.xlsx` with French messages; step 5 Consolidation in
 * the preview imports nothing when the computation fails.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import type { SourceFile } from '../../src/taskpane/host';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';

const TODAY = '2026-01-15';
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function register(sheet: string, numero: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow([numero, '=SOMME(A1)', 1200, utc('2025-02-03')]);
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The preview host, reading chosen files from their bytes (jsdom's File is only a name here). */
class TestPreviewHost extends PreviewHost {
  constructor(private readonly bytes: Readonly<Record<string, Uint8Array>>) {
    super({ createUrl: () => 'blob:resultat', revokeUrl: () => undefined });
  }
  override open(file: SourceFile) {
    return super.open({ name: file.name, data: this.bytes[file.name] });
  }
  override readFiles(files: readonly SourceFile[]) {
    return readXlsxFiles(files.map((f) => ({ name: f.name, data: this.bytes[f.name] })));
  }
}

afterEach(cleanup);

describe('browser preview: choose a workbook, write, download', () => {
  it('reads the chosen file, writes the SPASER sheets and offers « Suivi 2025 - SPASER.xlsx », in French', async () => {
    const host = new TestPreviewHost({ 'Suivi 2025.xlsx': await register('Suivi 2025', '2025-001') });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    expect(screen.getByText("Aperçu hors d'Excel.")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], 'Suivi 2025.xlsx')] } });
    await screen.findByText("Aperçu hors d'Excel : Suivi 2025.xlsx.");
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles SPASER' }));
    const link = await screen.findByRole('link', { name: 'Télécharger le classeur' });
    expect(link).toHaveAttribute('href', 'blob:resultat');
    expect(link).toHaveAttribute('download', 'Suivi 2025 - SPASER.xlsx');
    expect(screen.getByText('Feuilles SPASER écrites dans le classeur à télécharger.')).toBeInTheDocument();
    expect(screen.getByText(/^Classeur prêt\./)).toBeInTheDocument();
    // Copied part by part: nothing to warn about.
    expect(screen.queryByText(/n'a pas pu être recopié tel quel/)).toBeNull();
  });

  it('warns, in French, when the chosen file could not be copied part by part (no styles part)', async () => {
    const zip = await JSZip.loadAsync(await register('Suivi 2025', '2025-001'));
    zip.remove('xl/styles.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
    const host = new TestPreviewHost({ 'Suivi 2025.xlsx': await zip.generateAsync({ type: 'uint8array' }) });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], 'Suivi 2025.xlsx')] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles SPASER' }));
    await screen.findByRole('link', { name: 'Télécharger le classeur' });
    expect(
      screen.getByText(
        "Attention : ce classeur n'a pas pu être recopié tel quel : le fichier écrit reprend les cellules de vos feuilles, mais peut-être pas leurs graphiques, tableaux croisés dynamiques, images ni macros (le classeur d'origine n'est pas modifié).",
      ),
    ).toBeInTheDocument();
  });
});

describe('browser preview: consolidation', () => {
  async function setup(chain?: (inputs: readonly ChainInput[], options: ChainOptions) => ReturnType<typeof runChain>) {
    const host = new TestPreviewHost({ 'Pôle Sport.xlsx': await register('Marchés', 'S-1') });
    render(<App host={host} today={TODAY} initialStep="consolidation" chain={chain} />);
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], 'Pôle Sport.xlsx')] } });
    await screen.findByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    // Enabled once the pane's first read of the workbook ends (a click on it before is lost).
    await waitFor(() => expect(screen.getByRole('button', { name: /^Importer 1\sclasseur/ })).toBeEnabled());
    return host;
  }

  /** Clicked just before the test waits on the pane: no pause in between for the import's updates to land outside act. */
  function clickImport(): void {
    fireEvent.click(screen.getByRole('button', { name: /^Importer 1\sclasseur/ }));
  }

  it('imports into a new workbook, computes, and the result is offered as « Consolidation - SPASER.xlsx »', async () => {
    const host = await setup();
    clickImport();
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });
    const [input] = await host.read();
    // The import's records are saved with it, in the (very hidden) state sheet.
    expect(input.sheets.map((s) => s.name)).toEqual(['Pôle Sport', 'SPASER État']);
    expect(input.sheets[0].rows[1].slice(0, 2)).toEqual(['S-1', '=SOMME(A1)']);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles SPASER' }));
    const link = await screen.findByRole('link', { name: 'Télécharger le classeur' });
    expect(link).toHaveAttribute('download', 'Consolidation - SPASER.xlsx');
  });

  it('imports nothing when the computation fails, and says so in French', async () => {
    const failing = (inputs: readonly ChainInput[], options: ChainOptions) => {
      if (inputs.some((i) => i.sheets.some((s) => s.name === 'Pôle Sport'))) throw new Error('calcul impossible');
      return runChain(inputs, options);
    };
    const host = await setup(failing);
    clickImport();
    const alert = await screen.findByText(/L'import des fichiers a échoué/);
    expect(alert.textContent).toContain(
      "L'import des fichiers a échoué (calcul impossible). Aucune feuille n’a été ajoutée : corrigez le fichier signalé ou retirez-le de la sélection, puis réessayez.",
    );
    expect(host.workbookName()).toBeNull();
    expect(host.download()).toBeNull();
    expect(screen.queryByRole('link', { name: 'Télécharger le classeur' })).toBeNull();
  });
});
