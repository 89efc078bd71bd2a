/**
 * Blind acceptance « csv » — a finance software's CSV export opened in Excel and saved as .xlsx (see
 * ./blind-csv-workbooks.ts). Expectations computed by hand from `/work/shared/spec/` and the README,
 * written before reading src/ and before the first run; run through the command line:
 * `calculer EXPORT_MARCHES_EDUCATION.xlsx export_marches_sports.xlsx --json`, then the unsplit file.
 *
 * What a person expects where the spec is silent (decided here, before the run):
 *   - MOJIBAKE. `MarchÃ© rÃ©servÃ©` is « Marché réservé » to anyone who reads it: the UTF-8 file was
 *     read as Windows-1252, a reversible slip (each `Ã©` is the two bytes of `é`). The product reads
 *     such a header, and such a text cell, as the text it was meant to be: `PÃ”LE_GESTIONNAIRE` is
 *     the Pôle (and not, by its last word, the Acheteur: « gestionnaire »), `PROCÃ‰DURE` the procedure,
 *     `Ã‰conomie rÃ©alisÃ©e (â‚¬)` the gain; `PÃ´le Ã‰ducation` is « Pôle Éducation »; `ProcÃ©dure
 *     adaptÃ©e` is a MAPA (not valeur-illisible); `VilleneuveÂ d'Ascq` is Villeneuve d'Ascq (MEL);
 *     `rÃ©emploi` in an objet is « réemploi » (a suggestion). And it SAYS so, once per sheet (a remark
 *     naming the sheet and how to reopen the CSV in UTF-8), since the buyer's sheet shows the garbled
 *     text. The user's header (as written) still names the column in messages.
 *   - `14/03/2025 00:00:00` (a date with a midnight time, as exports write it) is that day: regles.md §2
 *     lists the date forms without a time, but a person reads the date and ignores « 00:00:00 ».
 *   - The UNSPLIT CSV (every line in column A, `NUM_MARCHE;OBJET;…`): not « Aucun registre reconnu »
 *     alone, but what happened and what to do: the sheet's columns are all in column A, separated by
 *     semicolons (a CSV opened without splitting its columns): Données › Convertir, délimité, séparateur
 *     point-virgule (or reopen the CSV with Données › À partir d'un fichier texte/CSV). Exit code 2 (a
 *     file without register, README), alone or among the Pôles' files.
 *   - A SIRET the software already wrote without its leading zeros, as TEXT (`76891234015`), is kept as
 *     typed (README: « saisi comme texte, il est gardé tel quel »): siret-invalide (not 14 digits), the
 *     supplier counted by name. As a NUMBER (Excel's conversion), it is padded (regles.md §2):
 *     542107800014 → 00542107800014, the same supplier as the text `00542107800014` of the other file.
 *     Postal codes as numbers: 2100 → 02100 (Aisne: Hauts-de-France), 8000 → 08000 (Ardennes: France).
 *
 * Mapping (both sheets, identical once repaired; regles.md §1, README « Colonnes »): NUM_MARCHE numero,
 * OBJET objet, PÔLE_GESTIONNAIRE pole, SERVICE_PRESCRIPTEUR direction, PROCÉDURE procedure, DATE_NOTIF
 * dateNotification, MT_HT montant (`Mt` → montant), MT_MANDATE montantMandate, CODE_FAMILLE
 * codeNomenclature, TITULAIRE titulaire, SIRET_TITULAIRE siret, CP_TITULAIRE codePostalTitulaire,
 * VILLE_TITULAIRE communeTitulaire, CATEGORIE_ENTREPRISE categorieEntreprise, HORS_MARCHE horsMarche,
 * NB_OFFRES offresRecues, DGP delaiPaiement, CLAUSE_SOCIALE clauseSociale, CLAUSE_ENV
 * clauseEnvironnementale, Marché réservé marcheReserve, NEGOCIATION negociation, Économie réalisée (€)
 * gainNegociation. Unmapped: MT_TTC (TTC never HT), ID_TIERS, IMPUTATION, EXERCICE. No ambiguity.
 *
 * Reading: text amounts `48250.00` (a point alone with two decimals is decimal: 48 250), numbers as
 * such; booleans `O`/`N`, 1/0 numbers, real TRUE/FALSE; empty boolean → non, empty réservé → Non.
 * Run day 2026-01-15 (helpers' capture): no date after 31/12/2027.
 *
 * Rows read: Éducation 2–12 (11) + Sports 2–10 (9) = 20. Readable dates: all of 2025 except EDU 8
 * (empty) and SPO 4 (« 2025-02-30 ») → N = 2025; no other year → every n1 is null.
 * Errors: EDU 8 date-manquante, EDU 9 montant-manquant, EDU 10 doublon (EDU-2025-002 = EDU 3, same
 * year), SPO 4 date-invalide, SPO 5 montant-invalide (−1 500), SPO 8 doublon (EDU-2025-002, the
 * Éducation file first) → lignes.erreurs 6.
 * Warnings: EDU 4 siret-invalide + delai-paiement-depasse (45); EDU 5 suggestion-non-confirmee
 * (« réemploi », Clause environnementale); EDU 11 delai-paiement-depasse (33) + gain-sans-negociation
 * (600, NEGOCIATION N); SPO 3 delai-paiement-depasse (35) → avertissements 4 rows.
 *
 * R (14 rows; dep = MT_MANDATE when filled, else MT_HT; regles.md §5), M = R − H:
 *   row    numero           M/H proc  mt          dep         CS  CE  rés      neg gain  off DGP fam zone        size supplier
 *   EDU 2  EDU-2025-001     M   MAPA   48 250      31 200,40  N   N   Non      O   2500  4   28  F12 MEL Lille   PME  A (SIRET)
 *   EDU 3  EDU-2025-002     M   AOO   412 000     198 450,75  O   O   Non      N   —     3   30  S03 MEL Haub.   ETI  B
 *   EDU 4  EDU-2025-003     M   MAPA   36 800      36 800     N   N   Non      N   —     2   45  S07 Roubaix     TPE  DEMAREY (name)
 *   EDU 5  EDU-2025-004     M   AOO    64 000      15 800     N   N*  Non      O   1800  5   25  F04 MEL Marcq   ETI  C (00542107800014)
 *   EDU 6  EDU-2025-005     M   MAPA   22 400      18 000     O   N   ESAT/EA  N   —     3   21  S11 MEL Tourc.  PME  D
 *   EDU 7  EDU-2025-006     M   MSPMC   8 900       8 900     N   N   Non      N   —     1   18  S05 Roubaix     TPE  E
 *   EDU 11 EDU-2025-009     M   MAPA   18 600       9 300     N   O   Non      N   600   2   33  S07 MEL VdA     PME  LOCA NORD (name)
 *   EDU 12 EDU-HM-2025-014  H   —       1 450,60    1 450,60  N   N   Non      N   —     —   12  —   MEL Lille   PME  A
 *   SPO 2  SPO-2025-01      M   MAPA  124 800,50   38 450,75  O   N   Non      O   4200  3   27  T08 MEL Marcq   ETI  C (542107800014 padded)
 *   SPO 3  SPO-2025-02      M   AOO    56 000      21 000     N   N   Non      N   —     4   35  S15 HdF 02100   TPE  G
 *   SPO 6  SPO-2025-05      M   AOO    88 000      40 000,50  N   O   Non      N   —     2   30  S05 France 08000 ETI H
 *   SPO 7  SPO-2025-06      M   MAPA   18 000      18 000     O   N   ESS      N   —     1   20  S16 Roubaix     —    UFOLEP NORD (name)
 *   SPO 9  SPO-HM-2025-11   H   —         980,40      980,40  N   N   Non      N   —     —   15  F09 MEL VdA     GE   I
 *   SPO 10 SPO-2025-07      M   AOO   212 000     212 000     N   O   Non      O   6000  5   29  T03 MEL VdA     ETI  J
 *   (* the suggestion does not count until confirmed)
 * #R 14 (EDU 8, SPO 6); #M 12 (EDU 7, SPO 5); MC = M − EDU 7 (MSPMC) = 11 (EDU 6, SPO 5).
 * Σ_R dep: EDU 319 901,75; SPO 330 431,65; total 650 333,40.
 * Suppliers (regles.md §8): 12 distinct — A, B, DEMAREY, C, D, E, LOCA NORD, G, H, UFOLEP NORD, I, J
 * (C appears in both files: its first row, EDU 5, gives MEL and ETI).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { runChain } from '../../src/domain/chain';
import { capture } from '../cli/helpers';
import { SPEC_IDS, chainInput, checkIndicator, expectClose, type StatusExpectation } from './helpers';
import {
  FILE_CUL,
  FILE_EDU,
  FILE_SPO,
  SHEET_CUL,
  SHEET_EDU,
  SHEET_SPO,
  buildCultureWorkbook,
  buildEducationWorkbook,
  buildSportsWorkbook,
} from './blind-csv-workbooks';
import type { SpaserResult } from '../../src/domain/model';

const EDU = 'Pôle Éducation';
const SPO = 'Pôle Sports et Jeunesse';
const pct = (a: number, b: number): number => (a / b) * 100;

// Each term is one row's spend, in the table's order.
const DEP_EDU = 31200.4 + 198450.75 + 36800 + 15800 + 18000 + 8900 + 9300 + 1450.6; // 319 901.75
const DEP_SPO = 38450.75 + 21000 + 40000.5 + 18000 + 980.4 + 212000; // 330 431.65
const DEP = DEP_EDU + DEP_SPO;

interface Hand extends StatusExpectation {
  /** Values per Pôle: [Éducation, Sports et Jeunesse]; null when that Pôle has none. */
  pp?: [number | null, number | null];
}

const CALCULATED: Record<string, Hand> = {
  // AR in M: EDU 3 (CS, CE), 6 (CS, réservé), 11 (CE); SPO 2 (CS), 6 (CE), 7 (CS, ESS), 10 (CE) = 7.
  // Every row of M has a social or environmental cell filled (CLAUSE_* and réservé everywhere).
  '1.1.2-marches-ar': { s: 'calculé', v: 7, n1: null, pp: [3, 4], cov: { renseignees: 12, total: 12 } },
  // EDU 198450.75 + 18000 + 9300; SPO 38450.75 + 40000.5 + 18000 + 212000.
  '1.1.2-montant-ar': { s: 'calculé', v: 225750.75 + 308451.25, n1: null, pp: [198450.75 + 18000 + 9300, 38450.75 + 40000.5 + 18000 + 212000] },
  // H = EDU 12, SPO 9.
  '2.1.2-hors-marche-nb': { s: 'calculé', v: pct(2, 14), n1: null, pp: [pct(1, 8), pct(1, 6)] },
  '2.1.2-hors-marche-montant': { s: 'calculé', v: pct(1450.6 + 980.4, DEP), n1: null, pp: [pct(1450.6, DEP_EDU), pct(980.4, DEP_SPO)] },
  // CODE_FAMILLE empty in R: EDU 12 only.
  '2.1.2-sans-nomenclature-nb': { s: 'calculé', v: pct(1, 14), n1: null, pp: [pct(1, 8), 0], cov: { renseignees: 13, total: 14 } },
  '2.1.2-sans-nomenclature-montant': { s: 'calculé', v: pct(1450.6, DEP), n1: null, pp: [pct(1450.6, DEP_EDU), 0] },
  // EDU 28 + 30 + 45 + 25 + 21 + 18 + 33 + 12 = 212 (8); SPO 27 + 35 + 30 + 20 + 15 + 29 = 156 (6).
  '2.1.5-delai-paiement': { s: 'calculé', v: 368 / 14, n1: null, pp: [212 / 8, 156 / 6], cov: { renseignees: 14, total: 14 } },
  // MC: EDU 4 + 3 + 2 + 5 + 3 + 2 = 19 (6); SPO 3 + 4 + 2 + 1 + 5 = 15 (5).
  '2.2.3-soumissionnaires': { s: 'calculé', v: 34 / 11, n1: null, pp: [19 / 6, 3], cov: { renseignees: 11, total: 11 } },
  // NEGOCIATION oui in M: EDU 2, 5; SPO 2, 10.
  '2.2.4-dossiers-negocies': { s: 'calculé', v: 4, n1: null, pp: [2, 2] },
  // Σ_M gain: EDU 2500 + 1800 + 600; SPO 4200 + 6000. Filled on 5 rows of M (12).
  '2.2.4-gain-negociation': { s: 'calculé', v: 4900 + 10200, n1: null, pp: [4900, 10200], cov: { renseignees: 5, total: 12 } },
  // env in M (clause only; no critère column): EDU 3, 11; SPO 6, 10.
  '3.1.1-consideration-env': { s: 'calculé', v: pct(4, 12), n1: null, pp: [pct(2, 7), pct(2, 5)] },
  '3.1.1-clauses-env': { s: 'calculé', v: pct(4, 12), n1: null, pp: [pct(2, 7), pct(2, 5)] },
  // sociale in M: EDU 3, 6; SPO 2, 7.
  '4.1.2-consideration-sociale': { s: 'calculé', v: pct(4, 12), n1: null, pp: [pct(2, 7), pct(2, 5)] },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 4, n1: null, pp: [2, 2] },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: pct(4, 12), n1: null, pp: [pct(2, 7), pct(2, 5)] },
  // réservé ≠ Non in M: EDU 6 (ESAT/EA), SPO 7 (ESS); every row of M filled.
  '4.2.3-reserves': { s: 'calculé', v: 2, n1: null, pp: [1, 1], cov: { renseignees: 12, total: 12 } },
  // Zones of the 12 suppliers (first row): Roubaix DEMAREY, E, UFOLEP (3): 36800 + 8900 + 18000;
  // MEL A, B, C, D, LOCA, I, J (7): EDU 31200.4 + 198450.75 + 15800 + 18000 + 9300 + 1450.6, SPO 38450.75 + 980.4 + 212000;
  // HdF G (1): 21000; France H (1): 40000.5.
  '5.1.1-fournisseurs-zone': {
    s: 'calculé',
    v: null,
    n1: null,
    rep: {
      Roubaix: { fournisseurs: pct(3, 12), depense: pct(36800 + 8900 + 18000, DEP) },
      'MEL (hors Roubaix)': { fournisseurs: pct(7, 12), depense: pct(31200.4 + 198450.75 + 15800 + 18000 + 9300 + 1450.6 + 38450.75 + 980.4 + 212000, DEP) },
      'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 12), depense: pct(21000, DEP) },
      'France (hors Hauts-de-France)': { fournisseurs: pct(1, 12), depense: pct(40000.5, DEP) },
    },
  },
  // Roubaix: (36800 + 8900 + 18000) / 3. EDU: DEMAREY, E → 45700 / 2; SPO: UFOLEP → 18000 / 1.
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 63700 / 3, n1: null, pp: [45700 / 2, 18000] },
  // Sizes (first row): TPE DEMAREY, E, G: 36800 + 8900 + 21000; PME A, D, LOCA: 31200.4 + 1450.6 + 18000 + 9300;
  // ETI B, C, H, J: 198450.75 + 15800 + 38450.75 + 40000.5 + 212000; GE I: 980.4; Inconnue UFOLEP: 18000.
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé',
    v: null,
    n1: null,
    rep: {
      TPE: { fournisseurs: pct(3, 12), depense: pct(36800 + 8900 + 21000, DEP) },
      PME: { fournisseurs: pct(3, 12), depense: pct(31200.4 + 1450.6 + 18000 + 9300, DEP) },
      ETI: { fournisseurs: pct(4, 12), depense: pct(198450.75 + 15800 + 38450.75 + 40000.5 + 212000, DEP) },
      GE: { fournisseurs: pct(1, 12), depense: pct(980.4, DEP) },
      Inconnue: { fournisseurs: pct(1, 12), depense: pct(18000, DEP) },
    },
  },
};

/** Every other indicator lacks its column or sheet (no Cibles, Actions, Suivi insertion, programme, avenants, critères, …). */
const NOT_CALCULABLE = SPEC_IDS.filter((id) => !(id in CALCULATED) && id !== '1.1.2-dataviz');

let dir: string;
let code: number;
let result: SpaserResult;
let stderr: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-csv-'));
  fs.writeFileSync(path.join(dir, FILE_EDU), await buildEducationWorkbook());
  fs.writeFileSync(path.join(dir, FILE_SPO), await buildSportsWorkbook());
  fs.writeFileSync(path.join(dir, FILE_CUL), await buildCultureWorkbook());
  const c = capture(dir);
  code = await runCli(['calculer', FILE_EDU, FILE_SPO, '--json', '--sortie', 'out.xlsx'], c.io);
  stderr = c.stderr();
  result = JSON.parse(c.stdout()) as SpaserResult;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const indicator = (id: string) => result.indicateurs.find((i) => i.id === id)!;

describe('blind « csv »: a finance software CSV export opened in Excel and saved as .xlsx', () => {
  it('the Éducation sheet really is mojibake text; the Sports sheet really holds converted numbers and dates', async () => {
    const edu = new ExcelJS.Workbook();
    await edu.xlsx.load(fs.readFileSync(path.join(dir, FILE_EDU)) as unknown as ExcelJS.Buffer);
    const e = edu.getWorksheet(SHEET_EDU)!;
    expect(e.getCell('C1').value).toBe('PÃ”LE_GESTIONNAIRE');
    expect(e.getCell('U1').value).toBe('MarchÃ© rÃ©servÃ©');
    expect(e.getCell('W1').value).toBe('Ã‰conomie rÃ©alisÃ©e (â‚¬)');
    expect(e.getCell('C2').value).toBe('PÃ´le Ã‰ducation');
    expect(e.getCell('N11').value).toBe("Villeneuve\u00c2\u00a0d'Ascq");
    expect(e.getCell('G2').value).toBe('48250.00');
    const spo = new ExcelJS.Workbook();
    await spo.xlsx.load(fs.readFileSync(path.join(dir, FILE_SPO)) as unknown as ExcelJS.Buffer);
    const s = spo.getWorksheet(SHEET_SPO)!;
    expect(s.getCell('L2').value).toBe(542107800014);
    expect(s.getCell('M3').value).toBe(2100);
    expect(s.getCell('G2').value).toBe('124800.50');
  });

  it('maps the mojibake headers as the headers they were meant to be; TTC and the finance columns unmapped', async () => {
    const input = await chainInput(FILE_EDU, fs.readFileSync(path.join(dir, FILE_EDU)));
    const out = runChain([input], { writesCharts: false, today: '2026-01-15' });
    const m = out.register.mappings.find((x) => x.sheet === SHEET_EDU)!;
    expect(m.headerRow).toBe(1);
    const byField = Object.fromEntries(m.columns.map((c) => [c.field, c.col]));
    expect(byField).toEqual({
      numero: 1,
      objet: 2,
      pole: 3,
      direction: 4,
      procedure: 5,
      dateNotification: 6,
      montant: 7,
      montantMandate: 9,
      codeNomenclature: 10,
      titulaire: 11,
      siret: 12,
      codePostalTitulaire: 13,
      communeTitulaire: 14,
      categorieEntreprise: 15,
      horsMarche: 16,
      offresRecues: 17,
      delaiPaiement: 18,
      clauseSociale: 19,
      clauseEnvironnementale: 20,
      marcheReserve: 21,
      negociation: 22,
      gainNegociation: 23,
    });
    expect(m.unmapped.map((u) => u.header).sort()).toEqual(['EXERCICE', 'ID_TIERS', 'IMPUTATION', 'MT_TTC']);
    expect(m.ambiguous).toEqual([]);
  });

  it('exercice 2025, mandated spend, 20 rows read, 14 of N, 6 in error, 4 with a warning', () => {
    expect(code).toBe(0);
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 20, exercice: 14, erreurs: 6, avertissements: 4 });
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('the controls: the export\'s empty date and amount, the amendment and the shared contract as doublons, the impossible date, the credit note', () => {
    const found = result.controles.map((c) => `${c.feuille} ${c.ligne} ${c.gravite} ${c.code}`).sort();
    expect(found).toEqual(
      [
        `${SHEET_EDU} 4 avertissement siret-invalide`,
        `${SHEET_EDU} 4 avertissement delai-paiement-depasse`,
        `${SHEET_EDU} 5 avertissement suggestion-non-confirmee`,
        `${SHEET_EDU} 8 erreur date-manquante`,
        `${SHEET_EDU} 9 erreur montant-manquant`,
        `${SHEET_EDU} 10 erreur doublon`,
        `${SHEET_EDU} 11 avertissement delai-paiement-depasse`,
        `${SHEET_EDU} 11 avertissement gain-sans-negociation`,
        `${SHEET_SPO} 3 avertissement delai-paiement-depasse`,
        `${SHEET_SPO} 4 erreur date-invalide`,
        `${SHEET_SPO} 5 erreur montant-invalide`,
        `${SHEET_SPO} 8 erreur doublon`,
      ].sort(),
    );
    expect(result.suggestions).toEqual([
      { numero: 'EDU-2025-004', consideration: 'environnementale', etiquette: 'Clause environnementale', declencheur: 'réemploi', decision: null },
    ]);
  });

  // Added after the first run (the message was « n'a pas 14 chiffres. » alone): the SIRET it probably is.
  it('the SIRET short of its zeros: the warning gives it back with its zeros', () => {
    const c = result.controles.find((x) => x.feuille === SHEET_EDU && x.ligne === 4 && x.code === 'siret-invalide')!;
    expect(c.message.replace(/\u00a0/g, ' ')).toContain("n'a pas 14 chiffres. S'il a perdu ses zéros de tête (un export ou Excel les retire), c'est « 00076891234015 »");
  });

  it('says once, for the Éducation sheet only, that its texts were mis-decoded and how to reopen the CSV', () => {
    const said = stderr.replace(/[\u00a0\u202f]/g, ' ');
    expect(said).toMatch(/UTF-8/);
    const lines = said.split('\n').filter((l) => /UTF-8/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(SHEET_EDU);
    expect(lines[0]).not.toContain(SHEET_SPO);
  });

  it.each(Object.entries(CALCULATED))('%s as computed by hand', (id, e) => {
    const i = indicator(id);
    checkIndicator(i, e);
    if (e.pp) {
      expect(Object.keys(i.parPole ?? {})).toEqual([EDU, SPO]);
      expectClose(i.parPole?.[EDU] ?? null, e.pp[0], `${id} ${EDU}`);
      expectClose(i.parPole?.[SPO] ?? null, e.pp[1], `${id} ${SPO}`);
    }
  });

  it.each(NOT_CALCULABLE)('%s is non calculable', (id) => {
    checkIndicator(indicator(id), { s: 'nc', n1: null });
  });

  it('1.1.2-dataviz counts the charts written: considerations, zones, sizes, considerations per Pôle', () => {
    const charts = new Set(fs.readFileSync(path.join(dir, 'out.xlsx')).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
    expect(charts).toBe(4);
    checkIndicator(indicator('1.1.2-dataviz'), { s: 'calculé', v: 4 });
  });

  it('the unsplit CSV: exit 2 with what happened (one column, semicolons) and what to do (Données › Convertir)', async () => {
    for (const files of [[FILE_CUL], [FILE_EDU, FILE_SPO, FILE_CUL]]) {
      const c = capture(dir);
      const exit = await runCli(['calculer', ...files, '--json', '--sortie', 'cul.xlsx'], c.io);
      expect({ files, exit }).toEqual({ files, exit: 2 });
      const said = c.stderr().replace(/[\u00a0\u202f]/g, ' ');
      expect(said).toContain(FILE_CUL);
      expect(said).toContain(SHEET_CUL);
      expect(said).toMatch(/points?-virgules?/);
      expect(said).toMatch(/colonne A/);
      expect(said).toMatch(/Données › Convertir/);
      expect(fs.existsSync(path.join(dir, 'cul.xlsx'))).toBe(false);
    }
  });
});
