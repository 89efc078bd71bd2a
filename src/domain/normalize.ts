/**
 * Text normalisation shared by header matching (`regles.md` §1), enum
 * reading, duplicate detection and commune comparison (§6).
 */
import { repairMisdecoded } from './misdecoded';

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES = /[œŒæÆß]/g;
const LIGATURE_MAP: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Removes diacritics (é → e, ç → c) and expands ligatures (œ → oe, æ → ae). */
export function stripAccents(s: string): string {
  if (ASCII_ONLY.test(s)) return s;
  return s
    .replace(LIGATURES, (c) => LIGATURE_MAP[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

const NON_ALNUM = /[^a-z0-9]+/g;
const N_DEGREE = /(^|[^a-z0-9])n\s*[°º˚]/g;
const TRAILING_BRACKET = /[(\[]([^()\[\]]*)[)\]]\s*$/;
/** French optional plural after a word (`Titulaire(s)`, `Avenant (s)`): no word of its own, or it outweighs the word it marks. */
const OPTIONAL_PLURAL = /([a-z\u00e0-\u00ff])\s?\((?:e?s|x)\)/g;

/**
 * Words that make a trailing bracket a unit or a filling hint (`(€ HT)`,
 * `(jours)`, `(oui/non)`, `(jj/mm/aaaa)`) rather than part of the name. A
 * bracket holding anything else (`(TPE/PME)`, `(TTC)`) is kept as words.
 */
const UNIT_WORDS = new Set([
  '', 'e', 'eur', 'euro', 'euros', 'ke', 'keur', 'me', 'ht', 'h', 't', 'hors', 'taxe', 'taxes', 'en', 'de', 'des', 'du', 'par',
  'jour', 'jours', 'j', 'mois', 'an', 'ans', 'annee', 'annees', 'semaine', 'semaines',
  'nombre', 'nb', 'pourcentage', 'oui', 'non', 'o', 'n', 'x', 'si', 'ou', 'jj', 'mm', 'aa', 'aaaa', 'date', 'format',
  // Not `montant`: `Avenants (montant HT)` says what the column holds, an amount, not a unit of it.
  'calendaires', 'ouvres', 'ouvrables', 'valeur', 'cocher', 'facultatif', 'obligatoire',
  // Thousands and millions of euros (`(k€)`, `(milliers d'euros)`): see `amountScale`.
  'k', 'm', 'd', 'millier', 'milliers', 'million', 'millions',
  // Glued spellings `amountScale` reads too (`(MEUR)`, `(keuros)`): the unit counts for the value, not the name.
  'keuro', 'keuros', 'meur', 'meuro', 'meuros',
]);

const THOUSANDS = /(?:^|[^a-z])(?:k\.? ?(?:€|euros?|eur)|milliers? (?:d ?'? ?)?(?:€|euros?|eur))(?:[^a-z]|$)|\( *ke *\)/;
const MILLIONS = /(?:^|[^a-z])(?:m\.? ?(?:€|euros?|eur)|millions? (?:d ?'? ?)?(?:€|euros?|eur))(?:[^a-z]|$)|\( *me *\)/;

/**
 * What an amount typed under this header is worth in euros: 1000 under `(k€)`, `k€`,
 * `(kEUR)` or `(milliers d'euros)`, 1,000,000 under `(M€)` or `(millions d'euros)`, else 1.
 * The unit is ignored for matching (`regles.md` §1) but not for the value.
 */
export function amountScale(header: string): number {
  const t = stripAccents(repairMisdecoded(header).toLowerCase()).replace(/[’`]/g, "'");
  if (THOUSANDS.test(t)) return 1000;
  if (MILLIONS.test(t)) return 1_000_000;
  return 1;
}

/** Replaces a single-token spelling with its canonical word. */
const HEADER_WORDS: Readonly<Record<string, string>> = {
  no: 'numero',
  num: 'numero',
  numero: 'numero',
  nb: 'nombre',
  nbr: 'nombre',
  nbre: 'nombre',
  // `Mt HT`, `Mnt notifié`: the usual short forms of montant in French tables (README « Colonnes »).
  mt: 'montant',
  mnt: 'montant',
  // `N° mché`: the usual short form of marché in a buyer's own headers.
  mche: 'marche',
  mch: 'marche',
  // `Montant max HT`, `Montant maxi`: an accord-cadre's maximum (champs.md « montant maximum HT »).
  max: 'maximum',
  maxi: 'maximum',
};
const AFTER_NOMBRE = new Set(['de', 'd', 'des', 'du']);
/** Single letters joined by dots (`C.P.`, `H.T.`, `T.T.C`): one word once the dots go, as a reader reads it. */
// No lookbehind (`(?<!…)`): older Safari web views cannot parse it; the letter before is captured instead.
const DOTTED_ABBREVIATION = /(^|[^a-z0-9])([a-z](?:\.[a-z])+\.?)(?![a-z0-9])/g;
const DOTS = /\./g;
const EURO_SIGN = /€/g;

function isUnitBracket(content: string): boolean {
  // `€` and `%` become spaces below: a bracket of symbols only is a unit too.
  const words = stripAccents(content.toLowerCase()).replace(EURO_SIGN, ' e ').split(NON_ALNUM);
  for (const w of words) if (!UNIT_WORDS.has(w)) return false;
  return true;
}

/** Words of a unit bracket that say euros (`(€)`, `(en k€ HT)`, `(EUR)`, `(H.T.)`). */
const EURO_UNIT_WORDS = new Set(['e', 'eur', 'euro', 'euros', 'ke', 'keur', 'keuros', 'me', 'meur', 'meuros', 'ht', 'taxe', 'taxes']);

/**
 * True when the header's trailing unit brackets say euros (`Avenant 2 (€)`, `Effectif (k€)`): the
 * column holds money. Removed before comparing with synonyms (`regles.md` §1), the unit still tells
 * what the cells hold, and euros are never a count.
 */
export function unitSaysEuros(header: string): boolean {
  let t = repairMisdecoded(header).toLowerCase().replace(OPTIONAL_PLURAL, '$1');
  for (let i = 0; i < 3; i++) {
    const m = TRAILING_BRACKET.exec(t);
    if (m === null || !isUnitBracket(m[1])) return false;
    const content = stripAccents(m[1]).replace(EURO_SIGN, ' e ').replace(DOTTED_ABBREVIATION, (_, before: string, letters: string) => before + letters.replace(DOTS, ''));
    if (content.split(NON_ALNUM).some((w) => EURO_UNIT_WORDS.has(w))) return true;
    t = t.slice(0, m.index);
  }
  return false;
}

/** A word of a legal reference: `art.`, `article`, `cf.`, `CCP`, and the article itself (`L2113-12`, `R2123-1`). */
const REFERENCE_WORDS = new Set(['art', 'arts', 'article', 'articles', 'cf', 'voir', 'code', 'ccp', 'de', 'du', 'la', 'commande', 'publique', 'et', 'a', 'au']);
const ARTICLE = /^[lrd][0-9]{3,5}$/;
const NUMBER = /^[0-9]+$/;

/** A trailing bracket that cites the code (`(art. L2113-12)`, `(L2113-12 à L2113-15)`): a note, not the name. */
function isReferenceBracket(content: string): boolean {
  const words = stripAccents(content.toLowerCase()).split(NON_ALNUM).filter((w) => w !== '');
  let cites = false;
  for (const w of words) {
    if (ARTICLE.test(w)) cites = true;
    else if (!REFERENCE_WORDS.has(w) && !NUMBER.test(w)) return false;
  }
  return cites;
}

/**
 * Header text as compared with the synonyms of `champs.md`: lower case, no
 * accents, `n°`/`no`/`num`/`numéro` → `numero`, `nb`/`nbre`/`nombre de` →
 * `nombre`, `mt`/`mnt` → `montant`, `mche` → `marche`, `max`/`maxi` → `maximum`, punctuation and line breaks → space, a trailing
 * unit or legal reference in brackets dropped, spaces collapsed. The result holds only `[a-z0-9 ]`.
 */
export function normalizeHeader(s: string): string {
  // A CSV's header mis-decoded by Excel (`MarchÃ© rÃ©servÃ©`) compares as it was written.
  let t = repairMisdecoded(s).toLowerCase().replace(OPTIONAL_PLURAL, '$1');
  // Units may be stacked: `Montant (€) (HT)`.
  for (let i = 0; i < 3; i++) {
    const m = TRAILING_BRACKET.exec(t);
    if (m === null || !(isUnitBracket(m[1]) || isReferenceBracket(m[1]))) break;
    t = t.slice(0, m.index);
  }
  t = t.replace(N_DEGREE, '$1 numero ');
  t = stripAccents(t).replace(DOTTED_ABBREVIATION, (_, before: string, letters: string) => before + letters.replace(DOTS, '')).replace(NON_ALNUM, ' ');
  const words = t.split(' ');
  const out: string[] = [];
  for (const w of words) {
    if (w === '') continue;
    const canonical = HEADER_WORDS[w] ?? w;
    if (AFTER_NOMBRE.has(canonical) && out.length > 0 && out[out.length - 1] === 'nombre') continue;
    out.push(canonical);
  }
  return out.join(' ');
}

const ALL_SPACES = /[\s\u00a0\u202f\u2007\u2009\u200b\ufeff]+/g;

/** Contract number as compared for `doublon`: lower case, every kind of space removed. */
export function normalizeNumero(s: string): string {
  // Read for every row: printable ASCII holds no space to remove, so no regex pass.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return s.replace(ALL_SPACES, '').toLowerCase();
  }
  return s.toLowerCase();
}

const COMMUNE_WORDS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte' };
const DIGITS = /^[0-9]+$/;

/**
 * Commune name as compared in `regles.md` §6: case, accents, œ, hyphens and
 * apostrophes ignored, `St`/`Ste` → `saint`/`sainte`, `CEDEX` and its number dropped.
 */
export function normalizeCommune(s: string): string {
  const words = stripAccents(s.toLowerCase()).replace(NON_ALNUM, ' ').trim().split(' ');
  let end = words.length;
  if (end >= 2 && DIGITS.test(words[end - 1]) && words[end - 2] === 'cedex') end -= 2;
  // `cedex` alone, or with its number glued (`CEDEX1`).
  else if (end >= 2 && /^cedex[0-9]*$/.test(words[end - 1])) end -= 1;
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const w = words[i];
    if (w !== '') out.push(COMMUNE_WORDS[w] ?? w);
  }
  return out.join(' ');
}

/** Free text for lexicon search: lower case, no accents, punctuation → space, collapsed. */
export function normalizeFreeText(s: string): string {
  return stripAccents(s.toLowerCase()).replace(NON_ALNUM, ' ').trim();
}

const POLE_WORD = 'pole ';

/** A year standing alone in a Pôle's name (`Pôle Culture 2024`, `Culture - 2025`). */
const YEAR_WORD = / ?\b(?:19|20)[0-9]{2}\b/g;

/**
 * A Pôle's name as rows are grouped by it: case, accents, punctuation, a leading « Pôle »
 * and a year ignored (`Pôle Éducation`, `EDUCATION ` and `Éducation` are one Pôle; so are the
 * files `Pôle Culture 2025` and `Pôle Culture 2024`, whose rows are named after them, so that
 * last year's file gives the Pôle its N−1).
 */
export function normalizePole(s: string): string {
  const text = normalizeFreeText(s).replace(YEAR_WORD, '').trim();
  return text.startsWith(POLE_WORD) ? text.slice(POLE_WORD.length) : text;
}

/** The group of a row's `pole` cell: '' when blank; a name of punctuation only is its own group. */
export function poleKey(pole: string): string {
  const trimmed = pole.trim();
  return trimmed === '' ? '' : normalizePole(trimmed) || trimmed;
}

/**
 * `poleKey` remembered by cell text: a register holds a few spellings over many rows, and
 * normalising each row's cell again cost ~200 ms per 100,000 rows.
 */
export function poleKeyMemo(): (pole: string) => string {
  const keys = new Map<string, string>();
  return (pole) => {
    let key = keys.get(pole);
    if (key === undefined) keys.set(pole, (key = poleKey(pole)));
    return key;
  };
}

/**
 * The name each Pôle is shown under, by `poleKey`: its spelling in the register's most recent
 * year (its first row of that year, in register order, trimmed; a row without a year counts
 * as the oldest). A Pôle written « SOLIDARITES » last year and « Solidarités » this year is
 * shown as this year's, whichever sheet or file comes first, and whatever the exercice asked:
 * the indicators and the pane name Pôles alike through it.
 */
export function poleNames(
  rows: readonly { readonly pole: string; readonly annee?: number | null }[],
  keyOf: (pole: string) => string = poleKeyMemo(),
): Map<string, string> {
  const names = new Map<string, string>();
  const years = new Map<string, number>();
  let last: string | null = null;
  let lastYear = Number.NaN;
  for (const r of rows) {
    const year = r.annee ?? Number.NEGATIVE_INFINITY;
    // Rows come in runs of one spelling and one year: one look per run.
    if (r.pole === last && year === lastYear) continue;
    last = r.pole;
    lastYear = year;
    const key = keyOf(r.pole);
    if (key === '') continue;
    const known = years.get(key);
    if (known === undefined || year > known) {
      names.set(key, r.pole.trim());
      years.set(key, year);
    }
  }
  return names;
}

/** Lower-case ASCII letters or digits for each Latin letter, by char code (accents folded, œ → oe). */
const FOLDED: string[] = (() => {
  const table: string[] = [];
  for (let c = 48; c <= 57; c++) table[c] = String.fromCharCode(c);
  for (let c = 97; c <= 122; c++) table[c] = String.fromCharCode(c);
  for (let c = 65; c <= 90; c++) table[c] = String.fromCharCode(c + 32);
  for (let c = 0xc0; c <= 0x24f; c++) {
    const folded = stripAccents(String.fromCharCode(c).toLowerCase()).replace(NON_ALNUM, '');
    if (folded !== '') table[c] = folded;
  }
  return table;
})();

/** `FOLDED` as one char code where it is one letter or digit; 0 where it ends a word, MULTI where it is several letters. */
const MULTI = 0xffff;
const FOLDED_CODE: Uint16Array = (() => {
  const codes = new Uint16Array(0x250);
  for (let c = 0; c < 0x250; c++) {
    const f = FOLDED[c];
    codes[c] = f === undefined ? 0 : f.length === 1 ? f.charCodeAt(0) : MULTI;
  }
  return codes;
})();

/** `normalizeFreeText` of one character beyond Latin (dashes, quotes…), computed once per character met. */
const FOLDED_BEYOND_LATIN = new Map<number, string>();

function foldedBeyondLatin(code: number, char: string): string {
  let f = FOLDED_BEYOND_LATIN.get(code);
  if (f === undefined) {
    f = normalizeFreeText(char);
    FOLDED_BEYOND_LATIN.set(code, f);
  }
  return f;
}

/**
 * What a character adds to the current word of `freeTextWords` (not for ASCII
 * lower-case letters, digits and combining accents, which it handles itself):
 * its folded letters, or undefined when it ends the word.
 */
function foldedOf(c: number, s: string, i: number): string | undefined {
  if (c >= 0x2000 && c < 0x2070) return FOLDED_PUNCTUATION[c - 0x2000];
  let f = FOLDED[c];
  if (f === undefined && c > 0x24f) f = foldedBeyondLatin(c, s[i]);
  return f !== undefined && f !== '' && !f.includes(' ') ? f : undefined;
}

/** `foldedOf` over General Punctuation (`—`, `’`, `…` in nearly every text), computed once: no Map read for them. */
const FOLDED_PUNCTUATION: readonly (string | undefined)[] = Array.from({ length: 0x70 }, (_, k) => {
  const f = normalizeFreeText(String.fromCharCode(0x2000 + k));
  return f !== '' && !f.includes(' ') ? f : undefined;
});

/**
 * The words of `normalizeFreeText(s)` in one pass over the characters: the
 * tag suggestions read two texts of every row, so this avoids Unicode
 * normalisation on the hot path. Characters beyond Latin fall back to it.
 * Runs of lower-case letters and digits are sliced, not copied character by character.
 */
export function freeTextWords(s: string): string[] {
  const words: string[] = [];
  let word = ''; // the current word before `run`
  let run = -1; // start of the current run of characters kept as they are
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      word = word === '' ? s.slice(run, i) : word + s.slice(run, i);
      run = -1;
    }
    if (c >= 0x300 && c <= 0x36f) continue; // combining accent of a decomposed letter
    const f = foldedOf(c, s, i);
    if (f !== undefined) {
      word += f;
    } else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (run >= 0) word = word === '' ? s.slice(run) : word + s.slice(run);
  if (word !== '') words.push(word);
  return words;
}

/** Word hashes (`FoldedWords.hashes`, `wordHash`) keep 16 bits, so that a table indexed by them stays small. */
const HASH_MASK = 0xffff;

function addCode(h: number, c: number): number {
  return (Math.imul(h, 31) + c) & HASH_MASK;
}

/**
 * The words of `freeTextWords` read into reused buffers as folded char codes,
 * so that a matcher reads them without building a string, array or Map per
 * text: word k is `codes[k === 0 ? 0 : ends[k - 1] .. ends[k])`, with the
 * `wordHash` of its codes in `hashes[k]`.
 */
export class FoldedWords {
  codes = new Uint16Array(256);
  ends = new Int32Array(64);
  hashes = new Int32Array(64);
  count = 0;

  read(s: string): void {
    // Each character adds at most one code except the multi-letter ones, which grow the buffer themselves.
    if (this.codes.length < s.length) this.codes = new Uint16Array(s.length * 2);
    if (this.ends.length < (s.length >> 1) + 1) {
      this.ends = new Int32Array(s.length + 1);
      this.hashes = new Int32Array(s.length + 1);
    }
    let codes = this.codes;
    const ends = this.ends;
    const hashes = this.hashes;
    let n = 0;
    let start = 0;
    let count = 0;
    let h = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const code = c < 0x250 ? FOLDED_CODE[c] : MULTI;
      if (code === 0) {
        if (n > start) {
          ends[count] = n;
          hashes[count++] = h;
          start = n;
          h = 0;
        }
        continue;
      }
      if (code !== MULTI) {
        codes[n++] = code;
        h = addCode(h, code);
        continue;
      }
      if (c >= 0x300 && c <= 0x36f) continue;
      const f = foldedOf(c, s, i);
      if (f !== undefined) {
        if (n + f.length + s.length - i > codes.length) {
          const grown = new Uint16Array((n + f.length + s.length - i) * 2);
          grown.set(codes.subarray(0, n));
          this.codes = codes = grown;
        }
        for (let k = 0; k < f.length; k++) {
          const fc = f.charCodeAt(k);
          codes[n++] = fc;
          h = addCode(h, fc);
        }
      } else if (n > start) {
        ends[count] = n;
        hashes[count++] = h;
        start = n;
        h = 0;
      }
    }
    if (n > start) {
      ends[count] = n;
      hashes[count++] = h;
    }
    this.count = count;
  }

  /** Word k as a string (tests and reading only). */
  word(k: number): string {
    return String.fromCharCode(...this.codes.subarray(k === 0 ? 0 : this.ends[k - 1], this.ends[k]));
  }
}

/** The hash of a word, for matching against `FoldedWords.hashes`. */
export function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = addCode(h, word.charCodeAt(i));
  return h;
}

/**
 * A set of `freeTextWords` words as a trie over their folded codes (ASCII):
 * a text's word leaves it at its first letter off every path, and its other
 * letters cost one table read each, with no hashing. `DEAD` loops on itself.
 */
interface WordTrie {
  readonly next: Int16Array;
  readonly terminal: Uint8Array;
}

const TRIE_WIDTH = 128;
const DEAD = 1;

export function wordTrie(words: Iterable<string>): WordTrie {
  const children: number[][] = [[], []]; // 0 = root (a word's start), 1 = DEAD
  const terminal: number[] = [0, 0];
  for (const w of words) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const code = w.charCodeAt(i);
      if (code >= TRIE_WIDTH) throw new Error(`wordTrie: not a folded word: ${w}`);
      let child = children[node][code];
      if (child === undefined) {
        child = children.length;
        children.push([]);
        terminal.push(0);
        children[node][code] = child;
      }
      node = child;
    }
    terminal[node] = 1;
  }
  if (children.length > 0x7fff) throw new Error('wordTrie: too many words');
  const next = new Int16Array(children.length * TRIE_WIDTH).fill(DEAD);
  children.forEach((byCode, node) => byCode.forEach((child, code) => (next[node * TRIE_WIDTH + code] = child)));
  return { next, terminal: Uint8Array.from(terminal) };
}

/** True exactly when some word of `freeTextWords(s)` is in `trie`, read in the same pass without building words. */
export function mayHoldTrieWord(s: string, trie: WordTrie): boolean {
  const next = trie.next;
  const terminal = trie.terminal;
  let node = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // One table read for Latin characters, nearly all of them.
    const code = c < 0x250 ? FOLDED_CODE[c] : MULTI;
    if (code === 0) {
      if (terminal[node] === 1) return true;
      node = 0;
      continue;
    }
    if (code !== MULTI) {
      node = next[node * TRIE_WIDTH + code];
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) continue;
    const f = foldedOf(c, s, i);
    if (f !== undefined) {
      for (let k = 0; k < f.length; k++) node = next[node * TRIE_WIDTH + f.charCodeAt(k)];
    } else {
      if (terminal[node] === 1) return true;
      node = 0;
    }
  }
  return terminal[node] === 1;
}
