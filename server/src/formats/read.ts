// Reads a document of any supported format into the text Concordance analyses. Pure: takes the
// file's name and bytes, returns the text with what the reader noticed; never throws — what
// cannot be read is returned in `problems` (one line each, without the file name).
import { looksLikeAkn, readAkn, type SourceAnchor } from './akn';
import { readDocx } from './docx';
import { decodeText, markupOf } from './encoding';
import { isOpenDocument, readOdt } from './odt';
import { isRtf, readRtf } from './rtf';
import { readPdf } from './pdf';
import { hasDoctype } from './xml';
import { isCompoundFile, isZip } from './zip';

export type DocumentFormat = 'text' | 'docx' | 'odt' | 'rtf' | 'akn' | 'pdf';

export type { SourceAnchor } from './akn';
export { looksLikeAkn } from './akn';

export interface ReadDocument {
  format: DocumentFormat;
  /** The text to analyse (empty when `problems` is not). */
  text: string;
  /** How the bytes were decoded (plain text only). */
  encoding?: string;
  /** Decisions a user should know about (an encoding guess, tracked changes accepted). */
  notices: string[];
  /** Why the document cannot be analysed; non-empty means nothing was read. */
  problems: string[];
  /** Structured sources: analysed-text spans → source elements, in text order, innermost last. */
  anchors?: SourceAnchor[];
  /** PDF: where the text of each page begins (page 1 first). */
  pageStarts?: number[];
}

/** File name endings the CLI treats as drafts when it is given a folder. */
export const DRAFT_EXTENSIONS = ['.draft', '.bill', '.txt', '.md', '.markdown', '.text'];

/** File name endings of structured documents (Word, OpenDocument, RTF, Akoma Ntoso, PDF). */
export const STRUCTURED_EXTENSIONS = ['.docx', '.odt', '.rtf', '.akn', '.xml', '.pdf'];

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

function failed(format: DocumentFormat, problem: string): ReadDocument {
  return { format, text: '', notices: [], problems: [problem] };
}

/** A reader's result, or, should it throw on a file no test foresaw, that file's one problem: reading never throws. */
function guarded<T extends { text: string; notices: string[]; problems: string[] }>(read: () => T): T | { text: string; notices: string[]; problems: string[]; anchors: [] } {
  try {
    return read();
  } catch (e) {
    return { text: '', notices: [], problems: [`could not be read (${String((e as Error)?.message ?? e).split('\n')[0]})`], anchors: [] };
  }
}

/** Reads a document by its bytes (the name's extension only decides what an unknown kind is called). */
export function readDocument(name: string, bytes: Uint8Array): ReadDocument {
  const ext = extensionOf(name);
  // An OpenDocument package says so in its first entry; one written by a tool that does not is known by its name.
  if (isZip(bytes) && (isOpenDocument(bytes) || ext === '.odt' || ext === '.ott')) {
    const r = guarded(() => readOdt(bytes));
    return { format: 'odt', text: r.text, notices: r.notices, problems: r.problems };
  }
  if (ext === '.odt') return failed('odt', 'not an OpenDocument text: an .odt file is a zip archive, and this is not one');
  if (isZip(bytes) || isCompoundFile(bytes) || ext === '.docx') {
    if (!isZip(bytes) && !isCompoundFile(bytes)) return failed('docx', 'not a Word document: a .docx file is a zip archive, and this is not one');
    const r = guarded(() => readDocx(bytes));
    return { format: 'docx', text: r.text, notices: r.notices, problems: r.problems };
  }
  if (isPdf(bytes)) return failed('pdf', 'a PDF is read only by readDocumentAsync');
  if (isRtf(bytes)) {
    const r = guarded(() => readRtf(bytes));
    return { format: 'rtf', text: r.text, notices: r.notices, problems: r.problems };
  }
  const decoded = decodeText(bytes);
  if (decoded.problems.length) return failed('text', decoded.problems[0]);
  const head = decoded.text.slice(0, 4096).trimStart();
  if (head.startsWith('<') && (looksLikeAkn(head) || ext === '.akn' || ext === '.xml')) {
    if (hasDoctype(decoded.text)) return failed('akn', 'the XML declares a DTD or entities, which Concordance never reads (remove the <!DOCTYPE …> declaration)');
    if (!looksLikeAkn(head)) return failed('akn', 'an XML file that is not Akoma Ntoso 3.0 (no akomaNtoso element in its namespace); Concordance reads Akoma Ntoso XML, plain text, Markdown, Word, OpenDocument, RTF and PDF');
    const r = guarded(() => readAkn(decoded.text));
    return { format: 'akn', text: r.text, encoding: decoded.encoding, notices: [...decoded.notices, ...r.notices], problems: r.problems, anchors: r.anchors };
  }
  const markup = markupOf(decoded.text);
  if (markup === 'html') return failed('text', "an HTML page, which Concordance does not read: save the law's text as plain text or Word (.docx)");
  return { format: 'text', text: decoded.text, encoding: decoded.encoding, notices: decoded.notices, problems: [] };
}

/** True for the bytes of a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** Reads a document of any supported format, PDF included (PDF.js is asynchronous). */
export async function readDocumentAsync(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  if (!isPdf(bytes)) return readDocument(name, bytes);
  const r = await readPdf(bytes);
  return { format: 'pdf', text: r.text, notices: r.notices, problems: r.problems, ...(r.pageStarts ? { pageStarts: r.pageStarts } : {}) };
}
