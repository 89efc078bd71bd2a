import type { CellValue } from '../../../src/domain/cell';
import { REGISTER_FIELDS, registerField, type RegisterFieldId } from '../../../src/domain/fields';
import type { Register, RegisterRow } from '../../../src/domain/model';
import { buildRegister } from '../../../src/domain/register';
import { Columns } from '../../../src/domain/indicators/columns';
import { computeIndicators } from '../../../src/domain/indicators/engine';
import {
  and,
  ar,
  countOf,
  dep,
  field,
  flag,
  isEmpty,
  isFilled,
  isOneOf,
  isTrue,
  meanOf,
  mt,
  not,
  oneIf,
  or,
  percentOfCount,
  percentOfSum,
  plus,
  sumOf,
  type Compute,
} from '../../../src/domain/indicators/formulas';
import { canonicalStore, FIELD_COUNT, valuesFromSlots } from '../../../src/domain/indicators/row-view';
import type { Context } from '../../../src/domain/indicators/types';
import { d, grid } from '../../helpers/grid';
import { indicator, register, sheet } from './fixtures';

const s = sheet(['programme', 'horsMarche', 'montantMandate', 'delaiPaiement', 'modeAcquisition', 'clauseSociale', 'nbAvenants', 'marcheReserve']);
// Positions 0…6; row 5 has an error and row 6 is of another year: neither is taken.
const rows = [
  s.row({ programme: true, montant: 100, montantMandate: 40, delaiPaiement: 10, modeAcquisition: 'Location', nbAvenants: 2 }),
  s.row({ programme: false, montant: 200, modeAcquisition: 'Achat', clauseSociale: true }),
  s.row({ montant: 300, delaiPaiement: 30, marcheReserve: 'Non' }, { innovation: true }),
  s.row({ programme: true, horsMarche: true, montant: 400, montantMandate: 0, marcheReserve: 'SIAE' }, { environnementale: true }),
  s.row({ annee: 2024, programme: true, montant: 500, delaiPaiement: 50 }),
  s.row({ programme: true, montant: 9000, delaiPaiement: 90 }, { hasError: true }),
  s.row({ annee: 2023, programme: true, montant: 7000 }),
];
const reg = register(rows);
const columns = new Columns(reg.rows, 2025);
const ctx = { columns } as Context;
const run = (compute: Compute, positions: number[]) => compute(Int32Array.from(positions), ctx);
const N = [0, 1, 2, 3];

describe('Columns', () => {
  it('takes the valid rows of N and N−1 only, by position', () => {
    expect([...columns.taken]).toEqual([0, 1, 2, 3, 4]);
    expect([...columns.valid(2025)]).toEqual([0, 1, 2, 3]);
    expect([...columns.valid(2024)]).toEqual([4]);
    expect([...columns.valid(2023)]).toEqual([]);
  });

  it('holds numbers with NaN for empty, yes/no as 1 for oui, enums as their value', () => {
    expect([...columns.number('montantMandate').slice(0, 4)]).toEqual([40, NaN, NaN, 0]);
    expect([...columns.boolean('programme').slice(0, 5)]).toEqual([1, 0, 0, 1, 1]);
    expect([...columns.boolean('sourcage').slice(0, 5)]).toEqual([0, 0, 0, 0, 0]); // never mapped
    expect(columns.value('modeAcquisition').slice(0, 4)).toEqual(['Location', 'Achat', undefined, undefined]);
    expect([...columns.flag('innovation').slice(0, 4)]).toEqual([0, 0, 1, 0]);
    expect([...columns.filled('programme').slice(0, 4)]).toEqual([1, 1, 0, 1]);
  });

  it('keeps the values of every row, but yes/no columns only for the rows taken', () => {
    // Formulas read positions from `taken` only: the values of other rows are there, unread.
    expect(columns.number('montant')[5]).toBe(9000);
    expect(columns.boolean('programme')[5]).toBe(0);
    expect(columns.boolean('programme')[6]).toBe(0);
    expect(run(countOf(isTrue('programme')), [0, 3, 4, 5, 6])).toEqual({ valeur: 3 });
  });

  it('builds values in field order (positions are the order of REGISTER_FIELDS)', () => {
    const ids = REGISTER_FIELDS.map((f) => f.id);
    expect(Object.keys(valuesFromSlots(new Array(FIELD_COUNT).fill(undefined)))).toEqual(ids);
  });
});

describe('row tests and amounts', () => {
  it('isTrue, isFilled, isEmpty, isOneOf, not, and, or, flag, ar', () => {
    expect(run(countOf(isTrue('programme')), N).valeur).toBe(2);
    expect(run(countOf(isFilled('programme')), N).valeur).toBe(3);
    expect(run(countOf(isEmpty('programme')), N).valeur).toBe(1);
    expect(run(countOf(isOneOf('modeAcquisition', 'Achat', 'Location')), N).valeur).toBe(2);
    expect(run(countOf(isOneOf('modeAcquisition', 'Location')), N).valeur).toBe(1);
    expect(run(countOf(not(isTrue('programme'))), N).valeur).toBe(2);
    expect(run(countOf(and(isFilled('marcheReserve'), not(isOneOf('marcheReserve', 'Non')))), N).valeur).toBe(1);
    expect(run(countOf(or(isTrue('clauseSociale'), flag('innovation'))), N).valeur).toBe(2);
    // AR: row 1 (sociale from its clause), row 3 (environnementale).
    expect(run(countOf(ar), N).valeur).toBe(2);
  });

  it('dep takes the mandated amount when filled (0 included), else montant; mt is montant', () => {
    // dep: 40 + 200 + 300 + 0; mt: 100 + 200 + 300 + 400.
    expect(run(sumOf(dep), N).valeur).toBe(540);
    expect(run(sumOf(mt), N).valeur).toBe(1000);
  });

  it('oneIf and plus count a missing term as 0', () => {
    // (programme ? 1 : 0) + nbAvenants: 1 + 2, 0, 0, 1 → 4.
    expect(run(sumOf(plus(oneIf(isTrue('programme')), field('nbAvenants'))), N).valeur).toBe(4);
  });
});

describe('formulas over positions', () => {
  it('countOf counts the rows given, nothing else', () => {
    expect(run(countOf(isTrue('programme')), [1, 2]).valeur).toBe(0);
    expect(run(countOf(isTrue('programme')), [0, 4]).valeur).toBe(2);
  });

  it('sumOf adds the amount of the rows passing the test; a missing amount adds 0', () => {
    expect(run(sumOf(field('montantMandate')), N).valeur).toBe(40);
    expect(run(sumOf(dep, isTrue('programme')), N).valeur).toBe(40);
    expect(run(sumOf(mt, isTrue('programme')), N).valeur).toBe(500);
  });

  it('percentOfCount takes num within den, and gives the motif for an empty den', () => {
    expect(run(percentOfCount(isTrue('programme')), N).valeur).toBe(50);
    // den: Achat or Location (rows 0, 1); num within it: programme (row 0) → 50 %; row 3 is programmed but out of den.
    expect(run(percentOfCount(isTrue('programme'), isOneOf('modeAcquisition', 'Achat', 'Location')), N).valeur).toBe(50);
    expect(run(percentOfCount(isTrue('programme'), isTrue('clauseSociale'), 'vide'), [0, 2, 3])).toEqual({ valeur: null, motif: 'vide' });
  });

  it('percentOfSum sums the amount over den and num within den; a zero den is non calculable', () => {
    // mt: programmed 100 + 400 over 1000.
    expect(run(percentOfSum(mt, isTrue('programme')), N).valeur).toBe(50);
    // dep over Achat/Location: 40 + 200 = 240; Location 40.
    expect(run(percentOfSum(dep, isOneOf('modeAcquisition', 'Location'), isOneOf('modeAcquisition', 'Achat', 'Location')), N).valeur).toBeCloseTo(100 / 6, 12);
    expect(run(percentOfSum(dep, isTrue('programme')), [3])).toEqual({ valeur: null, motif: 'dénominateur nul' });
  });

  it('meanOf leaves missing values out', () => {
    expect(run(meanOf(field('delaiPaiement')), N).valeur).toBe(20);
    expect(run(meanOf(field('delaiPaiement'), isTrue('programme')), N).valeur).toBe(10);
    expect(run(meanOf(field('delaiPaiement')), [1, 3])).toEqual({ valeur: null, motif: 'aucune valeur renseignée' });
  });
});

const label = (f: RegisterFieldId): string => registerField(f).label;

/** Two workbooks whose sheets map different columns, read by the register reader. */
function readRegister(): Register {
  const headA: RegisterFieldId[] = ['numero', 'objet', 'montant', 'dateNotification', 'pole', 'programme', 'horsMarche', 'procedure', 'montantMandate', 'clauseSociale', 'delaiPaiement', 'titulaire', 'communeTitulaire'];
  const headB: RegisterFieldId[] = ['numero', 'objet', 'montant', 'dateNotification', 'clauseEnvironnementale', 'nbAvenants', 'codeNomenclature', 'offresRecues'];
  const a: CellValue[][] = [
    headA.map(label),
    ['A-1', 'Papier', 1000.5, d('2025-03-01'), 'Pôle X', 'oui', 'non', 'Procédure adaptée', 400.25, 'oui', 20, 'Alpha', 'Roubaix'],
    ['A-2', 'Nettoyage', 2000, d('2025-04-01'), 'Pôle Y', 'non', 'oui', null, null, null, 35.5, 'Beta', 'Lille'],
    ['A-3', 'Mobilier', 3000.1, d('2024-05-01'), 'Pôle X', 'oui', null, null, 10, null, null, 'Alpha', 'Roubaix'],
    ['A-4', 'Voirie', 0.3, d('2025-06-01'), 'Pôle Y', null, null, 'Appel d\'offres ouvert', null, 'non', null, null, null],
  ];
  const b: CellValue[][] = [
    headB.map(label),
    ['B-1', 'Études', 0.1, d('2025-01-15'), 'oui', 2, 'F12', 3],
    ['B-2', 'Conseil', 0.2, d('2025-02-15'), null, null, null, null],
    ['B-3', 'Travaux', 700, d('2024-12-15'), 'non', 1, 'T1', 5],
  ];
  return buildRegister(
    [
      { file: 'pole-a.xlsx', sheets: [grid('Registre A', a)], state: null },
      { file: 'pole-b.xlsx', sheets: [grid('Registre B', b)], state: null },
    ],
    { today: '2026-01-15' },
  );
}

/** The same register as rows built by hand: only filled values, in another key order, not marked. */
function byHand(reg: Register): Register {
  const copy = (r: RegisterRow): RegisterRow => {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.values).reverse()) if (v !== undefined) values[k] = v;
    return { ...r, values };
  };
  return { ...reg, rows: reg.rows.map(copy) };
}

describe('reader rows and hand-made rows', () => {
  const read = readRegister();
  const hand = byHand(read);

  it('the reader gives its rows in the engine shape, the copy does not', () => {
    expect(canonicalStore(read.rows)).toBeDefined();
    expect(canonicalStore(hand.rows)).toBeUndefined();
    expect(read.rows.every((r) => !r.hasError)).toBe(true);
  });

  it('give the same results, value for value (N, N−1, Pôles, coverage, motifs)', () => {
    const fromReader = computeIndicators(read, 2025, { chartsWritten: 0 });
    const fromHand = computeIndicators(hand, 2025, { chartsWritten: 0 });
    expect(JSON.stringify(fromHand)).toBe(JSON.stringify(fromReader));
    // The comparison means something: values from both sheets, from one, and non calculable.
    const byId = new Map(fromReader.map((r) => [r.id, r]));
    expect(byId.get('2.1.1-programmes-nb')).toMatchObject({ valeur: 50, couverture: { renseignees: 1, total: 4 } });
    expect(byId.get('2.1.2-hors-marche-montant')?.valeur).toBeCloseTo((100 * 2000) / (400.25 + 2000 + 0.3), 12);
    expect(byId.get('1.1.2-avenants-ar')).toMatchObject({ statut: 'calculé', valeur: 2, couverture: { renseignees: 1, total: 4 } });
    expect(byId.get('2.2.3-soumissionnaires')).toMatchObject({ statut: 'non calculable' });
    expect(byId.get('2.1.5-delai-paiement')).toMatchObject({ valeur: 27.75, n1: null });
    expect(byId.get('2.1.1-programmes-nb')?.n1).toBe(100);
  });
});

describe('coverage and non calculable across two sheets with different mappings', () => {
  const a = sheet(['programme', 'montantMandate', 'clauseSociale'], 'A', 'Pôle A');
  const b = sheet(['clauseEnvironnementale'], 'B', 'Pôle B');
  const reg = register([
    a.row({ programme: true, montant: 100, montantMandate: 60, clauseSociale: true }),
    a.row({ montant: 300 }),
    b.row({ montant: 1000, clauseEnvironnementale: true }),
    b.row({ montant: 2000 }),
    b.row({ annee: 2024, montant: 5000 }),
  ]);

  it('counts the rows of the sheets mapping the needs, coverage over the whole set', () => {
    const r = indicator(reg, '2.1.1-programmes-montant');
    // Sheet A only: 100 / (100 + 300) = 25 %; renseignées 1 of the 4 contracts.
    expect(r).toMatchObject({ statut: 'calculé', valeur: 25, couverture: { renseignees: 1, total: 4 } });
    // Pôle B's sheet lacks the column: null for it, a value for Pôle A.
    expect(r.parPole).toEqual({ 'Pôle A': 25, 'Pôle B': null });
  });

  it('a need met by different fields in each sheet keeps both', () => {
    // AR spend: 60 (mandated) + 1000; every row takes part (each sheet maps a consideration field).
    const r = indicator(reg, '1.1.2-montant-ar');
    expect(r).toMatchObject({ valeur: 1060, couverture: { renseignees: 2, total: 4 } });
    // The 2024 row has no consideration filled: its N−1 of 0 says so (README « Valeurs affichées »).
    expect(r.note).toBe('dépense : dépenses mandatées HT (€) pour 1 ligne, montant notifié HT (€) pour 3 lignes sans dépenses mandatées ; en N−1, 0 ligne renseignée sur 1');
    expect(r.parPole).toEqual({ 'Pôle A': 60, 'Pôle B': 1000 });
  });

  it('is non calculable with every column named when no sheet maps the needs, in N as in N−1', () => {
    const r = indicator(reg, '2.1.1-prolongations-recurrents');
    expect(r).toMatchObject({ statut: 'non calculable', couverture: { renseignees: 0, total: 4 }, n1: null });
    expect(r.motif).toBe('colonnes « Marché récurrent » et « Dont avenants de prolongation » absentes');
    // N−1 has a row, of sheet B: programmes is non calculable there, so no n1.
    expect(indicator(reg, '2.1.1-programmes-nb').n1).toBeNull();
    expect(indicator(reg, '3.1.1-clauses-env').n1).toBe(0);
  });
});
