/**
 * Session-24 mutation audit of `isTempSheet` (write.ts): the temporary sheets are « SPASER tmp <n> » and
 * « SPASER import <n> » only (commit 34d024e, its message: « a user's SPASER import Pôle Sport is kept »): a user's sheet that merely
 * starts with the prefix, or ends with a number, is the user's and is never deleted.
 */
import { isTempSheet } from '../../../src/workbook/office/write';

describe('temporary sheets are the prefix and a number, nothing else', () => {
  it('a user Pôle ending in a number, or the prefix alone, is not temporary', () => {
    expect(isTempSheet('SPASER import Pôle 2')).toBe(false);
    expect(isTempSheet('SPASER tmp brouillon 3')).toBe(false);
    expect(isTempSheet('SPASER import ')).toBe(false);
    expect(isTempSheet('SPASER tmp ')).toBe(false);
    expect(isTempSheet('SPASER import 12')).toBe(true);
    expect(isTempSheet('SPASER tmp 1')).toBe(true);
  });
});
