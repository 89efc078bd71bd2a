/**
 * Mutation audit of session 11 (domain): behaviours of today's code that no earlier test
 * pinned. Expectations worked out by hand.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput, type ChainOutput } from '../../src/domain/chain';
import type { DecisionChange, TagDecision } from '../../src/domain/state';
import { decisionsInForce } from '../../src/domain/tagging';
import { doublonMessage, sheetInput } from '../helpers/doublons';
import { d, grid } from '../helpers/grid';
import { twoPolesSuppliers } from '../helpers/two-poles-suppliers';

const TODAY = '2026-01-15';

const input = sheetInput;

describe('doublon: texts compared as the user reads them', () => {
  it('an accent typed as a combining mark (NFD) is the same text as the precomposed one: a double entry', () => {
    const message = doublonMessage([
      input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], [
        ['M-1', 'Entretien des \u00e9coles', 1000, d('2025-03-01')],
        ['M-1', 'Entretien des e\u0301coles', 1000, d('2025-03-01')],
      ]),
    ]);
    expect(message).toMatch(/ Les deux lignes portent les mêmes valeurs \(saisie en double\)\.$/);
  });
});

describe('doublon: a differing text is shown whole up to 40 characters', () => {
  it('40 characters: whole; 41: cut to 39 and « … »', () => {
    const forty = 'Entretien des espaces verts du parc Nord';
    expect(forty).toHaveLength(40);
    const message = doublonMessage([
      input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], [
        ['M-1', 'Papier', 1000, d('2025-03-01')],
        ['M-1', forty, 1000, d('2025-03-01')],
      ]),
    ]);
    expect(message).toContain(`« Objet » : « ${forty} » sur cette ligne, « Papier » sur la première.`);
    const fortyOne = `${forty}x`;
    const cut = doublonMessage([
      input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], [
        ['M-1', 'Papier', 1000, d('2025-03-01')],
        ['M-1', fortyOne, 1000, d('2025-03-01')],
      ]),
    ]);
    expect(cut).toContain(`« Objet » : « ${forty.slice(0, 39)}… » sur cette ligne`);
  });
});

describe('doublon in a register of more than one block of rows (256 read at a time)', () => {
  it('says once whether its two rows agree, whatever the rows after it', () => {
    const rows: CellValue[][] = [
      ['M-1', 'Entretien des écoles', 1000, d('2025-03-01')],
      ['M-1', 'Entretien des écoles', 1000, d('2025-03-01')],
    ];
    // 298 other contracts: 300 rows, two blocks.
    for (let i = 0; i < 298; i++) rows.push([`N-${i}`, `Marché ${i}`, 500 + i, d('2025-04-01')]);
    const message = doublonMessage([input('a.xlsx', ['N° marché', 'Objet', 'Montant HT', 'Date notif'], rows)]);
    expect(message.split('(saisie en double)')).toHaveLength(2);
    expect(message).toMatch(/ pour la même année : la ligne est écartée des indicateurs\. Les deux lignes portent les mêmes valeurs \(saisie en double\)\.$/);
  });
});

// ---------------------------------------------------------------------------
// Decisions scoped by input and sheet (`decisionsInForce`)

const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
// « seconde main » suggests Clause environnementale.
const M1: CellValue[] = ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')];
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;
const withDecisions = (file: string, sheets: string[], decisions: TagDecision[] = []): ChainInput => ({
  file,
  sheets: sheets.map((s) => grid(s, [HEAD, M1])),
  state: { version: 1, mappings: [], decisions },
});
const run = (inputs: ChainInput[], decisions: DecisionChange[] = []): ChainOutput => runChain(inputs, { today: TODAY, decisions });
/** Each row as `file|sheet: tag origin` (`-` when rejected). */
const origins = (out: ChainOutput) => out.register.rows.map((r) => `${r.source.file}|${r.source.sheet}: ${r.tags.map((t) => t.origine).join(',') || '-'}`);

describe('decisions of the run (the pane’s)', () => {
  it('one without source applies to every input, by numero', () => {
    const out = run([withDecisions('pole-a.xlsx', ['Marchés']), withDecisions('pole-b.xlsx', ['Suivi'])], [{ ...KEY, decision: 'confirmée' }]);
    expect(origins(out)).toEqual(['pole-a.xlsx|Marchés: confirmé', 'pole-b.xlsx|Suivi: confirmé']);
  });

  it('one naming a file applies to that file’s rows only, even where the other file has a sheet of the same name', () => {
    const out = run([withDecisions('pole-a.xlsx', ['Suivi']), withDecisions('pole-b.xlsx', ['Suivi'])], [{ ...KEY, source: 'pole-a.xlsx|Suivi', decision: 'rejetée' }]);
    expect(origins(out)).toEqual(['pole-a.xlsx|Suivi: -', 'pole-b.xlsx|Suivi: suggéré']);
  });

  it('one applying by numero replaces a saved one naming the sheet (a decision of the run always wins)', () => {
    const saved: TagDecision = { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'confirmée' };
    const out = run([withDecisions('Bilan.xlsx', ['Pôle A'], [saved])], [{ ...KEY, decision: 'rejetée' }]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: -']);
    expect(out.state.decisions).toEqual([{ ...KEY, decision: 'rejetée' }]);
  });

  it('one taken back leaves the suggestion pending and is saved nowhere', () => {
    const saved: TagDecision = { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'confirmée' };
    const out = run([withDecisions('Bilan.xlsx', ['Pôle A'], [saved])], [{ ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'annulée' }]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: suggéré']);
    expect(out.result.suggestions.map((s) => s.decision)).toEqual([null]);
    expect(out.state.decisions).toEqual([]);
  });
});

describe('decisions saved back', () => {
  it('the same decision saved in two consolidated files is saved once', () => {
    const same: TagDecision = { ...KEY, decision: 'confirmée' };
    const { saved } = decisionsInForce(
      [
        { file: 'pole-a.xlsx', state: { version: 1, mappings: [], decisions: [same] } },
        { file: 'pole-b.xlsx', state: { version: 1, mappings: [], decisions: [same] } },
      ],
      [['Marchés'], ['Marchés']],
    );
    expect(saved).toEqual([same]);
  });

  it('a decision taken back where the input has no register sheet is not saved', () => {
    const { saved, bySheet } = decisionsInForce([{ file: 'vide.xlsx', state: null }], [[]], [{ ...KEY, decision: 'annulée' }]);
    expect(saved).toEqual([]);
    expect(bySheet.size).toBe(0);
  });
});

describe('a saved decision replaced on one of its sheets', () => {
  it('is saved again once for each other sheet, naming it', () => {
    const saved: TagDecision = { ...KEY, decision: 'confirmée' };
    const change: DecisionChange = { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'rejetée' };
    const out = run([withDecisions('Bilan.xlsx', ['Pôle A', 'Pôle B', 'Pôle C'], [saved])], [change]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: -', 'Bilan.xlsx|Pôle B: confirmé', 'Bilan.xlsx|Pôle C: confirmé']);
    expect(out.state.decisions).toEqual([
      { ...saved, source: 'Bilan.xlsx|Pôle B' },
      { ...saved, source: 'Bilan.xlsx|Pôle C' },
      change,
    ]);
  });
});

describe('national reference in the SPASER Indicateurs sheet', () => {
  it('the note beside the social and environmental shares names the plan and the value', () => {
    const g = grid('Suivi', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Clause environnementale'],
      ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'oui', 'non'],
      ['M-2', 'Papier', 1000, d('2025-03-01'), 'non', 'oui'],
    ]);
    const plan = runChain([{ file: 'Ville.xlsx', sheets: [g], state: null }], { today: TODAY }).plan;
    const sheet = plan.sheets.find((s) => s.name === 'SPASER Indicateurs')!;
    const texts = JSON.stringify(sheet);
    const rowOf = (id: string) => sheet.blocks.flatMap((b) => b.values).find((row) => row[0] === id)!;
    expect(rowOf('4.1.2-consideration-sociale').filter((v) => typeof v === 'string' && v.includes('référence nationale'))).toEqual([
      'référence nationale (plan national pour des achats durables 2022-2025) : 30,0 %',
    ]);
    expect(rowOf('3.1.1-consideration-env').filter((v) => typeof v === 'string' && v.includes('référence nationale'))).toEqual([
      'référence nationale (plan national pour des achats durables 2022-2025) : 100,0 %',
    ]);
    expect(texts.match(/référence nationale/g)).toHaveLength(2);
  });
});

describe('SPASER Pôles: the breakdowns by Pôle under the table', () => {
  it('are set apart from the table by one empty row before their title', () => {
    const plan = runChain([{ file: 'Ville.xlsx', sheets: [twoPolesSuppliers()], state: null }], { today: TODAY }).plan;
    const poles = plan.sheets.find((s) => s.name === 'SPASER Pôles')!;
    const title = poles.blocks.find((b) => b.values.length === 1 && b.values[0][0] === 'Répartitions par Pôle')!;
    const lastAbove = Math.max(...poles.blocks.filter((b) => b.row < title.row).map((b) => b.row + b.values.length - 1));
    expect(title.row).toBe(lastAbove + 2);
  });
});
