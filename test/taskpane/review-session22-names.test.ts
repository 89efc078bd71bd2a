/**
 * Names of what the preview offers, from the session-22 usability review: « SPASER » said once.
 */
import { resultName } from '../../src/taskpane/hosts/preview-host';
import { resultJsonFileName } from '../../src/taskpane/result-export';

describe('a result opened again in the preview', () => {
  it.each([
    ['Pôle Culture.xlsx', 'Pôle Culture - SPASER.xlsx'],
    ['Pôle Culture - SPASER.xlsx', 'Pôle Culture - SPASER.xlsx'],
    ['Pôle Culture - SPASER (1).xlsx', 'Pôle Culture - SPASER.xlsx'],
    ['Bilan SPASER.xlsx', 'Bilan SPASER - SPASER.xlsx'],
    [' - SPASER.xlsx', ' - SPASER - SPASER.xlsx'],
  ])('workbook %s → download %s', (name, expected) => {
    expect(resultName(name)).toBe(expected);
  });

  it.each([
    ['Pôle Culture - SPASER.xlsx', 'Pôle Culture - SPASER 2025.json'],
    ['Pôle Culture - SPASER (2).xlsx', 'Pôle Culture - SPASER 2025.json'],
    ['Consolidation.xlsx', 'Consolidation - SPASER 2025.json'],
  ])('workbook %s → JSON %s', (name, expected) => {
    expect(resultJsonFileName(name, 2025)).toBe(expected);
  });
});
