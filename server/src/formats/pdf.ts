// Reads the text layer of a PDF (an enacted law downloaded from a government site) with PDF.js:
// lines in the order the page draws them, a blank line where the page leaves a wider gap, running
// headers and footers and page numbers removed, words hyphenated at line ends joined; a page set in
// columns read a column at a time (pdfColumns.ts). A PDF with no text layer (a scan) is refused
// with a message instead of giving an empty analysis.
//
// PDF.js is loaded on first use, so reading a PDF is asynchronous: from out/pdfjs.js beside the
// running bundle (PDF.js and its worker bundled by scripts/build.mjs, with the edits of
// scripts/pdfjsPatches.mjs that make its text extraction cheaper and keep its results; the
// packaged extension has no node_modules), else as an ES module from node_modules (tests, a
// checkout). Pure otherwise: bytes in, text out.

import { readingOrder, type PlacedText } from './pdfColumns';

export type { PlacedText } from './pdfColumns';

export interface PdfResult {
  text: string;
  notices: string[];
  problems: string[];
  /** Where the text of each page begins (page 1 first), to say on which page a finding stands. */
  pageStarts?: number[];
}

/** One line of a page: its text and where it stands (PDF units, origin at the bottom left). */
export interface PdfLine {
  text: string;
  y: number;
  /** Height of its largest text. */
  size: number;
}

export interface PdfPage {
  height: number;
  lines: PdfLine[];
}

/** Share of the page height, from the top and from the bottom, where running heads and page numbers stand. */
const MARGIN = 0.08;
/**
 * A wider band for the lines at the very top and bottom of a page: a word processor sets its
 * header inside the page margin, so with a 2 cm margin the header of a LibreOffice PDF stands
 * 8–9 % from the top. Only the first and last lines of a page, set apart from the body, are looked
 * at there, so a sentence the body repeats is not taken for a header.
 */
const EDGE_MARGIN = 0.15;
const EDGE_LINES = 3;

const PAGE_NUMBER = /^(?:(?:page|p\.|página|pág\.|seite)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|de|sur|\/|von)\s*\d{1,4})?$/i;

/** A running line is compared with its digits taken out (a header often carries the page number). */
function runningKey(s: string): string {
  return s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Turns pages of lines into draft text. Exposed for tests: PDF.js's part (pages → lines) is thin.
 */
export function pagesToText(pages: PdfPage[]): { text: string; removed: number; notes: number; pageStarts: number[] } {
  // A line in the top or bottom margin that recurs (digits aside) on at least half the pages, and
  // on two or more, is a running header or footer; so is one of the first or last lines of a page
  // in the wider edge band.
  const inMargin = (p: PdfPage, l: PdfLine) => l.y > p.height * (1 - MARGIN) || l.y < p.height * MARGIN;
  /**
   * The lines of a page that may be running heads: in the margin, or, in the edge band, the first
   * or last lines (EDGE_LINES at most) set apart from the body by a gap wider than its line spacing,
   * as a word processor sets its header and footer (the first line of a page without a header
   * follows the next at the usual distance).
   */
  const candidates = (p: PdfPage): Set<PdfLine> => {
    const out = new Set<PdfLine>();
    for (const l of p.lines) if (inMargin(p, l)) out.add(l);
    const byHeight = [...p.lines].sort((a, b) => b.y - a.y);
    const gaps = byHeight.slice(1).map((l, i) => byHeight[i].y - l.y);
    const positive = gaps.filter((g) => g > 0).sort((a, b) => a - b);
    if (positive.length < 4) return out;
    const apart = positive[Math.floor(positive.length / 2)] * 1.3;
    // Top: the lines above the first wide gap among the first EDGE_LINES; bottom: below the last.
    const top = gaps.slice(0, EDGE_LINES).findIndex((g) => g > apart);
    for (let i = 0; i <= top; i++) if (byHeight[i].y > p.height * (1 - EDGE_MARGIN)) out.add(byHeight[i]);
    const fromEnd = gaps.slice(-EDGE_LINES).reverse().findIndex((g) => g > apart);
    for (let i = 0; fromEnd >= 0 && i <= fromEnd; i++) {
      const l = byHeight[byHeight.length - 1 - i];
      if (l.y < p.height * EDGE_MARGIN) out.add(l);
    }
    return out;
  };
  const pageCandidates = pages.map(candidates);
  const counts = new Map<string, number>();
  for (const lines of pageCandidates) {
    const seen = new Set<string>();
    for (const l of lines) seen.add(runningKey(l.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const running = (k: string) => pages.length >= 2 && (counts.get(k) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  let removed = 0;
  let notes = 0;
  const out: string[] = [];
  /** The page (0-based) of each line of `out`. */
  const pageOf: number[] = [];
  for (const [n, p] of pages.entries()) {
    const maybeRunning = pageCandidates[n];
    const kept = p.lines.filter((l) => {
      if (!maybeRunning.has(l)) return true;
      // A lone page number only in the narrow margin: at the edge of the wider band it may be a section's number.
      if ((inMargin(p, l) && PAGE_NUMBER.test(l.text.trim())) || running(runningKey(l.text))) {
        removed++;
        return false;
      }
      return true;
    });
    // The usual distance between lines on this page: a gap half as wide again is a blank line.
    const gaps: number[] = [];
    for (let i = 1; i < kept.length; i++) gaps.push(kept[i - 1].y - kept[i].y);
    const sorted = gaps.filter((g) => g > 0).sort((a, b) => a - b);
    const usual = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
    const noteLines = footnoteLines(kept, usual);
    notes += noteLines;
    kept.length -= noteLines;
    kept.forEach((l, i) => {
      if (i > 0 && usual > 0 && kept[i - 1].y - l.y > usual * 1.5 && out.length && out[out.length - 1] !== '') {
        out.push('');
        pageOf.push(n);
      }
      out.push(l.text);
      pageOf.push(n);
    });
  }
  // Join words hyphenated at a line end: "com-" + "puter" → "computer" (on the page where the word begins).
  const joined: string[] = [];
  const joinedPage: number[] = [];
  for (const [i, line] of out.entries()) {
    const prev = joined.length ? joined[joined.length - 1] : undefined;
    if (prev !== undefined && /\p{Ll}-$/u.test(prev) && /^\p{Ll}/u.test(line)) joined[joined.length - 1] = prev.slice(0, -1) + line;
    else {
      joined.push(line);
      joinedPage.push(pageOf[i]);
    }
  }
  while (joined.length && joined[joined.length - 1] === '') joined.pop();
  // Where each page's text begins; a page with no line left begins where the next one does.
  const text = joined.length ? joined.join('\n') + '\n' : '';
  const pageStarts = new Array<number>(pages.length).fill(-1);
  let at = 0;
  for (const [i, line] of joined.entries()) {
    if (pageStarts[joinedPage[i]] < 0) pageStarts[joinedPage[i]] = at;
    at += line.length + 1;
  }
  for (let n = pages.length - 1, next = text.length; n >= 0; n--) {
    if (pageStarts[n] < 0) pageStarts[n] = next;
    next = pageStarts[n];
  }
  return { text, removed, notes, pageStarts };
}

/** A footnote's first line begins with its number or sign: "1 ", "(2) ", "[3] ", "* ", "F4 ". */
const NOTE_START = /^(?:\d{1,3}|\(\d{1,3}\)|\[\d{1,3}\]|[*†‡]{1,3}|F\d{1,3})\s*\p{L}/u;

/**
 * How many of a page's last lines are its footnotes: set smaller than the page's text, below all
 * of it after a wider gap than its lines, the first beginning with a note's number. The Word,
 * OpenDocument and RTF readers leave footnotes out; here, kept, they would cut the last sentence of
 * a page from its end on the next (and a word hyphenated there could not be joined).
 */
function footnoteLines(lines: PdfLine[], usual: number): number {
  if (lines.length < 4 || usual <= 0) return 0;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)];
  let first = lines.length;
  while (first > 0 && lines[first - 1].size <= body * 0.9) first--;
  if (first === lines.length || first < lines.length / 2) return 0;
  const lowestBody = Math.min(...lines.slice(0, first).map((l) => l.y));
  const notes = lines.slice(first);
  if (notes.some((l) => l.y >= lowestBody)) return 0;
  if (lowestBody - Math.max(...notes.map((l) => l.y)) <= usual * 1.3) return 0;
  return NOTE_START.test(notes[0].text) ? notes.length : 0;
}

/**
 * A footnote or note mark: one to three digits or reference signs set smaller than its line and
 * raised above its baseline (by `rise`). Not part of the law's words; kept, it would run into the
 * word before it ("who1") or a section number ("Section 2²" read as "22"). Raised letters ("1er",
 * "2.º") are part of the word and stay.
 */
function isFootnoteMark(str: string, rise: number, size: number, lineSize: number): boolean {
  return rise > lineSize * 0.15 && size <= lineSize * 0.8 && /^\s*[\d*†‡]{1,3}\s*$/.test(str);
}

const LINE_NUMBER = /^\s*\d{1,4}\s*$/;
const HAS_LETTER = /\p{L}/u;

/**
 * The indexes of the items that number a page's lines in its margin, as bills are printed (1, 2,
 * 3 … on every line, or 5, 10, 15 …): numbers left (or right) of all the page's words, aligned,
 * rising by the same step from the top down, one step a line (5 lines for 5). Kept, they would
 * begin every line ("2 This Act may be cited as …") and the draft would be read as one
 * numbered provision a line, or none. Section numbers set in the margin are not line numbers:
 * they stand several lines apart.
 */
export function marginLineNumbers(items: readonly PlacedText[]): Set<number> {
  const found = new Set<number>();
  let left = Infinity;
  let right = -Infinity;
  const baselines: number[] = [];
  for (const it of items) {
    if (!HAS_LETTER.test(it.str)) continue;
    left = Math.min(left, it.x);
    right = Math.max(right, it.x + it.width);
    baselines.push(it.y);
  }
  if (baselines.length < 3) return found;
  // The page's usual line spacing: the median gap between the distinct baselines of its words.
  baselines.sort((a, b) => b - a);
  const gaps: number[] = [];
  for (let k = 1; k < baselines.length; k++) if (baselines[k - 1] - baselines[k] > 1) gaps.push(baselines[k - 1] - baselines[k]);
  if (gaps.length < 2) return found;
  gaps.sort((a, b) => a - b);
  const leading = gaps[Math.floor(gaps.length / 2)];
  for (const side of ['left', 'right'] as const) {
    const marks: { index: number; value: number; it: PlacedText }[] = [];
    items.forEach((it, index) => {
      if (!LINE_NUMBER.test(it.str)) return;
      const inMargin = side === 'left' ? it.x + it.width <= left - it.size * 0.5 : it.x >= right + it.size * 0.5;
      if (inMargin) marks.push({ index, value: Number(it.str.trim()), it });
    });
    marks.sort((a, b) => b.it.y - a.it.y);
    // Runs of numbers one step a line apart, from the top down: a page number or a stray figure
    // in the same margin ends a run instead of hiding the page's line numbers.
    let from = 0;
    while (from < marks.length - 1) {
      const step = marks[from + 1].value - marks[from].value;
      let to = from + 1;
      if (step === 1 || step === 5) {
        while (to < marks.length && marks[to].value - marks[to - 1].value === step && Math.abs(marks[to - 1].it.y - marks[to].it.y - step * leading) <= leading * 0.35) to++;
      }
      if (to - from >= (step === 1 ? 5 : 3) && aligned(marks, from, to)) for (let k = from; k < to; k++) found.add(marks[k].index);
      from = Math.max(to, from + 1);
    }
  }
  return found;
}

/**
 * Whether marks[from, to) stand in a column, as line numbers do: their left edges or their right
 * edges within a character of each other (loops, not spreads: a hostile page may hold more
 * numbers than a call takes arguments).
 */
function aligned(marks: { it: PlacedText }[], from: number, to: number): boolean {
  let size = 0;
  let [minX, maxX, minEnd, maxEnd] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let k = from; k < to; k++) {
    const it = marks[k].it;
    size = Math.max(size, it.size);
    minX = Math.min(minX, it.x);
    maxX = Math.max(maxX, it.x);
    minEnd = Math.min(minEnd, it.x + it.width);
    maxEnd = Math.max(maxEnd, it.x + it.width);
  }
  return maxX - minX <= size || maxEnd - minEnd <= size;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** The part of PDF.js used here. */
interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ view: number[]; getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

// A variable specifier keeps the bundler from pulling PDF.js into the CLI bundle.
const PDFJS = 'pdfjs-dist/legacy/build/pdf.mjs';
/**
 * Its worker, loaded with it (as out/pdfjs.js bundles it): it sets globalThis.pdfjsWorker, which PDF.js
 * then runs in this thread, instead of importing it when the first document opens (after the
 * built-ins PDF.js's polyfills replace were put back).
 */
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
/** PDF.js bundled beside out/cli.js, out/server.js and out/extension.js (scripts/build.mjs). */
const BUNDLED = './pdfjs.js';

let loaded: PdfJs | undefined;

/**
 * Loads PDF.js: by import(), or by require() where import() is not available (VS Code's extension
 * host runs extensions without a dynamic-import callback; Node.js 20.19+ can require an ES module).
 * Returns why it failed when neither works.
 */
async function loadPdfJs(): Promise<PdfJs | string> {
  if (loaded) return loaded;
  // PDF.js assigns globalThis.navigator when it has no language; VS Code's extension host defines
  // navigator as a getter without a setter, so the assignment throws. Give it a plain value while
  // PDF.js loads, then put VS Code's back.
  const g = globalThis as { navigator?: { language?: string } };
  const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const shim = original && !('value' in original) && !original.set && original.configurable && !g.navigator?.language;
  if (shim) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-US', platform: '', userAgent: '' }, configurable: true, writable: true });
  const builtIns = snapshotBuiltIns();
  try {
    return await loadModule();
  } finally {
    restoreBuiltIns(builtIns);
    if (shim) Object.defineProperty(globalThis, 'navigator', original);
  }
}

/**
 * The built-in objects whose methods PDF.js's Node.js build (core-js polyfills) may replace.
 * Exposed for tests.
 */
export function builtInHolders(): [string, object][] {
  const out: [string, object][] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    // Built-in constructors and namespaces only (Array, JSON, Promise …), read without running getters.
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!d || !('value' in d) || !/^[A-Z]/.test(name)) continue;
    const v = g[name];
    if (typeof v !== 'function' && (typeof v !== 'object' || v === null)) continue;
    out.push([name, v as object]);
    const proto = (v as { prototype?: unknown }).prototype;
    if (typeof v === 'function' && proto && (typeof proto === 'object' || typeof proto === 'function')) out.push([`${name}.prototype`, proto]);
  }
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  out.push(['TypedArray', typedArray], ['TypedArray.prototype', typedArray.prototype]);
  return out;
}

type BuiltInSnapshot = { holder: object; key: string | symbol; descriptor: PropertyDescriptor }[];

function snapshotBuiltIns(): BuiltInSnapshot {
  const out: BuiltInSnapshot = [];
  for (const [, holder] of builtInHolders()) {
    for (const key of Reflect.ownKeys(holder)) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key);
      if (descriptor && typeof descriptor.value === 'function') out.push({ holder, key, descriptor });
    }
  }
  return out;
}

/**
 * Puts back every built-in method that loading PDF.js replaced. Its legacy build carries core-js
 * polyfills that replace methods Node.js already has when they differ from the newest
 * specification in a corner case: Array.prototype.push (on Node.js 20, for an array whose length
 * cannot be written), JSON.parse (for a proposal on its reviver), Function.prototype.toString. Each
 * replacement is a much slower function, for the whole process (the CLI's analysis after a PDF was
 * read, an editor's extension host): every push of the analysis went through core-js. What PDF.js
 * adds (Promise.withResolvers on Node.js 20, Set methods …) is kept.
 */
function restoreBuiltIns(snapshot: BuiltInSnapshot): void {
  for (const { holder, key, descriptor } of snapshot) {
    const now = Object.getOwnPropertyDescriptor(holder, key);
    if (now && now.value !== descriptor.value && now.configurable) Object.defineProperty(holder, key, descriptor);
  }
}

async function loadModule(): Promise<PdfJs | string> {
  let why = '';
  const { createRequire } = await import('module');
  if (typeof __filename === 'string') {
    try {
      loaded = createRequire(__filename)(BUNDLED) as PdfJs;
      return loaded;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') return `the bundled PDF.js did not load: ${String((e as Error).message ?? e).split('\n')[0]}`;
    }
  }
  try {
    await import(PDFJS_WORKER);
    loaded = (await import(PDFJS)) as PdfJs;
    return loaded;
  } catch (e) {
    why = String((e as Error).message ?? e).split('\n')[0];
  }
  try {
    createRequire(__filename)(PDFJS_WORKER);
    loaded = createRequire(__filename)(PDFJS) as PdfJs;
    return loaded;
  } catch (e) {
    return `${why}; ${String((e as Error).message ?? e).split('\n')[0]}`;
  }
}

/** Reads a PDF's text layer. */
export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  const fail = (problem: string): PdfResult => ({ text: '', notices: [], problems: [problem] });
  const pdfjs = await loadPdfJs();
  if (typeof pdfjs === 'string') return fail(`reading PDF needs the pdfjs-dist package, which could not be loaded here (${pdfjs}): run npm install in the Concordance folder`);
  let doc: PdfDocument;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true }).promise;
  } catch (e) {
    const err = e as Error & { name?: string };
    if (err.name === 'PasswordException') return fail('a password-protected PDF: save a copy without a password');
    return fail(`not a readable PDF (${String(err.message ?? err).split('\n')[0]})`);
  }
  try {
    const pages: PdfPage[] = [];
    let chars = 0;
    /** Line numbers in the margins (marginLineNumbers), left out. */
    let numbersLeftOut = 0;
    /** Pages read a column at a time. */
    let columnPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((item) => typeof item.str === 'string');
      const placed = items.map((item): PlacedText => ({ str: item.str, x: item.transform[4], y: item.transform[5] - page.view[1], width: item.width, size: Math.abs(item.transform[3]) || item.height || 10 }));
      const lineNumbers = marginLineNumbers(placed);
      numbersLeftOut += lineNumbers.size;
      // A page set in columns is read a column at a time (pdfColumns.ts), else in stream order.
      const columns = readingOrder(placed, lineNumbers);
      if (columns) columnPages++;
      const lines: PdfLine[] = [];
      let current: PdfLine | undefined;
      let lastEnd = 0;
      for (let k = 0; k < items.length; k++) {
        const index = columns ? columns.order[k] : k;
        const item = items[index];
        const { x, y, size } = placed[index];
        if (columns?.breaks.has(index)) current = undefined;
        if (item.str === '' || lineNumbers.has(index)) {
          if (item.hasEOL) current = undefined;
          continue;
        }
        // Raised or lowered text (a footnote mark, "1er") stands on the line it is set in: the
        // line's larger text decides how far a baseline may move before a new line starts.
        if (!current || Math.abs(current.y - y) > Math.max(current.size, size) * 0.5) {
          current = { text: '', y, size };
          lines.push(current);
          lastEnd = x;
        } else if (size > current.size) {
          // A mark that began the line (a footnote's own number) is known once its text follows.
          if (isFootnoteMark(current.text, current.y - y, current.size, size)) current.text = '';
          current.y = y;
        }
        if (isFootnoteMark(item.str, y - current.y, size, current.size)) {
          lastEnd = x + item.width;
          if (item.hasEOL) current = undefined;
          continue;
        }
        const gap = x - lastEnd;
        current.text += (current.text && gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str) ? ' ' : '') + item.str;
        current.size = Math.max(current.size, size);
        lastEnd = x + item.width;
        chars += item.str.trim().length;
        if (item.hasEOL) current = undefined;
      }
      pages.push({ height, lines: lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text) });
      page.cleanup();
    }
    if (chars === 0) return fail(`has no text layer (${doc.numPages === 1 ? 'its page is' : `its ${doc.numPages} pages are`} images, as in a scan): run text recognition (OCR) on it first, or use the text or Word version of the law`);
    const { text, removed, notes, pageStarts } = pagesToText(pages);
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    const told = [
      count(doc.numPages, 'page'),
      removed ? `${count(removed, 'running header, footer and page-number line')} left out` : '',
      notes ? `${count(notes, 'footnote line')} left out` : '',
      numbersLeftOut ? `${count(numbersLeftOut, 'line number')} in the margin left out` : '',
      columnPages ? `${count(columnPages, 'page')} set in columns read a column at a time` : '',
    ];
    const notices = [`read from the PDF's text layer (${told.filter(Boolean).join('; ')}); check the text where the layout is complex (columns, tables)`];
    return { text, notices, problems: [], pageStarts };
  } catch (e) {
    return fail(`not a readable PDF (${String((e as Error).message ?? e).split('\n')[0]})`);
  } finally {
    await doc.destroy();
  }
}
