// Reads an Akoma Ntoso 3.0 document (.akn/.xml in the AKN namespace) into draft text laid out from
// its markup: each hierarchical element (part, chapter, section, subsection, paragraph …) starts a
// line with its `num` and `heading` as the markup gives them, its `content` follows. Every element
// with an `eId` becomes an anchor (a span of the text), so findings can name the element they
// stand in. Metadata (`meta`), notes and other non-body text are left out. No DTD is ever read.
import { CDATA_NODE, ELEMENT_NODE, parseXml, TEXT_NODE, type Element, type Node } from './xml';
/** Where a stretch of the analysed text comes from in a structured source (an Akoma Ntoso element). */
export interface SourceAnchor {
  start: number;
  end: number;
  /** The element's eId in the source document. */
  eId: string;
  /** Where the element's start tag stands in the source file (1-based line and column), when known. */
  line?: number;
  column?: number;
}

export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknResult {
  text: string;
  anchors: SourceAnchor[];
  notices: string[];
  problems: string[];
}

/** Hierarchical elements, and the word a bare number is given ("3" → "Section 3"). */
const CONTAINERS: Record<string, string> = {
  book: 'Book',
  part: 'Part',
  subpart: 'Part',
  title: 'Title',
  subtitle: 'Title',
  chapter: 'Chapter',
  subchapter: 'Chapter',
  division: 'Division',
  subdivision: 'Division',
  section: 'Section',
  subsection: '',
  article: 'Article',
  rule: 'Rule',
  subrule: '',
  paragraph: '',
  subparagraph: '',
  clause: '',
  subclause: '',
  point: '',
  indent: '',
  alinea: '',
  list: '',
  level: '',
  hcontainer: '',
  tblock: '',
  proviso: '',
  transitional: '',
};

/** Divisions above the section get their heading on a line of its own after the number. */
const DIVISIONS = new Set(['book', 'part', 'subpart', 'title', 'subtitle', 'chapter', 'subchapter', 'division', 'subdivision']);

/** Elements whose text is left out of the analysed draft. */
const SKIPPED = new Set(['meta', 'authorialNote', 'noteRef', 'eol', 'eop', 'toc', 'componentRef', 'img', 'attachments', 'components', 'documentRef']);

/** Line and page ends of the original (and a line break): white space between words, unless a word is split there (`breakAt`). */
const BREAKS = new Set(['eol', 'eop', 'br']);

function isWordBreak(el: Element): boolean {
  return BREAKS.has(el.localName) && !el.getAttribute('breakAt') && !el.getAttribute('breakat');
}

/** Block elements whose text is a line of its own. */
const BLOCKS = new Set(['p', 'block', 'blockList', 'item', 'listIntroduction', 'listWrapUp', 'intro', 'wrapUp', 'content', 'tr', 'longTitle', 'formula', 'preface', 'preamble', 'conclusions', 'container', 'recital', 'recitals', 'citation', 'citations', 'blockContainer', 'docTitle']);

/** True when the XML is an Akoma Ntoso document (its root in the AKN 3.0 namespace). */
export function looksLikeAkn(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.includes(AKN_NS) && /<([A-Za-z_][\w.-]*:)?akomaNtoso[\s>]/.test(head);
}

/** True for the letters `\p{L}` matches, for a character below U+0080 (A–Z, a–z). */
const asciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** A number as written in the markup; a bare one gets the element's word ("3" → "Section 3"). */
export function numbered(kind: string, num: string): string {
  const word = CONTAINERS[kind];
  if (!word || num.startsWith('§')) return num;
  // Most numbers start with a digit or a bracket: no word at all, without the Unicode expression.
  const c0 = num.charCodeAt(0);
  const first = c0 < 0x80 && !asciiLetter(c0) ? '' : (/^\p{L}+/u.exec(num)?.[0] ?? '');
  if (first.length >= 2 && !/^[ivxlcdm]+$/i.test(first)) return num; // "Part 1", "Artículo 5", "Art. 3"
  return `${word} ${num}`;
}

/** What the walk does with an element of a local name (bits). */
const CONTAINER = 1;
const DIVISION = 2;
/** A section, article or rule: its number and heading are a line of their own, after a blank line. */
const SECTION = 4;
const BLOCK = 8;
const SKIP = 16;
/** Walked as structure (containers, blocks, the body and the document kinds); else read inline. */
const WALKED = 32;
/**
 * A heading between sections that belongs to none (`crossHeading`; `hcontainer name="crossheading"`
 * as Laws.Africa writes it): a line of its own after a blank line, as a drafter sets it, not the
 * last line of the section before.
 */
const CROSS_HEADING = 64;
const WALKED_OTHERS = new Set(['body', 'mainBody', 'act', 'bill', 'doc', 'judgment', 'debate', 'statement', 'portion', 'amendment', 'documentCollection', 'collectionBody', 'component']);

/** The bits of a local name, as the sets above decide them (`in`, like the walk always asked). */
function kindOf(name: string): number {
  const container = name in CONTAINERS;
  let k = 0;
  if (container) k |= CONTAINER;
  if (DIVISIONS.has(name)) k |= DIVISION;
  if (name === 'section' || name === 'article' || name === 'rule') k |= SECTION;
  if (BLOCKS.has(name)) k |= BLOCK;
  if (SKIPPED.has(name)) k |= SKIP;
  if (name === 'crossHeading') k |= CROSS_HEADING;
  if (container || BLOCKS.has(name) || WALKED_OTHERS.has(name) || k & CROSS_HEADING) k |= WALKED;
  return k;
}

/** True when a text needs `\s+` → " " (it has a white space other than a lone space). */
const UNEVEN_SPACE = /\s\s|[^\S ]/;
/** Runs of spaces (in text where a space is the only white space left). */
const SPACES = / {2,}/g;

/** A text with each run of white space made one space. */
function oneSpace(s: string): string {
  // Half the texts of an act written one element a line are a line end (and an indent) between two
  // tags: white space only (trim() takes what `\s` matches) is one space, without the expressions.
  const n = s.length;
  if (n === 1) return s !== ' ' && s.trim() === '' ? ' ' : s;
  if (s.charCodeAt(0) <= 0x20 && s.charCodeAt(n - 1) <= 0x20 && s.trim() === '') return ' ';
  return UNEVEN_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

export function readAkn(xml: string): AknResult {
  const fail = (problem: string): AknResult => ({ text: '', anchors: [], notices: [], problems: [problem] });
  const parsed = parseXml(xml, 'the Akoma Ntoso document');
  if (parsed.doc === undefined) return fail(parsed.problem);
  const root = parsed.doc.documentElement!;
  if (root.localName !== 'akomaNtoso' || root.namespaceURI !== AKN_NS) return fail(`not an Akoma Ntoso 3.0 document: the root element is not akomaNtoso in ${AKN_NS}`);

  // Elements in the root's scope share its namespace string: compared by reference first.
  const akn = root.namespaceURI;
  const isAkn = (n: Node): n is Element => n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === akn;
  const kinds = new Map<string, number>();
  const kind = (name: string): number => {
    let k = kinds.get(name);
    if (k === undefined) kinds.set(name, (k = kindOf(name)));
    return k;
  };
  const anchors: SourceAnchor[] = [];
  // The text is written as it is read: each line with its runs of spaces made one and trimmed,
  // then "\n". A space after a word is held back until a word follows on the same line (a line
  // does not end with one), but it counts in offsets (where the next character will stand).
  const out: string[] = [];
  /** Characters written to `out`. */
  let written = 0;
  /** Characters of the lines ended (written less the line being written). */
  let length = 0;
  /** The line being written has a word. */
  let lineHasText = false;
  /** A space is due before the next word of the line. */
  let spaceDue = false;
  /** The last thing written is a blank line. */
  let lastBlank = false;
  /** A number written at the start of a line that its content should continue: the offset after it. */
  let pending = -1;
  /** The offset where the next written character will stand. */
  const offset = () => written + (spaceDue ? 1 : 0);
  /** Adds a text whose only white space is spaces to the line (`single`: never two in a row, as oneSpace leaves them). */
  const write = (s: string, single = false) => {
    const n = s.length;
    if (n === 0) return;
    if (!single && n > 1 && s.includes('  ')) return write(s.replace(SPACES, ' '), true);
    const lead = s.charCodeAt(0) === 0x20;
    const trail = s.charCodeAt(n - 1) === 0x20;
    if (n === 1 && lead) {
      if (lineHasText) spaceDue = true;
      return;
    }
    const core = lead || trail ? s.slice(lead ? 1 : 0, trail ? n - 1 : n) : s;
    if (lineHasText && (spaceDue || lead)) {
      out.push(' ');
      written += 1;
    }
    out.push(core);
    written += core.length;
    lineHasText = true;
    spaceDue = trail;
  };
  const flush = (force = false) => {
    if (!force && pending >= 0 && offset() === pending) return;
    pending = -1;
    spaceDue = false;
    if (!lineHasText) return;
    lineHasText = false;
    out.push('\n');
    written += 1;
    length = written;
    lastBlank = false;
  };
  const blank = () => {
    flush();
    if (written > 0 && !lastBlank) {
      out.push('\n');
      written += 1;
      length = written;
      lastBlank = true;
    }
  };

  /** The text of an element's inline content, each text's white space made one space. */
  const inline = (n: Node): string => {
    let s = '';
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) s += oneSpace(c.nodeValue!);
      else if (isAkn(c)) {
        if (isWordBreak(c as Element)) s += s.endsWith(' ') ? '' : ' ';
        else if (!(kind(c.localName) & SKIP)) s += inline(c);
      }
    }
    return s;
  };
  /** Writes an element's inline content (what `inline` returns, written piece by piece). */
  const writeInline = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) write(oneSpace(c.nodeValue!), true);
      else if (isAkn(c)) {
        if (isWordBreak(c as Element)) write(' ', true);
        else if (!(kind(c.localName) & SKIP)) writeInline(c);
      }
    }
  };
  const anchor = (start: number, end: number, eId: string, el: Element) => {
    anchors.push({ start, end, eId, line: el.lineNumber, column: el.columnNumber });
  };

  /** Attachments (schedules, annexes) with text, left out: the user is told. */
  let attachmentsLeftOut = 0;
  const walk = (el: Element) => {
    const k = kind(el.localName);
    if (k & SKIP) return;
    // eId in AKN 3.0; id, and xml:id as LEOS (the European Commission's drafting tool) writes it, before.
    const eId = el.attributes.length === 0 ? '' : el.getAttribute('eId') || el.getAttribute('id') || el.getAttribute('xml:id') || el.getAttribute('GUID') || '';
    if (k & CROSS_HEADING || (el.localName === 'hcontainer' && el.getAttribute('name')?.toLowerCase() === 'crossheading')) {
      blank();
      const start = offset();
      writeInline(el);
      flush();
      if (eId && length > start) anchor(start, length - 1, eId, el);
      return;
    }
    const isContainer = (k & CONTAINER) !== 0;
    let num = '';
    let heading = '';
    let subheading = '';
    if (isContainer) {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (!isAkn(c)) continue;
        if (c.localName === 'num') num = inline(c).trim();
        else if (c.localName === 'heading') heading = inline(c).trim();
        else if (c.localName === 'subheading') subheading = inline(c).trim();
      }
    }
    // A container with a number or heading starts a line; one without (a list of points, an
    // unnumbered subparagraph) goes on after its parent's number, as content does ("2. A court may:").
    if (k & (CONTAINER | BLOCK)) flush(isContainer && (num !== '' || heading !== '' || subheading !== ''));
    if (isContainer && k & (DIVISION | SECTION)) blank();
    const start = offset();
    if (isContainer) {
      const label = num ? numbered(el.localName, num) : '';
      if (k & DIVISION) {
        write(label && heading ? `${label} — ${heading}` : label || heading);
        if (subheading) write(` — ${subheading}`);
        flush();
      } else if (k & SECTION) {
        write(label && heading ? `${label} ${heading}` : label || heading);
        flush();
      } else if (label || heading) {
        write(label && heading ? `${label} ${heading} ` : `${label || heading} `);
        pending = offset();
      }
    }
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) write(oneSpace(c.nodeValue!), true);
      else if (isAkn(c)) {
        const cn = c.localName;
        if (isContainer && (cn === 'num' || cn === 'heading' || cn === 'subheading')) continue;
        const ck = kind(cn);
        if (cn === 'num') {
          // The number of an item of a block list ("(a)"): its text goes on after it, as a container's does.
          writeInline(c);
          write(' ', true);
          pending = offset();
          continue;
        }
        if (ck & WALKED) walk(c);
        else if (isWordBreak(c as Element)) write(' ', true);
        else if (ck & SKIP) {
          // Left out, but the user is told how many attachments (schedules, annexes) had text.
          if (cn === 'attachments' || cn === 'components') for (let a = c.firstChild; a; a = a.nextSibling) if (isAkn(a) && inline(a).trim()) attachmentsLeftOut++;
        }
        else {
          const innerId = c.attributes.length === 0 ? null : c.getAttribute('eId');
          const at = offset();
          writeInline(c);
          if (innerId) anchor(at, offset(), innerId, c);
        }
      }
    }
    if (k & (CONTAINER | BLOCK)) flush(isContainer);
    if (eId) anchor(start, Math.max(start, length - 1), eId, el);
  };
  walk(root);
  flush(true);
  const text = out.join('');
  if (!text.trim()) return fail('the Akoma Ntoso document has no text outside its metadata');
  // Anchors in text order; an element before the elements inside it.
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);
  const notices = attachmentsLeftOut ? [`${attachmentsLeftOut} attachment${attachmentsLeftOut === 1 ? '' : 's'} (schedules, annexes) left out: only the body of the act is analysed`] : [];
  return { text, anchors, notices, problems: [] };
}
