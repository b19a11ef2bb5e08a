// Writes small PDFs in memory for tests: pages of text lines in Helvetica (WinAnsi), optionally with
// a running header, a running footer and page numbers, or pages without any text layer.
// Plain PDF 1.4 with uncompressed content streams, so no binary fixture is committed.

export interface PdfSpec {
  /** Each page's body lines, top to bottom. */
  pages: string[][];
  header?: string;
  footer?: string;
  pageNumbers?: boolean;
  /** Pages drawn as vector shapes only (a "scan" with no text layer). */
  noText?: boolean;
  /** Content-stream operators drawn after a page's lines (font /F1 is Helvetica): the same on every page, or one string a page. */
  raw?: string | string[];
}

function pdfString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const b = c === 0x2014 ? 0x97 : c === 0x2013 ? 0x96 : c === 0x2019 ? 0x92 : c < 256 ? c : 0x3f;
    out += b === 0x28 || b === 0x29 || b === 0x5c ? '\\' + String.fromCharCode(b) : b < 0x20 || b > 0x7e ? '\\' + b.toString(8).padStart(3, '0') : String.fromCharCode(b);
  }
  return `(${out})`;
}

export function buildPdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pagesId = objects.length + 1 + spec.pages.length * 2;
  const pageIds: number[] = [];
  spec.pages.forEach((lines, i) => {
    const ops: string[] = [];
    const text = (x: number, y: number, size: number, s: string) => ops.push(`BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(s)} Tj ET`);
    if (spec.noText) {
      ops.push('0.5 g');
      lines.forEach((_l, k) => ops.push(`72 ${740 - k * 16} 400 8 re f`));
    } else {
      if (spec.header) text(72, 770, 9, spec.header);
      lines.forEach((l, k) => l && text(72, 720 - k * 16, 11, l));
      if (spec.footer) text(72, 40, 9, spec.footer);
      if (spec.pageNumbers) text(300, 25, 9, String(i + 1));
    }
    const raw = Array.isArray(spec.raw) ? spec.raw[i] : spec.raw;
    if (raw) ops.push(raw);
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  });
  add(`<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Lays a draft out as a printer would: lines wrapped at 80 characters (a long word at a line end
 * hyphenated), `perPage` lines a page.
 */
export function pdfOf(draft: string, perPage: number): { bytes: Buffer; hyphenated: number } {
  const lines: string[] = [];
  let hyphenated = 0;
  for (const line of draft.replace(/\n$/, '').split('\n')) {
    let rest = line;
    while (rest.length > 80) {
      let cut = rest.lastIndexOf(' ', 80);
      const next = /^\S+/.exec(rest.slice(cut + 1))![0];
      if (/^\p{Ll}{6,}[.,;]?$/u.test(next) && cut + 4 <= 90) {
        lines.push(rest.slice(0, cut + 4) + '-');
        rest = rest.slice(cut + 4);
        hyphenated++;
        continue;
      }
      if (cut <= 0) cut = 80;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    lines.push(rest);
  }
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  return { bytes: buildPdf({ pages, header: 'OFFICIAL GAZETTE No. 12 — 2026', footer: 'Printed under the authority of the Government', pageNumbers: true }), hyphenated };
}

/** Helvetica's advance widths (per 1000 units of the font size) of the printable ASCII characters, from its font metrics. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** The width of a line of Helvetica at `size` (a letter with an accent as the letter; a dash as wide as it is). */
export function helveticaWidth(s: string, size: number): number {
  let units = 0;
  for (const ch of s) {
    const c = ch === '—' ? -1 : ch.normalize('NFD').charCodeAt(0);
    units += c === -1 ? 1000 : c >= 32 && c <= 126 ? HELVETICA[c - 32] : 556;
  }
  return (units * size) / 1000;
}

/** Text set in lines at most `points` wide in Helvetica at `size`, as a word processor fills them (words kept whole). */
export function wrapWords(text: string, points: number, size = 10): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && helveticaWidth(longer, size) > points) {
      out.push(line);
      line = word;
    } else line = longer;
  }
  if (line) out.push(line);
  return out;
}

export interface ColumnsPageSpec {
  /** Each column's lines, top down (wrapWords to columnWidth(n) fills one of n columns). */
  columns: string[][];
  /** Lines set across the page above the columns (a title). */
  above?: string[];
  /** A heading set across the page after the first `at` rows of the columns, and the columns go on below it. */
  across?: { at: number; text: string };
  /** A running head at the top (or its two parts, at the left and the right edge) and a page number at the foot, in the page margins. */
  head?: string | [string, string];
  pageNumber?: number;
  /** The order the content stream draws the columns in: a row at a time across them (the default), or a column at a time. */
  drawn?: 'rows' | 'columns';
}

/** The gutter between the columns columnsPage sets, in page units. */
const GUTTER = 24;

/** The width of each of n columns that columnsPage sets between x 72 and 540. */
export const columnWidth = (n: number) => (540 - 72 - GUTTER * (n - 1)) / n;

/**
 * The content-stream operators of a page set in columns (Helvetica 10 on 13 units; columns side by
 * side between x 72 and 540, GUTTER apart), for buildPdf's `raw`.
 */
export function columnsPage(spec: ColumnsPageSpec): string {
  const ops: { order: number; op: string }[] = [];
  const text = (x: number, y: number, size: number, s: string) => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(s)} Tj ET`;
  const width = columnWidth(spec.columns.length);
  let y = 740;
  const [headLeft, headRight] = typeof spec.head === 'string' ? [spec.head] : (spec.head ?? []);
  if (headLeft) ops.push({ order: -1, op: text(72, 770, 8, headLeft) });
  if (headRight) ops.push({ order: -1, op: text(500, 770, 8, headRight) });
  for (const t of spec.above ?? []) {
    ops.push({ order: -1, op: text(72, y, 12, t) });
    y -= 20;
  }
  const across = spec.across;
  spec.columns.forEach((lines, c) => {
    lines.forEach((t, r) => {
      // An empty line is a row where this column has no text (a table's cell of one line beside one of several).
      if (!t) return;
      const belowAcross = across !== undefined && r >= across.at;
      const op = text(72 + c * (width + GUTTER), y - r * 13 - (belowAcross ? 26 : 0), 10, t);
      // A row at a time: row r of every column, then the next; a column at a time: column c whole (above the heading across, then below it).
      ops.push({ order: (belowAcross ? 1e6 : 0) + (spec.drawn === 'columns' ? c * 1000 + r : r * 1000 + c), op });
    });
  });
  if (across) ops.push({ order: 1e6 - 1, op: text(72, y - across.at * 13 - 6, 11, across.text) });
  if (spec.pageNumber !== undefined) ops.push({ order: 1e7, op: text(300, 30, 8, String(spec.pageNumber)) });
  return ops.sort((a, b) => a.order - b.order).map((o) => o.op).join('\n');
}
