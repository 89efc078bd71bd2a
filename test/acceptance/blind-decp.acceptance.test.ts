/**
 * BLIND acceptance « decp » — expectations written from the spec (`/work/shared/spec/`) and the README's
 * « Choix faits » only. Workbooks: `blind-decp-workbooks.ts` (the DECP export in its three header styles,
 * the same 20 contracts in sheet rows 2–21). Run day 2026-01-15.
 *
 * Mapping, by style (champs.md synonyms; regles §1: lower case, accents off, punctuation → space):
 * - `id` / `MARCHE_ID` → numero (« id marché »; a bare `id` is the row's identifier, the only one of the sheet);
 * - `objet` / `MARCHE_OBJET` → objet; `codeCPV` / `codecpv` / `CPV_CODE` → codeCPV; `procedure` → procedure;
 *   `dureeMois` / `dureemois` / `DUREE_MOIS` → dureeMois (« durée en mois »); `dateNotification` /
 *   `datenotification` / `NOTIFICATION_DATE` → dateNotification; `montant` / `MONTANT` → montant;
 *   `offresRecues` / `offresrecues` → offresRecues; `marcheInnovant` / `marcheinnovant` → marcheInnovant;
 * - `titulaire.denominationSociale` / `titulaire_denomination_sociale` / `TITULAIRES_DENOMINATION` → titulaire
 *   (the supplier's company name: « raison sociale »);
 * - `titulaire.id` / `titulaire_id` / `TITULAIRES_ID` → siret (the supplier's identifier, a SIRET for French
 *   suppliers; a VAT number is then a `siret-invalide` warning and the supplier is counted by name, §8);
 * - `nature` / `NATURE_MARCHE` → nature (the header says so) — its DECP values are not Travaux/Fournitures/
 *   Services, so every row is `valeur-illisible` (§3) until the buyer removes the column (explicit mapping);
 * - unmapped, never forced: `acheteur.id` / `ACHETEURS_ID` (the buyer organisation's SIRET: not the person
 *   `acheteur`, not the supplier `siret`), the place of
 *   execution `lieuExecution.*` / `LIEU_EXEC_*` (not the supplier's postal code or commune), `formePrix`,
 *   `titulaire.typeIdentifiant`, `datePublicationDonnees` / `PUBLICATION_DATE` (not the notification),
 *   `ccag`, and `considerationsSociales` / `considerationsEnvironnementales` (one column feeds at most one
 *   field, champs.md; these hold several yes/no fields at once);
 * - `lower` only, columns the buyer added: `clause_sociale`, `clause_environnementale`, `marche_programme`,
 *   `titulaire_code_postal`, `titulaire_categorie_entreprise`.
 *
 * Years (readable dates, errors included): 2025 → rows 2–15, 17, 20, 21 (17); 2024 → 18, 19; row 16 none.
 * N = 2025, N−1 = 2024. No `pole` column: the Pôle is the file name without extension (README).
 *
 * After the `nature` column is removed:
 *  row | id        | proc | mt       | supplier (lower: zone, size)       | judged
 *   2  | 2025M001  | AOO  | 420000   | BATI NORD (Roubaix, PME)           | OK. lower: CS, prog
 *   3  | 2025M002  | PA   | 60000    | LYRECO (59770 Marly → HdF, GE)     | OK. lower: CE, prog
 *   4  | 2025M003  | AOO  | 180000   | ID VERDE (Tourcoing → MEL, ETI)    | OK. lower: CS
 *   5  | 2025M004  | AOO  | 152000   | NET PLUS (Roubaix, PME)            | OK. lower: prog
 *   6  | 2025M005  | SANS | 35000    | ATELIER DU PILE (Roubaix, TPE)     | OK. lower: CS. not a consultation
 *   7  | 2025M006  | PA   | 27800    | SINEU GRAFF (67600 → France, PME)  | OK
 *   8  | 2025M007  | SANS | 96000    | UGAP (77444 → France, GE)          | camel/scdl: ⚠ suggestion (« véhicules électriques », env). lower: CE declared → none; prog
 *   9  | 2025M008  | PN   | 48000    | START UP ROUBAIX (Roubaix, TPE)    | innovant (camel/lower). scdl: ⚠ suggestion (« innovante », innovation)
 *  10  | 2025M009  | AOO  | 88000    | INEO NORD (Lille → MEL, GE)        | OK. lower: prog
 *  11  | 2025M010  | AOO  | 250000   | DECAVELE NV (no CP → Inconnue)     | ⚠ siret-invalide (VAT number BE0403170701). lower: CE, prog
 *  12  | 2025M011  | PA   | 18500    | COMPTOIR ROUBAISIEN (Roubaix, TPE) | ⚠ siret-invalide (Luhn) → supplier by name
 *  13  | 2025M012  | AOO  | 132000   | BATI NORD again                    | ⚠ cpv-invalide (« 4531 »). lower: CS, prog
 *  14  | 2025M013  | AOO  | 300000   | NET PLUS again                     | OK. lower: prog
 *  15  | 2025M003  | AOO  | 180000   |                                    | ✗ doublon (row 4, same year)
 *  16  | 2025M014  | PA   | 24000    |                                    | ✗ date-manquante
 *  17  | 2025M015  | PA   | 15000    | LYRECO again                       | OK
 *  18  | 2024M101  | AOO  | 210000   | BATI NORD (2024)                   | OK. lower: CS, prog
 *  19  | 2024M102  | PA   | 45000    | NET PLUS (2024)                    | camel/scdl: ⚠ suggestion (« écolabel », env). lower: CE declared
 *  20  | 2025M016  | DC   | 4800000  | INEO NORD again                    | OK. lower: CS, prog
 *  21  | 2025M017  | AOR  | 95000    | ATELIER 9 (75011 → France, TPE)    | OK
 *
 * R = rows 2–14, 17, 20, 21 (16); no horsMarche column → M = R; MC = M − {6, 8} (sans publicité) = 14.
 * R1 (2024) = 18, 19 = M1 = MC1. dep = mt (no montantMandate column).
 */
import { runChain, type ChainOutput } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import { chainInput, SPEC_IDS } from './helpers';
import { CONTRACTS, DECP_FILES, DECP_SHEET, decpBytes, HEADERS, type DecpStyle } from './blind-decp-workbooks';

const TODAY = '2026-01-15';
const NATURE_HEADER: Record<DecpStyle, string> = { camel: 'nature', lower: 'nature', scdl: 'NATURE_MARCHE' };
const POLE: Record<DecpStyle, string> = {
  camel: DECP_FILES.camel.replace(/\.xlsx$/, ''),
  lower: DECP_FILES.lower.replace(/\.xlsx$/, ''),
  scdl: DECP_FILES.scdl.replace(/\.xlsx$/, ''),
};

async function run(style: DecpStyle, overrides?: readonly MappingOverride[]): Promise<ChainOutput> {
  const input = await chainInput(DECP_FILES[style], await decpBytes(style));
  return runChain([input], { writesCharts: false, today: TODAY, overrides });
}

/** What the buyer does at the Colonnes step: the nature column is no field of theirs. */
const withoutNature = (style: DecpStyle): MappingOverride[] => [{ file: DECP_FILES[style], sheet: DECP_SHEET, columns: { [NATURE_HEADER[style]]: null } }];

// ---------------------------------------------------------------- mapping

const CORE: Record<DecpStyle, Record<string, string>> = {
  camel: {
    numero: 'id', objet: 'objet', codeCPV: 'codeCPV', procedure: 'procedure', dureeMois: 'dureeMois', dateNotification: 'dateNotification',
    montant: 'montant', siret: 'titulaire.id', titulaire: 'titulaire.denominationSociale', offresRecues: 'offresRecues', marcheInnovant: 'marcheInnovant',
  },
  lower: {
    numero: 'id', objet: 'objet', codeCPV: 'codecpv', procedure: 'procedure', dureeMois: 'dureemois', dateNotification: 'datenotification',
    montant: 'montant', siret: 'titulaire_id', titulaire: 'titulaire_denomination_sociale', offresRecues: 'offresrecues', marcheInnovant: 'marcheinnovant',
    clauseSociale: 'clause_sociale', clauseEnvironnementale: 'clause_environnementale', programme: 'marche_programme',
    codePostalTitulaire: 'titulaire_code_postal', categorieEntreprise: 'titulaire_categorie_entreprise',
  },
  scdl: {
    numero: 'MARCHE_ID', objet: 'MARCHE_OBJET', codeCPV: 'CPV_CODE', procedure: 'PROCEDURE', dureeMois: 'DUREE_MOIS',
    dateNotification: 'NOTIFICATION_DATE', montant: 'MONTANT', siret: 'TITULAIRES_ID', titulaire: 'TITULAIRES_DENOMINATION',
    // Verdict on a mismatch (expected unmapped at first): « nom de l'acheteur » names the Acheteur by
    // champs.md's tolerant matching, whoever fills it; here the organisation's name (README, point for the lead).
    acheteur: 'ACHETEURS_NOM',
  },
};

const UNMAPPED: Record<DecpStyle, string[]> = {
  camel: [
    'acheteur.id', 'datePublicationDonnees', 'formePrix', 'titulaire.typeIdentifiant', 'lieuExecution.code', 'lieuExecution.typeCode',
    'considerationsSociales', 'considerationsEnvironnementales', 'ccag',
  ],
  lower: [
    'acheteur_id', 'formeprix', 'titulaire_typeidentifiant', 'lieuexecution_code', 'lieuexecution_typecode', 'considerationssociales',
    'considerationsenvironnementales',
  ],
  scdl: ['ACHETEURS_ID', 'LIEU_EXEC_CODE', 'LIEU_EXEC_TYPE', 'LIEU_EXEC_NOM', 'PUBLICATION_DATE', 'PRIX_FORME', 'TITULAIRES_ID_TYPE'],
};

// ---------------------------------------------------------------- controls (nature removed)

const ERRORS: Record<number, string[]> = { 15: ['doublon'], 16: ['date-manquante'] };
const CONTROLS: Record<DecpStyle, Record<number, string[]>> = {
  camel: { 8: ['suggestion-non-confirmee'], 11: ['siret-invalide'], 12: ['siret-invalide'], 13: ['cpv-invalide'], 19: ['suggestion-non-confirmee'], ...ERRORS },
  lower: { 11: ['siret-invalide'], 12: ['siret-invalide'], 13: ['cpv-invalide'], ...ERRORS },
  scdl: {
    8: ['suggestion-non-confirmee'], 9: ['suggestion-non-confirmee'], 11: ['siret-invalide'], 12: ['siret-invalide'], 13: ['cpv-invalide'],
    19: ['suggestion-non-confirmee'], ...ERRORS,
  },
};
const CONTROL_COLUMNS: Record<DecpStyle, Record<string, string>> = {
  camel: { '11:siret-invalide': 'titulaire.id', '12:siret-invalide': 'titulaire.id', '13:cpv-invalide': 'codeCPV', '15:doublon': 'id', '16:date-manquante': 'dateNotification' },
  lower: { '11:siret-invalide': 'titulaire_id', '12:siret-invalide': 'titulaire_id', '13:cpv-invalide': 'codecpv', '15:doublon': 'id', '16:date-manquante': 'datenotification' },
  scdl: { '11:siret-invalide': 'TITULAIRES_ID', '12:siret-invalide': 'TITULAIRES_ID', '13:cpv-invalide': 'CPV_CODE', '15:doublon': 'MARCHE_ID', '16:date-manquante': 'NOTIFICATION_DATE' },
};
/** Rows of N without error that carry a warning. */
const WARNED: Record<DecpStyle, number> = { camel: 4 /* 8, 11, 12, 13 */, lower: 3 /* 11, 12, 13 */, scdl: 5 /* 8, 9, 11, 12, 13 */ };
const SUGGESTIONS: Record<DecpStyle, string[]> = {
  camel: ['2024M102:environnementale', '2025M007:environnementale'],
  lower: [],
  scdl: ['2024M102:environnementale', '2025M007:environnementale', '2025M008:innovation'],
};

// ---------------------------------------------------------------- indicators (nature removed): the working

const rowOf = (n: number) => CONTRACTS.find((k) => k.row === n)!;
const mt = (...rows: number[]) => rows.reduce((s, n) => s + rowOf(n).montant, 0);
const R = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 20, 21];
/** Σ_M mt = Σ_R dep: 420000+60000+180000+152000+35000+27800+96000+48000+88000+250000+18500+132000+300000+15000+4800000+95000. */
const SUM_R = 6_717_300;
const SUM_R1 = 210000 + 45000;

interface Expected {
  valeur: number;
  n1: number | null;
  cov: [number, number];
}

/** Both DECP-only styles (camel, lower) compute these; scdl has neither offresRecues nor marcheInnovant. */
const DECP_CALCULATED: Record<string, Expected> = {
  // offresRecues over MC (rows 2,3,4,5,7,9,10,11,12,13,14,17,20,21): 5+7+4+6+3+2+3+4+3+2+5+6+2+8 = 60 / 14.
  // N−1: MC1 = 18 (4), 19 (3) → 7 / 2.
  '2.2.3-soumissionnaires': { valeur: 60 / 14, n1: 7 / 2, cov: [14, 14] },
  // marcheInnovant true in M: row 9 only → 1 / 16; N−1: none → 0.
  '5.2.1-innovants-nb': { valeur: 100 / 16, n1: 0, cov: [16, 16] },
  '5.2.1-innovants-montant': { valeur: (100 * 48000) / SUM_R, n1: 0, cov: [16, 16] },
};

/**
 * `lower` only (the buyer's columns). sociale = clauseSociale (the only social field): 2, 4, 6, 13, 20;
 * env = clauseEnvironnementale: 3, 8, 11; AR = 2, 3, 4, 6, 8, 11, 13, 20. N−1: sociale 18, env 19.
 * programmé: 2, 3, 5, 8, 10, 11, 13, 14, 20; N−1: 18.
 */
const LOWER_CALCULATED: Record<string, Expected> = {
  '1.1.2-marches-ar': { valeur: 8, n1: 2, cov: [16, 16] },
  // 420000 + 60000 + 180000 + 35000 + 96000 + 250000 + 132000 + 4800000
  '1.1.2-montant-ar': { valeur: 5_973_000, n1: 255_000, cov: [16, 16] },
  '2.1.1-programmes-nb': { valeur: (100 * 9) / 16, n1: 50, cov: [16, 16] },
  // 420000 + 60000 + 152000 + 96000 + 88000 + 250000 + 132000 + 300000 + 4800000 = 6 298 000
  '2.1.1-programmes-montant': { valeur: (100 * 6_298_000) / SUM_R, n1: (100 * 210000) / SUM_R1, cov: [16, 16] },
  '3.1.1-consideration-env': { valeur: (100 * 3) / 16, n1: 50, cov: [16, 16] },
  '3.1.1-clauses-env': { valeur: (100 * 3) / 16, n1: 50, cov: [16, 16] },
  '4.1.2-consideration-sociale': { valeur: (100 * 5) / 16, n1: 50, cov: [16, 16] },
  '4.2.2-clause-sociale-nb': { valeur: 5, n1: 1, cov: [16, 16] },
  '4.2.2-clause-sociale-part': { valeur: (100 * 5) / 16, n1: 50, cov: [16, 16] },
  // Roubaix suppliers of R (first row): BATI (2, 13), NET PLUS (5, 14), ATELIER DU PILE (6), START UP (9),
  // COMPTOIR (12, by name) = 5; dep 420000+132000 + 152000+300000 + 35000 + 48000 + 18500 = 1 105 500.
  // N−1: BATI (18), NET PLUS (19) → 255000 / 2. Row 11 has no postal code: 15 of 16 filled.
  '5.1.1-montant-moyen-roubaix': { valeur: 1_105_500 / 5, n1: 255_000 / 2, cov: [15, 16] },
};

const CALCULATED: Record<DecpStyle, Record<string, Expected>> = {
  camel: DECP_CALCULATED,
  lower: { ...DECP_CALCULATED, ...LOWER_CALCULATED },
  scdl: {},
};

/**
 * `lower` breakdowns: 12 distinct suppliers of R (BATI, LYRECO, VERDE, NET PLUS, PILE, SINEU, UGAP, START UP,
 * INEO by SIRET; DECAVELE and COMPTOIR by name; ATELIER 9 by SIRET).
 */
const SUPPLIER_COUNT = 12;
const ZONES: Record<string, [number, number]> = {
  Roubaix: [5, 1_105_500],
  'MEL (hors Roubaix)': [2, mt(4) + mt(10, 20)], // VERDE 180000; INEO 88000 + 4800000
  'Hauts-de-France (hors MEL)': [1, mt(3, 17)], // LYRECO 60000 + 15000
  'France (hors Hauts-de-France)': [3, mt(7, 8, 21)], // SINEU, UGAP, ATELIER 9
  Étranger: [0, 0], // no paysTitulaire column
  Inconnue: [1, mt(11)], // DECAVELE: no postal code
};
const SIZES: Record<string, [number, number]> = {
  TPE: [4, mt(6, 9, 12, 21)], // PILE, START UP, COMPTOIR, ATELIER 9
  PME: [3, mt(2, 13, 5, 14, 7)], // BATI, NET PLUS, SINEU
  ETI: [1, mt(4)], // VERDE
  GE: [3, mt(3, 17, 8, 10, 20)], // LYRECO, UGAP, INEO
  Inconnue: [1, mt(11)], // DECAVELE
};

/** What the motif of a non-calculable indicator must name (champs.md labels, or the missing sheet). */
const MOTIFS: Record<string, RegExp> = {
  '1.1.1-cibles-atteintes': /Cibles/,
  '1.1.2-marches-ar': /absente/i,
  '1.1.2-avenants-ar': /absente/i,
  '1.1.2-montant-ar': /absente/i,
  '1.2.1-formations': /Actions/,
  '1.2.1-personnes-formees': /Actions/,
  '1.2.1-ateliers-evenements': /Actions/,
  '2.1.1-programmes-nb': /Marché programmé.*absente/i,
  '2.1.1-programmes-montant': /Marché programmé.*absente/i,
  '2.1.1-prolongations-recurrents': /(Marché récurrent|prolongation).*absente/i,
  '2.1.2-hors-marche-nb': /Commande hors marché.*absente/i,
  '2.1.2-hors-marche-montant': /Commande hors marché.*absente/i,
  '2.1.2-sans-nomenclature-nb': /nomenclature.*absente/i,
  '2.1.2-sans-nomenclature-montant': /nomenclature.*absente/i,
  '2.1.3-sourcage': /Sourçage.*absente/i,
  '2.1.4-cout-global': /Coût global.*absente/i,
  '2.1.5-relation-fournisseur': /(Réunion de cadrage|réunions de bilan).*absente/i,
  '2.1.5-reunions': /(Réunion de cadrage|réunions de bilan).*absente/i,
  '2.1.5-delai-paiement': /Délai moyen de paiement.*absente/i,
  '2.2.2-hors-bpu': /hors BPU.*absente/i,
  '2.2.3-soumissionnaires': /offres reçues.*absente/i,
  '2.2.3-fiches-suivi': /Fiche de suivi.*absente/i,
  '2.2.4-dossiers-negocies': /Négociation.*absente/i,
  '2.2.4-gain-negociation': /Gain de négociation.*absente/i,
  '2.2.5-offre-technique-amelioree': /(Négociation|Offre technique).*absente/i,
  '3.1.1-consideration-env': /(Clause environnementale|Critère environnemental).*absente/i,
  '3.1.1-criteres-env': /Critère environnemental.*absente/i,
  '3.1.1-clauses-env': /Clause environnementale.*absente/i,
  '3.1.1-reemploi': /réemploi.*absente/i,
  '3.1.1-reutilisation': /réutilisation.*absente/i,
  '3.1.1-recycle': /recyclées.*absente/i,
  '3.2.1-fournitures-evitees': /Saisies manuelles/,
  '3.2.1-mobilier-reemploye': /Saisies manuelles/,
  '3.2.1-location': /Mode d'acquisition.*absente/i,
  '3.2.1-achat-usage': /Mode d'acquisition.*absente/i,
  '3.2.1-centrales': /Centrale d'achat.*absente/i,
  '4.1.2-consideration-sociale': /absente/i,
  '4.2.1-insertion-nb': /Marché d'insertion.*absente/i,
  '4.2.1-insertion-montant': /Marché d'insertion.*absente/i,
  '4.2.2-clause-sociale-nb': /Clause sociale.*absente/i,
  '4.2.2-clause-sociale-part': /Clause sociale.*absente/i,
  '4.2.2-heures': /(Suivi insertion|Heures d'insertion réalisées)/,
  '4.2.2-personnes': /Suivi insertion/,
  '4.2.2-contrats': /Suivi insertion/,
  '4.2.2-typologie': /Suivi insertion/,
  '4.2.2-femmes': /Suivi insertion/,
  '4.2.2-roubaisiens': /Suivi insertion/,
  '4.2.2-residents-qpv': /Suivi insertion/,
  '4.2.3-reserves': /Marché réservé.*absente/i,
  '4.2.3-montant-esat-siae-ess': /Type de structure.*absente/i,
  '5.1.1-fournisseurs-zone': /(Commune du titulaire|Code postal du titulaire).*absente/i,
  '5.1.1-montant-moyen-roubaix': /(Commune du titulaire|Code postal du titulaire).*absente/i,
  '5.1.4-fournisseurs-typologie': /(Catégorie d'entreprise|Effectif du titulaire).*absente/i,
  '5.2.1-innovants-nb': /Marché innovant.*absente/i,
  '5.2.1-innovants-montant': /Marché innovant.*absente/i,
};
const BREAKDOWNS = ['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie'];
const nonCalculable = (style: DecpStyle) =>
  SPEC_IDS.filter((id) => id !== '1.1.2-dataviz' && !(id in CALCULATED[style]) && !(style === 'lower' && BREAKDOWNS.includes(id)));

const STYLES: DecpStyle[] = ['camel', 'lower', 'scdl'];

describe.each(STYLES)('blind acceptance « decp », %s headers', (style) => {
  let opened: ChainOutput;
  let out: ChainOutput;
  beforeAll(async () => {
    opened = await run(style);
    out = await run(style, withoutNature(style));
  });
  const ind = (o: ChainOutput, id: string) => {
    const found = o.result.indicateurs.find((i) => i.id === id);
    if (!found) throw new Error(`indicator ${id} missing`);
    return found;
  };

  it('recognises the register: each DECP column to its field, the traps and the foreign columns unmapped', () => {
    const maps = opened.register.mappings;
    expect(maps.map((m) => [m.sheet, m.kind, m.headerRow])).toEqual([[DECP_SHEET, 'registre', 1]]);
    const m = maps[0];
    expect(Object.fromEntries(m.columns.map((c) => [c.field, c.header]))).toEqual({ ...CORE[style], nature: NATURE_HEADER[style] });
    expect(m.columns.every((c) => c.col === HEADERS[style].indexOf(c.header) + 1)).toBe(true);
    expect(m.unmapped.map((u) => u.header).sort()).toEqual([...UNMAPPED[style]].sort());
    expect(m.ambiguous).toEqual([]);
  });

  it('as opened: the DECP natures are unreadable, so every row is an error (regles §3) and nothing is computed', () => {
    expect(opened.result.exercice).toBe(2025);
    expect(opened.result.lignes).toEqual({ lues: 20, exercice: 0, erreurs: 20, avertissements: 0 });
    const errors: Record<number, string[]> = {};
    for (const c of opened.result.controles) if (c.gravite === 'erreur') (errors[c.ligne] ??= []).push(c.code);
    for (const k of CONTRACTS) {
      expect([...(errors[k.row] ?? [])].sort()).toEqual(['valeur-illisible', ...(ERRORS[k.row] ?? [])].sort());
    }
    for (const c of opened.result.controles.filter((x) => x.code === 'valeur-illisible')) expect(c.colonne).toBe(NATURE_HEADER[style]);
    for (const r of opened.result.indicateurs) {
      if (r.id === '1.1.2-dataviz') continue;
      expect([r.id, r.statut, r.valeur]).toEqual([r.id, 'non calculable', null]);
    }
  });

  it('as opened: a notice names the sheet, the column, the counts and the way out', () => {
    const notices = opened.notices.filter((n) => n.includes(`« ${NATURE_HEADER[style]} »`));
    expect(notices).toHaveLength(1);
    const n = notices[0];
    expect(n).toContain(`« ${DECP_SHEET} »`);
    expect(n).toContain(DECP_FILES[style]);
    expect(n).toMatch(/\b20\b.*\b20\b/); // 20 unreadable of 20 filled
    expect(n).toMatch(/Colonnes/);
  });

  it('with the nature column removed: the mapping without it, the column listed unmapped', () => {
    const m = out.register.mappings[0];
    expect(Object.fromEntries(m.columns.map((c) => [c.field, c.header]))).toEqual(CORE[style]);
    expect(m.unmapped.map((u) => u.header).sort()).toEqual([...UNMAPPED[style], NATURE_HEADER[style]].sort());
    expect(out.notices.filter((n) => n.includes(`« ${NATURE_HEADER[style]} »`))).toEqual([]);
  });

  it('with the nature column removed: rows and controls per regles §3', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.depense).toBe('montant');
    expect(out.result.lignes).toEqual({ lues: 20, exercice: 16, erreurs: 2, avertissements: WARNED[style] });
    const got: Record<number, string[]> = {};
    for (const c of out.result.controles) {
      expect(c.feuille).toBe(DECP_SHEET);
      expect(c.source).toBe(DECP_FILES[style]);
      expect(c.gravite).toBe(c.ligne in ERRORS ? 'erreur' : 'avertissement');
      (got[c.ligne] ??= []).push(c.code);
      const col = CONTROL_COLUMNS[style][`${c.ligne}:${c.code}`];
      if (col !== undefined) expect(c.colonne).toBe(col);
    }
    for (const k of Object.keys(got)) got[+k].sort();
    expect(got).toEqual(CONTROLS[style]);
    expect(out.result.suggestions.map((s) => `${s.numero}:${s.consideration}`).sort()).toEqual(SUGGESTIONS[style]);
  });

  it('lists every indicator of indicateurs.md once', () => {
    expect(out.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('computes from the hand working, for the city and its one Pôle (the file)', () => {
    for (const [id, e] of Object.entries(CALCULATED[style])) {
      const r = ind(out, id);
      expect([id, r.statut, r.motif]).toEqual([id, 'calculé', null]);
      expect(r.valeur!).toBeCloseTo(e.valeur, 9);
      if (e.n1 === null) expect(r.n1).toBeNull();
      else expect(r.n1!).toBeCloseTo(e.n1, 9);
      expect(Object.keys(r.parPole ?? {})).toEqual([POLE[style]]);
      expect(r.parPole![POLE[style]]!).toBeCloseTo(e.valeur, 9);
      expect([id, r.couverture]).toEqual([id, { renseignees: e.cov[0], total: e.cov[1] }]);
    }
    const dataviz = ind(out, '1.1.2-dataviz');
    expect([dataviz.statut, dataviz.valeur]).toEqual(['calculé', 0]);
  });

  it('leaves every indicator whose fields are absent non calculable, with the reason', () => {
    for (const id of nonCalculable(style)) {
      const r = ind(out, id);
      expect([id, r.statut, r.valeur, r.n1]).toEqual([id, 'non calculable', null, null]);
      expect([id, r.motif]).toEqual([id, expect.stringMatching(MOTIFS[id])]);
    }
  });

  if (style === 'lower') {
    it.each([
      ['5.1.1-fournisseurs-zone', ZONES],
      ['5.1.4-fournisseurs-typologie', SIZES],
    ] as const)('%s: the supplier columns the buyer added, never the place of execution', (id, expected) => {
      const r = ind(out, id);
      expect(r.statut).toBe('calculé');
      expect(r.couverture).toEqual({ renseignees: 15, total: 16 });
      const rep = r.repartition as Record<string, { fournisseurs: number; depense: number }>;
      for (const [cat, [suppliers, spend]] of Object.entries(expected)) {
        const got = rep[cat] ?? { fournisseurs: 0, depense: 0 };
        expect([cat, got.fournisseurs]).toEqual([cat, expect.closeTo((100 * suppliers) / SUPPLIER_COUNT, 9)]);
        expect([cat, got.depense]).toEqual([cat, expect.closeTo((100 * spend) / SUM_R, 9)]);
      }
      expect(Object.keys(rep).every((k) => k in expected)).toBe(true);
    });
  }

  it('the working adds up (guard on the hand sums)', () => {
    expect(mt(...R)).toBe(SUM_R);
    expect(Object.values(ZONES).reduce((s, [, d]) => s + d, 0)).toBe(SUM_R);
    expect(Object.values(SIZES).reduce((s, [, d]) => s + d, 0)).toBe(SUM_R);
  });
});
