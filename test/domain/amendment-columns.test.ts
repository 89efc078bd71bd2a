/**
 * Amendments (avenants) kept as columns beside their contract (recipe `avenants`): their amounts,
 * their dates, the amount after amendments. `champs.md` has only counts for them (`nbAvenants`,
 * `nbAvenantsProlongation`): a column that speaks of money or of a date is no count, whatever its
 * other words (`Avenants (montant HT)` is not « avenants », the synonym, once its unit is dropped).
 * And « Montant initial HT », the notified amount before amendments, is the amount. A unit bracket
 * is dropped before comparing with synonyms (regles.md §1), but a unit in euros still says the cells
 * hold money: `Avenant 2 (€)` alone is no count of avenants (until session 42 it was).
 */
import { recogniseWorkbook } from '../../src/domain/mapping';
import { grid } from '../helpers/grid';

function mapped(header: string[]): { fields: Record<string, string>; unmapped: string[] } {
  const row = header.map((_, i) => (i === 0 ? 'M-1' : i === 1 ? 'Papier' : i === 2 ? '01/02/2025' : 1000));
  const [m] = recogniseWorkbook('p.xlsx', [grid('S', [header, row] as never)]);
  if (m === undefined) return { fields: {}, unmapped: header };
  return { fields: Object.fromEntries(m.columns.map((c) => [c.header, c.field])), unmapped: m.unmapped.map((u) => u.header) };
}

describe('amendments written as columns', () => {
  it('an amount of avenants is not their number, even when it would be « avenants » once its unit is dropped', () => {
    // Both are « avenants » once their unit is dropped: the leftmost used to win.
    const { fields, unmapped } = mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Avenants (montant HT)', 'Date du dernier avenant', 'Avenants (nombre)', 'Avenant 1 (€)']);
    expect(fields['Avenants (nombre)']).toBe('nbAvenants');
    expect(unmapped).toEqual(['Avenants (montant HT)', 'Date du dernier avenant', 'Avenant 1 (€)']);
  });

  it('without a count column, no amount nor date of an avenant becomes the number of avenants', () => {
    const { fields, unmapped } = mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Avenant n°1 HT', 'Montant modifié HT', 'Date avenant 1']);
    expect(Object.values(fields)).not.toContain('nbAvenants');
    expect(unmapped).toEqual(['Avenant n°1 HT', 'Montant modifié HT', 'Date avenant 1']);
  });

  it('« Montant initial HT » is the notified amount; « Montant après avenants HT » beside it is not', () => {
    const { fields, unmapped } = mapped(['N° de contrat', 'Objet', "Date d'attribution", 'Montant initial HT', 'Montant après avenants HT', 'Nb avenants']);
    expect(fields['Montant initial HT']).toBe('montant');
    expect(unmapped).toEqual(['Montant après avenants HT']);
  });

  it('an avenant with a unit in euros is its amount, not the number of avenants, even alone', () => {
    for (const h of ['Avenant 2 (€)', 'Avenant 1 (en k€)', 'Avenants (€ HT)', 'Avenant n°1 [EUR]', 'Avenants (H.T.)']) {
      const { fields, unmapped } = mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', h]);
      expect([h, fields[h], unmapped]).toEqual([h, undefined, [h]]);
    }
    // The other units keep the count: `(nombre)`, `(nb)`, and a duration in months.
    expect(mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Avenants (nb)', 'Durée (mois)']).fields).toMatchObject({ 'Avenants (nb)': 'nbAvenants', 'Durée (mois)': 'dureeMois' });
  });

  it('counts, durations and dates keep their columns', () => {
    const { fields } = mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT (€)', 'Durée (mois)', "Nombre d'offres", 'Avenants', 'Dont prolongation', 'Effectif']);
    expect(fields).toEqual({
      'N° marché': 'numero',
      Objet: 'objet',
      'Date de notification': 'dateNotification',
      'Montant HT (€)': 'montant',
      'Durée (mois)': 'dureeMois',
      "Nombre d'offres": 'offresRecues',
      Avenants: 'nbAvenants',
      'Dont prolongation': 'nbAvenantsProlongation',
      Effectif: 'effectifTitulaire',
    });
  });
});

describe('« à date » is no date column', () => {
  it('« Mandaté à date », « Heures réalisées à date » keep their fields (amounts and hours so far)', () => {
    expect(mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Mandaté à date HT (€)']).fields['Mandaté à date HT (€)']).toBe('montantMandate');
    expect(mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Dépenses mandatées à date']).fields['Dépenses mandatées à date']).toBe('montantMandate');
    expect(mapped(['N° marché', 'Objet', 'Date de notification', 'Montant HT', "Nombre d'heures d'insertion réalisées à date"]).fields["Nombre d'heures d'insertion réalisées à date"]).toBe(
      'heuresInsertionRealisees',
    );
  });

  it('a date column is still a date column', () => {
    expect(mapped(['N° marché', 'Objet', 'Montant HT', 'Date avenant 1', 'Date de notification']).unmapped).toEqual(['Date avenant 1']);
  });
});
