/**
 * Spec audit (reading), `regles.md` §1: finding the table and its header,
 * register sources and companion sheets, TTC, ambiguous and unmapped headers,
 * explicit mappings, rows that are not rows. Each test names the rule it pins.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { ChainInput } from '../../src/domain/chain';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { detectSheet, findIncompleteRegisters, mapHeaderRow, recogniseWorkbook } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'];
const ROW: CellValue[] = ['2025-001', 'Papier', 1000, d('2025-03-01')];

const build = (sheets: SheetGrid[], overrides?: readonly MappingOverride[]) => {
  const input: ChainInput = { file: 'pole.xlsx', sheets, state: null };
  return buildRegister([input], { today: TODAY, overrides });
};

describe('§1 header row: the first row, among the first 20 of the used range, mapping at least 3 fields', () => {
  it('a row mapping only 2 fields of a kind is no header; 3 fields are enough', () => {
    // Date + Type are the two required fields of an Actions sheet: still not a table with 2 columns.
    expect(detectSheet('f.xlsx', grid('Actions', [['Date', 'Type'], [d('2025-01-10'), 'Formation']]))).toEqual([]);
    expect(detectSheet('f.xlsx', grid('Suivi', [['N° de marché', 'Bénéficiaire'], ['M1', 'B1']]))).toEqual([]);
    const [actions] = detectSheet('f.xlsx', grid('Actions', [['Date', 'Type', 'Participants'], [d('2025-01-10'), 'Formation', 12]]));
    expect(actions).toMatchObject({ kind: 'actions', headerRow: 1 });
    const [suivi] = detectSheet('f.xlsx', grid('Suivi', [['N° de marché', 'Bénéficiaire', 'Sexe'], ['M1', 'B1', 'F']]));
    expect(suivi).toMatchObject({ kind: 'suiviInsertion', headerRow: 1 });
  });

  it('the 20 rows are counted from the first row of the used range, not from row 1', () => {
    const filler = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`note ${i + 1}`]);
    // Used range starting at sheet row 5: its 20th row is sheet row 24.
    const found = detectSheet('f.xlsx', grid('S', [...filler(19), HEAD, ROW], { firstRow: 5 }));
    expect(found.map((m) => m.headerRow)).toEqual([24]);
    expect(detectSheet('f.xlsx', grid('S', [...filler(20), HEAD, ROW], { firstRow: 5 }))).toEqual([]);
  });

  it('title rows, notes and a group header above the header are ignored', () => {
    const [m] = detectSheet(
      'f.xlsx',
      grid('S', [['Ville de Roubaix — suivi des marchés'], ['Édité le 02/01/2025'], [null, null, 'Montants', null], HEAD, ROW]),
    );
    expect(m.headerRow).toBe(4);
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification']);
  });
});

describe('§1 Excel tables', () => {
  it('the header of an Excel table is the header, and only the table columns are mapped', () => {
    const rows: CellValue[][] = [
      [null, ...HEAD, 'Titulaire'],
      [null, ...ROW, 'ACME'],
    ];
    // The table spans B..E: the Titulaire column F is outside it.
    const table = { name: 'Tableau1', headerRow: 1, firstCol: 2, lastCol: 5, lastRow: 2 };
    const [m] = detectSheet('f.xlsx', grid('S', rows, { tables: [table] }));
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([
      [2, 'numero'],
      [3, 'objet'],
      [4, 'montant'],
      [5, 'dateNotification'],
    ]);
    const [auto] = detectSheet('f.xlsx', grid('S', rows));
    expect(auto.columns.map((c) => c.field)).toContain('titulaire');
  });
});

describe('§1 register sources and companion sheets', () => {
  // The four required fields as champs.md names them (not the program's own list, which this checks).
  const SPEC_REQUIRED = ['numero', 'objet', 'montant', 'dateNotification'] as const;
  it.each(SPEC_REQUIRED.map((id) => [id]))('a sheet without a %s column is not a register source (but is reported as incomplete)', (missing) => {
    const byField: Record<string, [string, CellValue]> = {
      numero: ['N° de marché', 'M1'],
      objet: ['Objet', 'Papier'],
      montant: ['Montant HT', 1000],
      dateNotification: ['Date de notification', d('2025-03-01')],
    };
    const kept = SPEC_REQUIRED.filter((id) => id !== missing);
    const header = [...kept.map((id) => byField[id][0]), 'Titulaire', 'Durée (mois)'];
    const row = [...kept.map((id) => byField[id][1]), 'ACME', 12];
    const g = grid('Marchés', [header, row]);
    expect(detectSheet('f.xlsx', g)).toEqual([]);
    expect(build([g]).rows).toEqual([]);
    const [incomplete] = findIncompleteRegisters('f.xlsx', [g]);
    expect(incomplete.kind).toBe('registre');
    expect(incomplete.columns.map((c) => c.field)).not.toContain(missing);
  });

  it('the four required fields make a register source, whatever else the sheet holds or lacks', () => {
    const [m] = detectSheet('f.xlsx', grid('Feuil3', [HEAD, ROW]));
    expect(m.kind).toBe('registre');
    expect(build([grid('Feuil3', [HEAD, ROW])]).rows.map((r) => r.values)).toEqual([
      { numero: '2025-001', objet: 'Papier', montant: 1000, dateNotification: '2025-03-01' },
    ]);
  });

  it('companion sheets are read beside the register sources; only names starting with « SPASER » and a space are skipped', () => {
    const suivi = [['N° marché', 'Bénéficiaire', 'Sexe', 'Heures'], ['2025-001', 'B-1', 'F', 35]];
    const reg = build([
      grid('Suivi SPASER 2025', [HEAD, ROW]),
      grid('SPASER Registre', [HEAD, ['Z', 'o', 1, d('2025-01-01')]]),
      grid('SPASER Insertion', suivi),
      grid('Facilitateur', suivi),
    ]);
    expect(reg.rows.map((r) => `${r.source.sheet}:${r.values.numero}`)).toEqual(['Suivi SPASER 2025:2025-001']);
    expect(reg.suiviInsertion.map((r) => r.source.sheet)).toEqual(['Facilitateur']);
    expect(reg.mappings.map((m) => [m.sheet, m.kind])).toEqual([
      ['Suivi SPASER 2025', 'registre'],
      ['Facilitateur', 'suiviInsertion'],
    ]);
  });
});

describe('§1 TTC never maps to an HT amount', () => {
  const amounts = REGISTER_FIELDS.filter((f) => f.type === 'montant');
  it('there are seven HT amounts in champs.md', () => {
    expect(amounts.map((f) => f.id)).toEqual([
      'montant',
      'montantMandate',
      'montantHorsBPU',
      'gainNegociation',
      'montantReemploi',
      'montantReutilisation',
      'montantRecycle',
    ]);
  });

  it.each<[string, string]>([
    ['Montant notifié HT', 'Montant notifié TTC'],
    ['Dépenses mandatées', 'Dépenses mandatées TTC'],
    ['Montant hors BPU', 'Montant hors BPU TTC'],
    ['Gain de négociation', 'Gain de négociation TTC'],
    ['Montant réemploi', 'Montant réemploi TTC'],
    ['Montant réutilisation', 'Montant réutilisation TTC'],
    ['Montant recyclé', 'Montant recyclé TTC'],
    ['Montant notifié du marché', 'Montant notifié du marché TTC'],
    ['Montant maximum HT', 'Montant maximum HT / TTC'],
    ['Montant notifié', 'TTC montant notifié'],
    // `T.T.C.` and TTC glued to a word (`MontantTTC`, an export's habit) say TTC too.
    ['Montant notifié HT', 'Montant notifié T.T.C.'],
    ['Montant mandaté', 'Montant mandaté T.T.C'],
    ['Dépenses mandatées', 'Dépenses mandatées T. T. C.'],
    ['MontantHT', 'MontantTTC'],
    ['Mandaté', 'MandatéTTC'],
    ['Gain', 'GainTTC'],
  ])('%j maps, %j does not', (ht, ttc) => {
    expect(mapHeaderRow([ht], REGISTER_FIELDS, 1).columns).toHaveLength(1);
    const m = mapHeaderRow([ttc], REGISTER_FIELDS, 1);
    expect(m.columns).toEqual([]);
    expect(m.unmapped).toEqual([{ col: 1, header: ttc }]);
  });

  it('a register whose only amount column is TTC is no register source', () => {
    const g = grid('S', [['N° de marché', 'Objet', 'Montant notifié TTC', 'Date de notification'], ['M1', 'o', 1200, d('2025-01-01')]]);
    expect(detectSheet('f.xlsx', g)).toEqual([]);
    expect(findIncompleteRegisters('f.xlsx', [g])[0].unmapped).toEqual([{ col: 3, header: 'Montant notifié TTC' }]);
  });
});

describe('§1 punctuation is ignored, also between the letters of an abbreviation', () => {
  // `C.P.` is `CP` with its punctuation: read as the synonym, not as the letters `c p`.
  it.each<[string, string]>([
    ['C.P.', 'codePostalTitulaire'],
    ['C.P', 'codePostalTitulaire'],
    ['C.P. titulaire', 'codePostalTitulaire'],
    ['S.I.R.E.T.', 'siret'],
    ['D.G.P. (jours)', 'delaiPaiement'],
    ['U.G.A.P.', 'centraleAchat'],
    ['Montant H.T.', 'montant'],
  ])('%j maps to %s', (header, field) => {
    expect(mapHeaderRow([header], REGISTER_FIELDS, 1).columns.map((c) => c.field)).toEqual([field]);
  });
});

describe('§1 ambiguous and unmapped headers are reported', () => {
  const head = [...HEAD, 'Réemploi / réutilisation', 'Lot', 'Visa DAF'];
  const row: CellValue[] = [...ROW, 300, 2, 'ok'];

  it('a header naming two fields equally well is left unmapped and reported as ambiguous; others are listed as unmapped', () => {
    const [m] = detectSheet('f.xlsx', grid('S', [head, row]));
    expect(m.ambiguous).toEqual([{ col: 5, header: 'Réemploi / réutilisation', fields: ['montantReemploi', 'montantReutilisation'] }]);
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification']);
    expect(m.unmapped).toEqual([
      { col: 6, header: 'Lot' },
      { col: 7, header: 'Visa DAF' },
    ]);
    // The register carries the same report, and reads nothing from those columns.
    const reg = build([grid('S', [head, row])]);
    expect(reg.mappings[0].ambiguous).toEqual(m.ambiguous);
    expect(reg.rows[0].values).toEqual({ numero: '2025-001', objet: 'Papier', montant: 1000, dateNotification: '2025-03-01' });
  });

  it('the user chooses for an ambiguous header with an explicit mapping', () => {
    const reg = build([grid('S', [head, row])], [{ sheet: 'S', columns: { 'Réemploi / réutilisation': 'montantReemploi', Lot: null } }]);
    const [m] = reg.mappings;
    expect(m.explicit).toBe(true);
    expect(m.ambiguous).toEqual([]);
    expect(m.columns.find((c) => c.col === 5)).toEqual({ col: 5, header: 'Réemploi / réutilisation', field: 'montantReemploi' });
    expect(reg.rows[0].values.montantReemploi).toBe(300);
  });
});

describe('§1 explicit mappings override the automatic one', () => {
  it('a column the program would not recognise is read once the user maps it, and a recognised one can be unmapped', () => {
    const head = ['Code opération', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
    const rows: CellValue[][] = [head, ['OP-7', 'Papier', 1000, d('2025-03-01'), 'ACME']];
    expect(build([grid('S', rows)]).rows).toEqual([]);
    const reg = build([grid('S', rows)], [{ sheet: 'S', columns: { A: 'numero', Titulaire: null } }]);
    expect(reg.rows.map((r) => r.values)).toEqual([{ numero: 'OP-7', objet: 'Papier', montant: 1000, dateNotification: '2025-03-01' }]);
    expect(reg.mappings[0].unmapped).toEqual([{ col: 5, header: 'Titulaire', aside: true }]);
  });

  it('the user can map a TTC column to an HT amount by hand (the TTC rule binds automatic matching only)', () => {
    const head = ['N° de marché', 'Objet', 'Montant TTC', 'Date de notification'];
    const rows: CellValue[][] = [head, ['M1', 'Papier', 1200, d('2025-03-01')]];
    const reg = build([grid('S', rows)], [{ sheet: 'S', columns: { 'Montant TTC': 'montant' } }]);
    expect(reg.rows.map((r) => r.values.montant)).toEqual([1200]);
  });
});

describe('§1 rows that are not rows', () => {
  it('a row whose only filled cells are in unmapped columns is not a row', () => {
    const head = [...HEAD, 'Visa DAF'];
    const reg = build([grid('S', [head, [...ROW, null], [null, null, null, null, 'vu le 03/03'], [' ', null, null, null, 'à revoir']])]);
    expect(reg.rows.map((r) => r.source.row)).toEqual([2]);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });

  it.each(['total', 'TOTAL', ' Total ', 'Total:', 'total :', 'Sous-total', 'SOUS-TOTAL :', 'Total général', 'TOTAL GÉNÉRAL :', 'Totaux', 'totaux:'])(
    'a row with no numero and a cell reading %j is a totals row, skipped silently',
    (text) => {
      const reg = build([grid('S', [HEAD, ROW, [null, text, 1000, null]])]);
      expect(reg.rows.map((r) => r.source.row)).toEqual([2]);
      expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
      expect(reg.otherFindings).toEqual([]);
    },
  );

  it('a cell whose whole text is not one of the total words does not make a totals row', () => {
    const reg = build([grid('S', [HEAD, ROW, [null, 'Total des achats de papier', 1000, d('2025-03-01')]])]);
    expect(reg.rows.map((r) => [r.source.row, r.findings.map((f) => f.code)])).toEqual([
      [2, []],
      [3, ['numero-manquant']],
    ]);
  });

  it('companion sheets skip their totals rows silently too', () => {
    const reg = build([
      grid('S', [HEAD, ROW]),
      grid('Facilitateur', [
        ['N° marché', 'Bénéficiaire', 'Sexe', 'Heures'],
        ['2025-001', 'B-1', 'F', 35],
        ['2025-001', 'B-2', 'H', 70],
        [null, 'Total', null, 105],
        ['Total :', null, null, 105],
      ]),
      grid('Sensibilisation', [
        ['Date', 'Type', 'Intitulé', 'Participants'],
        [d('2025-02-03'), 'Formation', 'Achats durables', 12],
        [null, 'Total', null, 12],
        [null, null, 'Totaux', 12],
      ]),
    ]);
    expect(reg.suiviInsertion.map((r) => r.source.row)).toEqual([2, 3]);
    expect(reg.actions.map((r) => r.source.row)).toEqual([2]);
    expect(reg.otherFindings).toEqual([]);
  });
});

it('recogniseWorkbook: several register sources of one workbook, in sheet order', () => {
  const ms = recogniseWorkbook('f.xlsx', [grid('2025', [HEAD, ROW]), grid('Notes', [['x']]), grid('2024', [['Titre'], HEAD, ROW])]);
  expect(ms.map((m) => [m.sheet, m.kind, m.headerRow])).toEqual([
    ['2025', 'registre', 1],
    ['2024', 'registre', 2],
  ]);
});
