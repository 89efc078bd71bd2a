/**
 * README « Dans Excel »: the pane's column choices and tag decisions are
 * saved in the workbook (very hidden `SPASER État`) and read back when the
 * pane opens again; every string the pane shows is French. The pane runs on
 * its real Excel host over the Excel double.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SHEET_ETAT, SHEET_REGISTRE } from '../../src/domain/plan-types';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { publishRibbonResult, resetRibbonBridge, failedSummary } from '../../src/taskpane/ribbon-bridge';
import { STEPS } from '../../src/taskpane/labels';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { HIGHLIGHT_FORMULA } from '../../src/workbook/office/highlight';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';

/** Row 3: an unreadable amount (error); row 4: a SIRET of 13 digits (warning); objet of row 2 suggests « Clause environnementale ». */
function workbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Remarque', 'SIRET'],
          ['2025-001', 'Ramettes de papier recyclé', 1200, { v: 45691, nf: 'dd/mm/yyyy' }, 'Imprimerie Nord', null],
          ['2025-002', 'Nettoyage des écoles', 'beaucoup', { v: 45726, nf: 'dd/mm/yyyy' }, 'Net Plus', null],
          ['2025-003', 'Maintenance informatique', 8000, { v: 45748, nf: 'dd/mm/yyyy' }, 'Info Service', '1234567890123'],
        ],
      },
    ],
  });
}

const hostOn = (excel: ExcelDouble) => new ExcelHost(excel.run as unknown as typeof Excel.run);

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

describe('pane in Excel — choices and decisions saved in the workbook and read back', () => {
  it('saves the column chosen and the suggestion confirmed in SPASER État, and shows them when the pane opens again', async () => {
    const excel = workbook();
    render(<App host={hostOn(excel)} today={TODAY} />);

    // Colonnes: « Remarque » chosen for Titulaire.
    const section = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '5' } });
    await screen.findByText(/colonnes choisies par vous/);

    // Étiquettes: the suggestion from « papier recyclé » confirmed.
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer : Clause environnementale pour le marché 2025-001' }));
    await screen.findByText('Confirmée');

    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);

    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect(saved?.mappings).toEqual([{ sheet: SHEET, headerRow: 1, columns: { Remarque: 'titulaire' } }]);
    expect(saved?.decisions).toEqual([
      expect.objectContaining({ numero: '2025-001', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }),
    ]);

    // The pane opened again on the same workbook (new host, nothing in memory).
    cleanup();
    render(<App host={hostOn(excel)} today={TODAY} />);
    const again = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    const titulaire = within(again).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement;
    expect(titulaire.selectedOptions[0].textContent).toBe('Remarque');
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    expect(await screen.findByText('Confirmée')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Confirmer : / })).toBeNull();
  });
});

describe('pane in Excel — the marks on faulty cells are removed on request', () => {
  it('« Retirer le surlignage des cellules » removes the add-in’s conditional formats and only them; values untouched', async () => {
    const excel = workbook();
    await excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem(SHEET).getRange('A2:A4').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=LEN(A2)>3';
    });
    const cells = () => JSON.stringify((excel.snapshot(SHEET) as { cells: unknown }).cells);
    const before = cells();
    render(<App host={hostOn(excel)} today={TODAY} initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    const own = () => excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA);
    // C3 (« beaucoup ») in error, F4 (13-digit SIRET) in warning.
    expect(own().flatMap((c) => c.areas)).toEqual(
      expect.arrayContaining([
        { r0: 2, c0: 2, nr: 1, nc: 1 },
        { r0: 3, c0: 5, nr: 1, nc: 1 },
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer le surlignage des cellules' }));
    await waitFor(() => expect(own()).toEqual([]));
    expect(excel.conditionalFormatsOf(SHEET).map((c) => c.formula)).toEqual(['=LEN(A2)>3']);
    expect(cells()).toBe(before);
  });
});

/** Words of English that have no business in a French pane (whole words, case-sensitive where French shares them). */
const ENGLISH = [
  /\b(the|and|with|from|your|please|loading|Loading|Error|error|Warning|warning|Sheet|sheet|Column|column|Step|step|Next|next|Save|save|Cancel|cancel|Submit|Select|select|Choose|choose|None|none|Write|write|Read|read|File|file|Indicators?|indicators?|Failed|failed|Success|success|Close|close|Open|open|Show|show|Hide|hide|Yes|No|Unknown|unknown|Total rows|Confirm|Confirmed|Reject|Rejected|Apply|Back|Done|Download|Details|Items?|Settings|Help|Filter|Search|Value|Status|Coverage|Target|Rows?|rows?|Cells?|cells?|Go to|Clear|Import|Preview)\b/,
  /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\btrue\b|\bfalse\b/,
];

function visibleStrings(): string[] {
  const out: string[] = [];
  // Text nodes a person reads (style sheets aside).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName;
    if (parent !== 'STYLE' && parent !== 'SCRIPT' && n.textContent?.trim()) out.push(n.textContent);
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const v = el.getAttribute(attr);
      if (v) out.push(v);
    }
  }
  return out;
}

function englishIn(strings: readonly string[]): string[] {
  return strings.flatMap((s) => ENGLISH.flatMap((re) => (re.test(s) ? [s.match(re)![0] + ' ← ' + s.slice(0, 160)] : [])));
}

describe('pane in Excel — every string shown is French', () => {
  it('in each of the five steps, with findings, suggestions, a ribbon result and a written output', async () => {
    const excel = workbook();
    publishRibbonResult({ lignesLues: 3, erreurs: 1, indicateursCalcules: 20, indicateurs: 50, exercice: 2025, echec: null });
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    const seen: string[] = [];
    for (const [i, step] of STEPS.entries()) {
      fireEvent.click(screen.getByRole('button', { name: `${i + 1}. ${step.label}` }));
      await screen.findByRole('heading', { name: `Étape ${i + 1} sur ${STEPS.length} — ${step.label}` });
      // Open every collapsed group so that its content is shown too.
      for (const b of screen.queryAllByRole('button', { expanded: false })) fireEvent.click(b);
      if (step.id === 'indicateurs') {
        fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
        await screen.findByText(/Feuilles SPASER écrites/);
      }
      seen.push(...visibleStrings());
    }
    // The instrument saw each step's content.
    for (const text of ['Montant illisible ou négatif', 'SIRET invalide', 'Clause environnementale', 'Axe 1 — gouvernance du schéma', 'Feuille « Suivi 2025 »']) {
      expect(seen.some((s) => s.includes(text))).toBe(true);
    }
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    expect(englishIn(seen)).toEqual([]);
  });

  it('when Excel refuses to write, and when the ribbon run failed', async () => {
    const excel = workbook();
    publishRibbonResult(failedSummary("Aucun registre reconnu dans « Pôle Culture.xlsx »."));
    render(<App host={hostOn(excel)} today={TODAY} initialStep="indicateurs" />);
    const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    excel.failOnSync(1);
    fireEvent.click(write);
    await screen.findByText(/L'écriture des feuilles SPASER a échoué/);
    expect(englishIn(visibleStrings())).toEqual([]);
  });
});
