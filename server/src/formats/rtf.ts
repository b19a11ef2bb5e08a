// Reads an RTF document (as Word and LibreOffice save it, and as legal databases export laws) into
// the text a drafter sees: paragraphs in order, table cells as lines, a blank line before each
// heading, and each list paragraph's number as the word processor shows it (RTF writers store the
// number they display, in a `listtext` group, before the paragraph's text). Tracked changes are read
// as accepted, with a notice: deleted runs are left out. Hidden text, footnotes, comments, headers,
// footers, pictures, field codes and the contents of shapes are left out.
// Pure: bytes in, text out; a flat loop over the bytes (no recursion), groups nested at most
// MAX_GROUP_DEPTH deep.
import { decodeWindows1252 } from './encoding';
import { alongStyles, isHeadingStyleName, TableLayout, textOfLines, TRACKED_CHANGES } from './wordProcessing';

export interface RtfResult {
  text: string;
  notices: string[];
  problems: string[];
}

/** How deep groups may nest: real documents nest a few dozen levels (as deep as the XML readers allow). */
export const MAX_GROUP_DEPTH = 1000;

/** True for the bytes of an RTF document: `{\rtf`, after white space or a UTF-8 byte-order mark. */
export function isRtf(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b && bytes[i + 1] === 0x5c && bytes[i + 2] === 0x72 && bytes[i + 3] === 0x74 && bytes[i + 4] === 0x66;
}

/**
 * Destinations whose text is not the document's (tables of fonts, colours and styles, metadata,
 * pictures, headers and footers, notes, comments, field codes, list definitions, shapes). Any
 * destination marked ignorable (`{\*\…}`) is left out as well.
 */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'footnote', 'annotation', 'fldinst', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'xe', 'tc', 'tcn', 'template', 'filetbl',
  'pgdsctbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'generator', 'private', 'txe', 'bkmkstart',
  'bkmkend', 'atnid', 'atnauthor', 'atntime', 'atnref', 'atndate', 'atnicn', 'do', 'shp', 'shpinst', 'shprslt', 'nonshppict', 'shppict',
  'pn', 'pntxta', 'pntxtb', 'fchars', 'lchars', 'userprops', 'docvar', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc', 'aftncn',
  'listpicture', 'pgptbl', 'mmathPr', 'wgrffmtfilter', 'passwordhash', 'protusertbl', 'objdata', 'result',
  // What Word writes for readers without nested tables, after the nested table itself.
  'nonesttables',
]);

/** Control words that stand for one character. */
const SYMBOLS = new Map(
  Object.entries({
    emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•',
    emspace: ' ', enspace: ' ', qmspace: ' ', zwj: '', zwnj: '', ltrmark: '', rtlmark: '',
  }),
);

/** The text decoder of an RTF code page (`\ansicpgN`); Windows-1252 when it has none or Node.js knows none. */
function decoderFor(codePage: number | undefined, charset: 'ansi' | 'mac' | 'pc' | 'pca'): { decode(bytes: Uint8Array): string } {
  const labels: Record<number, string> = { 708: 'iso-8859-6', 874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 65001: 'utf-8' };
  const label = codePage === undefined ? (charset === 'mac' ? 'macintosh' : 'windows-1252') : (labels[codePage] ?? `windows-${codePage}`);
  // Node.js 20's TextDecoder reads 'windows-1252' as Latin-1 (curly quotes and dashes become control characters).
  if (label === 'windows-1252') return { decode: decodeWindows1252 };
  try {
    return new TextDecoder(label);
  } catch {
    return { decode: decodeWindows1252 };
  }
}

/** A paragraph style of the style sheet, as far as headings go. */
interface StyleEntry {
  style: number;
  name: string;
  outline: boolean;
  basedOn?: number;
}

/** What a group sets: restored when the group ends. */
interface GroupState {
  /** The group's text is not the document's (a skipped destination). */
  skip: boolean;
  /** The number a list paragraph shows (`listtext`, `pntext`). */
  label: boolean;
  hidden: boolean;
  deleted: boolean;
  /** Characters that stand in for each `\uN` in readers without Unicode (`\ucN`). */
  uc: number;
  /** The paragraph style (`\sN`) and whether the paragraph has an outline level (a heading). */
  style: number;
  outline: boolean;
  /** The paragraph is in a table (`\intbl`, until `\pard`). */
  intbl: boolean;
  /** Inside the style sheet: the style entry being read. */
  entry?: StyleEntry;
  stylesheet: boolean;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Reads an RTF document. */
export function readRtf(bytes: Uint8Array): RtfResult {
  const fail = (problem: string): RtfResult => ({ text: '', notices: [], problems: [problem] });
  // One character per byte (not TextDecoder's 'latin1', which is Windows-1252): bytes above 127,
  // raw or escaped as \'hh, are decoded by the document's code page.
  let s = '';
  for (let at = 0; at < bytes.length; at += 8192) s += String.fromCharCode(...bytes.subarray(at, at + 8192));
  const n = s.length;
  let decoder = decoderFor(undefined, 'ansi');
  let charset: 'ansi' | 'mac' | 'pc' | 'pca' = 'ansi';
  /** Paragraph styles by number: a heading style's name ("Heading 1", "Title") or outline level, or one it is based on, makes its paragraphs headings. */
  const styles = new Map<number, StyleEntry>();
  const isHeadingStyle = (style: number): boolean =>
    alongStyles(
      style,
      (s) => styles.get(s)?.basedOn,
      (s) => {
        const st = styles.get(s);
        return st && (st.outline || isHeadingStyleName(st.name.replace(/;\s*$/, ''))) ? true : undefined;
      },
    ) ?? false;
  const lines: string[] = [];
  let line = '';
  let label = '';
  /** Bytes waiting to be decoded by the code page (a double-byte character spans two). */
  const pending: number[] = [];
  let changes = false;
  /** Fallback characters still to skip after a `\uN`. */
  let fallback = 0;
  let state: GroupState = { skip: false, label: false, hidden: false, deleted: false, uc: 1, style: 0, outline: false, intbl: false, stylesheet: false };
  const stack: GroupState[] = [];
  /** Whether the next control word is the first of its group (where a destination is named). */
  let groupStart = false;

  const put = (text: string) => {
    if (state.skip) return;
    if (state.entry) state.entry.name += text;
    else if (state.stylesheet || state.hidden || state.deleted) return;
    else if (state.label) label += text;
    else line += text;
  };
  const flush = () => {
    if (!pending.length) return;
    const text = decoder.decode(Uint8Array.from(pending));
    pending.length = 0;
    put(text);
  };
  /**
   * The table being read: its rows of cells of lines, the row being read, and where in `lines` the
   * cell being read began. Its lines are taken out cell by cell and put back, in reading order
   * (tableLines), when the table ends.
   */
  let table: { rows: string[][][]; row: string[][]; cellFrom: number } | undefined;
  const tables = new TableLayout();
  const endTable = () => {
    if (!table) return;
    // A cell never closed (a damaged file) is read as a cell of the last row.
    const rest = lines.splice(table.cellFrom);
    if (rest.length) table.row.push(rest);
    if (table.row.length) table.rows.push(table.row);
    tables.append(lines, table.rows);
    table = undefined;
  };
  const endParagraph = () => {
    flush();
    // A paragraph outside the table after it: the table has ended.
    if (table && !state.intbl) endTable();
    const heading = state.outline || isHeadingStyle(state.style);
    if (heading && lines.length && lines[lines.length - 1] !== '') lines.push('');
    lines.push(line.trimEnd());
    line = '';
  };

  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x7b) {
      flush();
      if (stack.length >= MAX_GROUP_DEPTH) return fail(`nests its groups more than ${MAX_GROUP_DEPTH} deep, as no real document does`);
      stack.push(state);
      state = { ...state, entry: state.stylesheet && !state.entry ? { style: 0, name: '', outline: false } : state.entry };
      groupStart = true;
      i++;
      continue;
    }
    if (c === 0x7d) {
      flush();
      const closing = state;
      state = stack.pop() ?? state;
      if (closing.entry && closing.entry !== state.entry) styles.set(closing.entry.style, closing.entry);
      // The number a list paragraph shows, then a space where the writer put a tab; a bullet is no number.
      if (closing.label && !state.label) {
        const shown = label.replace(/\t/g, ' ').trimStart();
        if (!/^[•·▪◦‣⁃○■□●◆◇➢✓\-–—*o§\uf000-\uf0ff]?\s*$/u.test(shown)) line += shown;
        label = '';
      }
      groupStart = false;
      i++;
      continue;
    }
    if (c === 0x5c) {
      const next = s.charCodeAt(i + 1);
      if (isLetter(next)) {
        let j = i + 1;
        while (j < n && isLetter(s.charCodeAt(j))) j++;
        const word = s.slice(i + 1, j);
        let k = j;
        if (s.charCodeAt(k) === 0x2d && isDigit(s.charCodeAt(k + 1))) k++;
        while (k < n && isDigit(s.charCodeAt(k))) k++;
        const param = k > j ? Number(s.slice(j, k)) : undefined;
        // One space after a control word is its delimiter, not text.
        i = s.charCodeAt(k) === 0x20 ? k + 1 : k;
        const first = groupStart;
        groupStart = false;
        if (word === 'bin') {
          // Binary data of `param` bytes: never text.
          i += Math.max(0, param ?? 0);
          continue;
        }
        if (state.skip) continue;
        if (SKIPPED.has(word)) {
          flush();
          state.skip = true;
          continue;
        }
        if (word === 'stylesheet' && first) {
          state.stylesheet = true;
          continue;
        }
        if (state.stylesheet) {
          if (state.entry && word === 's') state.entry.style = param ?? 0;
          else if (state.entry && word === 'sbasedon') state.entry.basedOn = param;
          else if (state.entry && word === 'outlinelevel' && (param ?? 9) < 9) state.entry.outline = true;
          continue;
        }
        if (word !== 'u' && word !== 'uc') flush();
        switch (word) {
          case 'listtext':
          case 'pntext':
            state.label = true;
            label = '';
            break;
          case 'par':
            endParagraph();
            break;
          case 'intbl':
            state.intbl = true;
            // The first paragraph of a table: its cells begin here.
            table ??= { rows: [], row: [], cellFrom: lines.length };
            break;
          case 'cell':
            endParagraph();
            if (table) {
              table.row.push(lines.splice(table.cellFrom));
              table.cellFrom = lines.length;
            }
            break;
          case 'row':
            if (line.trim()) endParagraph();
            if (table) {
              if (table.row.length) table.rows.push(table.row);
              table.row = [];
              table.cellFrom = lines.length;
            }
            break;
          // A nested table is read cell by cell, in its cell of the outer table.
          case 'nestcell':
            endParagraph();
            break;
          case 'nestrow':
            if (line.trim()) endParagraph();
            break;
          case 'sect':
            if (line.trim()) endParagraph();
            endTable();
            break;
          case 'line':
            put('\n');
            break;
          case 'tab':
            put('\t');
            break;
          case 'pard':
            state.style = 0;
            state.outline = false;
            state.intbl = false;
            break;
          case 's':
            state.style = param ?? 0;
            break;
          case 'outlinelevel':
            state.outline = (param ?? 9) < 9;
            break;
          case 'v':
            state.hidden = param !== 0;
            break;
          case 'deleted':
            state.deleted = param !== 0;
            changes = true;
            break;
          case 'revised':
            changes = true;
            break;
          case 'plain':
            state.hidden = false;
            state.deleted = false;
            break;
          case 'uc':
            state.uc = Math.max(0, param ?? 1);
            break;
          case 'u': {
            flush();
            if (param !== undefined) put(String.fromCharCode(param < 0 ? param + 65536 : param));
            fallback = state.uc;
            continue;
          }
          case 'ansicpg':
            decoder = decoderFor(param, charset);
            break;
          case 'ansi':
          case 'mac':
          case 'pc':
          case 'pca':
            charset = word;
            decoder = decoderFor(undefined, charset);
            break;
          default: {
            const symbol = SYMBOLS.get(word);
            if (symbol !== undefined) put(symbol);
          }
        }
        fallback = 0;
        continue;
      }
      // Control symbols.
      i += 2;
      const first = groupStart;
      groupStart = false;
      if (next === 0x2a) {
        // `{\*\destination …}`: a destination a reader may leave out, and this one does.
        if (first) state.skip = true;
        continue;
      }
      if (next === 0x27) {
        // `\'hh`: one byte of the code page.
        const hex = s.slice(i, i + 2);
        i += 2;
        if (fallback > 0) {
          fallback--;
          continue;
        }
        if (/^[0-9a-fA-F]{2}$/.test(hex) && !state.skip) pending.push(parseInt(hex, 16));
        continue;
      }
      if (state.skip) continue;
      if (next === 0x0a || next === 0x0d) {
        endParagraph();
        continue;
      }
      if (fallback > 0) {
        fallback--;
        continue;
      }
      flush();
      if (next === 0x5c || next === 0x7b || next === 0x7d) put(String.fromCharCode(next));
      else if (next === 0x7e) put('\u00a0');
      else if (next === 0x5f) put('-');
      // `\-` (an optional hyphen), `\:` and `\|` show nothing.
      continue;
    }
    i++;
    // Line breaks in the file are not text.
    if (c === 0x0a || c === 0x0d) continue;
    groupStart = false;
    if (state.skip) continue;
    if (fallback > 0) {
      fallback--;
      continue;
    }
    if (c >= 0x80) pending.push(c);
    else {
      flush();
      put(String.fromCharCode(c));
    }
  }
  flush();
  if (line.trim()) lines.push(line.trimEnd());
  endTable();
  const notices = changes ? [TRACKED_CHANGES] : [];
  if (tables.notice) notices.push(tables.notice);
  if (stack.length) notices.push('ends before its groups are closed (the file may be cut short): read up to where it stops');
  // Empty paragraphs before the first text (after the header groups) are no lines of the draft.
  const firstText = lines.findIndex((l) => l !== '');
  const text = textOfLines(firstText < 0 ? [] : lines.slice(firstText));
  if (!text.trim()) return { text: '', notices, problems: ['the RTF document has no text'] };
  return { text, notices, problems: [] };
}
