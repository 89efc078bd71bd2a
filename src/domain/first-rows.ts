/**
 * The first row of each (year, contract number) for `doublon` (`regles.md` §3),
 * numbers compared as `normalizeNumero` compares them. Asked once per register
 * row: an open-addressing table of hashes computed on the text as it is, so that
 * no normalised copy of each number is built and no string is hashed twice.
 */
import { normalizeNumero } from './normalize';

/** Hash of `normalizeNumero(s)` mixed with the year. */
type NumeroHash = (year: number, s: string) => number;

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over the normalised characters; printable ASCII is folded in place, anything else normalised first. */
export const numeroHash: NumeroHash = (year, s) => {
  let h = mix(0x811c9dc5, year);
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c >= 65 && c <= 90) c += 32;
      h = mix(h, c);
    } else if (!(c === 32 || (c >= 9 && c <= 13))) {
      return slowHash(year, s);
    }
  }
  return h;
};

function slowHash(year: number, s: string): number {
  const n = normalizeNumero(s);
  let h = mix(0x811c9dc5, year);
  for (let i = 0; i < n.length; i++) h = mix(h, n.charCodeAt(i));
  return h;
}

export class FirstRows<T> {
  private slots = new Int32Array(1024); // entry + 1, 0 when free
  private hashes = new Int32Array(1024);
  private readonly years: number[] = [];
  private readonly numeros: string[] = [];
  private readonly values: T[] = [];

  constructor(private readonly hash: NumeroHash = numeroHash) {}

  /** The value first stored for this year and number; else stores `value` and returns undefined. */
  firstOrAdd(year: number, numero: string, value: T): T | undefined {
    if (this.values.length * 2 >= this.slots.length) this.grow();
    const h = this.hash(year, numero) | 0;
    const mask = this.slots.length - 1;
    let normalised: string | null = null;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const entry = this.slots[i] - 1;
      if (entry < 0) {
        this.slots[i] = this.values.length + 1;
        this.hashes[i] = h;
        this.years.push(year);
        this.numeros.push(numero);
        this.values.push(value);
        return undefined;
      }
      // Equal hashes are nearly always the same number: compared exactly only then.
      if (this.hashes[i] === h && this.years[entry] === year) {
        const other = this.numeros[entry];
        if (other === numero || normalizeNumero(other) === (normalised ??= normalizeNumero(numero))) return this.values[entry];
      }
    }
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] === 0) continue;
      let j = this.hashes[i] & mask;
      while (slots[j] !== 0) j = (j + 1) & mask;
      slots[j] = this.slots[i];
      hashes[j] = this.hashes[i];
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
