/**
 * One list, one order and one spelling on every front (session 31 audit, after the Pôle list of the
 * pane came in another order than `SPASER Pôles`): a project lead who reads a list in the pane, the
 * command line's summary, the written sheets or the JSON finds each item at the same place, under
 * the same name.
 */
import { countByCode, formatIndicatorValue, formatSummary } from '../../src/cli/format';
import { repartitionLines, repartitionText } from '../../src/domain/change';
import { runChain } from '../../src/domain/chain';
import { SHEET_INDICATEURS, SHEET_POLES } from '../../src/domain/plan-types';
import { AXE_TITLES, orderedFindings } from '../../src/domain/plan';
import { groupFindings } from '../../src/taskpane/components/ControlesStep';
import { polesOf } from '../../src/taskpane/components/IndicateursStep';
import { d, grid } from '../helpers/grid';
import { cellAt, findRow, sheet } from '../helpers/plan-sheet';
import { TODAY } from './fixtures';

const NBSP = '\u00a0';

/** Pôles first met in the register out of French order: « Pôle 10 » on the first row. */
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale', 'SIRET', 'Code postal titulaire'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'Pôle 10', 'oui', '123', '59100'],
  ['M-2', 'Stylos', 200, d('2025-03-01'), 'Pôle 2', 'non', null, '591'],
  ['M-3', 'Gommes', 300, d('2025-04-01'), 'Étang', 'oui', null, '5910'],
  ['M-4', 'Encre', 400, d('2025-05-01'), 'Zoo', 'non', null, null],
  ['M-5', 'Règles', 'beaucoup', d('2025-06-01'), 'Pôle 2', 'oui', null, null],
  ['M-6', 'Craies', 600, d('2025-07-01'), 'Zoo', 'peut-être', null, null],
]);
/** Sexes counted: 2 women, 1 man (the fourth row is set aside). */
const SUIVI = grid('Suivi insertion', [
  ['N° marché', 'Bénéficiaire', 'Sexe', 'Type de contrat', 'Heures réalisées'],
  ['M-1', 'B1', 'F', 'CDI', 10],
  ['M-1', 'B2', 'H', 'CDD', 5],
  ['M-1', 'B3', 'F', 'CDD', 5],
  ['M-1', 'B4', 'H', 'CDD', 'dix'], // unreadable hours: the row is set aside

]);
const chain = runChain([{ file: 'Ville.xlsx', sheets: [SUIVI, REGISTER], state: null }], { today: TODAY });
const byId = (id: string) => {
  const ind = chain.result.indicateurs.find((i) => i.id === id);
  if (!ind) throw new Error(id);
  return ind;
};

describe('Pôles in the JSON', () => {
  it('come in the order of SPASER Pôles and of the pane (« Pôle 2 » before « Pôle 10 », « Étang » before « Zoo »), not in the order of first rows', () => {
    const header = sheet(chain.plan, SHEET_POLES).blocks[0].values[0];
    const poles = header.slice(3, -1);
    expect(poles).toEqual(['Étang', 'Pôle 2', 'Pôle 10', 'Zoo']);
    expect(Object.keys(byId('4.1.2-consideration-sociale').parPole ?? {})).toEqual(poles);
    expect(polesOf(chain)).toEqual(poles);
  });
});

describe('women and men', () => {
  it('are named in the pane and the command line as in the breakdown table of SPASER Indicateurs (« Femmes », « Hommes »)', () => {
    const ind = byId('4.2.2-femmes');
    expect(ind.repartition).toEqual({ F: 2, H: 1 });
    const s = sheet(chain.plan, SHEET_INDICATEURS);
    // Breakdown tables start in column C, under the indicator label (session 36): the label's last row there.
    const rows = s.blocks.flatMap((b) => b.values.flatMap((v, r) => (v[3 - b.col] === ind.libelle ? [b.row + r] : [])));
    const at = Math.max(...rows);
    expect(at).toBeGreaterThan(findRow(s, 3, ind.libelle));
    const table = [0, 1].map((k) => `${cellAt(s, at + 2 + k, 3)}${NBSP}: ${cellAt(s, at + 2 + k, 4)}`);
    expect(table).toEqual([`Femmes${NBSP}: 2`, `Hommes${NBSP}: 1`]);
    expect(repartitionLines(ind.repartition!)).toEqual(table);
    expect(formatIndicatorValue(ind)).toContain('(Femmes : 2 ; Hommes : 1)');
  });

  it('and any breakdown lists its categories in the order of the sheets, whatever the order of its keys', () => {
    expect(repartitionText({ H: 3, F: 2 })).toBe(`Femmes${NBSP}: 2${NBSP}; Hommes${NBSP}: 3`);
    const share = { fournisseurs: 50, depense: 50 };
    expect(repartitionLines({ Inconnue: share, GE: share, TPE: share }).map((l) => l.split(`${NBSP}:`)[0])).toEqual(['TPE', 'GE', 'Inconnue']);
  });
});

describe('the controls', () => {
  const codesOfPane = () => groupFindings(chain).map((g) => g.code);

  it('are counted by the command line in the order of the pane’s groups (errors, then warnings, in the catalogue’s order), not by frequency', () => {
    const errors = chain.result.controles.filter((c) => c.gravite === 'erreur').map((c) => c.code);
    const warnings = chain.result.controles.filter((c) => c.gravite === 'avertissement').map((c) => c.code);
    // More unreadable values (2) than invalid amounts (1), more invalid postal codes (2) than SIRET (1):
    // the frequency put them first, the pane puts them after.
    expect(errors.filter((c) => c === 'valeur-illisible')).toHaveLength(2);
    expect(errors.filter((c) => c === 'montant-invalide')).toHaveLength(1);
    expect(warnings.filter((c) => c === 'code-postal-invalide')).toHaveLength(2);
    expect(warnings.filter((c) => c === 'siret-invalide')).toHaveLength(1);
    const named = (text: string) => [...text.matchAll(/\(([a-z-]+)\) \d+/g)].map((m) => m[1]);
    expect([...named(countByCode(errors)), ...named(countByCode(warnings))]).toEqual(codesOfPane());
  });

  it('of one code are listed by the pane in the order of SPASER Contrôles (sheets in reading order, then rows)', () => {
    const sheetOrder = orderedFindings(chain.register);
    for (const g of groupFindings(chain)) {
      expect([g.code, g.findings]).toEqual([g.code, sheetOrder.filter((f) => f.code === g.code)]);
    }
    // « Suivi insertion » is read first: its unreadable hours come before the register's unreadable SIRET.
    const illisible = groupFindings(chain).find((g) => g.code === 'valeur-illisible');
    expect(illisible?.findings.map((f) => f.source.sheet)).toEqual(['Suivi insertion', 'Marchés']);
  });
});

describe('the axes', () => {
  it('are headed by the command line as by SPASER Indicateurs and the pane (`indicateurs.md`: « Axe 4 — transformation sociale »)', () => {
    const s = sheet(chain.plan, SHEET_INDICATEURS);
    const summary = formatSummary(chain.result, { inputs: ['Ville.xlsx'], output: null });
    for (const axe of [1, 2, 3, 4, 5]) {
      const heading = `Axe ${axe} — ${AXE_TITLES[axe]}`;
      expect(findRow(s, 1, heading)).toBeGreaterThan(0);
      expect(summary.split('\n')).toContain(heading);
    }
  });
});
