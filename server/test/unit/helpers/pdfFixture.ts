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
  /** Content-stream operators drawn on every page after its lines (font /F1 is Helvetica). */
  raw?: string;
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
    if (spec.raw) ops.push(spec.raw);
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

