/**
 * BLIND acceptance of README « Contrôles › Doublons et conflits » on a consolidation of two
 * Pôle files by the command line (`calculer A.xlsx B.xlsx --json`): a `doublon` message says
 * « saisie en double » when the two rows carry the same values, or « Conflit, … à arbitrer »
 * naming the differing fields (this row's value, then the first's; four at most, the others
 * counted). Compared: the fields both sheets track, readable on both rows, numero and Pôle
 * excepted; case and spaces of a text and less than a cent make no difference; filled on one
 * side and empty on the other is one. Expectations worked out by hand; today 15/01/2026.
 *
 * « Pôle Culture.xlsx », sheet « Suivi 2025 »:
 *   N° marché | Objet | Montant HT | Date notif | Titulaire | Code postal | Clause sociale | Nature | Durée (mois) | Procédure
 *   r2 C-001 Spectacles de rue      15000     03/02/2025 Compagnie Lune  59100 non Services    12 MAPA
 *   r3 C-002 Sonorisation            8000     04/03/2025 Son et Lumière  59000 oui Services    18 AOO
 *   r4 C-003 Affiches                2000     05/04/2025 Imprimerie Nord 59100 non Fournitures  6 MAPA
 *   r5 C-002 Régie son du festival   9500     20/05/2025 Audio Pro       75011 oui Services    48 AOO
 *      → doublon of r3, 6 differences (objet, montant, date, titulaire, code postal, durée):
 *        Conflit, 4 named, « 2 » others counted.
 *   r6 «c-001 » «SPECTACLES  DE RUE» 15000.004 03/02/2025 «compagnie lune» 59100 non services 12 mapa
 *      → doublon of r2; same values (case, spaces, < 1 cent, enum spellings): saisie en double.
 * « Pôle Sport.xlsx », sheet « Marchés » (tracks fewer fields):
 *   N° de marché | Intitulé | Montant notifié | Notifié le | Titulaire
 *   r2 C-003 Affiches            2000          05/04/2025 Imprimerie Nord → doublon of Culture r4,
 *      common fields equal, Pôle (from the file name) not compared: saisie en double.
 *   r3 C-001 Spectacles de rue  15000          03/02/2025 (vide)          → doublon of Culture r2,
 *      Titulaire empty here, « Compagnie Lune » there: Conflit naming Titulaire.
 *   r4 S-010 Ballons              500          10/01/2025 Sportmax
 *   r5 S-010 Ballons              500          10/01/2024 Sportmax        → another year: no doublon.
 *   r6 S-011 Filets              « douze cents » 11/01/2025 Filpro        → montant unreadable (error)
 *   r7 S-011 Filets              1200          11/01/2025 Filpro          → doublon of r6; the montant
 *      is unreadable on r6, so not compared: saisie en double.
 * Doublons: Culture r5, r6; Sport r2, r3, r7 → 5. lignes: lues 11; erreurs 6 (5 doublons + S-011 r6);
 * exercice 2025 (10 dated rows vs 1); R = Culture r2, r3, r4 + Sport r4 → 4; avertissements 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { capture, d, tempDir } from './helpers';

type Cell = string | number | Date | null;

async function book(file: string, sheet: string, rows: Cell[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function fixture(): Promise<string> {
  const dir = tempDir();
  await book(path.join(dir, 'Pôle Culture.xlsx'), 'Suivi 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Titulaire', 'Code postal', 'Clause sociale', 'Nature', 'Durée (mois)', 'Procédure'],
    ['C-001', 'Spectacles de rue', 15000, d('2025-02-03'), 'Compagnie Lune', '59100', 'non', 'Services', 12, 'MAPA'],
    ['C-002', 'Sonorisation', 8000, d('2025-03-04'), 'Son et Lumière', '59000', 'oui', 'Services', 18, 'AOO'],
    ['C-003', 'Affiches', 2000, d('2025-04-05'), 'Imprimerie Nord', '59100', 'non', 'Fournitures', 6, 'MAPA'],
    ['C-002', 'Régie son du festival', 9500, d('2025-05-20'), 'Audio Pro', '75011', 'oui', 'Services', 48, 'AOO'],
    ['c-001 ', 'SPECTACLES  DE RUE', 15000.004, d('2025-02-03'), 'compagnie lune', '59100', 'non', 'services', 12, 'mapa'],
  ]);
  await book(path.join(dir, 'Pôle Sport.xlsx'), 'Marchés', [
    ['N° de marché', 'Intitulé', 'Montant notifié', 'Notifié le', 'Titulaire'],
    ['C-003', 'Affiches', 2000, d('2025-04-05'), 'Imprimerie Nord'],
    ['C-001', 'Spectacles de rue', 15000, d('2025-02-03'), null],
    ['S-010', 'Ballons', 500, d('2025-01-10'), 'Sportmax'],
    ['S-010', 'Ballons', 500, d('2024-01-10'), 'Sportmax'],
    ['S-011', 'Filets', 'douze cents', d('2025-01-11'), 'Filpro'],
    ['S-011', 'Filets', 1200, d('2025-01-11'), 'Filpro'],
  ]);
  return dir;
}

interface Controle {
  gravite: string;
  code: string;
  message: string;
  feuille: string;
  ligne: number;
  colonne: string | null;
  source: string;
}

/** Text as a person compares it: spaces removed, decimal comma → point. */
const loose = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '').replace(/,/g, '.');

/** The 6 differences of Culture r5 against r3: this row's value(s), then the first's. */
const C002: { field: string; mine: string[]; first: string[] }[] = [
  { field: 'objet', mine: ['Régie son du festival'], first: ['Sonorisation'] },
  { field: 'montant', mine: ['9500'], first: ['8000'] },
  { field: 'date', mine: ['20/05/2025', '2025-05-20'], first: ['04/03/2025', '2025-03-04'] },
  { field: 'titulaire', mine: ['Audio Pro'], first: ['Son et Lumière'] },
  { field: 'codePostal', mine: ['75011'], first: ['59000'] },
  { field: 'duree', mine: ['48'], first: ['18'] },
];

function named(message: string) {
  const m = loose(message);
  const at = (vs: string[]) => Math.min(...vs.map((v) => m.indexOf(loose(v))).filter((i) => i >= 0));
  return C002.map((x) => ({ field: x.field, mineAt: at(x.mine), firstAt: at(x.first) })).filter((x) => Number.isFinite(x.mineAt) && Number.isFinite(x.firstAt));
}

describe('doublons of a two-Pôle consolidation: double entry or conflict to arbitrate', () => {
  let json: { lignes: unknown; controles: Controle[] };
  let dir: string;

  beforeAll(async () => {
    dir = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle Culture.xlsx', 'Pôle Sport.xlsx', '--json', '--sortie', 'out.xlsx'], c.io)).toBe(0);
    json = JSON.parse(c.stdout());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const doublon = (source: string, ligne: number) => {
    const found = json.controles.filter((c) => c.code === 'doublon' && c.source === source && c.ligne === ligne);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('finds exactly the 5 doublons, and counts the rows as worked out', () => {
    const rows = json.controles.filter((c) => c.code === 'doublon').map((c) => [c.source, c.feuille, c.ligne]);
    expect(rows).toEqual([
      ['Pôle Culture.xlsx', 'Suivi 2025', 5],
      ['Pôle Culture.xlsx', 'Suivi 2025', 6],
      ['Pôle Sport.xlsx', 'Marchés', 2],
      ['Pôle Sport.xlsx', 'Marchés', 3],
      ['Pôle Sport.xlsx', 'Marchés', 7],
    ]);
    expect(json.controles.every((c) => c.code !== 'doublon' || c.gravite === 'erreur')).toBe(true);
    expect(json.lignes).toEqual({ lues: 11, exercice: 4, erreurs: 6, avertissements: 0 });
  });

  it('a conflict on 6 fields names 4 of them, this row’s value before the first’s, and counts the 2 others', () => {
    const m = doublon('Pôle Culture.xlsx', 5).message;
    expect(m).toMatch(/Conflit, .*à arbitrer/);
    expect(m).not.toMatch(/saisie en double/);
    const n = named(m);
    expect(n).toHaveLength(4);
    for (const x of n) expect(x.mineAt).toBeLessThan(x.firstAt);
    expect(m).toMatch(/\b2\b[^«»\d]{0,30}autres?|autres?[^«»\d]{0,30}\b2\b/);
  });

  it('case, spaces, less than a cent and enum spellings make a double entry, not a conflict', () => {
    const m = doublon('Pôle Culture.xlsx', 6).message;
    expect(m).toMatch(/saisie en double/);
    expect(m).not.toMatch(/Conflit/);
  });

  it('across the two Pôles: fields only one file tracks, and the Pôle, are not compared', () => {
    const m = doublon('Pôle Sport.xlsx', 2).message;
    expect(m).toMatch(/saisie en double/);
    expect(m).not.toMatch(/Conflit/);
  });

  it('across the two Pôles: a field filled on one side and empty on the other is a conflict, and named', () => {
    const m = doublon('Pôle Sport.xlsx', 3).message;
    expect(m).toMatch(/Conflit, .*à arbitrer/);
    expect(m).toMatch(/Titulaire/);
    expect(m).toMatch(/Compagnie Lune/);
  });

  it('a field unreadable on one row is not compared: double entry', () => {
    const m = doublon('Pôle Sport.xlsx', 7).message;
    expect(m).toMatch(/saisie en double/);
    expect(m).not.toMatch(/Conflit/);
  });

  it('the French summary counts them as the README writes it', async () => {
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle Culture.xlsx', 'Pôle Sport.xlsx', '--sortie', 'out2.xlsx'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/Marché en double \(doublon\) 5/);
  });
});

/**
 * Round 2 — the edges of « moins d'un centime », « rempli d'un côté et vide de l'autre », « les
 * espaces d'un texte », « quatre au plus, les autres comptés » and « la première », one file
 * « Bords.xlsx », sheet « Suivi » (all in 2025):
 *   N° marché | Objet | Montant HT | Date notif | Titulaire | Clause sociale | Code postal | Durée (mois) | Nb offres
 *   r2  B-1 Balayage 1000    01/02/2025 Alpha  non  59100 12 3
 *   r3  B-1 Balayage 1000.01 01/02/2025 Alpha  non  59100 12 3  → 1 cent IS a difference: Conflit, montant
 *   r4  B-2 Balayage 1000    01/02/2025 Alpha  non  59100 12 3
 *   r5  B-2 Balayage 1000.009 «01/02/2025» (text) «Alpha\u00a0» non 59100 12 3 → < 1 cent, same date
 *       written otherwise, a non-breaking space: saisie en double
 *   r6  B-3 Balayage 1000    01/02/2025 Alpha  non  59100 12 3
 *   r7  B-3 Balayage 1000    01/02/2025 Alpha  (vide) 59100 12 3 → « non » vs empty: Conflit, Clause sociale
 *   r8  B-4 Tonte    100     01/03/2025 Beta   oui  59000 6  2
 *   r9  B-4 Tonte    200     01/03/2025 Beta   oui  59000 6  2  → Conflit vs r8 (montant 200 / 100)
 *   r10 B-4 Tonte    200     01/03/2025 Beta   oui  59000 6  2  → compared with the FIRST (r8), not r9:
 *       Conflit, montant 200 on this row, 100 on the first
 *   r11 B-5 Élagage  500     01/04/2025 Gamma  oui  59000 6  2
 *   r12 B-5 Abattage 600     02/04/2025 Delta  non  59000 6  2  → 5 differences (objet, montant, date,
 *       titulaire, clause sociale): 4 named, « 1 autre » counted.
 *   r13 B-6 Curage   700     01/05/2025 Eps    oui  59000 6  2
 *   r14 B-6 Dragage  800     02/05/2025 Zeta   oui  59000 6  2  → exactly 4 differences: all 4 named, none counted.
 */
describe('doublon edges: cents, empty against filled, spaces, the first row, four at most', () => {
  let controles: Controle[];
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const H = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Titulaire', 'Clause sociale', 'Code postal', 'Durée (mois)', 'Nb offres'];
    const base = (n: string, m: number | string, date: Cell = d('2025-02-01'), tit = 'Alpha', clause: string | null = 'non'): Cell[] => [n, 'Balayage', m, date, tit, clause, '59100', 12, 3];
    await book(path.join(dir, 'Bords.xlsx'), 'Suivi', [
      H,
      base('B-1', 1000),
      base('B-1', 1000.01),
      base('B-2', 1000),
      base('B-2', 1000.009, '01/02/2025', 'Alpha\u00a0'),
      base('B-3', 1000),
      base('B-3', 1000, d('2025-02-01'), 'Alpha', null),
      ['B-4', 'Tonte', 100, d('2025-03-01'), 'Beta', 'oui', '59000', 6, 2],
      ['B-4', 'Tonte', 200, d('2025-03-01'), 'Beta', 'oui', '59000', 6, 2],
      ['B-4', 'Tonte', 200, d('2025-03-01'), 'Beta', 'oui', '59000', 6, 2],
      ['B-5', 'Élagage', 500, d('2025-04-01'), 'Gamma', 'oui', '59000', 6, 2],
      ['B-5', 'Abattage', 600, d('2025-04-02'), 'Delta', 'non', '59000', 6, 2],
      ['B-6', 'Curage', 700, d('2025-05-01'), 'Eps', 'oui', '59000', 6, 2],
      ['B-6', 'Dragage', 800, d('2025-05-02'), 'Zeta', 'oui', '59000', 6, 2],
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Bords.xlsx', '--json', '--sortie', 'out.xlsx'], c.io)).toBe(0);
    controles = (JSON.parse(c.stdout()) as { controles: Controle[] }).controles.filter((x) => x.code === 'doublon');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const at = (ligne: number) => {
    const found = controles.filter((c) => c.ligne === ligne);
    expect(found).toHaveLength(1);
    return found[0].message;
  };

  it('one doublon on each second and later row, none on a first', () => {
    expect(controles.map((c) => c.ligne)).toEqual([3, 5, 7, 9, 10, 12, 14]);
  });

  it('one cent is a difference', () => {
    expect(at(3)).toMatch(/Conflit, .*à arbitrer/);
    expect(at(3)).toMatch(/Montant/);
  });

  it('less than a cent, the same date written otherwise and a non-breaking space are no difference', () => {
    expect(at(5)).toMatch(/saisie en double/);
    expect(at(5)).not.toMatch(/Conflit/);
  });

  it('« non » against an empty yes/no cell is a difference (filled against empty)', () => {
    expect(at(7)).toMatch(/Conflit, .*à arbitrer/);
    expect(at(7)).toMatch(/Clause sociale/);
  });

  it('a third row is compared with the first, not with the second', () => {
    expect(at(9)).toMatch(/Conflit/);
    const m = loose(at(10));
    expect(m).toMatch(/Conflit/);
    expect(m.indexOf('200')).toBeGreaterThanOrEqual(0);
    expect(m.indexOf('100')).toBeGreaterThan(m.indexOf('200'));
  });

  it('five differences: four named and one counted; four differences: all four named, none counted', () => {
    const five = at(12);
    expect(five).toMatch(/Conflit/);
    expect(five).toMatch(/\b1\b[^«»\d]{0,30}autre|autre[^«»\d]{0,30}\b1\b/);
    const four = at(14);
    for (const v of ['Dragage', 'Curage', 'Zeta', 'Eps']) expect(four).toContain(v);
    expect(four).toMatch(/02\/05\/2025|2025-05-02/);
    expect(loose(four)).toMatch(/800/);
    expect(four).not.toMatch(/autres?\s+champs?|\bautres?\b/);
  });
});
