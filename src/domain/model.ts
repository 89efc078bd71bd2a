/** The data that flows through the chain, from mapped sheets to results. */
import type { CellValue } from './cell';
import type {
  ActionValues,
  CibleValues,
  RegisterFieldId,
  RegisterValues,
  SaisieValues,
  SheetKind,
  SuiviInsertionValues,
} from './fields';

/** Where a row comes from, as the user sees it. */
export interface RowSource {
  /** File name as given (consolidation), or the open workbook's name. */
  readonly file: string;
  readonly sheet: string;
  /** Sheet row number (1-based) as shown in Excel. */
  readonly row: number;
}

/** One mapped column: the user's header and the field it feeds. */
export interface MappedColumn {
  /** 1-based sheet column. */
  readonly col: number;
  readonly header: string;
  readonly field: string;
}

/** How one sheet was recognised (`regles.md` §1). */
export interface SheetMapping {
  readonly file: string;
  readonly sheet: string;
  readonly kind: SheetKind;
  /** 1-based sheet row of the header (its last row when it is on two): the data start below. */
  readonly headerRow: number;
  /** First row of a header on two rows (README « Colonnes »); absent for a header on one row. */
  readonly firstHeaderRow?: number;
  readonly columns: readonly MappedColumn[];
  /** Headers matching two fields equally well: left for the user. */
  readonly ambiguous: readonly { readonly col: number; readonly header: string; readonly fields: readonly string[] }[];
  /** Non-empty headers mapped to no field; `aside` when the user chose so (`— aucune colonne —`). */
  readonly unmapped: readonly { readonly col: number; readonly header: string; readonly aside?: boolean }[];
  /** True when the user gave (part of) this mapping explicitly. */
  readonly explicit: boolean;
  /** The user's column choices for this sheet that name no column any more (its header renamed or removed since). */
  readonly lostChoices?: readonly LostChoice[];
}

/** A saved column choice whose header the sheet no longer has: `field` null for a column the user had removed. */
export interface LostChoice {
  readonly header: string;
  readonly field: string | null;
}

/** A user's explicit choice for one sheet: header text (or column letter) → field id, `null` to unmap. */
export interface MappingOverride {
  readonly file?: string;
  readonly sheet: string;
  readonly headerRow?: number;
  /**
   * With `headerRow`: the header is on that row and the next (2) or on that row alone (1), as the
   * user said; absent, the program tells (a header on two rows is found when nothing looks like data).
   */
  readonly headerRows?: 1 | 2;
  readonly columns: Readonly<Record<string, string | null>>;
}

export type Gravite = 'erreur' | 'avertissement';

export const ERROR_CODES = [
  'numero-manquant',
  'objet-manquant',
  'montant-manquant',
  'montant-invalide',
  'date-manquante',
  'date-invalide',
  'valeur-illisible',
  'doublon',
  'prolongations-incoherentes',
] as const;

export const WARNING_CODES = [
  'siret-invalide',
  'cpv-invalide',
  'montants-ae-superieurs',
  'gain-sans-negociation',
  'heures-sans-clause',
  'delai-paiement-depasse',
  'code-postal-invalide',
  'suggestion-non-confirmee',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type FindingCode = ErrorCode | WarningCode;

/** Errors, then warnings, in the catalogue's order: the pane's groups and the command line's counts. */
export const FINDING_CODES: readonly FindingCode[] = [...ERROR_CODES, ...WARNING_CODES];

/** One line of the controls (`SPASER Contrôles`, JSON `controles`). */
export interface Finding {
  readonly gravite: Gravite;
  readonly code: FindingCode;
  readonly message: string;
  readonly source: RowSource;
  /** The user's own header of the cell at fault, null for a whole-row finding. */
  readonly colonne: string | null;
  /** 1-based sheet column of the cell at fault, when there is one. */
  readonly col: number | null;
  /** What was read in the cell, as text. */
  readonly valeurLue: string | null;
}

export type Consideration = 'sociale' | 'environnementale' | 'innovation';

export type TagOrigin = 'déclaré' | 'confirmé' | 'suggéré';

export interface Tag {
  readonly consideration: Consideration;
  /** Sub-tag label: `Clause sociale`, `Critère environnemental`, `Marché innovant`… */
  readonly etiquette: string;
  readonly origine: TagOrigin;
  /** Words of the text that triggered a suggestion. */
  readonly declencheur?: string;
}

/** A contract row of the register once read, judged and tagged. */
export interface RegisterRow {
  /** Position in the consolidated register (0-based, file order then sheet order). */
  readonly index: number;
  readonly source: RowSource;
  readonly values: RegisterValues;
  /** Fields mapped by this row's source sheet (absent ≠ empty, `regles.md` §2). */
  readonly mapped: ReadonlySet<RegisterFieldId>;
  /** Cells that could not be read, as they were, by field (the register sheet shows them). */
  readonly raw: Readonly<Partial<Record<RegisterFieldId, CellValue>>>;
  /** `pole` cell when mapped, else the file name without extension. */
  readonly pole: string;
  /** Year of `dateNotification` when readable. */
  readonly annee: number | null;
  readonly findings: readonly Finding[];
  readonly hasError: boolean;
  readonly tags: readonly Tag[];
  /** Considerations counted in indicators: declared or confirmed only. */
  readonly sociale: boolean;
  readonly environnementale: boolean;
  readonly innovation: boolean;
}

export interface CompanionRow<V> {
  readonly source: RowSource;
  readonly values: V;
  readonly mapped: ReadonlySet<string>;
}

/** All the rows of the consolidated inputs. */
export interface Register {
  readonly rows: readonly RegisterRow[];
  readonly suiviInsertion: readonly CompanionRow<SuiviInsertionValues>[];
  readonly actions: readonly CompanionRow<ActionValues>[];
  readonly cibles: readonly CompanionRow<CibleValues>[];
  readonly saisies: readonly CompanionRow<SaisieValues>[];
  readonly mappings: readonly SheetMapping[];
  /** Findings that are not about one register row (companion sheets). */
  readonly otherFindings: readonly Finding[];
  /** Each `doublon` row, with the earlier row it repeats (`regles.md` §3), in register order. */
  readonly doublons: readonly { readonly row: RowSource; readonly first: RowSource }[];
  /** True when at least one suivi insertion / actions / cibles / saisies sheet was found. */
  readonly has: { readonly suiviInsertion: boolean; readonly actions: boolean; readonly cibles: boolean; readonly saisies: boolean };
}

export type Unite = '%' | '€' | 'nombre' | 'jours';
export type Statut = 'calculé' | 'saisi' | 'non calculable';

export type Repartition = Readonly<Record<string, number | { readonly fournisseurs: number; readonly depense: number }>>;

/** One indicator in the JSON of `sortie.md`. */
export interface IndicatorResult {
  readonly id: string;
  readonly axe: number;
  readonly objectif: string;
  readonly libelle: string;
  readonly unite: Unite;
  readonly statut: Statut;
  readonly valeur: number | null;
  readonly couverture: { readonly renseignees: number; readonly total: number };
  readonly repartition: Repartition | null;
  readonly n1: number | null;
  readonly cible: { readonly valeur: number; readonly sens: '≥' | '≤'; readonly atteinte: boolean | null } | null;
  readonly parPole: Readonly<Record<string, number | null>> | null;
  readonly motif: string | null;
  /** Extra note for the indicator sheet (spend used, source of a manual value…). */
  readonly note?: string | null;
}

/** A tag suggestion in the JSON of `sortie.md`. */
export interface SuggestionResult {
  readonly numero: string;
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly declencheur: string;
  readonly decision: 'confirmée' | 'rejetée' | null;
}

/** The machine-readable result (`sortie.md`). */
export interface SpaserResult {
  readonly exercice: number | null;
  readonly depense: 'montantMandate' | 'montant';
  readonly lignes: { readonly lues: number; readonly exercice: number; readonly erreurs: number; readonly avertissements: number };
  readonly indicateurs: readonly IndicatorResult[];
  readonly controles: readonly {
    readonly gravite: Gravite;
    readonly code: FindingCode;
    readonly message: string;
    readonly feuille: string;
    readonly ligne: number;
    readonly colonne: string | null;
    readonly source: string;
  }[];
  readonly suggestions: readonly SuggestionResult[];
}

/** Progress of a long step, for the CLI and the task pane. */
export type ProgressStep = 'lecture' | 'colonnes' | 'contrôles' | 'calcul' | 'écriture';
export type ProgressListener = (step: ProgressStep, done: number, total: number) => void;
