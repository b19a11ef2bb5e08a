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

/** Block elements whose text is a line of its own. */
const BLOCKS = new Set(['p', 'block', 'blockList', 'item', 'listIntroduction', 'listWrapUp', 'intro', 'wrapUp', 'content', 'tr', 'longTitle', 'formula', 'preface', 'preamble', 'conclusions', 'container', 'recital', 'recitals', 'citation', 'citations', 'blockContainer', 'docTitle']);

/** True when the XML is an Akoma Ntoso document (its root in the AKN 3.0 namespace). */
export function looksLikeAkn(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.includes(AKN_NS) && /<([A-Za-z_][\w.-]*:)?akomaNtoso[\s>]/.test(head);
}

function isAkn(n: Node): n is Element {
  return n.nodeType === ELEMENT_NODE && (n as Element).namespaceURI === AKN_NS;
}

/** A number as written in the markup; a bare one gets the element's word ("3" → "Section 3"). */
export function numbered(kind: string, num: string): string {
  const word = CONTAINERS[kind];
  if (!word || num.startsWith('§')) return num;
  const first = /^\p{L}+/u.exec(num)?.[0] ?? '';
  if (first.length >= 2 && !/^[ivxlcdm]+$/i.test(first)) return num; // "Part 1", "Artículo 5", "Art. 3"
  return `${word} ${num}`;
}

/** The line and column of an element's start tag in the XML, as the parser saw them. */
function sourcePosition(el: Element): { line?: number; column?: number } {
  const { lineNumber, columnNumber } = el as Element & { lineNumber?: number; columnNumber?: number };
  return typeof lineNumber === 'number' && typeof columnNumber === 'number' && lineNumber > 0 && columnNumber > 0 ? { line: lineNumber, column: columnNumber } : {};
}

export function readAkn(xml: string): AknResult {
  const fail = (problem: string): AknResult => ({ text: '', anchors: [], notices: [], problems: [problem] });
  const parsed = parseXml(xml, 'the Akoma Ntoso document');
  if (parsed.doc === undefined) return fail(parsed.problem);
  const root = parsed.doc.documentElement!;
  if (root.localName !== 'akomaNtoso' || root.namespaceURI !== AKN_NS) return fail(`not an Akoma Ntoso 3.0 document: the root element is not akomaNtoso in ${AKN_NS}`);

  const parts: string[] = [];
  let length = 0;
  const anchors: SourceAnchor[] = [];
  let line = '';
  /** A number written at the start of a line that its content should continue. */
  let pending = '';
  const flush = (force = false) => {
    if (!force && pending && line.trim() === pending.trim()) return;
    pending = '';
    const t = line.replace(/[ \t]+/g, ' ').trim();
    line = '';
    if (!t) return;
    parts.push(t, '\n');
    length += t.length + 1;
  };
  const blank = () => {
    flush();
    if (parts.length && parts[parts.length - 1] === '\n' && parts[parts.length - 2] !== '\n') {
      parts.push('\n');
      length += 1;
    }
  };
  /** The offset where the next written character will stand. */
  const offset = () => length + (line.trim() ? line.replace(/[ \t]+/g, ' ').replace(/^ /, '').length : 0);

  const inline = (n: Node): string => {
    let s = '';
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) s += (c.nodeValue ?? '').replace(/\s+/g, ' ');
      else if (isAkn(c) && !SKIPPED.has(c.localName ?? '')) s += inline(c);
    }
    return s;
  };

  const walk = (el: Element) => {
    const name = el.localName ?? '';
    if (SKIPPED.has(name)) return;
    const eId = el.getAttribute('eId') || el.getAttribute('id') || el.getAttribute('GUID') || '';
    const isContainer = name in CONTAINERS;
    if (isContainer || BLOCKS.has(name)) flush(isContainer);
    if (isContainer && DIVISIONS.has(name)) blank();
    else if (isContainer && (name === 'section' || name === 'article' || name === 'rule')) blank();
    const start = offset();
    if (isContainer) {
      let num = '';
      let heading = '';
      let subheading = '';
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (!isAkn(c)) continue;
        if (c.localName === 'num') num = inline(c).trim();
        else if (c.localName === 'heading') heading = inline(c).trim();
        else if (c.localName === 'subheading') subheading = inline(c).trim();
      }
      const label = num ? numbered(name, num) : '';
      if (DIVISIONS.has(name)) {
        line = label && heading ? `${label} — ${heading}` : label || heading;
        if (subheading) line += ` — ${subheading}`;
        flush();
      } else if (name === 'section' || name === 'article' || name === 'rule') {
        line = [label, heading].filter(Boolean).join(' ');
        flush();
      } else if (label || heading) line = pending = [label, heading].filter(Boolean).join(' ') + ' ';
    }
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) line += (c.nodeValue ?? '').replace(/\s+/g, ' ');
      else if (isAkn(c)) {
        const cn = c.localName ?? '';
        if (isContainer && (cn === 'num' || cn === 'heading' || cn === 'subheading')) continue;
        if (cn in CONTAINERS || BLOCKS.has(cn) || cn === 'body' || cn === 'mainBody' || cn === 'act' || cn === 'bill' || cn === 'doc' || cn === 'judgment' || cn === 'debate' || cn === 'statement' || cn === 'portion' || cn === 'amendment' || cn === 'documentCollection' || cn === 'collectionBody' || cn === 'component') walk(c);
        else if (SKIPPED.has(cn)) continue;
        else {
          const inner = c as Element;
          const innerId = inner.getAttribute('eId');
          const at = offset();
          line += inline(inner);
          if (innerId) anchors.push({ start: at, end: offset(), eId: innerId, ...sourcePosition(inner) });
        }
      }
    }
    if (isContainer || BLOCKS.has(name)) flush(isContainer);
    if (eId) anchors.push({ start, end: Math.max(start, length - 1), eId, ...sourcePosition(el) });
  };
  walk(root);
  flush(true);
  const text = parts.join('');
  if (!text.trim()) return fail('the Akoma Ntoso document has no text outside its metadata');
  // Anchors in text order; an element before the elements inside it.
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, anchors, notices: [], problems: [] };
}
