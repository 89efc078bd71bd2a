/**
 * README audit, « Choix faits là où la spécification se tait » › Colonnes: the
 * score scale (1 exact, 0,95 same words in another order, 0,6–0,9 partial
 * overlap, nothing below) and a column losing its field to a better one is
 * not carried over to another field. Expectations are worked out by hand.
 */
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { mapHeaderRow, scoreHeader } from '../../src/domain/mapping';
import { normalizeHeader } from '../../src/domain/normalize';

const score = (header: string, id: string) => scoreHeader(normalizeHeader(header), REGISTER_FIELDS.find((f) => f.id === id)!);

describe('README: the column score scale', () => {
  it('1 for a label or synonym, exactly (after normalisation)', () => {
    expect(score('Montant HT', 'montant')).toBe(1);
    expect(score('OBJET', 'objet')).toBe(1);
    expect(score('Objet du marché', 'objet')).toBe(1);
  });

  it('0,95 for the same words in another order', () => {
    expect(score('HT montant notifié', 'montant')).toBe(0.95);
    expect(score('Marché objet', 'objet')).toBe(0.95);
  });

  it('0,9 when a partial overlap covers the whole header; less when it covers less, never below 0,6', () => {
    // `notification` is a word of several synonyms of the notification date, not a synonym itself.
    expect(score('Notification', 'dateNotification')).toBe(0.9);
    const partial = score('Date de notification du marché', 'dateNotification');
    expect(partial).toBeGreaterThanOrEqual(0.6);
    expect(partial).toBeLessThan(0.9);
  });

  it('every score of every field on a set of real headers is 0, 1, 0,95 or within 0,6–0,9', () => {
    const headers = [
      'N° de marché', 'Réf.', 'Intitulé du marché', 'Montant total notifié HT', 'HT montant notifié', 'Montant mandaté 2025',
      'Date de notification du marché', 'Notification', 'Titulaire / Attributaire', 'Raison sociale', 'Code postal titulaire',
      'Commune du titulaire', 'Heures', "Heures d'insertion réalisées", 'Clause sociale (oui/non)', 'Observations', 'Statut',
      'Date de début', 'Nb avenants de prolongation', 'Catégorie (TPE/PME)', 'Montant TTC', 'Lot',
    ];
    const seen = new Set<string>();
    for (const h of headers) {
      for (const f of REGISTER_FIELDS) {
        const s = scoreHeader(normalizeHeader(h), f);
        const onScale = s === 0 || s === 1 || s === 0.95 || (s >= 0.6 && s <= 0.9);
        if (!onScale) throw new Error(`${h} → ${f.id}: ${s}`);
        seen.add(s === 0 || s === 1 || s === 0.95 ? String(s) : 'partial');
      }
    }
    // The set is not vacuous: it reaches every step of the scale.
    expect([...seen].sort()).toEqual(['0', '0.95', '1', 'partial']);
  });
});

describe('README: each field to its best column; the loser is listed unrecognised, not moved to another field', () => {
  it('an exact header beats the same words reordered, even when the reordered one is to its left', () => {
    const m = mapHeaderRow(['HT montant notifié', 'Montant HT'], REGISTER_FIELDS, 1);
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([[2, 'montant']]);
    expect(m.unmapped).toEqual([{ col: 1, header: 'HT montant notifié' }]);
  });

  it('the losing column also names the notification date partly (0,69), yet is not mapped to it', () => {
    // Alone, `HT montant notifié` is the amount (0,95); its second field would be the notification date.
    expect(score('HT montant notifié', 'dateNotification')).toBeGreaterThanOrEqual(0.6);
    expect(mapHeaderRow(['HT montant notifié'], REGISTER_FIELDS, 1).columns.map((c) => c.field)).toEqual(['montant']);
    const m = mapHeaderRow(['Montant HT', 'HT montant notifié'], REGISTER_FIELDS, 1);
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([[1, 'montant']]);
    expect(m.unmapped).toEqual([{ col: 2, header: 'HT montant notifié' }]);
    expect(m.ambiguous).toEqual([]);
  });

  it('between two equal scores the more canonical name wins (the label, then synonyms in champs.md order), the other is listed unrecognised', () => {
    // `Montant notifié HT (€)` is the label; `Montant HT` the first synonym; `Montant estimé HT` the last.
    const m = mapHeaderRow(['Montant HT', 'Montant notifié HT'], REGISTER_FIELDS, 1);
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([[2, 'montant']]);
    expect(m.unmapped).toEqual([{ col: 1, header: 'Montant HT' }]);
    const estimate = mapHeaderRow(['Montant estimé HT', 'Montant HT'], REGISTER_FIELDS, 1);
    expect(estimate.columns.map((c) => [c.col, c.field])).toEqual([[2, 'montant']]);
    const [direction] = mapHeaderRow(['SERVICE', 'DIRECTION'], REGISTER_FIELDS, 1).columns;
    expect([direction.col, direction.field]).toEqual([2, 'direction']);
  });

  it('between two equal scores and equally canonical names the leftmost column wins', () => {
    const m = mapHeaderRow(['Montant HT', 'Objet', 'MONTANT HT'], REGISTER_FIELDS, 1);
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([[1, 'montant'], [2, 'objet']]);
    expect(m.unmapped).toEqual([{ col: 3, header: 'MONTANT HT' }]);
  });

  it('reads `Mt` and `Mnt` as montant (the usual short forms), never a TTC one as an HT amount', () => {
    expect(mapHeaderRow(['Mt HT (€)'], REGISTER_FIELDS, 1).columns.map((c) => c.field)).toEqual(['montant']);
    expect(mapHeaderRow(['MNT NOTIFIE'], REGISTER_FIELDS, 1).columns.map((c) => c.field)).toEqual(['montant']);
    expect(mapHeaderRow(['Mt TTC'], REGISTER_FIELDS, 1).columns.map((c) => c.field)).not.toContain('montant');
  });
});
