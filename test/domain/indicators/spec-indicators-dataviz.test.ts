/**
 * Spec audit: `1.1.2-dataviz` (the number of charts the add-in writes) with a
 * target in *Cibles*. indicateurs.md: "A target is met when the value equals
 * it too"; `1.1.1-cibles-atteintes` "considers the Cibles rows of N whose
 * indicator has a single numeric value (calculé or saisi)". The value the
 * target is judged on is the one reported: the charts written.
 */
import { runChain, type ChainInput } from '../../../src/domain/chain';
import type { CellValue } from '../../../src/domain/cell';
import { d, grid } from '../../helpers/grid';

const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Clause sociale', 'Clause environnementale', 'Marché innovant'];

function input(cible: CellValue[]): ChainInput {
  return {
    file: 'registre.xlsx',
    sheets: [
      grid('Marchés', [HEAD, ['A', 'x', 100, d('2025-01-02'), 'oui', 'oui', 'oui'], ['B', 'y', 300, d('2025-03-02'), 'non', 'non', 'non']]),
      grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], cible]),
    ],
    state: null,
  };
}

const find = (out: ReturnType<typeof runChain>, id: string) => out.result.indicateurs.find((i) => i.id === id);

describe('1.1.2-dataviz with a target (charts written by Office.js)', () => {
  it('judges a « ≥ 1 » target on the charts written: met, and 1.1.1 counts it met', () => {
    const out = runChain([input(['1.1.2-dataviz', 2025, 1, '≥'])], { today: '2025-06-01', writesCharts: true });
    // The considerations chart (sortie.md chart 1) has data: at least one chart is written.
    const dataviz = find(out, '1.1.2-dataviz');
    expect(dataviz?.valeur).toBeGreaterThanOrEqual(1);
    expect(dataviz?.cible).toEqual({ valeur: 1, sens: '≥', atteinte: true });
    // The only target of 2025 is met: 1 / 1.
    expect(find(out, '1.1.1-cibles-atteintes')).toMatchObject({ statut: 'calculé', valeur: 100, couverture: { renseignees: 1, total: 1 } });
  });

  it('judges a « ≤ 0 » target on the charts written: not met', () => {
    const out = runChain([input(['1.1.2-dataviz', 2025, 0, '≤'])], { today: '2025-06-01', writesCharts: true });
    expect(find(out, '1.1.2-dataviz')?.cible).toEqual({ valeur: 0, sens: '≤', atteinte: false });
    expect(find(out, '1.1.1-cibles-atteintes')?.valeur).toBe(0);
  });

  it('with the ExcelJS writer (no chart), 0 charts meet « ≤ 0 »', () => {
    const out = runChain([input(['1.1.2-dataviz', 2025, 0, '≤'])], { today: '2025-06-01', writesCharts: false });
    expect(find(out, '1.1.2-dataviz')).toMatchObject({ valeur: 0, cible: { valeur: 0, sens: '≤', atteinte: true } });
    expect(find(out, '1.1.1-cibles-atteintes')?.valeur).toBe(100);
  });
});
