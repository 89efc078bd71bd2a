/**
 * BLIND acceptance test « insertion »: Axe 4 as the insertion facilitator (PLIE, Maison de l'emploi)
 * reports it, kept by a Pôle. Written from the spec (`champs.md` « Suivi insertion » and « Social »,
 * `regles.md`, `indicateurs.md` Axe 4 and « A beneficiary of Suivi insertion is counted once per
 * exercice, by its `beneficiaire` value (trimmed, case-insensitive); the first filled `sexe`,
 * `communeResidence` and `qpv` of that beneficiary, in sheet order, are used », `sortie.md`) and the
 * README's user sections, before reading `src/` and before the first run.
 * Workbook: ./blind-insertion-workbooks.ts. The command line runs in-process (`runCli`, day of the
 * run 2026-01-15).
 *
 * ── `Registre` (header row 1) ─────────────────────────────────────────────────────────────────────
 * Mapped: numero, objet, pole, montant, montantMandate, dateNotification, horsMarche, clauseSociale,
 * critereSocial, marcheReserve, marcheInsertion, heuresInsertionPrevues, heuresInsertionRealisees,
 * structureTitulaire.
 *
 *  row numero     Pôle  mt      dep            HM  CS   CSoc réservé (typed → read)        MI   hRéal struct
 *  r2  PAT-25-01  PAT   120000  95000          .   Oui  Non  « Non » → Non                 .    1500  Autre
 *  r3  PAT-25-02  PAT   80000   80000 (mt)     .   Oui  .    « Oui – ESAT » → ESAT/EA      .    .     ESAT
 *  r4  PAT-25-03  PAT   45000   40000          .   Non  .    . → Non                       Oui  600   SIAE
 *  r5  PAT-25-04  PAT   60000   30000          .   Non  .    « Non »                       Non  150   Autre  → heures-sans-clause ⚠
 *  r6  SOL-25-01  SOL   200000  180000         .   Oui  Oui  « Non »                       .    .     .
 *  r7  SOL-25-02  SOL   35000   35000          .   .    .    « Art. L2113-12 » → ESAT/EA   .    .     EA
 *  r8  SOL-25-03  SOL   25000   25000 (mt)     .   .    .    « Réservé SIAE » → SIAE       Oui  420   SIAE
 *  r9  SOL-25-04  SOL   15000   12000          .   Non  Oui  . → Non                       .    .     ESS
 *  r10 SOL-HM-01  SOL   3000    3000           Oui .    .    .                             .    .     ESAT   (H: order outside any contract)
 *  r11 PAT-24-01  PAT   90000   90000   (N−1)  .   Oui  .    « Non »                       .    800   Autre
 *  r12 SOL-24-01  SOL   40000   38000   (N−1)  .   Oui  .    « Oui – ESAT » → ESAT/EA      .    300   ESAT
 *  r13 PAT-25-05  PAT   (empty) → montant-manquant ✗          Oui
 *
 * Marché réservé (champs.md: enum Non, ESAT/EA, SIAE, ESS; « L2113-12 = ESAT/EA, L2113-13 = SIAE »;
 * regles §2: the values and synonyms, case- and accent-insensitive; an empty marcheReserve is Non):
 * « Oui – ESAT » names ESAT, « Art. L2113-12 » the article of ESAT/EA, « Réservé SIAE » names SIAE —
 * what any buyer reads in them (the spec is silent on these exact spellings).
 * Exercice: 2025 has r2–r10, r13 (10 rows with a readable date, errors included), 2024 has 2 → N = 2025.
 * R = r2–r10 (9); M = r2–r9 (8; r10 is H). N−1: R' = M' = r11, r12.
 * Pôles: PAT = r2–r5 (M), SOL = r6–r9 (M) + r10 (H).
 *
 * ── `Export PLIE` (titles rows 1–3, header row 5) ─────────────────────────────────────────────────
 * Mapped: Réf. marché → numero, Participant → beneficiaire, Sexe, Commune de résidence, QPV, Type de
 * contrat, Heures réalisées, Date de début. « Employeur », « Conseiller »: no field.
 *
 *  row numero       beneficiaire (key)          sexe→   commune → Roubaix?       qpv          type → read                       heures
 *  s6  PAT-25-01    « DUBOIS Karima » (K)        F       ROUBAIX → yes            .            CDDI                              « 1 200 h » = 1200
 *  s7  PAT-25-01    « M.B. 1992 » (MB)           H       Roubaix 59100 → yes      Non          « Intérim d'insertion » → Intérim  « 35h » = 35
 *  s8  PAT-25-01    « LEFEBVRE Hélène » (HE)     Femme→F « 59100 » → yes          Oui          « Contrat pro » → Contrat de professionnalisation  455
 *  s9  PAT-25-02    « Dubois Karima » (K)        .       Tourcoing                « QPV Epeule » CDD > 6 mois → CDD                « 12,5 heures » = 12.5
 *      → « QPV Epeule » is valeur-illisible (see below): s9 is left out of every indicator
 *  s10 « pat-25-02 » « N'DIAYE Moussa » (ND1)    M.→H    Wattrelos → no           Non          Apprentissage                     320 (début 2024: still N, its contract is)
 *  s11 PAT-25-02    « LEFEBVRE Helene » (HN)     Mme→F   Croix → no               Non          CDDI                              =70+35 → 105
 *  s12 « Sous-total » (not a row)
 *  s13 SOL-25-01    « m.b. 1992 » (MB)           H       « 59100 » → yes          Non          CDI                               800
 *  s14 SOL-25-01    « BENALI Yacine » (BY)       H       Roubaix → yes            oui          CDDI                              610
 *  s15 SOL-25-01    «   DUBOIS Karima   » (K)    F       Roubaix → yes            Oui          Intérim d'insertion → Intérim     140
 *  s16 SOL-25-01    « N'DIAYE␣␣Moussa » (ND2)    H       Roubaix → yes            Oui          CDD > 6 mois → CDD                210
 *  s17 PAT-24-01    « ROUSSEAU Julie » (RJ)      F       Roubaix                  Non          CDDI                              500   (N−1)
 *  s18 PAT-24-01    « M.B. 1992 » (MB)           H       Roubaix                  Non          Intérim d'insertion → Intérim     240   (N−1)
 *  s19 PAT-25-05    (contract in error)          → counts nowhere, signalled (README « Indicateurs »)   300
 *  s20 PAT-25-09    (contract not in the register) → counts nowhere, signalled                          70
 *  s22 « TOTAL » (not a row)
 *
 * Readings (where the spec is not literal, what a buyer expects):
 * - Numero « pat-25-02 » is PAT-25-02 (compared as for doublon: case and all spaces ignored).
 * - Hours: README « Lecture des cellules »: `h` after a number is accepted (« 35 h »); « 35h » glued is
 *   the same; « 12,5 heures » in an hours column is 12,5 hours (the unit written in full); a formula
 *   is read by its result.
 * - Contract type (enum CDI, CDD, Intérim, CDDI, Contrat de professionnalisation, Apprentissage,
 *   Autre): the facilitator's usual words are read as the type they name: « Intérim d'insertion » (a
 *   mission of an ETTI) is Intérim, « Contrat pro » is Contrat de professionnalisation, « CDD > 6 mois »
 *   is CDD.
 * - Sexe (enum F, H): « Femme » and « Mme » are F, « M. » (Monsieur) is H.
 * - Commune: README « Bénéficiaires… »: compared like a supplier's; « Roubaix 59100 » is Roubaix;
 *   « 59100 » alone is Roubaix's postal code (regles §6: « Roubaix — commune Roubaix, or postal code
 *   59100 »).
 * - QPV: « QPV Epeule » (the facilitator names the QPV the person lives in) is oui.
 *   CORRECTED after the first run (hand-computation mistake): regles §2 lists the yes/no texts
 *   (`oui`… and « texts starting with oui »), and the README (« Contrôles ») makes any other text of a
 *   yes/no column `valeur-illisible`, the row left out until corrected. « QPV Epeule » does not start
 *   with oui: s9 is an error (column « QPV ») and counts nowhere; the values below are recomputed.
 * - Beneficiary: « trimmed, case-insensitive » and nothing else (the spec says « accent-insensitive »
 *   or « all spaces ignored » where it means it: regles §2 enum, regles §3 doublon). So K = « DUBOIS
 *   Karima » = « Dubois Karima » = «   DUBOIS Karima   »; MB = « M.B. 1992 » = « m.b. 1992 »; but
 *   « LEFEBVRE Hélène » ≠ « LEFEBVRE Helene » (accents) and « N'DIAYE Moussa » ≠ « N'DIAYE␣␣Moussa »
 *   (inner spaces): four different persons by the letter of the spec.
 *
 * Suivi rows of N (numero of a contract of M of 2025): PAT-25-01 s6 s7 s8; PAT-25-02 s10 s11 (s9 in
 * error); SOL-25-01 s13 s14 s15 s16 → 9 (PAT 5, SOL 4). N−1 (PAT-24-01): s17 s18 → 2.
 * Beneficiaries of N (7), first filled values in sheet order (each person's values are the same
 * in both Pôles, so reading them over the City's rows or the Pôle's gives the same):
 *   K   sexe s6 F · commune s6 ROUBAIX yes · qpv s6 empty → (s9 in error) s15 Oui   (Pôles PAT, SOL).
 *       In PAT alone (rows grouped by pole, indicateurs.md « Par pôle »): s6 only, qpv unknown; in SOL
 *       alone s15: F, Roubaix, Oui.
 *   MB  H · Roubaix 59100 yes · Non   (PAT, SOL; in SOL alone s13: H, 59100 yes, Non — the same)
 *   HE  F · 59100 yes · Oui            (PAT)
 *   ND1 H · Wattrelos no · Non          (PAT)
 *   HN  F · Croix no · Non              (PAT)
 *   BY  H · Roubaix yes · oui           (SOL)
 *   ND2 H · Roubaix yes · Oui           (SOL)
 * Beneficiaries of N−1: RJ (F, Roubaix, Non), MB (H, Roubaix, Non).
 *
 * ── Indicators (Axe 4) ───────────────────────────────────────────────────────────────────────────
 * 4.1.2-consideration-sociale = % #{M: CS or CSoc or réservé ≠ Non or MI} / #M:
 *   r2 CS ✓, r3 CS ✓, r4 MI ✓, r5 ✗, r6 ✓, r7 réservé ✓, r8 ✓, r9 CSoc ✓ → 7/8 = 87.5;
 *   PAT 3/4 = 75, SOL 4/4 = 100; N−1 r11 ✓ r12 ✓ → 100.
 * 4.2.1-insertion-nb = #{M: MI} = r4, r8 → 2 (PAT 1, SOL 1); N−1 0 (column mapped, none).
 * 4.2.1-insertion-montant = Σ dep: r4 40 000 + r8 25 000 (montant, no mandaté) = 65 000
 *   (PAT 40 000, SOL 25 000); N−1 0.
 * 4.2.2-clause-sociale-nb = r2, r3, r6 → 3 (PAT 2, SOL 1); N−1 2.
 * 4.2.2-clause-sociale-part = 3/8 = 37.5 (PAT 2/4 = 50, SOL 1/4 = 25); N−1 2/2 = 100.
 * 4.2.2-heures, contract by contract over M:
 *   PAT-25-01 Suivi 1200 + 35 + 455 = 1690 (the register's 1500 not used)
 *   PAT-25-02 Suivi 320 + 105 = 425 (s9's 12.5 in error)
 *   PAT-25-03 no Suivi row → register 600
 *   PAT-25-04 no Suivi row → register 150 (the warning keeps the row)
 *   SOL-25-01 Suivi 800 + 610 + 140 + 210 = 1760
 *   SOL-25-02 no Suivi, empty → 0 · SOL-25-03 register 420 · SOL-25-04 empty → 0
 *   = 1690 + 425 + 600 + 150 + 1760 + 420 = 5045 (PAT 2865, SOL 2180);
 *   N−1: PAT-24-01 Suivi 500 + 240 = 740 (register 800 not used) + SOL-24-01 register 300 = 1040.
 * 4.2.2-personnes = K MB HE ND1 HN BY ND2 = 7 (PAT: K MB HE ND1 HN = 5; SOL: MB BY K ND2 = 4); N−1 2.
 * 4.2.2-contrats = 9 (PAT 5, SOL 4); N−1 2.
 * 4.2.2-typologie = 9: CDDI s6 s11 s14 = 3, Intérim s7 s15 = 2, CDD s16 = 1,
 *   Contrat de professionnalisation 1, Apprentissage 1, CDI 1 (PAT 5, SOL 4); N−1 2 (CDDI 1, Intérim 1).
 * 4.2.2-femmes: F K HE HN = 3, H MB ND1 BY ND2 = 4 → 300/7 % (PAT 3/5 = 60, SOL K of MB BY K ND2 = 25);
 *   N−1 RJ F, MB H → 50.
 * 4.2.2-roubaisiens: K MB HE BY ND2 of 7 → 500/7 % (PAT K MB HE of 5 = 60; SOL 4/4 = 100); N−1 100.
 * 4.2.2-residents-qpv: K HE BY ND2 → 4 (PAT HE = 1, K's qpv unknown there; SOL BY K ND2 = 3); N−1 0.
 * 4.2.3-reserves = #{M: réservé ≠ Non} = r3 r7 r8 → 3 (PAT 1, SOL 2); N−1 r12 → 1.
 * 4.2.3-montant-esat-siae-ess = Σ_R dep with structure ∈ {ESAT, EA, SIAE, ESS}:
 *   r3 80 000 + r4 40 000 + r7 35 000 + r8 25 000 + r9 12 000 + r10 3 000 (H is in R) = 195 000
 *   (PAT 120 000, SOL 75 000); N−1 r12 38 000.
 * Also (Axe 1, no environmental column so AR = sociale): 1.1.2-marches-ar = 7 (PAT 3, SOL 4);
 *   1.1.2-montant-ar = Σ_R dep of AR rows = 95 000 + 80 000 + 40 000 + 180 000 + 35 000 + 25 000 + 12 000
 *   = 467 000 (PAT 215 000, SOL 252 000; r10 has no social field filled); N−1 2 and 90 000 + 38 000 = 128 000.
 *
 * ── Controls (JSON `controles`) ──────────────────────────────────────────────────────────────────
 *   Registre r5 heures-sans-clause (avertissement) · Registre r13 montant-manquant (erreur) ·
 *   Export PLIE s9 valeur-illisible on « QPV » (erreur; corrected, see above). The sub-total and total
 *   rows are not rows.
 * lignes: exercice 9 (R), erreurs 1 (r13), avertissements 1 (r5). depense « montantMandate ».
 * No suggestion (no objet holds a word of the lexicon).
 * Remarks (stderr « Attention : », README « Indicateurs »): the Suivi row of PAT-25-05 (in error in the
 * register) and of PAT-25-09 (not in the register) are signalled by their numero; no beneficiary
 * identifier is ever copied (champs.md: never a name in outputs).
 *
 * ── First run: disagreements and verdicts ────────────────────────────────────────────────────────
 * 1. « Oui – ESAT », « Art. L2113-12 », « Réservé SIAE » in « Marché réservé » were valeur-illisible
 *    (r3 r7 r8 r12 left out of every indicator). Product defect: each names one value of the list
 *    (champs.md: L2113-12 = ESAT/EA); fixed (test/domain/enum-named-in-text.test.ts).
 * 2. « Intérim d'insertion » (s7 s15 s18) and « CDD > 6 mois » (s9 s16) in « Type de contrat » were
 *    valeur-illisible. Product defect, same fix (« Contrat pro », « Femme », « Mme », « M. » were read).
 * 3. « QPV Epeule »: valeur-illisible. Hand-computation mistake (regles §2), expectation corrected.
 * 4. « 59100 » alone as the residence was not Roubaix. Product defect (regles §6: Roubaix is « postal
 *    code 59100 »; README: a residence compares as a supplier's commune); fixed
 *    (test/domain/indicators/residence-postal-code.test.ts).
 * Agreed from the first run: « 1 200 h », « 35h », « 12,5 heures » and the formula read as hours, the
 * sub-total and total rows skipped, the title rows above the header, « pat-25-02 », the beneficiaries
 * by trimmed, case-insensitive identifier (accents and inner spaces make other persons), the
 * remarks naming PAT-25-05 (in error) and PAT-25-09 (not in the register).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { plainSpaces, tempDir } from '../cli/helpers';
import { byId, calculerJson, expectClose, sortedControls, type JsonRun } from './helpers';
import { BENEFICIARY_PARTS, FILE, PAT, SHEET_REG, SHEET_SUIVI, SOL, workbook } from './blind-insertion-workbooks';

type Indicator = SpaserResult['indicateurs'][number];

/** One hand expectation: value, N−1, per Pôle [PAT, SOL], breakdown (non-zero categories). */
interface Exp {
  v: number;
  n1: number;
  pp: [number, number];
  rep?: Record<string, number>;
}

const EXPECTED: Record<string, Exp> = {
  '1.1.2-marches-ar': { v: 7, n1: 2, pp: [3, 4] },
  '1.1.2-montant-ar': { v: 467000, n1: 128000, pp: [215000, 252000] },
  '4.1.2-consideration-sociale': { v: 87.5, n1: 100, pp: [75, 100] },
  '4.2.1-insertion-nb': { v: 2, n1: 0, pp: [1, 1] },
  '4.2.1-insertion-montant': { v: 65000, n1: 0, pp: [40000, 25000] },
  '4.2.2-clause-sociale-nb': { v: 3, n1: 2, pp: [2, 1] },
  '4.2.2-clause-sociale-part': { v: 37.5, n1: 100, pp: [50, 25] },
  '4.2.2-heures': { v: 5045, n1: 1040, pp: [2865, 2180] },
  '4.2.2-personnes': { v: 7, n1: 2, pp: [5, 4] },
  '4.2.2-contrats': { v: 9, n1: 2, pp: [5, 4] },
  '4.2.2-typologie': {
    v: 9, n1: 2, pp: [5, 4],
    rep: { CDDI: 3, Intérim: 2, CDD: 1, 'Contrat de professionnalisation': 1, Apprentissage: 1, CDI: 1 },
  },
  '4.2.2-femmes': { v: 300 / 7, n1: 50, pp: [60, 25], rep: { F: 3, H: 4 } },
  '4.2.2-roubaisiens': { v: 500 / 7, n1: 100, pp: [60, 100] },
  '4.2.2-residents-qpv': { v: 4, n1: 0, pp: [1, 3] },
  '4.2.3-reserves': { v: 3, n1: 1, pp: [1, 2] },
  '4.2.3-montant-esat-siae-ess': { v: 195000, n1: 38000, pp: [120000, 75000] },
};

let dir: string;
let run: JsonRun;

beforeAll(async () => {
  dir = tempDir();
  fs.writeFileSync(path.join(dir, FILE), await workbook());
  run = await calculerJson(dir, FILE, 'Suivi clause sociale 2025 - SPASER.xlsx');
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ind(id: string): Indicator {
  const i = byId(run.result).get(id);
  expect(i).toBeDefined();
  return i!;
}

describe('blind « insertion »: the facilitator\'s export kept by a Pôle', () => {
  it('runs on exercice 2025, spend from the mandaté column', () => {
    expect({ code: run.code, err: run.code === EXIT_OK ? '' : run.stderr }).toEqual({ code: EXIT_OK, err: '' });
    expect(run.result.exercice).toBe(2025);
    expect(run.result.depense).toBe('montantMandate');
    expect({ exercice: run.result.lignes.exercice, erreurs: run.result.lignes.erreurs, avertissements: run.result.lignes.avertissements })
      .toEqual({ exercice: 9, erreurs: 1, avertissements: 1 });
  });

  for (const [id, e] of Object.entries(EXPECTED)) {
    it(`${id}: ${e.v} (N−1 ${e.n1}; ${PAT} ${e.pp[0]}, ${SOL} ${e.pp[1]})`, () => {
      const i = ind(id);
      expect({ id, statut: i.statut, motif: i.motif }).toEqual({ id, statut: 'calculé', motif: null });
      expectClose(i.valeur, e.v, `${id} valeur`);
      expectClose(i.n1, e.n1, `${id} n1`);
      expect({ id, poles: Object.keys(i.parPole ?? {}).sort() }).toEqual({ id, poles: [PAT, SOL].sort() });
      expectClose(i.parPole?.[PAT] ?? null, e.pp[0], `${id} parPole ${PAT}`);
      expectClose(i.parPole?.[SOL] ?? null, e.pp[1], `${id} parPole ${SOL}`);
      if (e.rep) {
        const rep = (i.repartition ?? {}) as Record<string, number>;
        const nonZero = Object.fromEntries(Object.entries(rep).filter(([, n]) => n !== 0));
        expect({ id, rep: nonZero }).toEqual({ id, rep: e.rep });
      }
    });
  }

  it('controls: the hours without clause (warning), the missing montant (error), « QPV Epeule » unreadable (error)', () => {
    expect(sortedControls(run.result)).toEqual([
      [SHEET_SUIVI, 9, 'valeur-illisible'],
      [SHEET_REG, 5, 'heures-sans-clause'],
      [SHEET_REG, 13, 'montant-manquant'],
    ]);
    const sev = Object.fromEntries(run.result.controles.map((c) => [c.code, c.gravite]));
    expect(sev).toEqual({ 'heures-sans-clause': 'avertissement', 'montant-manquant': 'erreur', 'valeur-illisible': 'erreur' });
    expect(run.result.controles.find((c) => c.feuille === SHEET_SUIVI)?.colonne).toBe('QPV');
  });

  it('no suggestion', () => {
    expect(run.result.suggestions).toEqual([]);
  });

  it('the Suivi rows of the contract in error and of the contract outside the register are signalled by their numero', () => {
    expect(run.stderr).toContain('PAT-25-05');
    expect(run.stderr).toContain('PAT-25-09');
    // Added after the first run, from README « Indicateurs »: one remark per numero naming the Suivi row,
    // the register row in error and what to do; no other remark.
    const remarks = run.stderr.split('\n').filter((l) => l.startsWith('Attention'));
    expect(remarks).toHaveLength(2);
    expect(remarks[0]).toMatch(/ligne 19 : le marché « PAT-25-05 » est à la ligne 13 de la feuille « Registre », en erreur \(montant manquant\).*Corrigez cette ligne/);
    expect(remarks[1]).toMatch(/ligne 20 : le marché « PAT-25-09 » ne figure pas dans le registre/);
  });

  it('4.2.2-heures tells where its hours come from (added after the first run, from README « Indicateurs »)', () => {
    // Contracts of M whose hours are filled: Suivi PAT-25-01, PAT-25-02, SOL-25-01; column PAT-25-03,
    // PAT-25-04, SOL-25-03; SOL-25-02 and SOL-25-04 have none → 6 of 8.
    const i = ind('4.2.2-heures');
    expect(i.couverture).toEqual({ renseignees: 6, total: 8 });
    expect(plainSpaces(i.note)).toBe("heures de la feuille Suivi insertion pour 3 marchés, de la colonne « Heures d'insertion réalisées » pour 3 marchés");
  });

  it('no beneficiary identifier in the JSON nor on stderr', () => {
    const out = `${JSON.stringify(run.result)}\n${run.stderr}`.toLowerCase();
    expect(BENEFICIARY_PARTS.filter((p) => out.includes(p))).toEqual([]);
  });
});
