/** The `.xlsx` adapter (ExcelJS), usable in the browser; Node file helpers are in `./node-files`. */
export { openXlsx } from './open';
export { MACROS_NOTICE, NOT_KEPT_NOTICE, XlsxWorkbook } from './workbook';
export { excelNumberFormat } from './number-format';
export { excelValue } from './write-plan';
