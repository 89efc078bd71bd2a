/**
 * A UTF-8 CSV opened in Excel as Windows-1252 (recipe `csv`): headers and cells read as the
 * text they were meant to be, French text written right never changed.
 */
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { repairMisdecoded } from '../../src/domain/misdecoded';
import { amountScale, normalizeHeader } from '../../src/domain/normalize';
import { columnReader, readEnum, readField, readNumber } from '../../src/domain/read-cell';

const field = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)! as FieldDef;

describe('repairMisdecoded', () => {
  it.each([
    ['MarchÃ© rÃ©servÃ©', 'Marché réservé'],
    ['Ã‰conomie rÃ©alisÃ©e (â‚¬)', 'Économie réalisée (€)'],
    ['PÃ”LE_GESTIONNAIRE', 'PÔLE_GESTIONNAIRE'],
    ['PÃ´le Ã‰ducation', 'Pôle Éducation'],
    ["Villeneuve\u00c2\u00a0d'Ascq", "Villeneuve\u00a0d'Ascq"],
    ['MARCQ-EN-BARÅ’UL', 'MARCQ-EN-BARŒUL'],
    ['Restauration scolaire : avenant nÂ°1', 'Restauration scolaire : avenant n°1'],
    ['lâ€™Ã©cole', 'l’école'],
  ])('%s is %s', (shown, meant) => {
    expect(repairMisdecoded(shown)).toBe(meant);
  });

  it.each([
    'Marché réservé',
    'Théâtre municipal',
    'café…',
    'À l’école « Jules Ferry »',
    'ROUBAIX',
    'Ã',
    'Ã© et ★', // a char outside Windows-1252: not a mis-decoding
    'Ã©Ã', // a cut sequence: not UTF-8
    'NOTIFIÉ\u00a0LE', // É then a no-break space would be UTF-8 for « ɠ »: no French text
    'RÉSERVÉ\u00a0: oui',
    '',
  ])('%s is left as written', (s) => {
    expect(repairMisdecoded(s)).toBe(s);
  });
});

describe('the domain reads mis-decoded headers and cells as meant', () => {
  it('headers compare as their repaired text (the Pôle, not the Acheteur of « gestionnaire »)', () => {
    expect(normalizeHeader('PÃ”LE_GESTIONNAIRE')).toBe('pole gestionnaire');
    expect(normalizeHeader('PROCÃ‰DURE')).toBe('procedure');
    expect(normalizeHeader('MarchÃ© rÃ©servÃ©')).toBe('marche reserve');
    expect(normalizeHeader('Ã‰conomie rÃ©alisÃ©e (â‚¬)')).toBe('economie realisee');
    expect(amountScale('Montant HT (kâ‚¬)')).toBe(1000);
    const m = mapHeaderRow(['NUM_MARCHE', 'OBJET', 'PÃ”LE_GESTIONNAIRE', 'PROCÃ‰DURE', 'DATE_NOTIF', 'MT_HT', 'MarchÃ© rÃ©servÃ©'], REGISTER_FIELDS, 1);
    expect(Object.fromEntries(m.columns.map((c) => [c.field, c.col]))).toEqual({
      numero: 1,
      objet: 2,
      pole: 3,
      procedure: 4,
      dateNotification: 5,
      montant: 6,
      marcheReserve: 7,
    });
    // The user's header, as the sheet shows it, still names the column.
    expect(m.columns.find((c) => c.field === 'pole')!.header).toBe('PÃ”LE_GESTIONNAIRE');
  });

  it('text, closed lists and amounts', () => {
    expect(readField(field('communeTitulaire'), "Villeneuve\u00c2\u00a0d'Ascq")).toEqual({ kind: 'value', value: "Villeneuve\u00a0d'Ascq" });
    expect(readField(field('pole'), ' PÃ´le Ã‰ducation ')).toEqual({ kind: 'value', value: 'Pôle Éducation' });
    expect(readEnum(field('procedure'), 'ProcÃ©dure adaptÃ©e')).toEqual({ kind: 'value', value: 'Procédure adaptée' });
    expect(readNumber('1\u00c2\u00a0250,00 â‚¬')).toEqual({ kind: 'value', value: 1250 });
    const out: unknown[] = [];
    columnReader(field('objet') as FieldDef)([['Mobilier issu du rÃ©emploi'], ['Achat de matériel']], [0, 1], 2, 0, out);
    expect(out).toEqual(['Mobilier issu du réemploi', 'Achat de matériel']);
  });
});

describe('a totals row of a mis-decoded export', () => {
  it('« TOTAL GÃ‰NÃ‰RAL » is « Total général »: skipped, not a row in error', async () => {
    const { runChain } = await import('../../src/domain/chain');
    const sheet = {
      name: 'EXPORT',
      firstRow: 1,
      firstCol: 1,
      tables: [],
      rows: [
        ['NUM_MARCHE', 'OBJET', 'MT_HT', 'DATE_NOTIF'],
        ['2025-01', 'Repas', '1000.00', '14/03/2025 00:00:00'],
        [null, 'TOTAL GÃ‰NÃ‰RAL', '1000.00', null],
      ],
    };
    const out = runChain([{ file: 'export.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
    expect(out.result.lignes).toEqual({ lues: 1, exercice: 1, erreurs: 0, avertissements: 0 });
  });
});

describe('the symbols the spec reads', () => {
  it('✓, ≥, narrow no-break space, minus: repaired, and a ✓ reads as oui', async () => {
    const { readBoolean } = await import('../../src/domain/read-cell');
    expect(repairMisdecoded('âœ“')).toBe('✓');
    expect(repairMisdecoded('âœ”')).toBe('✔');
    expect(repairMisdecoded('â‰¥')).toBe('≥');
    expect(repairMisdecoded('1â€¯250,00')).toBe('1\u202f250,00');
    expect(readBoolean('âœ“')).toEqual({ kind: 'value', value: true });
    expect(readBoolean('Non concernÃ©')).toEqual({ kind: 'value', value: false });
  });

  it('an â before a no-break space and a guillemet stays (Braille is no French text)', () => {
    expect(repairMisdecoded('â\u00a0«')).toBe('â\u00a0«');
  });
});
