/**
 * Audit "bad input" — the xlsx adapter's opening of odd files (`openXlsx`):
 * each refusal is an UnreadableWorkbookError with a French reason; odd but
 * valid workbooks open and read.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASON_ODS } from '../../../src/workbook/xlsx/open';
import { reasonOf, toBytes } from './fixtures';


describe('files the adapter refuses, each with its French reason', () => {
  it('a workbook saved without any sheet', async () => {
    expect(await reasonOf(await toBytes(new ExcelJS.Workbook()), 'sans-feuille.xlsx')).toBe("le classeur ne contient aucune feuille : ouvrez-le dans Excel, vérifiez qu'il contient le suivi des marchés et enregistrez-le, puis réessayez");
  });

  it('an OpenDocument spreadsheet (.ods)', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'suivi.ods')).toBe(REASON_ODS);
    expect(REASON_ODS).toBe(
      'classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice Calc ou Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez',
    );
  });

  it('an OpenDocument spreadsheet saved by LibreOffice, even named .xlsx', async () => {
    const ods = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/libreoffice/authored/Pôle Sports.ods')));
    expect(await reasonOf(ods, 'Pôle Sports.ods')).toBe(REASON_ODS);
    expect(await reasonOf(ods, 'Pôle Sports.xlsx')).toBe(REASON_ODS);
  });

  it('a zip that is neither is still « not an .xlsx »', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'application/vnd.oasis.opendocument.text');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'notes.xlsx')).toBe("ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »)");
  });

  it('a binary workbook (.xlsb) is told apart from a damaged .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.bin', new Uint8Array([1, 2, 3]));
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'suivi.xlsx')).toBe('classeur binaire .xlsb : ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez');
  });

  it('an .xlsx whose workbook part is not XML', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', 'pas du xml');
    zip.file('xl/workbook.xml', 'pas du xml <<<');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'abime.xlsx')).toBe('archive endommagée (le fichier est incomplet ou abîmé)');
  });
});
