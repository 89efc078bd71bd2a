/**
 * Generators of small workbooks for the metamorphic indicator tests: register
 * sheets with the register fields (several Pôles, years N and N−1), an optional
 * Suivi insertion, Actions SPASER, Cibles and Saisies manuelles sheet. Every
 * header is the field's own French label; every amount and number is an integer
 * (sums in any order are exact).
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../../src/domain/cell';
import { REGISTER_FIELDS, type RegisterFieldId } from '../../../src/domain/fields';
import { runChain } from '../../../src/domain/chain';
import type { IndicatorResult } from '../../../src/domain/model';
import { grid } from '../../helpers/grid';
import { INDICATOR_FIELDS } from './fixtures';

export const N = 2025;
export const TODAY = '2026-06-01';
export const POLES = ['Pôle Ressources', 'Pôle Cadre de vie', 'Pôle Solidarités'] as const;

const label = (id: RegisterFieldId): string => REGISTER_FIELDS.find((f) => f.id === id)!.label;

const REQUIRED: readonly RegisterFieldId[] = ['numero', 'objet', 'montant', 'dateNotification'];
const SUPPLIER_FIELDS: readonly RegisterFieldId[] = ['titulaire', 'siret', 'codePostalTitulaire', 'communeTitulaire', 'paysTitulaire', 'categorieEntreprise', 'effectifTitulaire'];

/** Suppliers with one address and size each (a supplier's zone/size is that of its first row). */
const SUPPLIERS: readonly Partial<Record<RegisterFieldId, CellValue>>[] = [
  { titulaire: 'Nord Bâtiment', siret: '73282932000074', communeTitulaire: 'Roubaix', codePostalTitulaire: '59100', categorieEntreprise: 'PME' },
  { titulaire: 'Atelier Tourquennois', communeTitulaire: 'Tourcoing', codePostalTitulaire: '59200', effectifTitulaire: 8 },
  { titulaire: 'Picardie Services', codePostalTitulaire: '80000', categorieEntreprise: 'ETI' },
  { titulaire: 'Lyon Fournitures', communeTitulaire: 'Lyon', codePostalTitulaire: '69003', effectifTitulaire: 6000 },
  { titulaire: 'Brussels Office', communeTitulaire: 'Bruxelles', paysTitulaire: 'Belgique' },
  { titulaire: 'Roubaix Insertion', communeTitulaire: 'Roubaix' },
  { titulaire: 'Sans Adresse' },
];

const yesNo = fc.constantFrom<CellValue>('oui', 'non', null);
const small = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null));
const amount = fc.oneof(fc.integer({ min: 0, max: 50000 }), fc.constant(null));

function valueArb(id: RegisterFieldId): fc.Arbitrary<CellValue> {
  switch (id) {
    case 'pole':
      return fc.constantFrom<CellValue>(...POLES, null);
    case 'procedure':
      return fc.constantFrom<CellValue>('MAPA', 'AOO', 'sans publicité', 'Dialogue compétitif', null);
    case 'codeNomenclature':
      return fc.constantFrom<CellValue>('F01', 'S12', null);
    case 'dureeMois':
      return fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(null));
    case 'nbBilans':
      return fc.constantFrom<CellValue>(0, 1, 2, null);
    case 'nbAvenants':
    case 'nbAvenantsProlongation':
    case 'offresRecues':
      return small;
    case 'delaiPaiement':
      return fc.oneof(fc.integer({ min: 5, max: 45 }), fc.constant(null));
    case 'heuresInsertionRealisees':
      return fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(null));
    case 'montantMandate':
    case 'montantHorsBPU':
    case 'gainNegociation':
    case 'montantReemploi':
    case 'montantReutilisation':
    case 'montantRecycle':
      return amount;
    case 'modeAcquisition':
      return fc.constantFrom<CellValue>('Achat', 'Location', "Achat d'usage", null);
    case 'marcheReserve':
      return fc.constantFrom<CellValue>('Non', 'ESAT', 'SIAE', 'ESS', null);
    case 'structureTitulaire':
      return fc.constantFrom<CellValue>('ESAT', 'EA', 'SIAE', 'ESS', 'Autre', null);
    default:
      return yesNo;
  }
}

/** One generated register row: the values of its fields (the supplier's fields from the pool). */
export interface GenRow {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly montant: number;
  readonly values: Partial<Record<RegisterFieldId, CellValue>>;
  readonly supplier: number;
}

export interface GenSheet {
  readonly name: string;
  readonly fields: readonly RegisterFieldId[];
  readonly rows: readonly GenRow[];
}

export interface GenSuivi {
  readonly contract: number;
  readonly beneficiaire: string;
  readonly sexe: CellValue;
  readonly commune: CellValue;
  readonly qpv: CellValue;
  readonly typeContrat: CellValue;
  readonly heures: CellValue;
}

export interface GenWorkbook {
  readonly sheets: readonly GenSheet[];
  /** Suivi insertion rows; `contract` indexes the register rows in order (numero `M-<k>`). */
  readonly suivi: readonly GenSuivi[] | null;
  readonly actions: readonly { year: number; type: string; participants: number }[] | null;
  readonly cibles: readonly { indicateur: string; year: number; cible: number; sens: string | null }[] | null;
  readonly saisies: readonly { indicateur: string; year: number; valeur: number }[] | null;
}

const rowArb = (fields: readonly RegisterFieldId[]): fc.Arbitrary<GenRow> =>
  fc.record({
    year: fc.constantFrom(N - 1, N),
    month: fc.integer({ min: 1, max: 12 }),
    // Day ≤ 28: a date moved by one year stays a date.
    day: fc.integer({ min: 1, max: 28 }),
    montant: fc.integer({ min: 0, max: 100000 }),
    values: fc.record(Object.fromEntries(fields.filter((f) => !SUPPLIER_FIELDS.includes(f)).map((f) => [f, valueArb(f)]))) as fc.Arbitrary<
      Partial<Record<RegisterFieldId, CellValue>>
    >,
    supplier: fc.integer({ min: 0, max: SUPPLIERS.length - 1 }),
  });

const fieldsArb = fc.subarray([...INDICATOR_FIELDS], { minLength: 4 }).map((fs) => (fs.includes('pole') ? fs : ['pole' as RegisterFieldId, ...fs]));

const sheetArb = (name: string): fc.Arbitrary<GenSheet> =>
  fc.oneof(fc.constant([...INDICATOR_FIELDS]), fieldsArb).chain((fields) =>
    fc.array(rowArb(fields), { minLength: 1, maxLength: 10 }).map((rows) => ({ name, fields, rows })),
  );

const IDS_WITH_TARGETS = ['3.1.1-consideration-env', '4.1.2-consideration-sociale', '2.1.3-sourcage', '2.1.5-delai-paiement'];

export const workbookArb: fc.Arbitrary<GenWorkbook> = fc.record({
  sheets: fc.oneof({ weight: 2, arbitrary: sheetArb('Marchés').map((s) => [s]) }, { weight: 1, arbitrary: fc.tuple(sheetArb('Marchés'), sheetArb('Bons de commande')) }),
  suivi: fc.option(
    fc.array(
      fc.record({
        contract: fc.integer({ min: 0, max: 19 }),
        beneficiaire: fc.constantFrom('B1', 'B2', 'B3', 'B4', 'B5'),
        sexe: fc.constantFrom<CellValue>('F', 'H', null),
        commune: fc.constantFrom<CellValue>('Roubaix', 'Lille', null),
        qpv: yesNo,
        typeContrat: fc.constantFrom<CellValue>('CDI', 'CDD', 'Intérim', null),
        heures: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(null)),
      }),
      { maxLength: 8 },
    ),
    { nil: null },
  ),
  actions: fc.option(
    fc.array(fc.record({ year: fc.constantFrom(N - 1, N), type: fc.constantFrom('Formation', 'Atelier', 'Événement', 'COPIL'), participants: fc.integer({ min: 0, max: 30 }) }), {
      maxLength: 5,
    }),
    { nil: null },
  ),
  cibles: fc.option(
    fc.array(
      fc.record({ indicateur: fc.constantFrom(...IDS_WITH_TARGETS), year: fc.constantFrom(N - 1, N), cible: fc.integer({ min: 0, max: 100 }), sens: fc.constantFrom('≥', '≤', null) }),
      { maxLength: 4 },
    ),
    { nil: null },
  ),
  saisies: fc.option(
    fc.array(
      fc.record({ indicateur: fc.constantFrom('3.2.1-fournitures-evitees', '3.2.1-mobilier-reemploye', '2.1.5-delai-paiement'), year: fc.constantFrom(N - 1, N), valeur: fc.integer({ min: 0, max: 100 }) }),
      { maxLength: 3 },
    ),
    { nil: null },
  ),
});

/** Numero of the k-th register row of the workbook (over its sheets, in order). */
export const numeroOf = (k: number, prefix = 'M'): string => `${prefix}-${k}`;

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A register row as sheet cells, with its numero. */
export function rowCells(fields: readonly RegisterFieldId[], r: GenRow, numero: CellValue): CellValue[] {
  const supplier = SUPPLIERS[r.supplier];
  return [
    numero,
    'Fournitures diverses',
    r.montant,
    { date: iso(r.year, r.month, r.day) },
    ...fields.map((f) => (SUPPLIER_FIELDS.includes(f) ? (supplier[f] ?? null) : (r.values[f] ?? null))),
  ];
}

export function headerOf(fields: readonly RegisterFieldId[]): CellValue[] {
  return [...REQUIRED, ...fields].map(label);
}

export interface GridOptions {
  /** Keeps a register row (by sheet index); its numero stays that of the whole workbook. */
  readonly keep?: (r: GenRow, sheet: number) => boolean;
  /** Changes a register row. */
  readonly map?: (r: GenRow) => GenRow;
  /** Reorders the data rows of a sheet: `order(sheet, n)` gives a permutation of 0…n−1. */
  readonly order?: (sheet: number, n: number) => readonly number[];
  /** Raw rows added to a register sheet (by index), at positions among its data rows. */
  readonly extra?: ReadonlyMap<number, readonly { at: number; cells: CellValue[] }[]>;
  /** Years of the companion sheets moved by this much. */
  readonly shiftCompanions?: number;
  /** Prefix of the numeros (`M` by default): distinct per file in a consolidation. */
  readonly prefix?: string;
}

/** The workbook's sheets. */
export function toGrids(wb: GenWorkbook, o: GridOptions = {}): SheetGrid[] {
  let k = 0;
  const grids: SheetGrid[] = wb.sheets.map((s, si) => {
    let data: CellValue[][] = [];
    for (const r of s.rows) {
      const numero = numeroOf(k++, o.prefix);
      if (o.keep && !o.keep(r, si)) continue;
      data.push(rowCells(s.fields, o.map ? o.map(r) : r, numero));
    }
    if (o.order) data = o.order(si, data.length).map((i) => data[i]);
    for (const e of [...(o.extra?.get(si) ?? [])].sort((a, b) => b.at - a.at)) data.splice(Math.min(e.at, data.length), 0, e.cells);
    return grid(s.name, [headerOf(s.fields), ...data]);
  });
  const dy = o.shiftCompanions ?? 0;
  if (wb.suivi !== null) {
    grids.push(
      grid('Suivi insertion', [
        ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'Résident QPV', 'Type de contrat', 'Heures réalisées'],
        ...wb.suivi.map((s) => [numeroOf(s.contract, o.prefix), s.beneficiaire, s.sexe, s.commune, s.qpv, s.typeContrat, s.heures]),
      ]),
    );
  }
  if (wb.actions !== null) {
    grids.push(
      grid('Actions SPASER', [
        ['Date', 'Type', 'Intitulé', 'Participants (élus et agents)'],
        ...wb.actions.map((a, i) => [{ date: iso(a.year + dy, 3, 10 + i) }, a.type, `Action ${i}`, a.participants]),
      ]),
    );
  }
  if (wb.cibles !== null) {
    grids.push(grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], ...wb.cibles.map((c) => [c.indicateur, c.year + dy, c.cible, c.sens])]));
  }
  if (wb.saisies !== null) {
    grids.push(grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur', 'Source'], ...wb.saisies.map((s) => [s.indicateur, s.year + dy, s.valeur, null])]));
  }
  return grids;
}

export function run(sheets: readonly SheetGrid[]): readonly IndicatorResult[] {
  return runChain([{ file: 'registre.xlsx', sheets, state: null }], { exercice: N, today: TODAY }).result.indicateurs;
}

export function runWorkbook(wb: GenWorkbook, o: GridOptions = {}): readonly IndicatorResult[] {
  return run(toGrids(wb, o));
}

/** The indicator's value as a City-wide, computed number (saisi or non calculable: null). */
export function computed(r: IndicatorResult): number | null {
  return r.statut === 'calculé' ? r.valeur : null;
}

/** Numbers compared to 1e-9 relative (two sums of the same integers may differ only by division rounding). */
export function same(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
