/**
 * Spec audit — `calculer … --json` prints only the object of `sortie.md` « The
 * machine-readable result » (its fields, every indicator id in order); progress
 * and messages go to stderr; without `--json`, a French summary on stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { STEP_LABELS } from '../../src/cli/progress';

/** The progress labels of a run on one workbook. */
const ONE_WORKBOOK_LABELS = { ...STEP_LABELS, lecture: 'Lecture du classeur' };
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, tempDir, writeWorkbook } from './helpers';

const HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'];

/**
 * `Pôle Sport.xlsx`, sheet `Suivi 2025`, in a sub-folder:
 * - row 2: 2025-001, « Papier recyclé », 1 000 €, clause sociale oui → sociale; « recyclé » suggests
 *   a Clause environnementale, not confirmed → warning `suggestion-non-confirmee`;
 * - row 3: 2025-002, 3 000 €, non;
 * - row 4: 2025-002 again in 2025 → error `doublon` (row kept out);
 * - row 5: 2025-003, 6 000 €, non;
 * - row 6: 2024-001, 2 000 €, oui (the only valid row of N−1).
 * Exercice 2025 (4 dated rows vs 1); R = rows 2, 3, 5; lues 5, erreurs 1, avertissements 1.
 */
async function fixture(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pôles'));
  const file = path.join('pôles', 'Pôle Sport.xlsx');
  await writeWorkbook(path.join(dir, file), 'Suivi 2025', HEADER, [
    ['2025-001', 'Papier recyclé', 1000, d('2025-02-01'), 'Oui'],
    ['2025-002', 'Fournitures de bureau', 3000, d('2025-03-01'), 'Non'],
    ['2025-002', 'Fournitures de bureau (bis)', 500, d('2025-04-01'), 'Non'],
    ['2025-003', 'Maintenance informatique', 6000, d('2025-05-01'), 'Non'],
    ['2024-001', 'Nettoyage des locaux', 2000, d('2024-05-01'), 'Oui'],
  ]);
  return { dir, file };
}

describe('--json: stdout holds only the result object of sortie.md', () => {
  let result: SpaserResult;
  let stdout: string;
  let stderr: string;
  beforeAll(async () => {
    const { dir, file } = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', file, '--json'], c.io)).toBe(EXIT_OK);
    stdout = c.stdout();
    stderr = c.stderr();
    result = JSON.parse(stdout) as SpaserResult;
  });

  it('stdout is one JSON object and nothing else (no progress, no message)', () => {
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(stdout.trim().endsWith('}')).toBe(true);
    for (const label of Object.values(STEP_LABELS)) expect(stdout).not.toContain(label);
    expect(stdout).not.toContain('Classeur écrit');
  });

  it('the top-level fields are exactly those of sortie.md', () => {
    expect(Object.keys(result).sort()).toEqual(['controles', 'depense', 'exercice', 'indicateurs', 'lignes', 'suggestions']);
    expect(result.exercice).toBe(2025);
    // No mandated-spend column: the spend is the notified amount.
    expect(result.depense).toBe('montant');
  });

  it('lignes: lues, exercice, erreurs, avertissements as sortie.md defines them', () => {
    expect(result.lignes).toEqual({ lues: 5, exercice: 3, erreurs: 1, avertissements: 1 });
  });

  // Every field of sortie.md is there; the program adds an optional `note` (the sheet's `Note`), which the spec does not list.
  it('every id of the catalogue exactly once, in order, each with every field of sortie.md', () => {
    expect(result.indicateurs.map((i) => i.id)).toEqual(CATALOGUE.map((c) => c.id));
    const fields = ['axe', 'cible', 'couverture', 'id', 'libelle', 'motif', 'n1', 'objectif', 'parPole', 'repartition', 'statut', 'unite', 'valeur'];
    for (const ind of result.indicateurs) {
      expect([ind.id, Object.keys(ind)]).toEqual([ind.id, expect.arrayContaining(fields)]);
      expect(['calculé', 'saisi', 'non calculable']).toContain(ind.statut);
      expect(['%', '€', 'nombre', 'jours']).toContain(ind.unite);
      if (ind.statut === 'non calculable') {
        expect([ind.id, ind.valeur]).toEqual([ind.id, null]);
        expect([ind.id, typeof ind.motif === 'string' && ind.motif.length > 0]).toEqual([ind.id, true]);
      }
    }
  });

  it('4.1.2-consideration-sociale in full: 1 of the 3 contracts of R, a percentage 0–100 at full precision', () => {
    const ind = result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')!;
    expect(ind).toMatchObject({
      id: '4.1.2-consideration-sociale',
      axe: 4,
      objectif: '4.1.2',
      libelle: 'Pourcentage des marchés avec une considération sociale',
      unite: '%',
      statut: 'calculé',
      valeur: expect.any(Number),
      couverture: { renseignees: 3, total: 3 },
      repartition: null,
      // N−1: the one valid row of 2024 has a clause sociale → 100 %.
      n1: 100,
      cible: null,
      // No Pôle column: the file's name without extension (and without its folder).
      parPole: { 'Pôle Sport': expect.any(Number) },
      motif: null,
    });
    expect(ind.valeur).toBeCloseTo(100 / 3, 12);
    expect(Object.keys(ind.parPole!)).toEqual(['Pôle Sport']);
    expect(ind.parPole!['Pôle Sport']).toBeCloseTo(100 / 3, 12);
  });

  it('a € indicator is a plain number: 1.1.2-montant-ar = Σ dep of the AR contracts = 1 000', () => {
    const ind = result.indicateurs.find((i) => i.id === '1.1.2-montant-ar')!;
    expect([ind.unite, ind.statut, ind.valeur]).toEqual(['€', 'calculé', 1000]);
  });

  it('controles: gravite, code, message, feuille, ligne, colonne (the user header), source (the file name)', () => {
    for (const c of result.controles) {
      expect(Object.keys(c).sort()).toEqual(['code', 'colonne', 'feuille', 'gravite', 'ligne', 'message', 'source']);
    }
    const doublon = result.controles.filter((c) => c.code === 'doublon');
    expect(doublon).toEqual([
      { gravite: 'erreur', code: 'doublon', message: expect.stringMatching(/\S/), feuille: 'Suivi 2025', ligne: 4, colonne: 'N° de marché', source: 'Pôle Sport.xlsx' },
    ]);
    const pending = result.controles.filter((c) => c.code === 'suggestion-non-confirmee');
    expect(pending.map((c) => [c.gravite, c.feuille, c.ligne, c.source])).toEqual([['avertissement', 'Suivi 2025', 2, 'Pôle Sport.xlsx']]);
    expect(result.controles).toHaveLength(2);
  });

  it('suggestions: numero, consideration, etiquette, declencheur, decision (null while undecided)', () => {
    expect(result.suggestions).toEqual([
      {
        numero: '2025-001',
        consideration: 'environnementale',
        etiquette: 'Clause environnementale',
        declencheur: expect.stringMatching(/recyclé/i),
        decision: null,
      },
    ]);
  });

  it('progress and the output message go to stderr: reading, checking, computing, writing', () => {
    // One workbook: « Lecture du classeur… », in the singular.
    for (const step of ['lecture', 'contrôles', 'calcul', 'écriture'] as const) expect(stderr).toContain(ONE_WORKBOOK_LABELS[step]);
    expect(stderr).not.toContain('Lecture des classeurs');
    expect(stderr).toMatch(/Classeur écrit : .*Pôle Sport - SPASER\.xlsx/);
  });
});

describe('without --json: a French summary on stdout, progress on stderr', () => {
  let stdout: string;
  let stderr: string;
  beforeAll(async () => {
    const { dir, file } = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', file], c.io)).toBe(EXIT_OK);
    stdout = c.stdout();
    stderr = c.stderr();
  });

  it('names the exercice, the rows, every axe and every indicator in catalogue order', () => {
    expect(stdout).toContain('Registre SPASER — exercice 2025');
    expect(stdout).toContain("Lignes : 5 lues, dont 1 en erreur (tous exercices) ; 3 de l'exercice sans erreur, dont 1 avec avertissement");
    for (const axe of [1, 2, 3, 4, 5]) expect(stdout).toMatch(new RegExp(`^Axe ${axe} — `, 'm'));
    const positions = CATALOGUE.map((c) => stdout.indexOf(`  ${c.id}  `));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('gives values the French way and the reason of a non calculable indicator', () => {
    expect(stdout).toMatch(/4\.1\.2-consideration-sociale {2}Pourcentage des marchés avec une considération sociale : 33,3 % — N−1 : 100,0 %/);
    expect(stdout).toMatch(/1\.1\.2-montant-ar {2}.* : 1 000,00 €/);
    // No « Marché programmé » column.
    expect(stdout).toMatch(/2\.1\.1-programmes-nb {2}.* : non calculable : .*\S.*/);
  });

  it('counts the errors and the warnings, by code', () => {
    expect(stdout).toContain('Contrôles (constats sur toutes les lignes lues) : 1 erreur, 1 avertissement');
    expect(stdout).toContain('Erreurs : Marché en double (doublon) 1');
    expect(stdout).toContain('Avertissements : Étiquette suggérée à confirmer (suggestion-non-confirmee) 1');
  });

  it('progress stays on stderr, the summary stays off it', () => {
    for (const step of ['lecture', 'contrôles', 'calcul', 'écriture'] as const) {
      expect(stderr).toContain(ONE_WORKBOOK_LABELS[step]);
      expect(stdout).not.toContain(ONE_WORKBOOK_LABELS[step]);
    }
    expect(stderr).not.toContain('Registre SPASER');
  });
});
