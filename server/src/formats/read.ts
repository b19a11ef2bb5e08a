// Reads a document of any supported format into the text Concordance analyses. Pure: takes the
// file's name and bytes, returns the text with what the reader noticed; never throws — what
// cannot be read is returned in `problems` (one line each, without the file name).
import { decodeText } from './encoding';

export type DocumentFormat = 'text' | 'docx' | 'akn' | 'pdf';

/** Where a stretch of the analysed text comes from in a structured source (an Akoma Ntoso element). */
export interface SourceAnchor {
  start: number;
  end: number;
  /** The element's eId in the source document. */
  eId: string;
}

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
}

/** File name endings the CLI treats as drafts when it is given a folder. */
export const DRAFT_EXTENSIONS = ['.draft', '.bill', '.txt', '.md', '.markdown', '.text'];

/** File name endings of structured documents (Word, Akoma Ntoso). */
export const STRUCTURED_EXTENSIONS = ['.docx', '.akn', '.xml'];

function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

function failed(format: DocumentFormat, problem: string): ReadDocument {
  return { format, text: '', notices: [], problems: [problem] };
}

/** Reads a document by its bytes (the name's extension only breaks ties). */
export function readDocument(name: string, bytes: Uint8Array): ReadDocument {
  void extensionOf(name);
  const decoded = decodeText(bytes);
  if (decoded.problems.length) return failed('text', decoded.problems[0]);
  return { format: 'text', text: decoded.text, encoding: decoded.encoding, notices: decoded.notices, problems: [] };
}
