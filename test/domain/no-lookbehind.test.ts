import * as fs from 'node:fs';
import * as path from 'node:path';

// The pane runs in the web view of each Excel: Safari before 16.4 (Excel on older macOS) cannot parse a
// lookbehind, and a regular expression it cannot parse stops the whole script, not one feature.
const SRC = path.resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Code lines only: comment lines (`//`, `*`) may name the construct to warn against it. */
function codeLines(file: string): { line: number; text: string }[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => !/^\s*(\/\/|\*|\/\*)/.test(text));
}

describe('regular expressions of src/ that every Excel web view can parse', () => {
  it('use no lookbehind', () => {
    const found = sources(SRC).flatMap((f) =>
      codeLines(f)
        .filter(({ text }) => /\(\?<[=!]/.test(text))
        .map(({ line }) => `${path.relative(SRC, f)}:${line}`),
    );
    expect(found).toEqual([]);
  });
});
