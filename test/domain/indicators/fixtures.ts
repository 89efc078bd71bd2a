/** Small builders of judged registers for indicator tests. */
import type { ActionValues, CibleValues, RegisterFieldId, RegisterValues, SaisieValues, SuiviInsertionValues } from '../../../src/domain/fields';
import type { CompanionRow, IndicatorResult, Register, RegisterRow } from '../../../src/domain/model';
import { computeIndicators } from '../../../src/domain/indicators/engine';

const REQUIRED: RegisterFieldId[] = ['numero', 'objet', 'montant', 'dateNotification'];

export interface RowExtra {
  readonly hasError?: boolean;
  readonly pole?: string;
  readonly sociale?: boolean;
  readonly environnementale?: boolean;
  readonly innovation?: boolean;
}

let serial = 0;

/** Rows of one source sheet: they share the sheet's `mapped` set, as the reader gives them. */
export function sheet(fields: readonly RegisterFieldId[], name = 'Registre', pole = 'Pôle A') {
  const mapped: ReadonlySet<RegisterFieldId> = new Set<RegisterFieldId>([...REQUIRED, ...fields]);
  let line = 1;
  return {
    mapped,
    /** `values` gets defaults for the required fields; `dateNotification` may be given as a year. */
    row(values: Partial<RegisterValues> & { annee?: number } = {}, extra: RowExtra = {}): RegisterRow {
      const { annee: year, ...rest } = values;
      serial++;
      line++;
      const v: RegisterValues = {
        numero: `M-${serial}`,
        objet: 'Objet',
        montant: 1000,
        dateNotification: `${year ?? 2025}-03-15`,
        ...rest,
      };
      for (const k of Object.keys(v) as RegisterFieldId[]) {
        if (!mapped.has(k)) throw new Error(`fixture: ${k} is not mapped by sheet ${name}`);
      }
      const sociale = v.clauseSociale === true || v.critereSocial === true || (v.marcheReserve !== undefined && v.marcheReserve !== 'Non') || v.marcheInsertion === true;
      const environnementale = v.clauseEnvironnementale === true || v.critereEnvironnemental === true;
      return {
        index: -1,
        source: { file: 'test.xlsx', sheet: name, row: line },
        values: v,
        mapped,
        raw: {},
        pole: extra.pole ?? pole,
        annee: v.dateNotification ? Number(v.dateNotification.slice(0, 4)) : null,
        findings: [],
        hasError: extra.hasError ?? false,
        tags: [],
        sociale: extra.sociale ?? sociale,
        environnementale: extra.environnementale ?? environnementale,
        innovation: extra.innovation ?? v.marcheInnovant === true,
      };
    },
  };
}

function companion<V extends object>(values: V, mapped: readonly string[] | undefined, sheetName: string, i: number): CompanionRow<V> {
  return { source: { file: 'test.xlsx', sheet: sheetName, row: i + 2 }, values, mapped: new Set(mapped ?? Object.keys(values)) };
}

export interface Companions {
  readonly suivi?: readonly (SuiviInsertionValues | { values: SuiviInsertionValues; mapped: readonly string[] })[];
  readonly actions?: readonly ActionValues[];
  readonly cibles?: readonly CibleValues[];
  readonly saisies?: readonly SaisieValues[];
  /** Sheets present even with no rows. */
  readonly has?: Partial<Register['has']>;
}

const SUIVI_ALL = ['numero', 'beneficiaire', 'sexe', 'communeResidence', 'qpv', 'typeContrat', 'heures', 'dateDebut'];

export function register(rows: readonly RegisterRow[], c: Companions = {}): Register {
  const suivi = (c.suivi ?? []).map((s, i) =>
    'values' in s ? companion(s.values as SuiviInsertionValues, s.mapped, 'Suivi', i) : companion(s, SUIVI_ALL, 'Suivi', i),
  );
  return {
    rows: rows.map((r, index) => ({ ...r, index })),
    suiviInsertion: suivi,
    actions: (c.actions ?? []).map((a, i) => companion(a, ['date', 'typeAction', 'intitule', 'participants'], 'Actions', i)),
    cibles: (c.cibles ?? []).map((a, i) => companion(a, ['indicateur', 'annee', 'cible', 'sens'], 'Cibles', i)),
    saisies: (c.saisies ?? []).map((a, i) => companion(a, ['indicateur', 'annee', 'valeur', 'source'], 'Saisies', i)),
    mappings: [],
    otherFindings: [],
    doublons: [],
    has: {
      suiviInsertion: (c.suivi?.length ?? 0) > 0 || (c.has?.suiviInsertion ?? false),
      actions: (c.actions?.length ?? 0) > 0 || (c.has?.actions ?? false),
      cibles: (c.cibles?.length ?? 0) > 0 || (c.has?.cibles ?? false),
      saisies: (c.saisies?.length ?? 0) > 0 || (c.has?.saisies ?? false),
    },
  };
}

/** Computes the catalogue and returns one indicator. */
export function indicator(reg: Register, id: string, exercice = 2025, chartsWritten = 0): IndicatorResult {
  const found = computeIndicators(reg, exercice, { chartsWritten }).find((r) => r.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

/** Shorthand: value of an indicator, failing loudly when it is not calculé. */
export function value(reg: Register, id: string, exercice = 2025): number | null {
  const r = indicator(reg, id, exercice);
  if (r.statut !== 'calculé') throw new Error(`${id} is ${r.statut}: ${r.motif}`);
  return r.valeur;
}

/** Every optional register field an indicator may read (the free texts no indicator reads left out). */
export const INDICATOR_FIELDS: readonly RegisterFieldId[] = [
  'pole', 'procedure', 'horsMarche', 'codeNomenclature', 'dureeMois', 'montantMandate', 'programme', 'recurrent',
  'nbAvenants', 'nbAvenantsProlongation', 'sourcage', 'coutGlobal', 'reunionCadrage', 'nbBilans', 'delaiPaiement',
  'montantHorsBPU', 'offresRecues', 'ficheSuivi', 'negociation', 'gainNegociation', 'offreTechAmelioree',
  'clauseEnvironnementale', 'critereEnvironnemental', 'montantReemploi', 'montantReutilisation', 'montantRecycle',
  'centraleAchat', 'modeAcquisition', 'clauseSociale', 'critereSocial', 'marcheReserve', 'marcheInsertion',
  'heuresInsertionRealisees', 'structureTitulaire', 'marcheInnovant', 'titulaire', 'siret', 'codePostalTitulaire',
  'communeTitulaire', 'paysTitulaire', 'categorieEntreprise', 'effectifTitulaire',
];
