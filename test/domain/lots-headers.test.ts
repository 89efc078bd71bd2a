/**
 * Headers and totals rows of registers kept per lot, with accords-cadres and groupements (found by
 * the blind recipe « lots », session 33): each case failed before its fix.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { buildRegister } from '../../src/domain/register';

/** [header, field] of each mapped column, left to right. */
function mapped(headers: string[]): [string, string][] {
  return [...mapHeaderRow(headers, REGISTER_FIELDS, 1).columns].sort((a, b) => a.col - b.col).map((c) => [headers[c.col - 1], c.field]);
}

describe('a groupement’s « mandataire » is a supplier, never the mandated spend', () => {
  it('« Mandataire » (the lead member of a groupement) is not « Mandaté »', () => {
    for (const h of ['Mandataire', 'Mandataires', 'Titulaire (mandataire)', 'Titulaire / mandataire', 'Attributaire - mandataire']) {
      expect([h, mapped([h]).map(([, f]) => f)]).not.toEqual([h, expect.arrayContaining(['montantMandate'])]);
    }
    // for the buyer, a groupement's mandataire is its titulaire
    for (const h of ['Mandataire', 'Titulaire / mandataire', 'Titulaire (mandataire)', 'Nom du mandataire']) expect(mapped([h])).toEqual([[h, 'titulaire']]);
    // beside a « Titulaire » column, the label wins and « Mandataire » is left unrecognised
    expect(mapped(['Mandataire', 'Titulaire'])).toEqual([['Titulaire', 'titulaire']]);
  });

  it('beside a mandated-spend column, each column keeps its own field', () => {
    expect(mapped(['N° marché', 'Mandataire du groupement', 'Mandaté HT (€)'])).toEqual([
      ['N° marché', 'numero'],
      ['Mandataire du groupement', 'titulaire'],
      ['Mandaté HT (€)', 'montantMandate'],
    ]);
  });

  it('abbreviations and derived words of the spend are still read as such', () => {
    // « mandaté » is a word of its own, not an abbreviation of « mandataire » (the titulaire's synonym)
    for (const h of ['Mandaté', 'Mandaté 2024', 'Mandatés', 'Dépenses mandatées']) expect([h, mapped([h])]).toEqual([h, [[h, 'montantMandate']]]);
    expect(mapped(['Mandatements 2025'])).toEqual([['Mandatements 2025', 'montantMandate']]);
    expect(mapped(['Montant mandaté'])).toEqual([['Montant mandaté', 'montantMandate']]);
    expect(mapped(['Titul.'])).toEqual([['Titul.', 'titulaire']]);
    expect(mapped(['Date notif'])).toEqual([['Date notif', 'dateNotification']]);
  });
});

describe('an accord-cadre’s « Montant max HT » is the amount (champs.md « montant maximum HT »)', () => {
  it('`max` and `maxi` are read as maximum', () => {
    for (const h of ['Montant max HT', 'Montant HT max', 'Montant max. HT', 'Mt max HT', 'Montant max (€ HT)', 'Montant maxi HT']) {
      expect([h, mapped([h])]).toEqual([h, [[h, 'montant']]]);
    }
  });

  it('beside « Montant min HT », the maximum is the amount, whichever comes first', () => {
    expect(mapped(['Montant min HT', 'Montant max HT'])).toEqual([['Montant max HT', 'montant']]);
    expect(mapped(['Montant max HT', 'Montant min HT'])).toEqual([['Montant max HT', 'montant']]);
    expect(mapped(['Montant mini HT', 'Montant maxi HT'])).toEqual([['Montant maxi HT', 'montant']]);
  });

  it('a plain « Montant HT » still wins over « Montant max HT » (the label’s synonym, exact)', () => {
    expect(mapped(['Montant max HT', 'Montant HT'])).toEqual([['Montant HT', 'montant']]);
  });

  it('« max » elsewhere keeps its field; a TTC maximum is never the HT amount', () => {
    expect(mapped(['Délai max de paiement'])).toEqual([['Délai max de paiement', 'delaiPaiement']]);
    expect(mapped(['Montant max TTC'])).toEqual([]);
  });
});

describe('« du lot » qualifies a column of a register kept per lot without naming another field', () => {
  it('« Montant du lot », « Titulaire du lot » name their field', () => {
    for (const [h, f] of [
      ['Montant du lot HT', 'montant'],
      ['Montant HT du lot', 'montant'],
      ['Montant du lot (€)', 'montant'],
      ['Titulaire du lot', 'titulaire'],
      ['Objet du lot', 'objet'],
      ['Date de notification du lot', 'dateNotification'],
    ] as const) {
      expect([h, mapped([h])]).toEqual([h, [[h, f]]]);
    }
  });

  it('a « Lot » or « N° lot » column names no field, and never takes the numero from « N° marché »', () => {
    expect(mapped(['Lot'])).toEqual([]);
    expect(mapped(['N° lot'])).toEqual([]);
    expect(mapped(['N° de lot', 'N° marché', 'Lots'])).toEqual([['N° marché', 'numero']]);
    expect(mapped(['N° marché', 'N° lot'])).toEqual([['N° marché', 'numero']]);
  });
});

describe('a totals row typed with no-break or doubled spaces is still a totals row (regles.md §1)', () => {
  const d = (iso: string): CellValue => ({ date: iso });
  const grid = (rows: CellValue[][]): SheetGrid => ({ name: 'S', rows, firstRow: 1, firstCol: 1, tables: [] });

  it('« Total général », « Sous total », « Total : » with U+00A0, U+202F or two spaces are skipped silently', () => {
    const reg = buildRegister(
      [
        {
          file: 'a.xlsx',
          state: null,
          sheets: [
            grid([
              ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'],
              ['2025-001', 'Papier', 1000, d('2025-03-01')],
              [null, 'Total\u00a0général', 1000, null],
              [null, 'Total  général', 1000, null],
              [null, 'Sous\u00a0total', 1000, null],
              [null, 'Sous-total\u202f:', 1000, null],
              [null, 'TOTAL\u00a0\u00a0GÉNÉRAL\u00a0:', 1000, null],
              ['Sous\u00a0total', null, 1000, null],
            ]),
          ],
        },
      ],
      { today: '2026-01-15' },
    );
    expect(reg.rows.map((r) => r.source.row)).toEqual([2]);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });

  it('a text that only starts with a total word is still a row (the whole text must be one)', () => {
    const reg = buildRegister(
      [
        {
          file: 'a.xlsx',
          state: null,
          sheets: [grid([['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], [null, 'Sous-total\u00a0lot 1', 1000, null]])],
        },
      ],
      { today: '2026-01-15' },
    );
    expect(reg.rows.map((r) => r.findings.map((f) => f.code).sort())).toEqual([['date-manquante', 'numero-manquant']]);
  });
});
