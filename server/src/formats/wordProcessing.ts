// What the word-processor readers (Word, OpenDocument, RTF) share: numbers spelt as list styles
// spell them, which style names make a heading, the chain of styles a style is based on, the
// tracked-changes notice and the text made of their lines.

/** The notice of a document whose tracked changes were read as accepted. */
export const TRACKED_CHANGES = 'has tracked changes: read as if they were all accepted (insertions kept, deletions left out)';

/** A paragraph style's name that makes a heading in a word processor's own styles ("Heading 1", "Title"). */
export function isHeadingStyleName(name: string): boolean {
  return /^(heading( \d+)?|title|subtitle)$/i.test(name.trim());
}

/**
 * The first value `pick` gives along a style and those it is based on (`parentOf`), a few steps
 * at most (a damaged file may make the chain a loop).
 */
export function alongStyles<K, T>(style: K | undefined, parentOf: (k: K) => K | undefined, pick: (k: K) => T | undefined): T | undefined {
  for (let s = style, steps = 0; s !== undefined && steps < 10; s = parentOf(s), steps++) {
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A document's lines as the text analysed: one per line, ending with a line break. */
export function textOfLines(lines: string[]): string {
  const text = lines.join('\n');
  return text && !text.endsWith('\n') ? text + '\n' : text;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/**
 * Past this, letters and roman numerals are written as digits: a start value a file sets (any
 * number) would otherwise make a label of millions of letters.
 */
const MAX_SPELT_NUMBER = 3999;

export function formatNumber(n: number, format: string): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SPELT_NUMBER) return String(n);
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter: a … z, aa … zz, aaa …
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let r = '';
      let v = n;
      for (const [value, s] of ROMAN) while (v >= value) (r += s), (v -= value);
      return format === 'upperRoman' ? r.toUpperCase() : r;
    }
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'ordinal':
      return `${n}.`;
    default:
      return String(n);
  }
}
