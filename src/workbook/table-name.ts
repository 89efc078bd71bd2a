/** Excel's rules for table names, shared by both adapters. */

/** Letters, digits, `_`, `.`; not starting with a digit; never readable as a cell reference (A1, R1C1). */
export function excelTableName(wanted: string): string {
  let base = wanted.replace(/[^A-Za-z0-9_.\u00C0-\u024F]/g, '_');
  if (!/^[A-Za-z_\u00C0-\u024F]/.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]\d*([RrCc]\d*)?$/.test(base)) base = `_${base}`;
  return base;
}
