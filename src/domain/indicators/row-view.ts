/**
 * Row views for the engine: every field in one fixed shape (`REGISTER_FIELDS`
 * order), field positions and masks. The register reader keeps its rows'
 * values in a `RowStore` and marks its rows; the engine copies rows built
 * elsewhere (tests, hand-made registers) into a store once.
 */
import { REGISTER_FIELDS, type RegisterFieldId, type RegisterValues } from '../fields';
import type { RegisterRow } from '../model';
import type { RowStore } from '../row-store';

/** Every register field present as a key (undefined when empty or not mapped). */
export type CanonicalValues = { [K in RegisterFieldId]-?: RegisterValues[K] | undefined };

/**
 * A row's values from slots by field position (`fieldPosition`), in the same
 * single shape (every field, in `REGISTER_FIELDS` order). The register reader fills the slots cell
 * by cell and builds each row with this one literal: its rows then need no
 * copy for the engine, and no keyed store touches the object.
 */
export function valuesFromSlots(s: readonly unknown[]): CanonicalValues {
  return {
    numero: s[0],
    objet: s[1],
    pole: s[2],
    direction: s[3],
    acheteur: s[4],
    nature: s[5],
    procedure: s[6],
    horsMarche: s[7],
    codeNomenclature: s[8],
    codeCPV: s[9],
    dateNotification: s[10],
    dureeMois: s[11],
    montant: s[12],
    montantMandate: s[13],
    programme: s[14],
    recurrent: s[15],
    nbAvenants: s[16],
    nbAvenantsProlongation: s[17],
    sourcage: s[18],
    coutGlobal: s[19],
    reunionCadrage: s[20],
    nbBilans: s[21],
    delaiPaiement: s[22],
    montantHorsBPU: s[23],
    offresRecues: s[24],
    ficheSuivi: s[25],
    negociation: s[26],
    gainNegociation: s[27],
    offreTechAmelioree: s[28],
    clauseEnvironnementale: s[29],
    critereEnvironnemental: s[30],
    montantReemploi: s[31],
    montantReutilisation: s[32],
    montantRecycle: s[33],
    centraleAchat: s[34],
    modeAcquisition: s[35],
    clauseSociale: s[36],
    critereSocial: s[37],
    marcheReserve: s[38],
    marcheInsertion: s[39],
    heuresInsertionPrevues: s[40],
    heuresInsertionRealisees: s[41],
    structureTitulaire: s[42],
    marcheInnovant: s[43],
    titulaire: s[44],
    siret: s[45],
    codePostalTitulaire: s[46],
    communeTitulaire: s[47],
    paysTitulaire: s[48],
    categorieEntreprise: s[49],
    effectifTitulaire: s[50],
    commentaires: s[51],
  } as CanonicalValues;
}

/**
 * Row arrays read by the register reader, with the store holding their values
 * by position (`index` = position), so the engine reads the columns as they are.
 */
const CANONICAL_ROWS = new WeakMap<readonly RegisterRow[], RowStore>();

export function markCanonical(rows: readonly RegisterRow[], store: RowStore): void {
  CANONICAL_ROWS.set(rows, store);
}

/** The store given with `markCanonical`, if the rows are the reader's. */
export function canonicalStore(rows: readonly RegisterRow[]): RowStore | undefined {
  return CANONICAL_ROWS.get(rows);
}

/**
 * One field of the rows, by position in `rows`: read from the reader's column
 * when the rows are the reader's (no row builds its values object), else from
 * each row's values. For whoever reads one field over many rows.
 */
export function fieldOfRows(rows: readonly RegisterRow[], id: RegisterFieldId): (i: number) => unknown {
  const store = canonicalStore(rows);
  if (store === undefined) return (i) => (rows[i].values as Readonly<Record<string, unknown>>)[id];
  const p = fieldPosition(id);
  return (i) => store.valueAt(p, i);
}

/** Filled fields as two 32-bit masks (bit = position in `REGISTER_FIELDS`). */
export interface FieldMask {
  readonly lo: number;
  readonly hi: number;
}

const FIELD_IDS: readonly RegisterFieldId[] = REGISTER_FIELDS.map((f) => f.id);
const FIELD_BIT = new Map<string, number>(FIELD_IDS.map((id, i) => [id, i]));
if (FIELD_IDS.length > 64) throw new Error('FieldMask holds 64 fields');

/** Number of register fields: the length of the slots of `valuesFromSlots`. */
export const FIELD_COUNT = FIELD_IDS.length;

/** Position of a field in `REGISTER_FIELDS` (its slot and its mask bit). */
export function fieldPosition(id: RegisterFieldId): number {
  return FIELD_BIT.get(id) as number;
}

export function maskOf(fields: readonly RegisterFieldId[]): FieldMask {
  let lo = 0;
  let hi = 0;
  for (const f of fields) {
    const bit = FIELD_BIT.get(f) as number;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  return { lo, hi };
}
