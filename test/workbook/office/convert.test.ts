import { CHART_PALETTE, contrastRatio } from '../../../src/workbook/chart-style';
import { toCellValue } from '../../../src/workbook/office/read';
import { dateToSerial, protectText } from '../../../src/workbook/office/write';

describe('Office adapter conversions', () => {
  it('turns calendar dates into 1900-system serials, fake 29/02/1900 included', () => {
    expect(dateToSerial('1900-01-01')).toBe(1);
    expect(dateToSerial('1900-02-28')).toBe(59);
    expect(dateToSerial('1900-03-01')).toBe(61);
    expect(dateToSerial('2025-01-01')).toBe(45658);
  });

  it('reads date-formatted numbers as dates, other numbers as numbers', () => {
    expect(toCellValue(45658, 'Double', 'dd/mm/yyyy')).toEqual({ date: '2025-01-01' });
    expect(toCellValue(45658.75, 'Double', 'd/m/yyyy h:mm')).toEqual({ date: '2025-01-01' });
    expect(toCellValue(61, 'Integer', 'dd/mm/yyyy')).toEqual({ date: '1900-03-01' });
    expect(toCellValue(60, 'Integer', 'dd/mm/yyyy')).toBe(60);
    expect(toCellValue(45658, 'Double', '#,##0.00 "€"')).toBe(45658);
    expect(toCellValue('#DIV/0!', 'Error', 'General')).toEqual({ error: '#DIV/0!' });
    expect(toCellValue('', 'Empty', 'General')).toBeNull();
    expect(toCellValue('', 'String', 'General')).toBeNull();
  });

  it('prefixes an apostrophe to text Excel would read as something else', () => {
    for (const s of ['=1+1', '+33 1', '-moins', '@x', "'cité'", '#N/A', '00123', 'VRAI', 'lot 2']) expect(protectText(s)).toBe(`'${s}`);
    // Spaces before the sign too: a remark's indented next line (« …=SOMME(A:A) … ») stays text.
    for (const s of ['   =SOMME(A:A)', ' +x', '\t@x']) expect(protectText(s)).toBe(`'${s}`);
    expect(protectText('Papier recyclé')).toBe('Papier recyclé');
  });

  it('uses chart colours readable on white and on a dark background', () => {
    for (const c of CHART_PALETTE) {
      expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(c, '#1F1F1F')).toBeGreaterThanOrEqual(3);
    }
  });
});
