/**
 * Blind recipe `resume` — what a buyer READS in the task pane (browser
 * preview host on the real .xlsx): Indicateurs step (axes, French values,
 * N−1, Pôle filter) and Contrôles step (each finding names the sheet, the row
 * and the user's header). Workbook and hand working: test/acceptance/blind-resume-*.ts.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import type { SourceFile } from '../../src/taskpane/host';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';
import { buildWorkbook, FILE, SHEET } from '../acceptance/blind-resume-workbooks';
import { AXES, CONTROLES, EXPECTED, FORBIDDEN, RAW_FIELD_IDS, frNumbers, shownEquals, specLabels, unitPattern } from '../acceptance/blind-resume-expected';

const TODAY = '2026-03-15';
const LABELS = specLabels();

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

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await buildWorkbook();
});
afterEach(cleanup);

async function openAt(step: 'indicateurs' | 'controles') {
  const host = new TestPreviewHost({ [FILE]: bytes });
  const view = render(<App host={host} today={TODAY} initialStep={step} />);
  fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], FILE)] } });
  await screen.findByText(new RegExp(`Aperçu hors d'Excel : ${FILE.replace(/[.]/g, '\\.')}`));
  return view;
}

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

function checkClean(text: string) {
  for (const f of FORBIDDEN) expect(text).not.toMatch(f);
  for (const id of RAW_FIELD_IDS) expect(text).not.toContain(id);
}

describe('blind resume — Indicateurs step', () => {
  it('names every axis, each label with its French value, N−1, and the reason when non calculable', async () => {
    const { container } = await openAt('indicateurs');
    await screen.findByRole('heading', { name: AXES[0] });
    for (const axe of AXES) expect(screen.getByRole('heading', { name: axe })).toBeInTheDocument();
    expect(screen.getByText(/4 lignes retenues pour 2025 sur 9 lignes lues/)).toBeInTheDocument();
    for (const [id, e] of Object.entries(EXPECTED)) {
      if (id === '1.1.2-dataviz') continue;
      const el = indicator(id);
      expect([id, el?.textContent]).toEqual([id, expect.stringContaining(LABELS.get(id)!)]);
      const text = el.textContent!.slice(el.textContent!.indexOf(LABELS.get(id)!) + LABELS.get(id)!.length);
      if (e.value === null) {
        expect([id, text]).toEqual([id, expect.stringMatching(/Non calculable/i)]);
        expect([id, text]).toEqual([id, expect.stringMatching(e.motif!)]);
        continue;
      }
      const nums = frNumbers(text);
      const v = nums.find((n) => shownEquals(n, e.value!));
      expect([id, v?.raw ?? text]).toEqual([id, expect.anything()]);
      expect([id, Boolean(v)]).toEqual([id, true]);
      if (Math.abs(e.value) >= 1000) expect(v!.raw).toMatch(/\d[  \u202f]\d{3}/);
      const tail = text.slice(text.indexOf(v!.raw) + v!.raw.length, text.indexOf(v!.raw) + v!.raw.length + 8);
      if (e.unit !== 'nombre') expect([id, tail]).toEqual([id, expect.stringMatching(unitPattern(e.unit))]);
      if (e.n1 !== undefined) {
        expect([id, text]).toEqual([id, expect.stringMatching(/N[−-]1/)]);
        const n1 = frNumbers(text.slice(text.search(/N[−-]1/) + 3))[0];
        expect([id, n1 && shownEquals(n1, e.n1)]).toEqual([id, true]);
      }
      if (e.cible !== undefined) {
        expect([id, text]).toEqual([id, expect.stringMatching(/cible/i)]);
      }
    }
    checkClean(container.textContent ?? '');
  });

  it('filters by Pôle and shows each Pôle value in French', async () => {
    await openAt('indicateurs');
    const pole = (await screen.findByRole('combobox', { name: /Pôle/ })) as HTMLSelectElement;
    const options = [...pole.options].map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['Pôle Ressources', 'Pôle Cadre de vie']));
    for (const name of ['Pôle Ressources', 'Pôle Cadre de vie']) {
      const opt = [...pole.options].find((o) => o.textContent === name)!;
      fireEvent.change(pole, { target: { value: opt.value } });
      for (const [id, e] of Object.entries(EXPECTED)) {
        if (!e.parPole) continue;
        const el = indicator(id);
        const text = el.textContent!.slice(el.textContent!.indexOf(LABELS.get(id)!) + LABELS.get(id)!.length);
        const v = frNumbers(text)[0];
        expect([name, id, v && shownEquals(v, e.parPole[name])]).toEqual([name, id, true]);
      }
      checkClean(document.body.textContent ?? '');
    }
  });
});

describe('blind resume — Contrôles step', () => {
  it('lists each finding with the sheet, the row and the user header, in French', async () => {
    const { container } = await openAt('controles');
    expect(await screen.findByText(/3\serreurs \(3 lignes écartées des indicateurs\), 3 avertissements/)).toBeInTheDocument();
    for (const b of screen.getAllByRole('button', { name: /— \d+\s(erreur|avertissement)/ })) fireEvent.click(b);
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent ?? '');
    for (const c of CONTROLES) {
      const item = items.find((t) => t.includes(`« ${SHEET} »`) && new RegExp(`(ligne ${c.ligne}|[A-Z]${c.ligne})(?!\\d)`, "i").test(t) && t.includes(c.colonne));
      expect([c.code, c.ligne, item ?? items.filter((t) => t.includes(String(c.ligne)))]).toEqual([c.code, c.ligne, expect.any(String)]);
    }
    checkClean(container.textContent ?? '');
  });
});
