/**
 * Audit "bad input" — the xlsx adapter's opening of odd files (`openXlsx`):
 * each refusal is an UnreadableWorkbookError with a French reason; odd but
 * valid workbooks open and read.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { UnreadableWorkbookError } from '../../../src/workbook/port';
import { openXlsx } from '../../../src/workbook/xlsx';
import { toBytes } from './fixtures';

async function reasonOf(data: Uint8Array, name: string): Promise<string> {
  try {
    await openXlsx(data, name);
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).file).toBe(name);
    return (err as UnreadableWorkbookError).reason;
  }
  throw new Error('opened without error');
}

describe('files the adapter refuses, each with its French reason', () => {
  it('a workbook saved without any sheet', async () => {
    expect(await reasonOf(await toBytes(new ExcelJS.Workbook()), 'sans-feuille.xlsx')).toBe("le classeur ne contient aucune feuille : ouvrez-le dans Excel, vérifiez qu'il contient le suivi des marchés et enregistrez-le, puis réessayez");
  });

  it('an OpenDocument spreadsheet (.ods)', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'suivi.ods')).toBe("ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »)");
  });

  it('a binary workbook (.xlsb) is told apart from a damaged .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.bin', new Uint8Array([1, 2, 3]));
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'suivi.xlsx')).toBe('classeur binaire .xlsb : ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez');
  });

  it('an .xlsx whose workbook part is not XML', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', 'pas du xml');
    zip.file('xl/workbook.xml', 'pas du xml <<<');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'abime.xlsx')).toBe('archive endommagée (le fichier est incomplet ou abîmé)');
  });
});
