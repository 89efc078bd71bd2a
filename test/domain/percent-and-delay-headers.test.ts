/**
 * Headers of a finance-minded buyer (blind recipe « paiements »): a saving kept as a share (`Gain (%)`,
 * `Taux de gain`) is no amount in euros, and a delay (`Délai de mandatement`, in days) is no spend.
 * Their unit bracket or first word says another measure than the field's, as `TTC` says another amount
 * (champs.md): mapped, 12 % of savings were summed as 12 € and a 15-day delay was the row's spend.
 */
import { recogniseWorkbook } from '../../src/domain/mapping';
import { grid } from '../helpers/grid';

function mapped(extra: string[]): { fields: Record<string, string>; unmapped: string[] } {
  const header = ['N° marché', 'Objet', 'Date de notification', 'Montant HT', ...extra];
  const row = header.map((_, i) => (i === 0 ? 'M-1' : i === 1 ? 'Papier' : i === 2 ? '01/02/2025' : 12));
  const [m] = recogniseWorkbook('p.xlsx', [grid('S', [header, row] as never)]);
  return { fields: Object.fromEntries(m.columns.map((c) => [c.header, c.field])), unmapped: m.unmapped.map((u) => u.header) };
}

it('a share is no amount, no delay in days, no count', () => {
  const { fields, unmapped } = mapped(['Gain (%)', 'Part hors BPU (%)', 'Délai de paiement (%)', 'Offres reçues (en %)']);
  expect(fields).toEqual({ 'N° marché': 'numero', Objet: 'objet', 'Date de notification': 'dateNotification', 'Montant HT': 'montant' });
  expect(unmapped).toEqual(['Gain (%)', 'Part hors BPU (%)', 'Délai de paiement (%)', 'Offres reçues (en %)']);
  expect(mapped(['Taux de gain']).unmapped).toEqual(['Taux de gain']);
  expect(mapped(['Pourcentage de gain']).unmapped).toEqual(['Pourcentage de gain']);
  expect(mapped(['Gain en %']).unmapped).toEqual(['Gain en %']);
  expect(mapped(['% gain']).unmapped).toEqual(['% gain']);
});

it('a share in square brackets is a share too: `Gain [%]` is no amount', () => {
  // normalizeHeader drops a trailing `[…]` as it drops `(…)` (regles.md §1 « a trailing unit in brackets »).
  expect(mapped(['Gain [%]']).unmapped).toEqual(['Gain [%]']);
  expect(mapped(['Délai de paiement [en %]']).unmapped).toEqual(['Délai de paiement [en %]']);
  expect(mapped(['Gain [€]']).fields['Gain [€]']).toBe('gainNegociation');
});

it('the saving in euros beside its share keeps its column', () => {
  const { fields, unmapped } = mapped(['Gain (%)', 'Gain (€)', 'Économie réalisée (%)']);
  expect(fields['Gain (€)']).toBe('gainNegociation');
  expect(unmapped).toEqual(['Gain (%)', 'Économie réalisée (%)']);
});

it('a delay is no spend: « Délai de mandatement » is not the mandated amount', () => {
  // Alone: beside « Mandaté HT », the better name took the field anyway.
  const { fields, unmapped } = mapped(['Délai de mandatement', 'DGP (j)']);
  expect(fields['DGP (j)']).toBe('delaiPaiement');
  expect(Object.values(fields)).not.toContain('montantMandate');
  expect(unmapped).toEqual(['Délai de mandatement']);
  expect(mapped(['Délai de mandatement', 'Mandaté HT']).fields['Mandaté HT']).toBe('montantMandate');
});

it('a target in % keeps its column: the Cibles sheet has no unit to protect', () => {
  const [m] = recogniseWorkbook('p.xlsx', [grid('Cibles', [['Indicateur', 'Année', 'Cible (%)', 'Sens'], ['4.1.2-consideration-sociale', 2025, 30, '≥']] as never)]);
  expect(m.kind).toBe('cibles');
  expect(m.columns.map((c) => [c.header, c.field])).toEqual([['Indicateur', 'indicateur'], ['Année', 'annee'], ['Cible (%)', 'cible'], ['Sens', 'sens']]);
});

it('an amount « sur la durée du marché » is still the amount', () => {
  const header = ['N° marché', 'Objet', 'Date de notification', 'Montant HT sur la durée du marché'];
  const [m] = recogniseWorkbook('p.xlsx', [grid('S', [header, ['M-1', 'Papier', '01/02/2025', 12]] as never)]);
  expect(m.columns.find((c) => c.header === 'Montant HT sur la durée du marché')?.field).toBe('montant');
});
