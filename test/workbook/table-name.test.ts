import { excelTableName } from '../../src/workbook/table-name';

describe('Excel table names (both adapters)', () => {
  test('keeps valid names, replaces other characters, never starts with a digit nor reads as a cell', () => {
    expect(excelTableName('SPASER_Registre')).toBe('SPASER_Registre');
    expect(excelTableName('Marchés 2025')).toBe('Marchés_2025');
    expect(excelTableName('2025')).toBe('_2025');
    expect(excelTableName('AB12')).toBe('_AB12');
    expect(excelTableName('R1C1')).toBe('_R1C1');
  });
});
