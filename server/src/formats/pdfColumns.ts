// The reading order of a page set in columns: a bilingual statute (English beside French), a
// gazette in two or three columns. PDF.js gives a page's text in the order its content stream draws
// it, and many writers draw such a page a row at a time across the columns; read in that order,
// each line of the draft would join a line of one column to the line beside it in the next. Here a
// page's columns are found from where its text stands (a gutter that no row of text crosses), and
// the page is read a column at a time, top to bottom, between the rows that span the page (a
// title, a heading across the columns). Pure: placed text in, an order out; loops, not spreads,
// and no step quadratic in the page's items (a hostile page may hold millions).

/** A text item where the page sets it: x and baseline y in PDF units (origin at the bottom left), its width and font size. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The order to read a page's items in, and the items that begin a new column (a line must end before them). */
export interface ColumnOrder {
  order: number[];
  breaks: Set<number>;
  /** How many columns the page was read in. */
  columns: number;
}

/** Fewer text items or rows than this: too little to tell columns from a table. */
const MIN_ITEMS = 20;
/** Lines each column needs. */
const MIN_COLUMN_LINES = 6;
/** Share of the rows that may cross a gutter (titles and headings set across the page). */
const CROSSING_SHARE = 0.1;
/** A column is at least this share of the width of the page's text. */
const MIN_COLUMN_SHARE = 0.2;
/**
 * At least this share of a column's lines reach the last fifth of its width, as running text does
 * (justified or ragged, its headings and paragraphs' last lines aside); a table's column of terms
 * of different lengths does not.
 */
const MIN_FULL_LINES = 0.45;
/**
 * Share of a column's lines that follow the line above at about the page's line spacing (the
 * tightest column's usual gap, with room for a paragraph's space): running text does; a table's
 * column of terms, one beside each definition of several lines, does not.
 */
const MIN_CONTINUITY = 0.6;
/** The shortest column has at least this share of the longest one's lines. */
const MIN_BALANCE = 0.3;
/** Bins the page's width is cut into to find a gutter (bounded, whatever a hostile page's coordinates). */
const MAX_BINS = 2000;
/** More gutters than this: not a page of columns (gazettes have two to four). */
const MAX_GUTTERS = 5;

interface Row {
  y: number;
  /** Text items (indexes), in stream order. */
  items: number[];
}

const isBlank = (s: string) => !/\S/.test(s);

/**
 * The columns of a page and the order to read its items in, or undefined when the page is not
 * set in columns (then it is read in stream order, as before). `skip`: items already left out
 * (line numbers in the margin).
 */
export function readingOrder(items: readonly PlacedText[], skip: ReadonlySet<number> = new Set()): ColumnOrder | undefined {
  const text: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!skip.has(i) && !isBlank(it.str) && Number.isFinite(it.x) && Number.isFinite(it.y) && Number.isFinite(it.width) && it.width >= 0) text.push(i);
  }
  if (text.length < MIN_ITEMS) return undefined;
  const size = median(text.map((i) => items[i].size));
  if (!(size > 0)) return undefined;
  const rows = rowsOf(items, text, size);
  if (rows.length < 2 * MIN_COLUMN_LINES) return undefined;

  let minX = Infinity;
  let maxX = -Infinity;
  for (const i of text) {
    minX = Math.min(minX, items[i].x);
    maxX = Math.max(maxX, items[i].x + items[i].width);
  }
  const width = maxX - minX;
  if (!(width > size * 4)) return undefined;
  const gutters = guttersOf(items, rows, minX, width, size);
  if (!gutters.length || gutters.length > MAX_GUTTERS) return undefined;

  // Columns between the gutters; a row with text across a whole gutter spans the page (a line
  // that only runs a little into a gutter stays in its column).
  const crosses = (i: number) => gutters.some(([a, b]) => items[i].x <= a && items[i].x + items[i].width >= b);
  const columnOf = (i: number) => {
    const centre = items[i].x + items[i].width / 2;
    let c = 0;
    while (c < gutters.length && centre > gutters[c][1]) c++;
    return c;
  };
  const columns = gutters.length + 1;
  const spanning = rows.map((r) => r.items.some(crosses));
  // Each column's lines: per row, the extent of its items in that column.
  const lines: Line[][] = Array.from({ length: columns }, () => []);
  rows.forEach((r, k) => {
    if (spanning[k]) return;
    const extent = new Map<number, Line>();
    for (const i of r.items) {
      const c = columnOf(i);
      const e = extent.get(c) ?? { y: r.y, left: Infinity, right: -Infinity };
      e.left = Math.min(e.left, items[i].x);
      e.right = Math.max(e.right, items[i].x + items[i].width);
      extent.set(c, e);
    }
    for (const [c, e] of extent) lines[c].push(e);
  });
  const spacing = columnSpacing(lines, gutters, width);
  if (spacing === undefined) return undefined;
  // A heading set across the page may be narrower than a column: a row of one column only, apart
  // from the rows above and below it, with nothing beside it in the other columns, spans the page.
  rows.forEach((r, k) => {
    if (spanning[k]) return;
    const own = new Set(r.items.map(columnOf));
    if (own.size !== 1) return;
    const [c] = own;
    const apart = (k === 0 || rows[k - 1].y - r.y > spacing * 1.3) && (k === rows.length - 1 || r.y - rows[k + 1].y > spacing * 1.3);
    if (apart && lines.every((col, other) => other === c || !hasLineNear(col, r.y, spacing))) spanning[k] = true;
  });

  // Reading order: the rows that span the page where they stand; between two of them, each column
  // in turn, its items in stream order. (A running head in one column is read with that column:
  // pagesToText finds running heads by where they stand, not by their order.)
  const keyOf = new Map<number, number>();
  let band = 0;
  rows.forEach((r, k) => {
    if (spanning[k]) {
      band += 2;
      for (const i of r.items) keyOf.set(i, band * columns);
      band += 1;
    } else {
      for (const i of r.items) keyOf.set(i, band * columns + columnOf(i));
    }
  });
  // Blank and skipped items stay after the text item drawn before them (an end of line they carry holds there).
  const key = new Array<number>(items.length);
  let last = keyOf.get(text[0]) ?? 0;
  for (let i = 0; i < items.length; i++) {
    const k = keyOf.get(i);
    if (k !== undefined) last = k;
    key[i] = last;
  }
  const order = items.map((_it, i) => i).sort((a, b) => key[a] - key[b] || a - b);
  const breaks = new Set<number>();
  for (let n = 1; n < order.length; n++) if (key[order[n]] !== key[order[n - 1]]) breaks.add(order[n]);
  return { order, breaks, columns };
}

type Line = { y: number; left: number; right: number };

/** Whether a column (its lines top down) has a line less than `distance` above or below y: by bisection. */
function hasLineNear(col: Line[], y: number, distance: number): boolean {
  // The first line at or below y + distance.
  let lo = 0;
  let hi = col.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (col[mid].y >= y + distance) lo = mid + 1;
    else hi = mid;
  }
  return lo < col.length && col[lo].y > y - distance;
}

function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The page's rows, top down: items whose baselines are within half a line of the row's first. */
function rowsOf(items: readonly PlacedText[], text: number[], size: number): Row[] {
  const byHeight = [...text].sort((a, b) => items[b].y - items[a].y || a - b);
  const rows: Row[] = [];
  for (const i of byHeight) {
    const row = rows[rows.length - 1];
    if (row && row.y - items[i].y <= size * 0.5) row.items.push(i);
    else rows.push({ y: items[i].y, items: [i] });
  }
  for (const r of rows) r.items.sort((a, b) => a - b);
  return rows;
}

/**
 * Gutters: stretches of the page's width, inside its text, at least a character wide, that at
 * most a tenth of the rows cover (the rows across the page), as [from, to] in page units.
 */
function guttersOf(items: readonly PlacedText[], rows: Row[], minX: number, width: number, size: number): [number, number][] {
  const bins = Math.min(MAX_BINS, Math.max(1, Math.ceil(width)));
  const unit = width / bins;
  const diff = new Int32Array(bins + 1);
  for (const r of rows) {
    // The row's stretches, merged, each counted once.
    const spans = r.items.map((i) => [items[i].x, items[i].x + items[i].width]).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0];
    const add = (from: number, to: number) => {
      diff[Math.max(0, Math.floor((from - minX) / unit))]++;
      diff[Math.min(bins, Math.ceil((to - minX) / unit))]--;
    };
    for (let k = 1; k < spans.length; k++) {
      if (spans[k][0] <= b) b = Math.max(b, spans[k][1]);
      else {
        add(a, b);
        [a, b] = spans[k];
      }
    }
    add(a, b);
  }
  const most = Math.floor(rows.length * CROSSING_SHARE);
  const gutters: [number, number][] = [];
  let covered = 0;
  let start = -1;
  for (let k = 0; k < bins; k++) {
    covered += diff[k];
    const low = covered <= most;
    if (low && start < 0) start = k;
    if ((!low || k === bins - 1) && start >= 0) {
      const end = low ? k + 1 : k;
      // Inside the text (not its edge), and wider than a space between words.
      if (start > 0 && end < bins && (end - start) * unit >= size) gutters.push([minX + start * unit, minX + end * unit]);
      start = -1;
    }
  }
  return gutters;
}

/**
 * The columns' line spacing when they hold running text side by side, else undefined. Running
 * text: each column a fifth of the page's width or more, with enough lines, many reaching its
 * right edge, its lines following each other at the usual spacing (a table's column of short
 * terms does neither), none far shorter than the longest, and each beside the next over half the
 * height of the shorter.
 */
function columnSpacing(lines: Line[][], gutters: [number, number][], width: number): number | undefined {
  const most = maxOf(lines.map((l) => l.length));
  if (lines.some((col) => col.length < MIN_COLUMN_LINES || col.length < most * MIN_BALANCE)) return undefined;
  const gaps = lines.map((col) => col.slice(1).map((l, k) => col[k].y - l.y));
  const spacing = minOf(gaps.map(median));
  if (!(spacing > 0)) return undefined;
  for (const [c, col] of lines.entries()) {
    const left = minOf(col.map((l) => l.left));
    // A column ends where its gutter begins: a heading that runs into the gutter does not widen it.
    const right = Math.min(maxOf(col.map((l) => l.right)), gutters[c]?.[0] ?? Infinity);
    if (right - left < width * MIN_COLUMN_SHARE) return undefined;
    if (col.filter((l) => l.right >= right - (right - left) * 0.2).length < col.length * MIN_FULL_LINES) return undefined;
    if (gaps[c].filter((g) => g <= spacing * 1.6).length < gaps[c].length * MIN_CONTINUITY) return undefined;
  }
  for (let c = 1; c < lines.length; c++) {
    const [a, b] = [lines[c - 1], lines[c]];
    const top = Math.min(a[0].y, b[0].y);
    const bottom = Math.max(a[a.length - 1].y, b[b.length - 1].y);
    const shorter = Math.min(a[0].y - a[a.length - 1].y, b[0].y - b[b.length - 1].y);
    if (top - bottom < shorter * 0.5) return undefined;
  }
  return spacing;
}
