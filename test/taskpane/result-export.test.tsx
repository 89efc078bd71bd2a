/**
 * `sortie.md` « The command line prints (with `--json`) and the add-in can export this
 * object »: the Indicateurs step copies the result's JSON or offers it as a file, the same
 * text as `calculer --json`, for the exercice chosen.
 */
import './dom-setup';
import { blobText, stubClipboard, stubCopyCommand } from './clipboard-stubs';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain, resultJson } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { ResultExport } from '../../src/taskpane/components/ResultExport';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { copyText, offerDownload, platformDownloads, resultJsonFileName } from '../../src/taskpane/result-export';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
  jest.useRealTimers();
  delete (navigator as { clipboard?: unknown }).clipboard;
});

describe('file name of the exported JSON', () => {
  it.each([
    ['Suivi 2025.xlsx', 2025, 'Suivi 2025 - SPASER 2025.json'],
    ['Suivi 2025.XLSM', 2024, 'Suivi 2025 - SPASER 2024.json'],
    ['Suivi', null, 'Suivi - SPASER.json'],
    [null, 2025, 'Registre - SPASER 2025.json'],
    ['  .xlsx', 2025, 'Registre - SPASER 2025.json'],
    ['Pôle A: achats/2025?.xlsx', 2025, 'Pôle A_ achats_2025_ - SPASER 2025.json'],
  ])('%p, exercice %p → %p', (name, exercice, expected) => {
    expect(resultJsonFileName(name, exercice)).toBe(expected);
  });
});

describe('where a file offered by the pane downloads', () => {
  it('downloads in Excel for Windows, on the web and in a browser, not in the Mac and iPad web views', () => {
    expect(platformDownloads('PC')).toBe(true);
    expect(platformDownloads('OfficeOnline')).toBe(true);
    expect(platformDownloads(null)).toBe(true);
    expect(platformDownloads('Mac')).toBe(false);
    expect(platformDownloads('iOS')).toBe(false);
  });

  it('the Excel host takes it from Office’s platform', () => {
    const run = (() => Promise.reject(new Error('not used'))) as unknown as typeof Excel.run;
    expect(new ExcelHost(run, 'Mac').downloadsFiles).toBe(false);
    expect(new ExcelHost(run, 'PC').downloadsFiles).toBe(true);
    expect(new ExcelHost(run, 'OfficeOnline').downloadsFiles).toBe(true);
  });
});

describe('copyText', () => {
  it('uses the Clipboard API when the frame allows it', async () => {
    const written: string[] = [];
    stubClipboard(async (t) => void written.push(t));
    const command = stubCopyCommand(true);
    expect(await copyText('{"a":1}')).toBe(true);
    expect(written).toEqual(['{"a":1}']);
    expect(command.copied).toEqual([]);
  });

  it('falls back to the copy command when the Clipboard API is refused, and leaves no text area behind', async () => {
    stubClipboard(() => Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError')));
    const command = stubCopyCommand(true);
    expect(await copyText('{"b":2}')).toBe(true);
    expect(command.copied).toEqual(['{"b":2}']);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('says false when nothing could copy', async () => {
    stubCopyCommand(false);
    expect(await copyText('x')).toBe(false);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });
});

describe('offerDownload', () => {
  it('clicks a link to a JSON blob under the file name, then lets the URL go a minute later', async () => {
    jest.useFakeTimers();
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const clicked: { href: string; download: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    offerDownload('{"c":3}', 'Suivi - SPASER 2025.json', document, {
      createObjectURL: (b) => (blobs.push(b), 'blob:json-1'),
      revokeObjectURL: (u) => void revoked.push(u),
    });
    expect(clicked).toEqual([{ href: 'blob:json-1', download: 'Suivi - SPASER 2025.json' }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expect(blobs[0].type).toBe('application/json;charset=utf-8');
    expect(await blobText(blobs[0])).toBe('{"c":3}');
    jest.advanceTimersByTime(59_000);
    expect(revoked).toEqual([]);
    jest.advanceTimersByTime(1_000);
    expect(revoked).toEqual(['blob:json-1']);
  });
});

describe('Indicateurs step: export of the result as JSON', () => {
  // As the pane runs it in Excel: the charts that its write draws count in `1.1.2-dataviz`.
  const expected = (exercice?: number) =>
    runChain([{ file: 'Suivi.xlsx', sheets: [buyerSheet()], state: null }], { today: TODAY, exercice, writesCharts: true }).result;

  it('copies the same text as the command line’s --json, for the exercice chosen, and says what it holds', async () => {
    const written: string[] = [];
    stubClipboard(async (t) => void written.push(t));
    render(<App host={fakeHost([buyerSheet()])} today={TODAY} initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copier le résultat (JSON)' }));
    await screen.findByText(/^Résultat copié dans le presse-papiers \(exercice 2025, 56 indicateurs, \d+ contrôles\)/);
    expect(written).toHaveLength(1);
    expect(written[0]).toBe(resultJson(expected()));
    // Hand-checked against the fixture: 7 rows read, 3 valid of 2025, 2 in error (no objet, unreadable amount).
    const json = JSON.parse(written[0]);
    expect(json.exercice).toBe(2025);
    expect(json.lignes).toEqual({ lues: 7, exercice: 3, erreurs: 2, avertissements: 1 });
    expect(json.indicateurs.find((i: { id: string }) => i.id === '1.1.2-montant-ar').valeur).toBe(12000);
    expect(json.controles).toEqual(
      expect.arrayContaining([expect.objectContaining({ gravite: 'erreur', code: 'objet-manquant', feuille: 'Suivi 2025', ligne: 5 })]),
    );

    // Another exercice: the message of the earlier copy goes, the next copy holds 2024.
    fireEvent.change(screen.getByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await screen.findByText(/2 lignes retenues pour 2024/);
    expect(screen.queryByText(/^Résultat copié/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copier le résultat (JSON)' }));
    await screen.findByText(/^Résultat copié dans le presse-papiers \(exercice 2024,/);
    const json2024 = JSON.parse(written[1]);
    expect(json2024.exercice).toBe(2024);
    expect(json2024.indicateurs.find((i: { id: string }) => i.id === '1.1.2-montant-ar').valeur).toBe(50000);
    expect(written[1]).toBe(resultJson(expected(2024)));
  });

  it('offers the JSON as « <classeur> - SPASER <exercice>.json »', async () => {
    const offered: { text: string; name: string }[] = [];
    render(<ResultExport result={expected()} workbookName="Suivi.xlsx" downloadsFiles download={(text, name) => void offered.push({ text, name })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le résultat (JSON)' }));
    expect(offered).toEqual([{ text: resultJson(expected()), name: 'Suivi - SPASER 2025.json' }]);
    expect(screen.getByText(/^Fichier « Suivi - SPASER 2025\.json » proposé au téléchargement \(exercice 2025, 56 indicateurs,/)).toBeInTheDocument();
  });

  it('in the pane, the download goes through a blob link under the workbook’s name', async () => {
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    render(<App host={fakeHost([buyerSheet()], { name: 'Achats 2025.xlsx' })} today={TODAY} initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger le résultat (JSON)' }));
    expect(clicked).toEqual(['Achats 2025 - SPASER 2025.json']);
    expect(JSON.parse(await blobText(created[0])).exercice).toBe(2025);
  });

  it('says in French when the download cannot be offered', () => {
    render(
      <ResultExport
        result={expected()}
        workbookName="Suivi.xlsx"
        downloadsFiles
        download={() => {
          throw new Error('SecurityError');
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le résultat (JSON)' }));
    expect(screen.getByText("Le téléchargement n'a pas pu être proposé (SecurityError). Utilisez « Copier le résultat (JSON) ».")).toBeInTheDocument();
  });

  it('where files do not download (Excel for Mac), offers only the copy, and the text itself when the copy fails', async () => {
    render(<ResultExport result={expected()} workbookName="Suivi.xlsx" downloadsFiles={false} copy={async () => false} />);
    expect(screen.queryByRole('button', { name: /Télécharger/ })).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier le résultat (JSON)' })));
    expect(screen.getByText(/^Le presse-papiers n'est pas accessible ici : sélectionnez le texte ci-dessous/)).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: 'Résultat JSON à copier' }) as HTMLTextAreaElement).value).toBe(resultJson(expected()));
  });

  it('where files download, a failed copy points to the download and shows no text area', async () => {
    render(<ResultExport result={expected()} workbookName="Suivi.xlsx" downloadsFiles copy={async () => false} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier le résultat (JSON)' })));
    expect(screen.getByText("Le presse-papiers n'est pas accessible ici : utilisez « Télécharger le résultat (JSON) ».")).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
