/**
 * Mutation audit of session 14 (validation.ts): rules of `regles.md` §3 (and the README's
 * reading choices) that no test pinned. Expectations worked out by hand from the spec.
 */
import type { CellValue } from '../../src/domain/cell';
import type { RegisterFieldId, RegisterValues } from '../../src/domain/fields';
import { buildRegister } from '../../src/domain/register';
import { judgeRow, rowSchema } from '../../src/domain/validation';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const OK: CellValue[] = ['M-1', 'Entretien', 500, d('2025-03-01')];

/** The register row read from one data row under `HEAD` and `extra` headers. */
function judged(cells: CellValue[], extra: string[] = []) {
  const sheet = grid('Suivi', [[...HEAD, ...extra], cells]);
  return buildRegister([{ file: 'pole.xlsx', sheets: [sheet], state: null }], { today: TODAY }).rows[0];
}

const codes = (cells: CellValue[], extra: string[] = []) => judged(cells, extra).findings.map((f) => f.code);

describe('code-postal-invalide: spaces of a postal code are ignored (README, reading choices)', () => {
  it('« 59 170 » is the 5 digits 59170: no warning; « 591 70 0 » has 6 digits: a warning', () => {
    expect(codes([...OK, '59 170'], ['Code postal'])).toEqual([]);
    expect(codes([...OK, '591 70 0'], ['Code postal'])).toEqual(['code-postal-invalide']);
  });
});

describe('cpv-invalide: exactly ######## or ########-#', () => {
  it('a slash or a space in place of the dash is not the CPV form', () => {
    expect(codes([...OK, '12345678/9'], ['Code CPV'])).toEqual(['cpv-invalide']);
    expect(codes([...OK, '12345678 9'], ['Code CPV'])).toEqual(['cpv-invalide']);
    expect(codes([...OK, '12345678-9'], ['Code CPV'])).toEqual([]);
  });
});

describe('montant and date both unreadable', () => {
  it('each keeps its own code: montant-invalide and date-invalide (not « manquant »)', () => {
    // Both cells hold text that is neither a number nor a date: « unreadable » → -invalide.
    expect(codes(['M-1', 'Entretien', 'environ mille', 'bientôt'])).toEqual(['montant-invalide', 'date-invalide']);
  });
});

describe('Valeur lue of a finding (sortie.md, SPASER Contrôles)', () => {
  it('an empty required cell shows no value read (null), not an empty text', () => {
    const f = judged([null, 'Entretien', 500, d('2025-03-01')]).findings[0];
    expect([f.code, f.valeurLue]).toEqual(['numero-manquant', null]);
  });

  it('montants-ae-superieurs shows the sum of the three amounts as its value read', () => {
    // 300 + 200 + 100 = 600 > 500 (montant, no mandated column): shown as « 600,00 € ».
    const f = judged([...OK, 300, 200, 100], ['Réemploi', 'Réutilisation', 'Recyclé']).findings[0];
    expect([f.code, f.colonne, f.valeurLue]).toEqual(['montants-ae-superieurs', null, '600,00 €']);
  });
});

describe('judgeRow on values it is handed directly', () => {
  const schema = rowSchema(TODAY);
  const judge = (values: RegisterValues) =>
    judgeRow(
      { source: { file: 'p.xlsx', sheet: 'S', row: 2 }, values, mapped: new Set<RegisterFieldId>(), invalid: {}, columns: {}, pendingSuggestions: [] },
      schema,
      () => '',
    ).map((f) => f.code);

  it('a blank numero or objet (spaces, no-break space) is empty: numero-manquant, objet-manquant', () => {
    expect(judge({ numero: ' ', objet: '\u00a0', montant: 500, dateNotification: '2025-03-01' })).toEqual(['numero-manquant', 'objet-manquant']);
    expect(judge({ numero: '\t', objet: 'Entretien', montant: 500, dateNotification: '2025-03-01' })).toEqual(['numero-manquant']);
  });

  it('a text starting with a non-ASCII letter or a control character is not blank', () => {
    expect(judge({ numero: 'É-1', objet: '\u0001x', montant: 500, dateNotification: '2025-03-01' })).toEqual([]);
  });

  it('a negative montant is montant-invalide', () => {
    expect(judge({ numero: 'M-1', objet: 'Entretien', montant: -1, dateNotification: '2025-03-01' })).toEqual(['montant-invalide']);
  });
});
