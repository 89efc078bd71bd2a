/**
 * Judging a row (`regles.md` §3). The per-row rules are a zod schema: each
 * issue carries its finding code; French messages are built from the code.
 */
import { z } from 'zod';
import type { RegisterFieldId, RegisterValues } from './fields';
import type { Finding, FindingCode, Gravite, RowSource } from './model';
import { ERROR_CODES } from './model';
import type { ReadOutcome } from './read-cell';
import { isValidSiret } from './suppliers';
import { isFrance } from './zones';

/** A cell that could not be read, by field. */
export type InvalidCell = Extract<ReadOutcome<unknown>, { kind: 'invalid' }>;

export interface RowToJudge {
  readonly source: RowSource;
  readonly values: RegisterValues;
  readonly mapped: ReadonlySet<RegisterFieldId>;
  readonly invalid: Readonly<Partial<Record<RegisterFieldId, InvalidCell>>>;
  /** The user's header and sheet column of each mapped field. */
  readonly columns: Readonly<Partial<Record<RegisterFieldId, { readonly header: string; readonly col: number }>>>;
  /** Suggestions still waiting for the user's decision. */
  readonly pendingSuggestions: readonly { readonly etiquette: string; readonly declencheur: string }[];
}

const ERROR_SET: ReadonlySet<string> = new Set(ERROR_CODES);

export function gravityOf(code: FindingCode): Gravite {
  return ERROR_SET.has(code) ? 'erreur' : 'avertissement';
}

/** Latest acceptable notification date: 31/12 of the year after the run. */
export function latestNotificationDate(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

const EARLIEST_DATE = '2000-01-01';
const CPV = /^\d{8}(-\d)?$/;
const FIVE_DIGITS = /^\d{5}$/;

interface IssueParams {
  readonly code: FindingCode;
  readonly field: RegisterFieldId | null;
  readonly detail?: string;
}

const requiredText = (code: FindingCode) =>
  z.string({ error: code }).refine((s) => s.trim().length > 0, { error: code });

/** The per-row rules, built per run: the date bound depends on the day of the run. */
export function rowRules(today: string) {
  const latest = latestNotificationDate(today);
  // Two schemas: zod skips refinements once a field failed, and warnings must survive errors.
  const required = z
    .object({
      numero: requiredText('numero-manquant'),
      objet: requiredText('objet-manquant'),
      montant: z
        .number({ error: (iss) => (iss.input === undefined ? 'montant-manquant' : 'montant-invalide') })
        .nonnegative({ error: 'montant-invalide' }),
      dateNotification: z
        .string({ error: (iss) => (iss.input === undefined ? 'date-manquante' : 'date-invalide') })
        .refine((d) => d >= EARLIEST_DATE && d <= latest, { error: 'date-invalide' }),
    });
  // `.check` rather than `.superRefine`: the latter builds an `addIssue` closure on every parse.
  const coherence = z
    .custom<RegisterValues>((v) => typeof v === 'object' && v !== null)
    .check((ctx) => {
      const v = ctx.value;
      if (v.nbAvenantsProlongation !== undefined && v.nbAvenants !== undefined && v.nbAvenantsProlongation > v.nbAvenants) {
        addIssue(ctx, 'prolongations-incoherentes', 'nbAvenantsProlongation');
      }
      if (v.siret !== undefined) {
        // Most SIRET cells are the 14 digits already: no copy without the spaces.
        const digits = isFourteenDigits(v.siret) ? v.siret : v.siret.replace(/[\s\u00a0\u202f]/g, '');
        if (!/^\d{14}$/.test(digits) || !isValidSiret(digits)) addIssue(ctx, 'siret-invalide', 'siret');
      }
      if (v.codeCPV !== undefined && !CPV.test(v.codeCPV.trim())) addIssue(ctx, 'cpv-invalide', 'codeCPV');
      const ae = (v.montantReemploi ?? 0) + (v.montantReutilisation ?? 0) + (v.montantRecycle ?? 0);
      const spend = v.montantMandate ?? v.montant;
      if (ae > 0 && spend !== undefined && ae > spend) addIssue(ctx, 'montants-ae-superieurs', null, formatEuro(ae));
      if (v.delaiPaiement !== undefined && v.delaiPaiement > 30) addIssue(ctx, 'delai-paiement-depasse', 'delaiPaiement');
      if (v.codePostalTitulaire !== undefined && (v.paysTitulaire === undefined || isFrance(v.paysTitulaire)) && !FIVE_DIGITS.test(v.codePostalTitulaire.trim())) {
        addIssue(ctx, 'code-postal-invalide', 'codePostalTitulaire');
      }
    });
  return { required, coherence };
}

/**
 * `rowRules` through zod's compiled fast path: plain code for a passing row (the
 * usual case), zod's own parser for a failing one or where `new Function` is refused.
 */
export function rowSchema(today: string): ReturnType<typeof rowRules> {
  const rules = rowRules(today);
  return { required: z.compile(rules.required), coherence: z.compile(rules.coherence) };
}

function isFourteenDigits(s: string): boolean {
  if (s.length !== 14) return false;
  for (let i = 0; i < 14; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A coherence issue carrying its finding code (only raised rows pay for it). */
function addIssue(ctx: z.core.ParsePayload<RegisterValues>, code: FindingCode, field: RegisterFieldId | null, detail?: string): void {
  ctx.issues.push({ code: 'custom', message: code, input: ctx.value, params: { code, field, detail } satisfies IssueParams });
}


/** Checks that need to know whether a column is mapped (absent ≠ empty). */
function mappedChecks(row: RowToJudge, found: Found[]): void {
  const v = row.values;
  const m = row.mapped;
  if ((v.gainNegociation ?? 0) > 0 && m.has('negociation') && v.negociation !== true) {
    found.push({ code: 'gain-sans-negociation', field: 'gainNegociation' });
  }
  if (
    (v.heuresInsertionRealisees ?? 0) > 0 &&
    (m.has('clauseSociale') || m.has('marcheInsertion')) &&
    v.clauseSociale !== true &&
    v.marcheInsertion !== true
  ) {
    found.push({ code: 'heures-sans-clause', field: 'heuresInsertionRealisees' });
  }
}

const REQUIRED_OWN_CODES: Partial<Record<RegisterFieldId, FindingCode>> = {
  montant: 'montant-invalide',
  dateNotification: 'date-invalide',
};

interface Found {
  readonly code: FindingCode;
  readonly field: RegisterFieldId | null;
  readonly detail?: string;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
const FOUND: Found[] = [];

/** Every finding of one register row, errors first, in the order of the spec's tables. */
export function judgeRow(
  row: RowToJudge,
  schema: ReturnType<typeof rowSchema>,
  displayOf: (f: RegisterFieldId) => string,
): readonly Finding[] {
  // Reused from row to row: most rows find nothing.
  const found = FOUND;
  found.length = 0;
  const v = row.values;
  // The object schema reads its four fields from the row itself, unless one of them is replaced below.
  let input: Record<string, unknown> = v;
  // Cells that could not be read: the required fields keep their own codes for unreadable text.
  let unreadable: Set<RegisterFieldId> | null = null;
  for (const key in row.invalid) {
    const field = key as RegisterFieldId;
    const cell = row.invalid[field] as InvalidCell;
    if (REQUIRED_OWN_CODES[field] && cell.reason !== 'erreur-formule') {
      if (input === v) input = { numero: v.numero, objet: v.objet, montant: v.montant, dateNotification: v.dateNotification };
      input[field] = { illisible: cell.shown }; // the schema says montant-invalide / date-invalide
      continue;
    }
    (unreadable ??= new Set()).add(field);
    found.push({ code: 'valeur-illisible', field, detail: cell.shown });
  }
  const required = schema.required.safeParse(input);
  if (!required.success) collectIssues(required.error.issues, unreadable, found);
  const coherence = schema.coherence.safeParse(v);
  if (!coherence.success) collectIssues(coherence.error.issues, unreadable, found);
  mappedChecks(row, found);
  for (const s of row.pendingSuggestions) {
    found.push({ code: 'suggestion-non-confirmee', field: null, detail: `${s.etiquette} (« ${s.declencheur} »)` });
  }
  if (found.length === 0) return NO_FINDINGS;
  // Plain loop: called for every row, no closure per call.
  const findings: Finding[] = [];
  for (const f of found) findings.push(toFinding(row, f.code, f.field, f.detail, displayOf));
  return findings;
}

function collectIssues(issues: readonly z.core.$ZodIssue[], unreadable: ReadonlySet<RegisterFieldId> | null, found: Found[]): void {
  for (const issue of issues) {
    const params = (issue as { params?: IssueParams }).params;
    if (params) {
      found.push({ code: params.code, field: params.field, detail: params.detail });
    } else {
      const field = issue.path[0] as RegisterFieldId;
      if (unreadable?.has(field)) continue; // already a valeur-illisible
      found.push({ code: issue.message as FindingCode, field });
    }
  }
}

function toFinding(
  row: RowToJudge,
  code: FindingCode,
  field: RegisterFieldId | null,
  detail: string | undefined,
  displayOf: (f: RegisterFieldId) => string,
): Finding {
  const column = field ? row.columns[field] : undefined;
  const shown = field ? (row.invalid[field]?.shown ?? displayOf(field)) : (detail ?? null);
  return {
    gravite: gravityOf(code),
    code,
    message: frenchMessage(code, row.source, column?.header ?? null, shown, detail),
    source: row.source,
    colonne: column?.header ?? null,
    col: column?.col ?? null,
    valeurLue: shown === '' ? null : shown,
  };
}

/** `toLocaleString('fr-FR', …)` builds this formatter on every call. */
const EURO = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function formatEuro(n: number): string {
  return `${EURO.format(n)} €`;
}

const WHAT: Record<FindingCode, (value: string | null, detail?: string) => string> = {
  'numero-manquant': () => 'le numéro de marché est vide.',
  'objet-manquant': () => "l'objet du marché est vide.",
  'montant-manquant': () => 'le montant notifié HT est vide.',
  'montant-invalide': (v) => `le montant « ${v} » n'est pas un montant positif lisible.`,
  'date-manquante': () => 'la date de notification est vide.',
  'date-invalide': (v) => `la date de notification « ${v} » est illisible ou hors période (du 01/01/2000 à la fin de l'année prochaine).`,
  'valeur-illisible': (v) => `la valeur « ${v} » ne peut pas être lue.`,
  doublon: (_v, d) => `ce numéro de marché figure déjà ${d ?? 'plus haut'} pour la même année : la ligne est écartée des indicateurs.`,
  'prolongations-incoherentes': () => "le nombre d'avenants de prolongation dépasse le nombre total d'avenants.",
  'siret-invalide': (v) => `le SIRET « ${v} » n'a pas 14 chiffres valides.`,
  'cpv-invalide': (v) => `le code CPV « ${v} » n'a pas la forme 12345678 ou 12345678-9.`,
  'montants-ae-superieurs': (_v, d) =>
    `les dépenses de réemploi, réutilisation et matières recyclées (${d ?? ''}) dépassent la dépense de la ligne.`,
  'gain-sans-negociation': () => "un gain de négociation est indiqué alors qu'aucune négociation n'est déclarée.",
  'heures-sans-clause': () => "des heures d'insertion sont réalisées sans clause sociale ni marché d'insertion déclarés.",
  'delai-paiement-depasse': (v) => `le délai de paiement (${v} jours) dépasse le maximum légal de 30 jours.`,
  'code-postal-invalide': (v) => `le code postal « ${v} » n'a pas 5 chiffres.`,
  'suggestion-non-confirmee': (_v, d) => `l'étiquette suggérée ${d ?? ''} attend votre confirmation ou votre refus.`,
};

export function frenchMessage(code: FindingCode, source: RowSource, header: string | null, value: string | null, detail?: string): string {
  const where = header ? `Ligne ${source.row}, colonne « ${header} » : ` : `Ligne ${source.row} : `;
  return where + WHAT[code](value, detail);
}
