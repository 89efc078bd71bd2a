/**
 * A CSV opened without splitting its columns (recipe `csv`): every line in column A,
 * `NUM_MARCHE;OBJET;…`. The « no register » message says what happened and what to do.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { NoRegisterError, runChain, type ChainInput } from '../../src/domain/chain';

const grid = (name: string, rows: CellValue[][]): SheetGrid => ({ name, firstRow: 1, firstCol: 1, rows, tables: [] });

function noRegisterMessage(inputs: ChainInput[]): string {
  try {
    runChain(inputs, { today: '2026-01-15' });
  } catch (e) {
    if (e instanceof NoRegisterError) return e.message.replace(/[\u00a0\u202f]/g, ' ');
    throw e;
  }
  throw new Error('a register was found');
}

describe('a CSV whose columns were not split', () => {
  it('semicolons: names the sheet, the separator, and Données › Convertir', () => {
    const said = noRegisterMessage([
      {
        file: 'export.xlsx',
        state: null,
        sheets: [
          grid('export', [
            ['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT;TITULAIRE'],
            ['C-01;Festival;14/04/2025;18500.00;COLLECTIF 59'],
            // Excel split this line at its comma only.
            ['C-02;Ateliers théâtre', ' danse;05/05/2025;9600.00;COMPAGNIE'],
          ]),
        ],
      },
    ]);
    expect(said).toContain('Aucun registre reconnu dans « export.xlsx »');
    expect(said).toContain('Feuille « export » : toutes ses colonnes sont dans la colonne A, séparées par des points-virgules (« NUM_MARCHE;OBJET;DATE_NOTIF;… »)');
    expect(said).toContain('Données › Convertir');
    expect(said).toContain('« Point-virgule »');
  });

  it('commas and tabs too; a sheet of notes with semicolons is not taken for a CSV', () => {
    const commas = noRegisterMessage([
      { file: 'a.xlsx', state: null, sheets: [grid('a', [['Numéro de marché,Objet,Montant HT,Date de notification'], ['1,Objet,12,01/02/2025']])] },
    ]);
    expect(commas).toContain('séparées par des virgules');
    expect(commas).toContain('« Virgule »');
    const tabs = noRegisterMessage([{ file: 'b.xlsx', state: null, sheets: [grid('b', [['N° marché\tObjet\tMontant HT\tDate notif'], ['1\tObjet\t12\t01/02/2025']])] }]);
    expect(tabs).toContain('séparées par des tabulations');
    const notes = noRegisterMessage([{ file: 'c.xlsx', state: null, sheets: [grid('c', [['Budget 2025 ; voir onglet 2 ; à compléter']])] }]);
    expect(notes).not.toContain('colonne A');
  });

  it('a line alone, or a sentence of a mode d\'emploi, is no CSV', () => {
    const alone = noRegisterMessage([{ file: 'd.xlsx', state: null, sheets: [grid('d', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT']])] }]);
    expect(alone).not.toContain('colonne A');
    const guide = noRegisterMessage([
      {
        file: 'e.xlsx',
        state: null,
        sheets: [grid('Mode d\'emploi', [["Renseignez l'objet, le montant HT, la date de notification, le titulaire"], ['Une ligne par marché, sans ligne vide, puis enregistrez']])],
      },
    ]);
    expect(guide).not.toContain('colonne A');
  });

  it('pasted as a sheet of a workbook that has its register: a remark', () => {
    const out = runChain(
      [
        {
          file: 'suivi.xlsx',
          state: null,
          sheets: [
            grid('Registre', [['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], ['2025-01', 'Repas', 1000, { date: '2025-03-01' }]]),
            grid('Export mars', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']]),
          ],
        },
      ],
      { today: '2026-01-15' },
    );
    const said = out.notices.map((n) => n.replace(/\u00a0/g, ' '));
    expect(said.filter((n) => n.includes('colonne A'))).toEqual([expect.stringContaining('Feuille « Export mars » : toutes ses colonnes sont dans la colonne A')]);
    expect(out.remarks.some((n) => n.includes('Export mars'))).toBe(true);
  });
});

