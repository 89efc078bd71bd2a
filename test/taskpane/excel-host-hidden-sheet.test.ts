/**
 * Session 37: hidden sheets are read as sources, so the Contrôles list names their cells; Office.js does
 * not say what `Worksheet.activate` answers for a hidden sheet (the double refuses it). A refused
 * selection on a hidden sheet is said in French, naming the sheet and how to show it; on a visible
 * sheet the error is Excel's own, as before.
 */
import { describeError } from '../../src/taskpane/errors';
import { HiddenSheetError } from '../../src/taskpane/hosts/excel-host';
import { createExcelDouble } from '../doubles/excel-double';
import { DoubleExcelHost } from './double-excel-host';

const NBSP = '\u00a0';

function host() {
  const excel = createExcelDouble({
    sheets: [
      { name: 'Suivi', cells: [['N° de marché', 'Objet']] },
      { name: 'Archive 2024', visibility: 'Hidden', cells: [['N° de marché', 'Objet']] },
      { name: 'Notes', visibility: 'VeryHidden', cells: [['x']] },
    ],
  });
  return { excel, host: new DoubleExcelHost(excel) };
}

describe('ExcelHost.selectCell on a hidden sheet', () => {
  it('says in French that the sheet is hidden and how to show it', async () => {
    const { excel, host: h } = host();
    const error = await h.selectCell('Archive 2024', 'B2').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HiddenSheetError);
    const message = describeError(error, 'selection');
    expect(message).toBe(
      `La feuille «${NBSP}Archive 2024${NBSP}» est masquée${NBSP}: Excel ne peut pas y montrer la cellule. Affichez-la (clic droit sur un onglet, «${NBSP}Afficher…${NBSP}»), puis cliquez à nouveau sur la cellule dans la liste.`,
    );
    expect(excel.selection).toBeNull();
  });

  it('says that a very hidden sheet cannot be shown from the tabs', async () => {
    const { host: h } = host();
    await expect(h.selectCell('Notes', 'A1')).rejects.toThrow(/très masquée.*éditeur Visual Basic/);
  });

  it('selects the cell of a visible sheet, and leaves any other refusal as Excel gave it', async () => {
    const { excel, host: h } = host();
    await h.selectCell('Suivi', 'B1');
    expect(excel.selection).toEqual({ sheet: 'Suivi', address: 'B1' });
    // A sheet deleted since the read: Excel's ItemNotFound, which the pane already explains.
    await expect(h.selectCell('Supprimée', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
