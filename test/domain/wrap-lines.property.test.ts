/**
 * `wrapLines` cuts a remark of `SPASER Indicateurs` into lines of columns A:C (README « Feuilles
 * écrites »): nothing lost, nothing cut inside a word or at a no-break space.
 */
import fc from 'fast-check';
import { wrapLines } from '../../src/domain/french-text';

const word = fc.stringMatching(/^[a-zà-ü«»:;0-9=\u00a0\u202f.,'-]{1,30}$/).filter((w) => !w.includes(' '));
const text = fc.array(word, { minLength: 1, maxLength: 60 }).map((ws) => ws.join(' '));

describe('wrapLines', () => {
  it('gives back the text, words in order, when its lines are joined by a space', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 120 }), (t, width) => expect(wrapLines(t, width).join(' ')).toBe(t)));
  });

  it('keeps each line within the width, unless it is one word longer than the width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (t, width) => {
        for (const line of wrapLines(t, width)) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it("fills each line: the next line's first word would not have fitted", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (t, width) => {
        const lines = wrapLines(t, width);
        for (let i = 0; i + 1 < lines.length; i++) expect(lines[i].length + 1 + lines[i + 1].split(' ')[0].length).toBeGreaterThan(width);
      }),
    );
  });

  it('binds at no-break spaces and drops runs of ordinary spaces', () => {
    expect(wrapLines('compte\u00a01\u00a0ligne fin', 8)).toEqual(['compte\u00a01\u00a0ligne', 'fin']);
    expect(wrapLines('  a   b  ', 10)).toEqual(['a b']);
    expect(wrapLines('', 10)).toEqual([]);
  });
});
