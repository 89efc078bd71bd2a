/**
 * Judging a row (`regles.md` §3). The per-row rules are a zod schema: each
 * issue carries its finding code; French messages are built from the code.
 */
import { z } from 'zod';
import { type FieldDef, registerField, type RegisterFieldId, type RegisterValues } from './fields';
import type { Finding, FindingCode, Gravite, RowSource } from './model';
import { ERROR_CODES } from './model';
import { foreignUnit, missingDay, parseDateText, readNumber, unitsAllowed, type ReadOutcome, type ReadReason } from './read-cell';
import { allDigits, isDigits } from './digits';
import { frenchDate } from './french-text';
import { amountScale } from './normalize';
import { repairMisdecoded } from './misdecoded';
import { isValidSiret, siretDigits } from './suppliers';
import { isFrance, postalCode, typedPlace } from './zones';
import { cellAddress } from './cell';

/** A town typed with a foreign country after it (`Mouscron, Belgique`): its postal code is not French. */
function foreignTown(commune: string | undefined): boolean {
  return commune !== undefined && typedPlace(commune).pays !== null;
}

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
function latestNotificationDate(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

const EARLIEST_DATE = '2000-01-01';
const CPV = /^\d{8}(-\d)?$/;

interface IssueParams {
  readonly code: FindingCode;
  readonly field: RegisterFieldId | null;
  readonly detail?: string;
}

const requiredText = (code: FindingCode) => z.string({ error: code }).refine(isNotBlank, { error: code });

/** `s.trim().length > 0`, without the trim for the usual cell starting with a printable ASCII character. */
function isNotBlank(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c > 32 && c < 127) || s.trim().length > 0;
}

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
        // The bound goes into the message: « the end of next year » depends on a day the reader does not see.
        .refine((d) => d >= EARLIEST_DATE && d <= latest, {
          error: 'date-invalide',
          params: { code: 'date-invalide', field: 'dateNotification', detail: frenchDate(latest) } satisfies IssueParams,
        }),
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
        if (!isValidSiret(siretDigits(v.siret))) addIssue(ctx, 'siret-invalide', 'siret');
      }
      // The usual cell already has the right digits and no spaces around: no trim nor regex for it.
      if (v.codeCPV !== undefined && !isCpvDigits(v.codeCPV) && !CPV.test(v.codeCPV.trim())) addIssue(ctx, 'cpv-invalide', 'codeCPV');
      const ae = (v.montantReemploi ?? 0) + (v.montantReutilisation ?? 0) + (v.montantRecycle ?? 0);
      const spend = v.montantMandate ?? v.montant;
      if (ae > 0 && spend !== undefined && ae > spend) addIssue(ctx, 'montants-ae-superieurs', null, formatEuro(ae));
      if (v.delaiPaiement !== undefined && v.delaiPaiement > 30) addIssue(ctx, 'delai-paiement-depasse', 'delaiPaiement');
      // The postal code first: `isFrance` normalises the country's text.
      const cp = v.codePostalTitulaire;
      if (cp !== undefined && !isDigits(cp, 5) && postalCode(cp) === null && (v.paysTitulaire === undefined ? !foreignTown(v.communeTitulaire) : isFrance(v.paysTitulaire))) {
        addIssue(ctx, 'code-postal-invalide', 'codePostalTitulaire');
      }
    });
  return { required, coherence };
}

type RowRules = ReturnType<typeof rowRules>;

/** `rowRules` twice: compiled to answer pass or fail, and as written to tell the issues of a failing row. */
interface RowSchema extends RowRules {
  readonly rules: RowRules;
}

/**
 * `rowRules` through zod's compiled fast path: `validate` runs plain code that
 * builds nothing for a passing row (the usual case); a row it rejects is parsed
 * by zod's own parser, which says why. Where `new Function` is refused, zod
 * hands back the schema itself.
 */
export function rowSchema(today: string): RowSchema {
  // Kept for the day: compiling builds new functions, which the JavaScript engine would optimise again on every run.
  if (lastSchema?.today !== today) {
    const rules = rowRules(today);
    lastSchema = { today, schema: { required: z.compile(rules.required), coherence: z.compile(rules.coherence), rules } };
  }
  return lastSchema.schema;
}

let lastSchema: { readonly today: string; readonly schema: RowSchema } | null = null;

/** `12345678` or `12345678-9` with nothing around: a string `CPV` accepts untrimmed. */
function isCpvDigits(s: string): boolean {
  if (s.length === 8) return allDigits(s, 0, 8);
  return s.length === 10 && s.charCodeAt(8) === 45 && allDigits(s, 0, 8) && allDigits(s, 9, 10);
}

/** A coherence issue carrying its finding code (only raised rows pay for it). */
function addIssue(ctx: z.core.ParsePayload<RegisterValues>, code: FindingCode, field: RegisterFieldId | null, detail?: string): void {
  ctx.issues.push({ code: 'custom', message: code, input: ctx.value, params: { code, field, detail } satisfies IssueParams });
}

/** Checks that need to know whether a column is mapped (absent ≠ empty). */
function mappedChecks(row: RowToJudge, findings: Finding[], displayOf: (f: RegisterFieldId) => string): Finding[] {
  const v = row.values;
  const m = row.mapped;
  if ((v.gainNegociation ?? 0) > 0 && m.has('negociation') && v.negociation !== true) {
    findings = add(findings, toFinding(row, 'gain-sans-negociation', 'gainNegociation', undefined, displayOf));
  }
  if (
    (v.heuresInsertionRealisees ?? 0) > 0 &&
    (m.has('clauseSociale') || m.has('marcheInsertion')) &&
    v.clauseSociale !== true &&
    v.marcheInsertion !== true
  ) {
    findings = add(findings, toFinding(row, 'heures-sans-clause', 'heuresInsertionRealisees', undefined, displayOf));
  }
  return findings;
}

const REQUIRED_OWN_CODES: Partial<Record<RegisterFieldId, FindingCode>> = {
  montant: 'montant-invalide',
  dateNotification: 'date-invalide',
};

/** Shared while empty (most rows find nothing), never pushed to. */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** `findings` with `f` added: a fresh array in place of the shared empty one. */
function add(findings: Finding[], f: Finding): Finding[] {
  if (findings === NO_FINDINGS) return [f];
  findings.push(f);
  return findings;
}

/** Every finding of one register row, errors first, in the order of the spec's tables. */
export function judgeRow(row: RowToJudge, schema: RowSchema, displayOf: (f: RegisterFieldId) => string): readonly Finding[] {
  let findings = NO_FINDINGS;
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
    findings = add(findings, toFinding(row, 'valeur-illisible', field, expectedForm(registerField(field), cell.reason, cell.shown, row.columns[field]?.header), displayOf));
  }
  // `validate` builds nothing for a passing row; only a rejected one is parsed again for its issues.
  if (!schema.required.validate(input)) findings = collectIssues(row, issuesOf(schema.rules.required, input), unreadable, findings, displayOf);
  if (!schema.coherence.validate(v)) findings = collectIssues(row, issuesOf(schema.rules.coherence, v), unreadable, findings, displayOf);
  findings = mappedChecks(row, findings, displayOf);
  for (const s of row.pendingSuggestions) {
    findings = add(findings, toFinding(row, 'suggestion-non-confirmee', null, `${s.etiquette} (« ${s.declencheur} »)`, displayOf));
  }
  return findings;
}

/**
 * The issues of `safeParse(value).error`, through zod's Standard Schema entry: the same
 * finalized issues without building the error object, the dearest part of a failing parse.
 */
function issuesOf(schema: z.ZodType, value: unknown): readonly z.core.$ZodIssue[] {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new Error('async rules');
  return (result.issues ?? []) as readonly z.core.$ZodIssue[];
}

function collectIssues(
  row: RowToJudge,
  issues: readonly z.core.$ZodIssue[],
  unreadable: ReadonlySet<RegisterFieldId> | null,
  findings: Finding[],
  displayOf: (f: RegisterFieldId) => string,
): Finding[] {
  for (const issue of issues) {
    const params = (issue as { params?: IssueParams }).params;
    if (params) {
      findings = add(findings, toFinding(row, params.code, params.field, params.detail, displayOf));
    } else {
      const field = issue.path[0] as RegisterFieldId;
      if (unreadable?.has(field)) continue; // already a valeur-illisible
      findings = add(findings, toFinding(row, issue.message as FindingCode, field, undefined, displayOf));
    }
  }
  return findings;
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
    message: frenchMessage(code, row.source, column?.header ?? null, shown, otherColumns(code, row) ?? detail),
    source: row.source,
    colonne: column?.header ?? null,
    col: column?.col ?? null,
    valeurLue: shown === '' ? null : shown,
  };
}

/**
 * What to type in place of an unreadable cell, by the field's type: « ne peut pas être lue »
 * alone leaves the buyer guessing what the column expects.
 */
export function expectedForm(def: Pick<FieldDef, 'type' | 'options'> & Partial<Pick<FieldDef, 'id'>>, reason: ReadReason, shown?: string, header?: string): string {
  // `200 k€`: say the figure meant rather than an example, in the unit the header gives the column.
  const scale = def.type === 'montant' && header !== undefined ? amountScale(header) : 1;
  const figure = def.type === 'montant' && reason !== 'erreur-formule' && shown !== undefined ? thousandsOrMillions(shown, scale) : null;
  if (figure !== null) return `Saisissez le montant en ${SCALE_UNITS[scale] ?? 'euros'}, en chiffres : ${figure}`;
  // An agreement's minimum, or « sans minimum ni maximum »: say which amount the column takes (champs.md).
  // Only the notified amount (no id: `montant-invalide`'s): a spend is never the agreement's maximum.
  if (def.type === 'montant' && (def.id === undefined || def.id === 'montant') && reason === 'illisible' && shown !== undefined && AGREEMENT_AMOUNT_WORDS.test(shown)) {
    return `Pour un accord-cadre, saisissez son montant maximum en ${SCALE_UNITS[scale] ?? 'euros'}, ou son montant estimé s'il n'a pas de maximum (par exemple ${AGREEMENT_EXAMPLES[scale] ?? '500 000'})`;
  }
  // A headcount known only as a band (`250 et +`, `10 à 49`): the company size says what a band can.
  if (def.id === 'effectifTitulaire' && reason === 'illisible') {
    return "Saisissez l'effectif en chiffres (par exemple 12) ; si vous n'en connaissez que la tranche, laissez-le vide et indiquez la catégorie d'entreprise (TPE, PME, ETI ou GE)";
  }
  // `-8 500 €`: the figure is readable, its sign is what the column refuses; say it, and the figure without it.
  if (reason === 'negatif') {
    const unsigned = shown === undefined ? null : NEGATIVE_SIGN.exec(shown)?.[1] ?? null;
    if (def.id === 'gainNegociation' && unsigned !== null) {
      return `Un gain de négociation ne peut pas être négatif : pour une économie de ce montant, saisissez ${unsigned} ; si la négociation n'a rien fait gagner, laissez la cellule vide`;
    }
    return `Cette colonne n'admet pas de nombre négatif : ${unsigned !== null ? `saisissez ${unsigned} si le signe moins est de trop, sinon ` : ''}corrigez la valeur`;
  }
  // `12 mois reconductible` (no count): the register's duration is the contract's full length.
  if (def.id === 'dureeMois' && reason === 'illisible' && shown !== undefined && RENEWAL_WORDS.test(shown)) {
    return 'Saisissez la durée totale en mois, reconductions comprises, en nombre entier (par exemple 48 pour 12 mois reconductibles 3 fois)';
  }
  // `2 mois` in a delay counted in days: the figure is to be converted, not retyped.
  const allowed = unitsAllowed(def);
  const foreign = reason === 'illisible' && shown !== undefined && foreignUnit(def, shown) !== null;
  // An amount column says « un montant en euros » below already.
  if (foreign && allowed !== undefined && def.type !== 'montant') {
    const what = EXPECTED_BY_TYPE[def.type](def);
    if (allowed.length === 0) return `Saisissez ${what}, sans unité`;
    return `Cette colonne se compte en ${allowed[0]} : convertissez la valeur en ${allowed[0]} et saisissez ${what}`;
  }
  // `03/15/2025`: typed month first (an English-locale habit), said back day first.
  const dayFirst = def.type === 'date' && reason !== 'erreur-formule' && shown !== undefined ? dayFirstOf(shown) : null;
  if (dayFirst !== null) return `Saisissez la date jour d'abord (jj/mm/aaaa) : ${dayFirst}`;
  // `31/02/2025`, `mars 2025`: say what the date lacks, not only its form.
  const lack = def.type === 'date' && reason === 'illisible' && shown !== undefined ? missingDay(shown) : null;
  if (lack?.kind === 'sans-jour') return `Il manque le jour. Saisissez la date complète au format ${DATE_EXAMPLE}`;
  if (lack?.kind === 'jour-inexistant') return `${MONTH_NAMES[lack.month - 1]} ${lack.year} n'a que ${lack.days} jours. Saisissez une date au format ${DATE_EXAMPLE}`;
  // Under `Montant (k€)` an amount is typed in thousands: an example in euros would be read 1 000 times larger.
  const what = (scale !== 1 ? SCALED_EXAMPLES[scale] : undefined) ?? EXPECTED_BY_TYPE[def.type](def);
  // « 15 % » or « néant » in an amount column: say what the buyer meant to fix, not only an example.
  if (def.type === 'montant' && reason === 'illisible' && shown !== undefined) {
    // The euros are to be computed from the share: say on what, not only the form.
    if (PERCENT_ONLY.test(shown)) {
      return `Un pourcentage n'est pas un montant : saisissez ${what.replace(/^un montant/, 'la somme')}, calculée sur le montant auquel ce pourcentage s'applique`;
    }
    // Not the notified amount (no id: `montant-invalide`'s): a contract of 0 € is no answer to « néant ».
    if (def.id !== undefined && def.id !== 'montant' && NOTHING_WORDS.test(shown)) return `S'il n'y en a pas, saisissez 0 ; sinon, saisissez ${what}`;
  }
  // Retyping the number would show a date again: the cell's format is what to change.
  if (reason === 'format-date') {
    return `Excel l'affiche en date parce que la cellule est au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le ${def.type === 'montant' ? 'montant' : 'nombre'} affiché, ou saisissez ${what}`;
  }
  return reason === 'erreur-formule' ? `La formule de la cellule renvoie une erreur : corrigez-la ou saisissez ${what}` : `Saisissez ${what}`;
}

/** A duration that speaks of renewals (`reconductible`, `renouvelable`, `tacite reconduction`). */
const RENEWAL_WORDS = /reconduc|renouvel/i;

/** A number and its percent sign, nothing else (`15 %`, `7,5 %`). */
const PERCENT_ONLY = /^[\s\u00a0\u202f]*\d[\d\s\u00a0\u202f.,]*%[\s\u00a0\u202f]*$/;
/** A word that says there is none (`néant`, `aucun`, `rien`…), alone in the cell. */
const NOTHING_WORDS = /^[\s\u00a0\u202f]*(?:n[ée]ant|aucune?|rien|nul(?:le)?|z[ée]ro)[\s\u00a0\u202f.]*$/i;
/** A text with a leading minus sign; group 1 is the text without it. */
const NEGATIVE_SIGN = /^\s*[-\u2212\u2013]\s*(\S.*?)\s*$/;

/** 500 000 € in the column's unit: under `(M€)`, « 500 » would be 500 million euros. */
const AGREEMENT_EXAMPLES: Readonly<Record<number, string>> = { 1000: '500', 1_000_000: '0,5' };

/** Words of an agreement's amounts (`Mini : 20 000 €`, `sans minimum ni maximum`, `estimation à venir`). */
const AGREEMENT_AMOUNT_WORDS = /(?:^|[^a-zà-ÿ])(?:mini(?:mum)?|maxi(?:mum)?|max|estim[a-zé]*)(?:[^a-zà-ÿ]|$)/i;

const DATE_EXAMPLE = 'jj/mm/aaaa (par exemple 15/03/2025)';
const MONTH_NAMES = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];

const EXPECTED_BY_TYPE: Record<FieldDef['type'], (def: Pick<FieldDef, 'options'>) => string> = {
  entier: () => 'un nombre entier (par exemple 12)',
  nombre: () => 'un nombre (par exemple 35,5)',
  montant: () => 'un montant en euros (par exemple 12 500,00)',
  date: () => 'une date au format jj/mm/aaaa (par exemple 15/03/2025)',
  booleen: () => 'oui ou non',
  enum: (def) => `l'une des valeurs ${orList((def.options ?? []).map((o) => o.value))}`,
  texte: () => 'un texte',
};

/** An amount written in thousands or millions of euros: `200 k€`, `1,2 M€`, `3 MEUR HT`. */
const SCALED_AMOUNT = /^(.*\d)\s*([km])\s*(?:€|eur(?:os?)?)(?:\s*ht)?\.?$/i;
const WHOLE_EUROS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A column's unit (`amountScale` of its header) as the hint names it; euros need no more words. */
const SCALE_UNITS: Readonly<Record<number, string>> = { 1000: "milliers d'euros (l'unité de la colonne)", 1_000_000: "millions d'euros (l'unité de la colonne)" };
/** What to type in a column in k€ or M€, with an example in its unit. */
const SCALED_EXAMPLES: Readonly<Record<number, string>> = {
  1000: "un montant en milliers d'euros, l'unité de la colonne (par exemple 12,5 pour 12 500 €)",
  1_000_000: "un montant en millions d'euros, l'unité de la colonne (par exemple 1,25 pour 1 250 000 €)",
};
const SCALED_FIGURE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 8 });

/**
 * The euros a buyer meant by `200 k€` or `1,2 M€` (its number read as any cell), written in French, or
 * the figure to type in a column that multiplies by `scale` (`Montant (k€)`: 200 for `200 k€`, not
 * 200 000, read there as 200 M€); null for any other text.
 */
export function thousandsOrMillions(text: string, scale = 1): string | null {
  const m = SCALED_AMOUNT.exec(text.trim());
  if (m === null) return null;
  const n = readNumber(m[1]);
  if (n.kind !== 'value' || n.value <= 0) return null;
  const cents = Math.round(n.value * (m[2].toLowerCase() === 'k' ? 1e5 : 1e8));
  if (scale !== 1) return SCALED_FIGURE.format(cents / 100 / scale);
  return cents % 100 === 0 ? WHOLE_EUROS.format(cents / 100) : EURO.format(cents / 100);
}

const MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

/** `03/15/2025` (month first, so unreadable day first) → `15/03/2025`; null for any other text. */
export function dayFirstOf(text: string): string | null {
  const m = MONTH_FIRST.exec(text.trim());
  if (m === null) return null;
  const month = Number(m[1]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day <= 12) return null;
  const swapped = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${m[4].length === 2 ? `20${m[4]}` : m[4]}`;
  return parseDateText(swapped) === null ? null : swapped;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/** « A » or « A » et « B »…, the headers of the mapped fields among `fields`. */
function headersOf(row: RowToJudge, fields: readonly RegisterFieldId[], word: string): string {
  const headers = fields.flatMap((f) => (row.columns[f] ? [`« ${row.columns[f].header} »`] : []));
  return headers.length <= 1 ? (headers[0] ?? '') : `${headers.slice(0, -1).join(', ')} ${word} ${headers[headers.length - 1]}`;
}

const AE_FIELDS: readonly RegisterFieldId[] = ['montantReemploi', 'montantReutilisation', 'montantRecycle'];

/** A coherence finding's other cells, named by their headers: the one to correct may not be the finding's column. */
function otherColumns(code: FindingCode, row: RowToJudge): string | undefined {
  const v = row.values;
  switch (code) {
    case 'montant-invalide':
      return row.invalid.montant?.reason === 'format-date' ? expectedForm({ type: 'montant' }, 'format-date', undefined, row.columns.montant?.header) : undefined;
    case 'date-manquante':
      return v.horsMarche === true ? 'la date de la commande hors marché est vide.' : undefined;
    case 'prolongations-incoherentes':
      return row.columns.nbAvenants ? ` (${v.nbAvenantsProlongation} contre ${v.nbAvenants} dans la colonne ${headersOf(row, ['nbAvenants'], 'et')})` : undefined;
    case 'gain-sans-negociation':
      return headersOf(row, ['negociation'], 'ou') || undefined;
    case 'heures-sans-clause':
      return headersOf(row, ['clauseSociale', 'marcheInsertion'], 'ou') || undefined;
    case 'montants-ae-superieurs': {
      const filled = AE_FIELDS.filter((f) => v[f] !== undefined && row.columns[f]);
      const spendField: RegisterFieldId = v.montantMandate !== undefined ? 'montantMandate' : 'montant';
      if (filled.length === 0 || !row.columns[spendField]) return undefined;
      const ae = AE_FIELDS.reduce((sum, f) => sum + ((v[f] as number | undefined) ?? 0), 0);
      const s = filled.length > 1 ? 's' : '';
      return ` (${formatEuro(ae)}, colonne${s} ${headersOf(row, filled, 'et')}) dépassent la dépense de la ligne (${formatEuro(v[spendField] as number)}, colonne ${headersOf(row, [spendField], 'et')})`;
    }
    default:
      return undefined;
  }
}

/** `toLocaleString('fr-FR', …)` builds this formatter on every call. */
const EURO = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function formatEuro(n: number): string {
  return `${EURO.format(n)} €`;
}

/**
 * The value read: a bare number followed by « jours » (`35 jours`), a cell that already says
 * it as typed (`35 j`), any other wording in quotes (`« 45 j HT »`, not « 45 j HT jours »).
 */
function withDays(v: string | null): string {
  const t = (v ?? '').trim();
  // The day units the reader takes (`35 j`, `35 j.`, `35 jrs`, `35 jours`) are shown as typed.
  if (/(^|[\d\s])j(ours?|rs)?\.?$/i.test(t)) return t;
  return /^[\d\s.,]+$/.test(t) ? `${t} jours` : `« ${t} »`;
}

/** SIRETs listed in one cell (a multi-attributaire agreement: `A / B / C`, `A ; B`): how many, or 0 when it is no such list. */
const SIRET_LIST_SEPARATOR = /\s*[\/;,|\n]\s*|\s+(?:-|et)\s+/;
function siretCount(cell: string): number {
  const parts = cell.trim().split(SIRET_LIST_SEPARATOR).filter((p) => p !== '');
  return parts.length > 1 && parts.every((p) => isDigits(siretDigits(p), 14)) ? parts.length : 0;
}

// `header`: the column's, for the unit an amount is typed in.
const WHAT: Record<FindingCode, (value: string | null, detail?: string, header?: string | null) => string> = {
  'numero-manquant': () => 'le numéro de marché est vide.',
  'objet-manquant': () => "l'objet du marché est vide.",
  'montant-manquant': () => 'le montant notifié HT est vide.',
  // `d`: what to do when the reason is not the usual one (a date format); `h`: the column's header, for its unit.
  'montant-invalide': (v, d, h) => `le montant « ${v} » n'est pas un montant positif lisible. ${d ?? expectedForm({ type: 'montant' }, 'illisible', v ?? undefined, h ?? undefined)}.`,
  // `d`: the sentence for an order outside any contract, whose date is the order's (champs.md).
  'date-manquante': (_v, d) => d ?? 'la date de notification est vide.',
  // `d`: the latest date allowed, when the date was read but is out of the period.
  'date-invalide': (v, d) =>
    d
      ? `la date de notification « ${v} » est hors de la période admise, du 01/01/2000 au ${d}. Corrigez-la (l'année est sans doute mal saisie).`
      : `la date de notification « ${v} » n'est pas une date lisible ou n'existe pas. ${expectedForm({ type: 'date' }, 'illisible', v ?? undefined)}.`,
  'valeur-illisible': (v, d) => `la valeur « ${v} » ne peut pas être lue.${d ? ` ${d}.` : ''}`,
  doublon: (_v, d) => `ce numéro de marché figure déjà ${d ?? 'plus haut'} pour la même année : la ligne est écartée des indicateurs.`,
  'prolongations-incoherentes': (_v, d) => `le nombre d'avenants de prolongation dépasse le nombre total d'avenants${d ?? ''}. Corrigez l'un des deux nombres.`,
  // `v` as the sheet shows it: its digits as read (`552Â 081…`, no-break spaces mis-decoded, has 14).
  'siret-invalide': (v) => {
    const meant = repairMisdecoded(v ?? '');
    const digits = siretDigits(meant);
    if (isDigits(digits, 14)) return `le SIRET « ${v} » a bien 14 chiffres mais sa clé de contrôle est fausse : un chiffre est sans doute mal saisi.`;
    const listed = siretCount(meant);
    return listed > 1
      ? `le SIRET « ${v} » porte ${listed} numéros de 14 chiffres, un par titulaire sans doute : la colonne n'en prend qu'un par ligne. Le fournisseur de cette ligne est donc compté par le nom du titulaire ; s'il n'y a qu'un titulaire, gardez son seul SIRET.`
      : `le SIRET « ${v} » n'a pas 14 chiffres.${lostZerosHint(digits)}`;
  },
  'cpv-invalide': (v) => `le code CPV « ${v} » n'a pas la forme 12345678 ou 12345678-9.`,
  // `d`: the sum (also the value read), or the sentence with the columns when known (`otherColumns`).
  'montants-ae-superieurs': (_v, d) =>
    `les dépenses de réemploi, réutilisation et matières recyclées${d?.startsWith(' (') ? d : ` (${d ?? ''}) dépassent la dépense de la ligne`}. Corrigez l'un de ces montants.`,
  'gain-sans-negociation': (_v, d) =>
    `un gain de négociation est indiqué alors qu'aucune négociation n'est déclarée. Si une négociation a eu lieu, mettez oui dans la colonne ${d ?? 'de la négociation'} ; sinon, effacez le gain.`,
  'heures-sans-clause': (_v, d) =>
    `des heures d'insertion sont réalisées sans clause sociale ni marché d'insertion déclarés. Si le marché en comporte, mettez oui dans la colonne ${d ?? 'de la clause sociale'} ; sinon, effacez les heures.`,
  'delai-paiement-depasse': (v) => `le délai de paiement (${withDays(v)}) dépasse le maximum légal de 30 jours.`,
  'code-postal-invalide': (v) => `le code postal « ${v} » n'a pas 5 chiffres.`,
  // Where to decide: only the task pane's Étiquettes step records a decision.
  'suggestion-non-confirmee': (_v, d) => `l'étiquette suggérée ${d ?? ''} attend votre confirmation ou votre refus, à l'étape Étiquettes du complément.`,
};

export function frenchMessage(code: FindingCode, source: RowSource, header: string | null, value: string | null, detail?: string): string {
  return whereOf(source, header) + WHAT[code](value, detail, header);
}

function whereOf(source: RowSource, header: string | null): string {
  return header ? `Ligne ${source.row}, colonne « ${header} » : ` : `Ligne ${source.row} : `;
}

/** What an empty required cell misses, said of a formula saved without its result (not empty in Excel). */
const UNREAD_SUBJECT: Partial<Record<FindingCode, (row: RowToJudge) => string>> = {
  'numero-manquant': () => 'le numéro de marché ne peut pas être lu',
  'objet-manquant': () => "l'objet du marché ne peut pas être lu",
  'montant-manquant': () => 'le montant notifié HT ne peut pas être lu',
  'date-manquante': (row) => `la date ${row.values.horsMarche === true ? 'de la commande hors marché' : 'de notification'} ne peut pas être lue`,
};

/** The other columns a coherence warning asks to fill (`otherColumns`). */
const COLUMNS_TO_FILL: Partial<Record<FindingCode, readonly RegisterFieldId[]>> = {
  'heures-sans-clause': ['clauseSociale', 'marcheInsertion'],
  'gain-sans-negociation': ['negociation'],
};

const SAVE_IN_EXCEL = 'Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.';

/**
 * The row's findings, told again where a cell they name holds a formula saved without its result
 * (`uncalculated`, sheet addresses): the buyer sees a value there in Excel, so « est vide » or
 * « mettez oui » would send them to a cell that already has one. Codes do not change.
 */
export function withUncalculatedCells(findings: readonly Finding[], row: RowToJudge, uncalculated: ReadonlySet<string>): readonly Finding[] {
  let out: Finding[] | null = null;
  findings.forEach((f, i) => {
    let message = f.message;
    const subject = UNREAD_SUBJECT[f.code];
    if (subject !== undefined && f.col !== null && uncalculated.has(cellAddress(row.source.row, f.col))) {
      message = `${whereOf(row.source, f.colonne)}${subject(row)} : la cellule contient une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel). ${SAVE_IN_EXCEL}`;
    } else {
      for (const field of COLUMNS_TO_FILL[f.code] ?? []) {
        const c = row.columns[field];
        if (c !== undefined && uncalculated.has(cellAddress(row.source.row, c.col))) {
          message += ` La cellule de la colonne « ${c.header} » contient une formule enregistrée sans son résultat : elle se lit vide. ${SAVE_IN_EXCEL}`;
        }
      }
    }
    if (message !== f.message) (out ??= [...findings])[i] = { ...f, message };
  });
  return out ?? findings;
}

/**
 * A cell of a *Suivi insertion* row that cannot be read, told without the text read: the row is
 * about one person (`champs.md`: `beneficiaire`, « never a full name in outputs »), and a name typed
 * in the wrong column cannot be told from any other text.
 */
export function withheldUnreadableMessage(source: RowSource, header: string, expected?: string): string {
  return `${whereOf(source, header)}la valeur ne peut pas être lue (non recopiée ici : une ligne du suivi de l'insertion décrit une personne).${expected ? ` ${expected}.` : ''}`;
}

/**
 * Fewest digits of a SIRET taken for one short of its leading zeros. Not nine: that is a SIREN typed for
 * the SIRET, and its own Luhn key makes it, padded with zeros, pass the SIRET's check.
 */
const MIN_SHORT_SIRET = 10;

/** The valid SIRET that digits short of their leading zeros give back (an export, or Excel from a number, drops them), as a sentence; else empty. */
function lostZerosHint(digits: string): string {
  if (digits.length < MIN_SHORT_SIRET || digits.length >= 14 || !/^[0-9]+$/.test(digits)) return '';
  const whole = digits.padStart(14, '0');
  return isValidSiret(whole) ? ` S'il a perdu ses zéros de tête (un export ou Excel les retire), c'est « ${whole} » : saisissez-le ainsi, en texte.` : '';
}
