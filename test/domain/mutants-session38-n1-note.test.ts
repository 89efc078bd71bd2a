/**
 * Session 38 mutants of `n1Note` (session 37): the N−1 note of an indicator, for the City and a Pôle.
 * Expected notes are written by hand: the motif of a missing column names the field's label
 * (`champs.md`); a manual value and a breakdown have no N−1 coverage to tell.
 */
import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { d, grid } from '../helpers/grid';

const plain = (s: unknown): string => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const H = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
const H25 = [...H, 'Négociation', 'Offre technique améliorée', 'Commune du titulaire'];
const H24 = [...H, 'Offre technique améliorée', 'Commune du titulaire'];
const out = runChain(
  [
    {
      file: 'Pôle A.xlsx',
      state: null,
      sheets: [
        // 2024: no « Négociation » column; the town column is there, left empty.
        grid('2024', [H24, ['A-1', 'Papier', 90, d('2024-02-01'), 'Alpha', null, null], ['A-2', 'Encre', 80, d('2024-03-01'), 'Beta', null, null]]),
        // 2025: no file negotiated.
        grid('2025', [H25, ['M-1', 'Papier', 100, d('2025-02-01'), 'Alpha', 'Non', null, 'Roubaix'], ['M-2', 'Encre', 100, d('2025-03-01'), 'Beta', 'Non', null, 'Lille']]),
        // A workshop in 2024, a formation in 2025.
        grid('Actions SPASER', [['Date', 'Type', 'Intitulé', 'Participants (élus et agents)'], [d('2024-05-10'), 'Atelier', 'Clauses sociales', 8], [d('2025-03-10'), 'Formation', 'Achats durables', 12]]),
        // No Suivi insertion sheet; its count of 2024 typed by hand.
        grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur', 'Source'], ['4.2.2-contrats', 2024, 5, 'Maison de l’emploi']]),
      ],
    },
  ],
  { today: '2026-01-15' },
);
const ind = (id: string) => {
  const i = out.result.indicateurs.find((x) => x.id === id);
  if (!i) throw new Error(`${id} absent`);
  return i;
};

it('N and N−1 not calculable for different reasons: the note gives the N−1 one', () => {
  const i = ind('2.2.5-offre-technique-amelioree');
  expect(i.statut).toBe('non calculable');
  expect(plain(i.motif)).toBe('dénominateur nul : aucun dossier négocié');
  expect(plain(i.note)).toBe('pas de valeur N−1 (2024) : colonne « Négociation menée » absente');
  expect(plain(poleView(out.register, 2025, 'Pôle A').figures.get('2.2.5-offre-technique-amelioree')?.n1Note)).toBe('pas de valeur N−1 (2024) : colonne « Négociation menée » absente');
});

it('a manual N−1 value of a Suivi insertion count, without that sheet: no « no row of Suivi insertion » note', () => {
  const i = ind('4.2.2-contrats');
  expect([i.statut, i.n1]).toEqual(['non calculable', 5]);
  expect(plain(i.note)).not.toContain('N−1');
});

it('a breakdown (no single N−1 value) from rows none of which had the town: no « en N−1 » note', () => {
  const i = ind('5.1.1-fournisseurs-zone');
  expect([i.statut, i.n1]).toEqual(['calculé', null]);
  expect(plain(i.note)).not.toContain('N−1');
});

it('a count of no formation in N−1 (0 on no row, not a suivi count): no note, and never « null »', () => {
  const i = ind('1.2.1-personnes-formees');
  expect([i.statut, i.n1]).toEqual(['calculé', 0]);
  expect(plain(i.note)).not.toContain('N−1');
  expect(plain(i.note)).not.toContain('null');
});
