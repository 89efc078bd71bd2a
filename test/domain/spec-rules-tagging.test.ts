/**
 * Spec audit of `regles.md` §4 (considerations and tags): each column declares
 * its sub-tag and consideration; every term of the spec's lexicon suggests its
 * consideration, accents and case ignored; suggestions never count until
 * confirmed; decisions are stored in the workbook and survive a re-run and a
 * consolidation; the JSON `suggestions` carry numero, tag, trigger and decision.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput, type ChainOutput } from '../../src/domain/chain';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { buildRegister } from '../../src/domain/register';
import type { SavedState, TagDecision } from '../../src/domain/state';
import { parseState } from '../../src/domain/state-sheet';
import { suggestTags } from '../../src/domain/tagging';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'];

function input(file: string, rows: CellValue[][], state: SavedState | null = null, sheet = 'Marchés'): ChainInput {
  return { file, sheets: [grid(sheet, rows)], state };
}

describe('regles §4: considerations declared by a column', () => {
  // [header, cell, consideration, sub-tag]
  const cases: [string, CellValue, 'sociale' | 'environnementale' | 'innovation', string][] = [
    ['Clause sociale', 'oui', 'sociale', 'Clause sociale'],
    ['Critère social', 'oui', 'sociale', 'Critère social'],
    ['Marché réservé', 'ESAT/EA', 'sociale', 'Marché réservé'],
    ['Marché réservé', 'SIAE', 'sociale', 'Marché réservé'],
    ['Marché réservé', 'ESS', 'sociale', 'Marché réservé'],
    ["Marché d'insertion", 'oui', 'sociale', "Marché d'insertion"],
    ['Clause environnementale', 'oui', 'environnementale', 'Clause environnementale'],
    ['Critère environnemental', 'oui', 'environnementale', 'Critère environnemental'],
    ['Marché innovant', 'oui', 'innovation', 'Marché innovant'],
  ];

  test.each(cases)('%s = %s → %s, sub-tag %s, déclaré', (header, cell, consideration, etiquette) => {
    const row = buildRegister([input('p.xlsx', [[...HEAD, header], ['M-1', 'Entretien', 10, d('2025-01-01'), cell]])], { today: TODAY }).rows[0];
    expect(row.tags).toEqual([{ consideration, etiquette, origine: 'déclaré' }]);
    expect({ sociale: row.sociale, environnementale: row.environnementale, innovation: row.innovation }).toEqual({
      sociale: consideration === 'sociale',
      environnementale: consideration === 'environnementale',
      innovation: consideration === 'innovation',
    });
  });

  test.each([
    ['Clause sociale', 'non'],
    ['Critère social', 'non'],
    ['Marché réservé', 'Non'],
    ["Marché d'insertion", 'non'],
    ['Clause environnementale', 'non'],
    ['Critère environnemental', 'non'],
    ['Marché innovant', 'non'],
    ['Marché innovant', null],
  ])('%s = %s declares nothing', (header, cell) => {
    const row = buildRegister([input('p.xlsx', [[...HEAD, header], ['M-1', 'Entretien', 10, d('2025-01-01'), cell]])], { today: TODAY }).rows[0];
    expect(row.tags).toEqual([]);
    expect([row.sociale, row.environnementale, row.innovation]).toEqual([false, false, false]);
  });
});

describe('regles §4: every term of the lexicon given in the spec suggests its consideration', () => {
  // The lists of regles.md §4, as written there.
  const LEXICON: [string, 'sociale' | 'environnementale' | 'innovation'][] = [
    ...[
      "clause d'insertion", "heures d'insertion", 'clause sociale', 'insertion professionnelle', 'marché réservé', 'ESAT', 'entreprise adaptée',
      'SIAE', "structure d'insertion", 'ESS', "chantier d'insertion", 'travailleurs handicapés',
    ].map((t) => [t, 'sociale'] as [string, 'sociale']),
    ...[
      'recyclé', 'réemploi', 'reconditionné', 'seconde main', 'écolabel', 'label bio', 'agriculture biologique', 'circuit court', 'bas carbone',
      'véhicule électrique', 'économie circulaire', 'biosourcé', 'HQE', 'sobriété énergétique', 'performance énergétique', 'zéro déchet', 'compostage',
    ].map((t) => [t, 'environnementale'] as [string, 'environnementale']),
    ...["innovant", 'innovation', "partenariat d'innovation", 'expérimentation', 'prototype', 'solution innovante'].map(
      (t) => [t, 'innovation'] as [string, 'innovation'],
    ),
  ];

  /** The term typed without accents, in capitals, with a plain apostrophe turned into a typographic one. */
  const shouted = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/'/g, '’');

  test.each(LEXICON)('« %s » → %s, carrying the term', (term, consideration) => {
    const found = suggestTags(`Prestation : ${term} pour la ville`, undefined);
    expect(found).toHaveLength(1);
    expect(found[0].consideration).toBe(consideration);
    expect(found[0].declencheur).toBe(term);
  });

  test.each(LEXICON)('« %s » is found in the comments too, accents and case ignored', (term, consideration) => {
    const found = suggestTags('Prestation pour la ville', `Remarque : ${shouted(term)}.`);
    expect(found.map((s) => [s.consideration, s.declencheur])).toEqual([[consideration, term]]);
  });

  // A lexicon word in one piece is also written with a hyphen (punctuation, read as a space).
  test.each([
    ['Fournitures sous éco-label européen', 'éco-label'],
    ['Mobilier de ré-emploi', 'ré-emploi'],
    ['Isolants bio-sourcés', 'bio-sourcé'],
  ])('« %s » → environnementale, carrying « %s »', (text, term) => {
    expect(suggestTags(text, undefined).map((s) => [s.consideration, s.declencheur])).toEqual([['environnementale', term]]);
  });

  test.each(['Travaux sans clause sociale', 'pas de critère environnemental', 'Marché passé sans aucune clause sociale', 'Aucune clause d’insertion'])(
    'negation « %s » does not trigger',
    (text) => {
      expect(suggestTags(text, undefined)).toEqual([]);
      expect(suggestTags('Entretien', text)).toEqual([]);
    },
  );
});

describe('regles §4: suggestions count only once confirmed; decisions live in the workbook', () => {
  const head = [...HEAD, 'Clause environnementale'];
  // M-1: no declared clause but « recyclé » in its objet; M-2: plainly nothing.
  const rows: CellValue[][] = [head, ['M-1', 'Fourniture de papier recyclé', 100, d('2025-01-10'), 'non'], ['M-2', 'Nettoyage', 300, d('2025-02-10'), 'non']];
  const decision = (d: TagDecision['decision'], numero = 'M-1'): TagDecision => ({ numero, consideration: 'environnementale', etiquette: 'Clause environnementale', decision: d });
  const env = (out: ChainOutput) => out.result.indicateurs.find((i) => i.id === '3.1.1-consideration-env');
  /** The state as the add-in reads it back from the very hidden sheet it wrote. */
  const stateWritten = (out: ChainOutput): SavedState | null => {
    const etat = out.plan.sheets.find((s) => s.name === SHEET_ETAT);
    const columnA = (etat?.blocks.find((b) => b.col === 1)?.values ?? []).map((line) => line[0] as string);
    return parseState(columnA);
  };

  test('an undecided suggestion does not count, is pending, and is in the JSON with a null decision', () => {
    const out = runChain([input('p.xlsx', rows)], { today: TODAY });
    // 0 of 2 valid rows of 2025 with an environmental consideration.
    expect(env(out)).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(out.result.controles.map((c) => [c.code, c.ligne])).toEqual([['suggestion-non-confirmee', 2]]);
    expect(out.result.suggestions).toEqual([
      { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale', declencheur: 'recyclé', decision: null },
    ]);
    expect(out.register.rows[0].tags).toEqual([{ consideration: 'environnementale', etiquette: 'Clause environnementale', origine: 'suggéré', declencheur: 'recyclé' }]);
  });

  test('undecided suggestions do not count either when a row has several, or when other rows have decisions', () => {
    const several: CellValue[][] = [head, ['M-1', 'Prototype de mobilier recyclé', 100, d('2025-01-10'), 'non'], ['M-2', 'Nettoyage', 300, d('2025-02-10'), 'non']];
    const out = runChain([input('p.xlsx', several)], { today: TODAY, decisions: [decision('confirmée', 'M-9')] });
    expect(out.register.rows[0].tags.map((t) => `${t.etiquette}:${t.origine}`)).toEqual(['Clause environnementale:suggéré', 'Marché innovant:suggéré']);
    expect([out.register.rows[0].environnementale, out.register.rows[0].innovation]).toEqual([false, false]);
    expect(env(out)).toMatchObject({ valeur: 0 });
    expect(out.result.controles.map((c) => c.code)).toEqual(['suggestion-non-confirmee', 'suggestion-non-confirmee']);
  });

  test('a confirmed suggestion counts, is no longer pending, and the JSON says confirmée', () => {
    const out = runChain([input('p.xlsx', rows)], { today: TODAY, decisions: [decision('confirmée')] });
    // 1 of 2 → 50 %.
    expect(env(out)).toMatchObject({ statut: 'calculé', valeur: 50 });
    expect(out.result.controles).toEqual([]);
    expect(out.result.suggestions).toEqual([
      { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale', declencheur: 'recyclé', decision: 'confirmée' },
    ]);
    expect(out.register.rows[0].tags.map((t) => t.origine)).toEqual(['confirmé']);
  });

  test('a rejected suggestion neither counts nor waits', () => {
    const out = runChain([input('p.xlsx', rows)], { today: TODAY, decisions: [decision('rejetée')] });
    expect(env(out)).toMatchObject({ valeur: 0 });
    expect(out.result.controles).toEqual([]);
    expect(out.register.rows[0].tags).toEqual([]);
  });

  test('a decision is written to the state sheet and holds on the next run without being given again', () => {
    const first = runChain([input('p.xlsx', rows)], { today: TODAY, decisions: [decision('confirmée')] });
    const saved = stateWritten(first);
    expect(saved?.decisions).toEqual([decision('confirmée')]);

    const again = runChain([input('p.xlsx', rows, saved)], { today: TODAY });
    expect(env(again)).toMatchObject({ valeur: 50 });
    expect(again.result.suggestions[0].decision).toBe('confirmée');
    // Still saved after the re-run, so that a third run keeps it too.
    expect(stateWritten(again)?.decisions).toEqual([decision('confirmée')]);
  });

  test('a re-run with a new decision keeps the decisions saved before', () => {
    const rows2: CellValue[][] = [...rows, ['M-3', 'Mobilier de réemploi', 600, d('2025-03-10'), 'non']];
    const saved: SavedState = { version: 1, mappings: [], decisions: [decision('confirmée')] };
    const out = runChain([input('p.xlsx', rows2, saved)], { today: TODAY, decisions: [decision('rejetée', 'M-3')] });
    // M-1 confirmed (counts), M-3 rejected: 1 of 3.
    expect(env(out)?.valeur).toBeCloseTo(100 / 3, 10);
    expect(stateWritten(out)?.decisions).toEqual([decision('confirmée'), decision('rejetée', 'M-3')]);
  });

  test('a consolidation keeps the decisions saved in each workbook', () => {
    const a = input('pole-a.xlsx', rows, { version: 1, mappings: [], decisions: [decision('confirmée')] });
    const b = input('pole-b.xlsx', [head, ['B-7', 'Véhicule électrique de service', 1000, d('2025-04-01'), 'non']], {
      version: 1,
      mappings: [],
      decisions: [decision('confirmée', 'B-7')],
    });
    const out = runChain([a, b], { today: TODAY });
    // M-1 and B-7 confirmed, M-2 not: 2 of 3.
    expect(env(out)?.valeur).toBeCloseTo(200 / 3, 10);
    expect(out.result.suggestions.map((s) => [s.numero, s.declencheur, s.decision])).toEqual([
      ['M-1', 'recyclé', 'confirmée'],
      ['B-7', 'véhicule électrique', 'confirmée'],
    ]);
    expect(stateWritten(out)?.decisions).toEqual([decision('confirmée'), decision('confirmée', 'B-7')]);
  });
});
