/**
 * Session-24 mutation audit of the notices for sheets left unread or read without their merges
 * (`oversized-sheets.ts`, `unread-merges.ts`, `chain.ts`): behaviours no test held, each killing
 * a hand-applied mutant that survived the existing tests.
 */
import type { SheetGrid } from '../../src/domain/cell';
import { isEmptyInput, type NoRegisterError, runChain } from '../../src/domain/chain';
import { oversizedSheetNotices } from '../../src/domain/oversized-sheets';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const register = (name: string, extra: Partial<SheetGrid> = {}): SheetGrid => ({ ...grid(name, [HEADER, ['M-1', 'Papier', 100, d('2025-02-01')]]), ...extra });
const far = (name: string): SheetGrid => ({ name, firstRow: 1, firstCol: 1, rows: [], tables: [], oversized: { firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 16_384 } });
const noticesOf = (inputs: Parameters<typeof runChain>[0]) => runChain(inputs, { today: TODAY, writesCharts: false }).notices;

function noRegister(sheets: SheetGrid[]): NoRegisterError {
  try {
    runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY });
  } catch (e) {
    return e as NoRegisterError;
  }
  throw new Error('a register was found');
}

describe('a sheet read without its merged areas (more than 512)', () => {
  // README « Versions d'Excel requises »: only that sheet is read without its merges, « et la nomme dans les
  // avertissements quand c'est une source »; in a consolidation a notice names the workbook too, as for
  // hidden sheets (« Feuilles masquées » : « et, en consolidation, son classeur »).
  it('in a consolidation, names the sheet of the workbook that lost them, with that workbook, not a namesake elsewhere', () => {
    const notices = noticesOf([
      { file: 'Pôle A.xlsx', sheets: [register('Marchés')], state: null },
      { file: 'Pôle B.xlsx', sheets: [register('Marchés', { mergesUnread: true })], state: null },
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^La feuille « Marchés » du classeur « Pôle B\.xlsx » /);
  });

  it('a companion sheet (Cibles) is named as what it is read as, not as the register', () => {
    const targets: SheetGrid = { ...grid('Objectifs', [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2025, 30]]), mergesUnread: true };
    const notices = noticesOf([{ file: 'Suivi.xlsx', sheets: [register('Marchés'), targets], state: null }]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('« Objectifs »');
    expect(notices[0]).toContain('Cibles');
    expect(notices[0]).not.toContain('registre des marchés');
  });
});

describe('no register, a sheet too large to read beside others', () => {
  // README « Feuilles trop étendues »: the user is told « dans le message « aucun registre » »; only the
  // sheets read had no header (« aucune feuille lue »), and a sheet with filled cells is not « vide ».
  it('beside a sheet of notes: « aucune feuille lue », the far sheet named', () => {
    const e = noRegister([far('Marchés'), grid('Notes', [['Bonjour']])]);
    expect(e.empty).toBe(false);
    expect(e.message).toContain("Aucun registre reconnu dans « Suivi.xlsx » : aucune feuille lue n'a d'en-tête");
    expect(e.message).toContain('La feuille « Marchés » n\'est pas lue');
  });

  it('beside an empty sheet: the workbook is not « vide »', () => {
    const input = { file: 'Suivi.xlsx', sheets: [far('Marchés'), grid('Feuil2', [])], state: null };
    expect(isEmptyInput(input)).toBe(false);
    const e = noRegister(input.sheets);
    expect(e.empty).toBe(false);
    expect(e.message).not.toContain('est vide');
  });
});

describe('the far side is judged on the span of the filled cells', () => {
  // README « Feuilles trop étendues »: « Seul le côté éloigné est nommé (la colonne au-delà de 1 000 colonnes,
  // la ligne sinon ou au-delà de 200 000 lignes) » — of the span « de A1 à … » the notice gives.
  const notice = (o: NonNullable<SheetGrid['oversized']>) =>
    oversizedSheetNotices([{ file: 'Suivi.xlsx', sheets: [{ name: 'Suivi', firstRow: o.firstRow, firstCol: o.firstCol, rows: [], tables: [], oversized: o }], state: null }])[0];

  it('1 000 columns from column B (B to ALM) are not « au-delà de 1 000 colonnes »: the row only', () => {
    expect(notice({ firstRow: 1, firstCol: 2, lastRow: 20_001, lastCol: 1001 })).toContain('oubliée sur la ligne 20 001. ');
  });

  it('200 000 rows from row 2 (2 to 200 001) are not « au-delà de 200 000 lignes »: a wide span names the column only', () => {
    expect(notice({ firstRow: 2, firstCol: 1, lastRow: 200_001, lastCol: 1001 })).toContain('oubliée dans la colonne ALM. ');
  });
});
