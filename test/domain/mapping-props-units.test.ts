/**
 * A thousands or millions bracket that `amountScale` reads for the value is a unit for recognising
 * the column too (README « Colonnes »: « l'unité ne compte pas pour reconnaître la colonne, mais
 * pour la valeur »; `regles.md` §1: « a trailing unit in brackets removed »). Found by the
 * bracket-invariance property of `mapping-props.property.test.ts`, for `(MEUR)`, `(keuros)`, `(Meuros)`.
 */
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { amountScale, normalizeHeader } from '../../src/domain/normalize';

describe('every scaled unit bracket is dropped from the header', () => {
  it.each(['(MEUR)', '(keuros)', '(Meuros)', '(KEUROS)', '(M EUR)', '(kEUR)'])('Montant notifié HT %s normalises as Montant notifié HT', (b) => {
    expect(amountScale(`Montant notifié HT ${b}`)).not.toBe(1);
    expect(normalizeHeader(`Montant notifié HT ${b}`)).toBe('montant notifie ht');
  });

  it('so the label in M EUR still wins montant over a later synonym (the more canonical name)', () => {
    const m = mapHeaderRow(['Montant estimé HT', 'Montant notifié HT (MEUR)'], REGISTER_FIELDS, 1);
    expect(m.columns.find((c) => c.field === 'montant')?.header).toBe('Montant notifié HT (MEUR)');
  });
});
