// Parsing XML safely and quickly for the format readers. A small non-validating parser of our own
// builds the few node fields the readers walk (element names with their namespaces, attributes,
// text, the line and column of each start tag). It reads no DTD: a document that declares one is
// refused before parsing, so no entity — internal or external — is ever expanded or fetched; only
// the five predefined entities and character references are decoded. Well-formedness is checked
// (tags nest and match, one root, attributes quoted and not repeated, prefixes bound, references
// known); a parse error is returned as one line, never thrown.
//
// It replaced @xmldom/xmldom, whose full DOM (and a regular expression compiled for every end tag)
// made a 1 MB Word document take seconds to read (docs/benchmarks.md, "Reading formats").

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_NODE = 4;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface Node {
  readonly nodeType: number;
  /** The text of a text or CDATA node; null for an element. */
  readonly nodeValue: string | null;
  firstChild: Node | null;
  nextSibling: Node | null;
}

export class Text implements Node {
  firstChild: Node | null = null;
  nextSibling: Node | null = null;
  constructor(
    readonly nodeType: number,
    readonly nodeValue: string,
  ) {}
}

interface Attribute {
  /** The name as written ("w:val"). */
  qName: string;
  localName: string;
  namespaceURI: string | null;
  value: string;
}

export class Element implements Node {
  readonly nodeType = ELEMENT_NODE;
  readonly nodeValue = null;
  firstChild: Node | null = null;
  lastChild: Node | null = null;
  nextSibling: Node | null = null;
  constructor(
    readonly tagName: string,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attributes: Attribute[],
    /** 1-based line and column of the start tag's "<". */
    readonly lineNumber: number,
    readonly columnNumber: number,
  ) {}

  /** The value of the attribute written with this name, or null. */
  getAttribute(qName: string): string | null {
    for (const a of this.attributes) if (a.qName === qName) return a.value;
    return null;
  }

  /** The value of the attribute with this namespace and local name, or null. */
  getAttributeNS(ns: string | null, localName: string): string | null {
    for (const a of this.attributes) if (a.localName === localName && a.namespaceURI === ns) return a.value;
    return null;
  }

  append(n: Node): void {
    if (this.lastChild) this.lastChild.nextSibling = n;
    else this.firstChild = n;
    this.lastChild = n;
  }
}

export interface Document {
  documentElement: Element | null;
}

export type XmlResult = { doc: Document; problem?: undefined } | { doc?: undefined; problem: string };

/** True when the XML declares a document type (a DTD, where entities are declared). */
export function hasDoctype(xml: string): boolean {
  // "<!DOCTYPE" in the first million characters, or "<!ENTITY" anywhere, in any case of ASCII
  // letters: one search for "!" (rare in markup and text; one character is found faster than two)
  // and a look at its neighbours.
  for (let i = xml.indexOf('!', 1); i >= 0; i = xml.indexOf('!', i + 1)) {
    if (xml.charCodeAt(i - 1) !== 0x3c) continue;
    if ((i + 8 <= 1_000_000 && lettersAt(xml, i + 1, 'doctype')) || lettersAt(xml, i + 1, 'entity')) return true;
  }
  return false;
}

/** True when `word` (lower-case ASCII letters) stands at `at`, in either case. */
function lettersAt(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

class XmlError extends Error {}

/**
 * How deep elements may nest. Word and Akoma Ntoso documents nest a few dozen levels; the readers
 * walk the tree by recursion, which a hostile document nested a hundred thousand deep would
 * overflow (the parser itself keeps its own stack).
 */
export const MAX_ELEMENT_DEPTH = 1000;
class DepthError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Characters XML 1.0 allows in a document. */
function allowedChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Decodes entity and character references; an unknown entity or a forbidden character is an error. */
function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new XmlError(`"&" not followed by a reference ending in ";"`);
    if (name.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
      if (!allowedChar(code)) throw new XmlError(`the character reference &${name}; is not an XML character`);
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[name];
    if (v === undefined) throw new XmlError(`the entity &${name}; is not defined (only &lt; &gt; &amp; &quot; &apos; are)`);
    return v;
  });
}

/** Line ends as XML reads them: CR LF and a lone CR become LF. */
function normaliseNewlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

const NAME = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][\w.\-:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Namespace bindings in force: a prefix → URI map per element that declares any, over its parent's. */
interface Scope {
  parent: Scope | undefined;
  bindings: Map<string, string>;
}

function lookup(scope: Scope | undefined, prefix: string): string | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.bindings.get(prefix);
    if (v !== undefined) return v;
  }
  return prefix === 'xml' ? XML_NS : undefined;
}

const FORBIDDEN_CHARACTER = 'a character XML does not allow';

/** Refuses a stretch of the document with a character XML does not allow. */
function allowed(s: string): void {
  if (FORBIDDEN.test(s)) throw new XmlError(FORBIDDEN_CHARACTER);
}

/** Characters after which a text needs more than a slice: a reference, a CR, "]]>" or a character to refuse. */
const TEXT_SPECIAL = /[&\r\]\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Characters after which an attribute value needs more than a slice. */
const VALUE_SPECIAL = /[<&\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NO_ATTRIBUTES: Attribute[] = [];
/** Names remembered while parsing (a power of two). */
const NAME_SLOTS = 512;

/** True for A–Z, a–z, "_" and ":" (the ASCII characters that start a name). */
const asciiNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
/** True for the ASCII characters that go on a name (letters, digits, "_", ":", "-", "."). */
const asciiNameChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;

/**
 * Parses the document. Each stretch of it is looked at once for the characters XML does not allow
 * (texts and values as they are read, comments and the like as they are skipped; anywhere else such
 * a character is a mistake of syntax): parseXml then reports that character before any other mistake.
 */
function parse(xml: string): Document {
  const n = xml.length;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  let root: Element | null = null;
  // The open elements, and the namespace scope in force outside each.
  const open: Element[] = [];
  const outerScopes: (Scope | undefined)[] = [];
  let depth = 0;
  let scope: Scope | undefined;
  // Line numbers of start tags, counted as the parser moves on.
  let line = 1;
  let lineStart = 0;
  /** The first line end not yet counted (n when there is none). */
  let nextNewline = xml.indexOf('\n');
  if (nextNewline < 0) nextNewline = n;
  // The names read, by a hash of their characters: a name met again is the same string (no new
  // one), with its prefix and local name already split.
  const names: string[] = new Array<string>(NAME_SLOTS).fill('');
  const prefixes: string[] = new Array<string>(NAME_SLOTS).fill('');
  const locals: string[] = new Array<string>(NAME_SLOTS).fill('');
  /** The prefix and local name of each attribute of the start tag being read. */
  const attrPrefixes: string[] = [];
  const attrLocals: string[] = [];
  /** Where the last name read stands in `names` (-1 when it is not there). */
  let nameSlot = -1;
  const name = (at: number): string => {
    // ASCII names (nearly all) without the expression; a name that goes on past ASCII, with it.
    let c = xml.charCodeAt(at);
    if (asciiNameStart(c)) {
      let h = c;
      let i = at + 1;
      while (i < n && asciiNameChar((c = xml.charCodeAt(i)))) {
        h = (h * 31 + c) | 0;
        i++;
      }
      if (i >= n || c < 0x80) {
        const length = i - at;
        const slot = (h ^ length) & (NAME_SLOTS - 1);
        nameSlot = slot;
        const known = names[slot];
        if (known.length === length && xml.startsWith(known, at)) return known;
        const s = xml.slice(at, i);
        const colon = s.indexOf(':');
        names[slot] = s;
        prefixes[slot] = colon > 0 ? s.slice(0, colon) : '';
        locals[slot] = colon > 0 ? s.slice(colon + 1) : s;
        return s;
      }
    }
    nameSlot = -1;
    NAME.lastIndex = at;
    const m = NAME.exec(xml);
    if (!m) throw new XmlError(`a tag name was expected at offset ${at}`);
    return m[0];
  };
  const skipSpace = (at: number): number => {
    const c = xml.charCodeAt(at);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return at;
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    return SPACE.lastIndex;
  };
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const raw = xml.slice(from, to);
    if (depth === 0) {
      allowed(raw);
      if (raw.trim()) throw new XmlError(root ? 'text after the root element' : 'text before the root element');
      return;
    }
    let value = raw;
    if (TEXT_SPECIAL.test(raw)) {
      allowed(raw);
      if (raw.includes(']]>')) throw new XmlError('"]]>" in text');
      value = decode(normaliseNewlines(raw));
    }
    open[depth - 1].append(new Text(TEXT_NODE, value));
  };

  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      text(pos, n);
      break;
    }
    text(pos, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      // The end tag of the open element, written plainly: no name to read.
      if (depth > 0) {
        const tag = open[depth - 1].tagName;
        const after = lt + 2 + tag.length;
        if (xml.charCodeAt(after) === 0x3e && xml.startsWith(tag, lt + 2)) {
          depth--;
          scope = outerScopes[depth];
          pos = after + 1;
          continue;
        }
      }
      const qName = name(lt + 2);
      const end = skipSpace(lt + 2 + qName.length);
      if (xml.charCodeAt(end) !== 0x3e) throw new XmlError(`the end tag </${qName}> is not closed by ">"`);
      if (depth === 0) throw new XmlError(`the end tag </${qName}> closes no element`);
      const top = open[--depth];
      if (top.tagName !== qName) throw new XmlError(`the end tag </${qName}> does not match <${top.tagName}>`);
      scope = outerScopes[depth];
      pos = end + 1;
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('a processing instruction is not closed');
      allowed(xml.slice(lt + 2, end));
      pos = end + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('a comment is not closed');
        allowed(xml.slice(lt + 4, end));
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('a CDATA section is not closed');
        if (depth === 0) throw new XmlError('a CDATA section outside the root element');
        const data = xml.slice(lt + 9, end);
        allowed(data);
        open[depth - 1].append(new Text(CDATA_NODE, normaliseNewlines(data)));
        pos = end + 3;
      } else throw new XmlError('a declaration (<!…>) that is not read');
    } else {
      const qName = name(lt + 1);
      let prefix: string;
      let local: string;
      if (nameSlot >= 0) {
        prefix = prefixes[nameSlot];
        local = locals[nameSlot];
      } else {
        const colon = qName.indexOf(':');
        prefix = colon > 0 ? qName.slice(0, colon) : '';
        local = colon > 0 ? qName.slice(colon + 1) : qName;
      }
      while (nextNewline < lt) {
        line++;
        lineStart = nextNewline + 1;
        nextNewline = xml.indexOf('\n', lineStart);
        if (nextNewline < 0) nextNewline = n;
      }
      let p = lt + 1 + qName.length;
      let raw: Attribute[] | undefined;
      let declared: Map<string, string> | undefined;
      let selfClosing = false;
      for (;;) {
        const q = skipSpace(p);
        const c = xml.charCodeAt(q);
        if (c === 0x3e /* > */) {
          p = q + 1;
          break;
        }
        if (c === 0x2f /* / */ && xml.charCodeAt(q + 1) === 0x3e) {
          p = q + 2;
          selfClosing = true;
          break;
        }
        if (q === p) throw new XmlError(`<${qName}> is not closed, or its attributes are not separated by spaces`);
        const attr = name(q);
        const attrSlot = nameSlot;
        let e = skipSpace(q + attr.length);
        if (xml.charCodeAt(e) !== 0x3d /* = */) throw new XmlError(`the attribute ${attr} of <${qName}> has no value`);
        e = skipSpace(e + 1);
        const quote = xml[e];
        if (quote !== '"' && quote !== "'") throw new XmlError(`the value of ${attr} in <${qName}> is not quoted`);
        const close = xml.indexOf(quote, e + 1);
        if (close < 0) throw new XmlError(`the value of ${attr} in <${qName}> is not closed`);
        let value = xml.slice(e + 1, close);
        if (VALUE_SPECIAL.test(value)) {
          allowed(value);
          if (value.includes('<')) throw new XmlError(`"<" in the value of ${attr} in <${qName}>`);
          value = decode(value.replace(/[\t\n\r]/g, ' '));
        }
        if (raw) {
          for (const a of raw) if (a.qName === attr) throw new XmlError(`the attribute ${attr} is repeated in <${qName}>`);
          raw.push({ qName: attr, localName: attr, namespaceURI: null, value });
        } else raw = [{ qName: attr, localName: attr, namespaceURI: null, value }];
        // Its prefix and local name, from the names read when the name was remembered.
        if (attrSlot >= 0 && names[attrSlot] === attr) {
          attrPrefixes[raw.length - 1] = prefixes[attrSlot];
          attrLocals[raw.length - 1] = locals[attrSlot];
        } else {
          const c = attr.indexOf(':');
          attrPrefixes[raw.length - 1] = c > 0 ? attr.slice(0, c) : '';
          attrLocals[raw.length - 1] = c > 0 ? attr.slice(c + 1) : attr;
        }
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) (declared ??= new Map()).set(attr === 'xmlns' ? '' : attr.slice(6), value);
        p = close + 1;
      }
      const elementScope = declared ? { parent: scope, bindings: declared } : scope;
      const ns = lookup(elementScope, prefix);
      if (prefix && !ns) throw new XmlError(`the prefix "${prefix}" of <${qName}> is not bound to a namespace`);
      if (raw) {
        // Each attribute's namespace, now that the element's own declarations are known.
        for (let k = 0; k < raw.length; k++) {
          const a = raw[k];
          if (a.qName === 'xmlns') {
            a.namespaceURI = XMLNS_NS;
            continue;
          }
          const ap = attrPrefixes[k];
          if (ap === '') continue;
          const ans = ap === 'xmlns' ? XMLNS_NS : lookup(elementScope, ap);
          if (!ans) throw new XmlError(`the prefix "${ap}" of the attribute ${a.qName} is not bound to a namespace`);
          a.localName = attrLocals[k];
          a.namespaceURI = ans;
        }
      }
      const el = new Element(qName, local, ns || null, raw ?? NO_ATTRIBUTES, line, lt - lineStart + 1);
      if (depth > 0) open[depth - 1].append(el);
      else if (root) throw new XmlError('more than one root element');
      else root = el;
      if (!selfClosing) {
        if (depth >= MAX_ELEMENT_DEPTH) throw new DepthError();
        open[depth] = el;
        outerScopes[depth] = scope;
        depth++;
        scope = elementScope;
      }
      pos = p;
    }
  }
  if (depth > 0) throw new XmlError(`<${open[depth - 1].tagName}> is not closed`);
  return { documentElement: root };
}

export function parseXml(xml: string, what: string): XmlResult {
  if (hasDoctype(xml)) return { problem: `${what} declares a DTD or entities, which are never read (remove the <!DOCTYPE …> declaration)` };
  try {
    const doc = parse(xml);
    if (!doc.documentElement) return { problem: `${what} has no root element` };
    return { doc };
  } catch (e) {
    if (e instanceof DepthError) return { problem: `${what} nests its elements more than ${MAX_ELEMENT_DEPTH} deep, as no real document does: refused` };
    // A character XML does not allow is reported before any other mistake, wherever it stands.
    if (FORBIDDEN.test(xml)) return { problem: `${what} is not well-formed XML (${FORBIDDEN_CHARACTER})` };
    if (e instanceof XmlError) return { problem: `${what} is not well-formed XML (${e.message.split('\n')[0]})` };
    // A stack overflow or the like on a hostile document: still one line.
    return { problem: `${what} could not be read as XML (${String((e as Error)?.message ?? e).split('\n')[0]})` };
  }
}

const utf8 = new TextDecoder('utf-8');

/**
 * The root element of a package's XML part (UTF-8 bytes), or why it cannot be read; neither for a
 * part the package does not have.
 */
export function parsePart(data: Uint8Array | undefined, name: string): { root?: Element; problem?: string } {
  if (!data) return {};
  const r = parseXml(utf8.decode(data), name);
  return r.doc === undefined ? { problem: r.problem } : { root: r.doc.documentElement ?? undefined };
}

/** The element children of a node, in order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  return out;
}

/** The first child element with a namespace and local name. */
export function child(node: Node, ns: string, name: string): Element | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && (c as Element).localName === name && (c as Element).namespaceURI === ns) return c as Element;
  }
  return undefined;
}
