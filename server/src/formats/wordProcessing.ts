// What the word-processor readers (Word, OpenDocument, RTF) share: numbers spelt as list styles
// spell them, which style names make a heading, the chain of styles a style is based on, the
// tracked-changes notice, the order a table's cells are read in and the text made of their lines.

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

/** A cell of this many characters or more holds running text (a provision), not a term or a figure. */
const PROSE_CHARS = 80;

/**
 * The lines of a table in reading order, from its cells' lines (`rows` of cells of lines, as read
 * in the document's order, so that list numbers are Word's). Row by row, each cell in turn; but a
 * table of parallel text — the same law in two or three languages side by side, or a law beside its
 * amendment — a column at a time, so that each version reads whole instead of a paragraph of one
 * between two of the other. Parallel: at least three rows of two or three cells, and in each
 * column most cells running text and about as much text as in the others (a table of terms and
 * definitions, or of offences and penalties, has a column of short cells). A row of another number
 * of cells (a title across the table) is read where it stands, and the columns between two such
 * rows in turn.
 */
export function tableLines(rows: string[][][]): { lines: string[]; parallel: boolean } {
  // Loops, not spreads: a damaged file may hold more rows than a call takes arguments.
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  const full = rows.filter((r) => r.length === width);
  let parallel = full.length >= 3 && width >= 2 && width <= 3;
  if (parallel) {
    const totals: number[] = [];
    for (let c = 0; c < width; c++) {
      let total = 0;
      let prose = 0;
      for (const r of full) {
        const length = r[c].join(' ').trim().length;
        total += length;
        if (length >= PROSE_CHARS) prose++;
      }
      if (prose < full.length / 2) parallel = false;
      totals.push(total);
    }
    if (Math.min(...totals) < Math.max(...totals) / 2) parallel = false;
  }
  const lines: string[] = [];
  const push = (xs: string[]) => {
    for (const x of xs) lines.push(x);
  };
  if (!parallel) {
    for (const r of rows) for (const cell of r) push(cell);
    return { lines, parallel };
  }
  for (let from = 0; from < rows.length; ) {
    if (rows[from].length !== width) {
      for (const cell of rows[from++]) push(cell);
      continue;
    }
    let to = from;
    while (to < rows.length && rows[to].length === width) to++;
    for (let c = 0; c < width; c++) {
      // A blank line where one column's text ends and the next one's begins.
      if (c > 0 && lines.length && lines[lines.length - 1] !== '') lines.push('');
      for (let r = from; r < to; r++) push(rows[r][c]);
    }
    from = to;
  }
  return { lines, parallel };
}

/**
 * A document's tables laid out into its lines (tableLines), and the notice its readers give when a
 * table of parallel text was read a column at a time.
 */
export class TableLayout {
  private parallel = 0;

  /** Appends a table's lines (its rows of cells of lines) to `lines`, in reading order. */
  append(lines: string[], rows: string[][][]): void {
    const table = tableLines(rows);
    for (const l of table.lines) lines.push(l);
    if (table.parallel) this.parallel++;
  }

  get notice(): string | undefined {
    if (!this.parallel) return undefined;
    return `${this.parallel === 1 ? 'a table' : `${this.parallel} tables`} of parallel text (versions side by side) read a column at a time, each version whole`;
  }
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
