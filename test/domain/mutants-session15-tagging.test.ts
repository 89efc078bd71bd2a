/**
 * Mutation audit of session 15 (tagging.ts): a rule of `regles.md` §4 (decisions stored in the
 * workbook survive a re-run and a consolidation) as the README « Étiquettes suggérées » reads
 * it, that no test pinned. Expectation worked out by hand from the README.
 */
import { decisionKey, decisionsInForce, sheetScope } from '../../src/domain/tagging';

const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;
const key = decisionKey(KEY.numero, KEY.consideration, KEY.etiquette);

describe('README « Étiquettes suggérées »: a decision of the run whose source names none of the workbooks read', () => {
  it('applies to every workbook: to the sheet it names where there is one, by numero elsewhere', () => {
    // « pour une décision prise dans la séance du volet, le classeur que nomme la partie fichier de
    // sa source, sinon chaque classeur lu ». « autre.xlsx » is neither input: both take it. In
    // pole-a.xlsx the sheet « Marchés » is named; pole-b.xlsx has no such sheet, so the decision
    // applies by numero to its register sheet « Suivi ».
    const { bySheet } = decisionsInForce(
      [
        { file: 'pole-a.xlsx', state: null },
        { file: 'pole-b.xlsx', state: null },
      ],
      [['Marchés'], ['Suivi']],
      [{ ...KEY, source: 'autre.xlsx|Marchés', decision: 'rejetée' }],
    );
    expect(bySheet).toEqual(
      new Map([
        [sheetScope(0, 'Marchés') + key, 'rejetée'],
        [sheetScope(1, 'Suivi') + key, 'rejetée'],
      ]),
    );
  });
});
