// Reads an OpenDocument text (.odt, as LibreOffice and many public administrations save drafts)
// into the text a drafter sees: paragraphs and headings in order, tables cell by cell, and each
// paragraph's number *as the word processor shows it*, computed from the list styles and the
// outline style (automatic numbering, which plain text extraction loses). Tracked changes are
// read as accepted, with a notice: the body of an OpenDocument file already reads so (deleted text
// is kept apart, in text:tracked-changes). Notes, comments and hidden text are left out; a frame's
// text box is read once, its paragraphs as lines after the paragraph it is anchored in.
// Pure: no editor, no file system.
import { CDATA_NODE, child, childElements, Element, ELEMENT_NODE, parsePart, TEXT_NODE, type Node } from './xml';
import { alongStyles, formatNumber, isHeadingStyleName, TableLayout, textOfLines, TRACKED_CHANGES } from './wordProcessing';
import { unzipParts } from './zip';

const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
} as const;

const TEXT_MIME = /^application\/vnd\.oasis\.opendocument\.text(-template|-master)?$/;

export interface OdtResult {
  text: string;
  notices: string[];
  problems: string[];
}

const is = (n: Node | null | undefined, ns: string, name: string): n is Element => !!n && n.nodeType === ELEMENT_NODE && (n as Element).localName === name && (n as Element).namespaceURI === ns;

const firstChild = (el: Element | undefined, ns: string, name: string): Element | undefined => (el ? child(el, ns, name) : undefined);

const attr = (el: Element | undefined, ns: string, name: string): string | undefined => el?.getAttributeNS(ns, name) ?? undefined;

/**
 * True for the bytes of an OpenDocument package: its first entry is the stored file `mimetype`,
 * whose text names an OpenDocument type (the signature the format prescribes).
 */
export function isOpenDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(30, 30 + 8 + 35));
  return head.startsWith('mimetypeapplication/vnd.oasis.opendocument.');
}

/** One level of a list style (or of the outline style). */
interface ListLevel {
  /** "1", "a", "A", "i", "I"; "" for a level that shows no number (a bullet, or none). */
  format: string;
  prefix: string;
  suffix: string;
  /** How many levels the label shows, this one last ("1.2.3" shows three). */
  displayLevels: number;
  start: number;
  /** What follows the label: a tab or a space (one space here), or nothing. */
  followedBy: 'space' | 'nothing';
}

/** OpenDocument's number formats, as formatNumber names them. */
const FORMATS = new Map([['1', 'decimal'], ['a', 'lowerLetter'], ['A', 'upperLetter'], ['i', 'lowerRoman'], ['I', 'upperRoman']]);

function readLevels(listStyle: Element): Map<number, ListLevel> {
  const levels = new Map<number, ListLevel>();
  for (const el of childElements(listStyle)) {
    if (el.namespaceURI !== NS.text) continue;
    const numbered = el.localName === 'list-level-style-number' || el.localName === 'outline-level-style';
    if (!numbered && el.localName !== 'list-level-style-bullet' && el.localName !== 'list-level-style-image') continue;
    const level = Number(attr(el, NS.text, 'level') ?? 1);
    const format = numbered ? (attr(el, NS.style, 'num-format') ?? '') : '';
    const alignment = firstChild(firstChild(el, NS.style, 'list-level-properties'), NS.style, 'list-level-label-alignment');
    levels.set(level, {
      format: FORMATS.has(format) ? format : '',
      prefix: attr(el, NS.style, 'num-prefix') ?? '',
      suffix: attr(el, NS.style, 'num-suffix') ?? '',
      displayLevels: Math.max(1, Number(attr(el, NS.text, 'display-levels') ?? 1) || 1),
      start: Number(attr(el, NS.text, 'start-value') ?? 1) || 1,
      followedBy: attr(alignment, NS.text, 'label-followed-by') === 'nothing' ? 'nothing' : 'space',
    });
  }
  return levels;
}

interface ParagraphStyle {
  parent?: string;
  listStyle?: string;
  /** A heading style: a heading's name ("Heading 1", "Title"), or an outline level of its own. */
  heading: boolean;
}

/** The styles that decide numbering, headings and hidden text, from styles.xml and content.xml. */
class Styles {
  /** List styles by name, their levels read when a list first uses them (a converted file has hundreds). */
  private readonly listStyles = new Map<string, Element | Map<number, ListLevel>>();
  outline: Map<number, ListLevel> | undefined;
  private readonly paragraphs = new Map<string, ParagraphStyle>();
  /** Styles of any family that hide their text (text:display="none"). */
  private readonly hiding = new Set<string>();

  /** Reads an office:styles, office:automatic-styles or office:master-styles element. */
  add(container: Element | undefined): void {
    if (!container) return;
    for (const el of childElements(container)) {
      if (is(el, NS.text, 'list-style')) this.listStyles.set(attr(el, NS.style, 'name') ?? '', el);
      else if (is(el, NS.text, 'outline-style')) {
        // Headings numbered by the outline style may also stand in lists that name it.
        this.outline = readLevels(el);
        const name = attr(el, NS.style, 'name');
        if (name) this.listStyles.set(name, this.outline);
      }
      else if (is(el, NS.style, 'style')) {
        const name = attr(el, NS.style, 'name') ?? '';
        if (attr(firstChild(el, NS.style, 'text-properties'), NS.text, 'display') === 'none') this.hiding.add(name);
        if (attr(el, NS.style, 'family') !== 'paragraph') continue;
        const shown = attr(el, NS.style, 'display-name') ?? name.replace(/_20_/g, ' ');
        this.paragraphs.set(name, {
          parent: attr(el, NS.style, 'parent-style-name'),
          listStyle: attr(el, NS.style, 'list-style-name'),
          heading: isHeadingStyleName(shown) || attr(el, NS.style, 'default-outline-level') !== undefined,
        });
      }
    }
  }

  list(name: string | undefined): Map<number, ListLevel> | undefined {
    const style = name === undefined ? undefined : this.listStyles.get(name);
    if (!(style instanceof Element)) return style;
    const levels = readLevels(style);
    this.listStyles.set(name!, levels);
    return levels;
  }

  /** The first value `pick` finds on a paragraph style or those it is based on (a few steps). */
  private inherited<T>(style: string | undefined, pick: (s: ParagraphStyle) => T | undefined): T | undefined {
    return alongStyles(
      style,
      (s) => this.paragraphs.get(s)?.parent,
      (s) => {
        const st = this.paragraphs.get(s);
        return st ? pick(st) : undefined;
      },
    );
  }

  listStyleOf(style: string | undefined): string | undefined {
    return this.inherited(style, (s) => s.listStyle || undefined);
  }

  isHeading(style: string | undefined): boolean {
    return this.inherited(style, (s) => s.heading || undefined) ?? false;
  }

  /** True when a span style, or a paragraph style or one it is based on, hides its text. */
  hides(style: string | undefined): boolean {
    return alongStyles(style, (s) => this.paragraphs.get(s)?.parent, (s) => this.hiding.has(s) || undefined) ?? false;
  }
}

/** The label of a number at `level` (1-based) from the counters of its list, as the level's style writes it. */
function labelOf(levels: Map<number, ListLevel>, counters: number[], level: number): string {
  const style = levels.get(level);
  if (!style || !style.format) return '';
  const parts: string[] = [];
  for (let l = Math.max(1, level - style.displayLevels + 1); l <= level; l++) {
    const format = levels.get(l)?.format || '1';
    parts.push(formatNumber(counters[l] ?? levels.get(l)?.start ?? 1, FORMATS.get(format)!));
  }
  return style.prefix + parts.join('.') + style.suffix + (style.followedBy === 'nothing' ? '' : ' ');
}

/** Advances `counters` at `level` (restarting deeper levels) and returns them. */
function advance(counters: number[], level: number, levels: Map<number, ListLevel> | undefined, startValue?: number): number[] {
  counters[level] = startValue ?? (counters[level] ?? (levels?.get(level)?.start ?? 1) - 1) + 1;
  counters.length = level + 1;
  return counters;
}

/** A list's numbering: its style's levels (none: no numbers) and its counters, by level. */
interface ListNumbering {
  levels: Map<number, ListLevel> | undefined;
  counters: number[];
}

/** Where a paragraph stands in the lists around it, when it is the first paragraph of a list item. */
interface ListPlace extends ListNumbering {
  level: number;
  startValue?: number;
}

/** Reads an OpenDocument text package. */
export function readOdt(bytes: Uint8Array): OdtResult {
  const fail = (problem: string): OdtResult => ({ text: '', notices: [], problems: [problem] });
  const head = unzipParts(bytes, new Set(['mimetype', 'META-INF/manifest.xml']), 'OpenDocument text');
  if (head.problem) return fail(head.problem);
  const decoder = new TextDecoder('utf-8');
  const mime = head.parts.mimetype ? decoder.decode(head.parts.mimetype).trim() : undefined;
  if (mime !== undefined && !TEXT_MIME.test(mime)) {
    const kind = /opendocument\.(\w+)/.exec(mime)?.[1];
    if (kind) return fail(`an OpenDocument ${kind}, not a text document: Concordance reads OpenDocument text (.odt)`);
    // A type that is not printable text was read from a damaged archive: quoted, it would break the one-line problem.
    return fail(/^[\x20-\x7e]+$/.test(mime) ? `not an OpenDocument text (its type is ${mime.slice(0, 80)})` : 'not a readable OpenDocument text: the zip archive is damaged (its type entry is not text)');
  }
  // An encrypted package keeps its parts' names but not their text (the manifest says which are encrypted).
  const manifest = head.parts['META-INF/manifest.xml'];
  if (manifest && decoder.decode(manifest).includes('encryption-data')) return fail('a password-protected OpenDocument text: save a copy without a password');
  const { parts, problem } = unzipParts(bytes, new Set(['content.xml', 'styles.xml']), 'OpenDocument text');
  if (problem) return fail(problem);
  if (!parts['content.xml']) return fail('not an OpenDocument text: the archive has no content.xml');
  const parse = (name: string) => parsePart(parts[name], name);
  const content = parse('content.xml');
  if (content.problem) return fail(content.problem);
  const stylesXml = parse('styles.xml');
  const notices: string[] = [];
  if (stylesXml.problem) notices.push(`${stylesXml.problem}; its styles and heading numbering left out`);
  const styles = new Styles();
  styles.add(firstChild(stylesXml.root, NS.office, 'styles'));
  styles.add(firstChild(stylesXml.root, NS.office, 'automatic-styles'));
  styles.add(firstChild(content.root, NS.office, 'automatic-styles'));
  const body = firstChild(firstChild(content.root, NS.office, 'body'), NS.office, 'text');
  if (!body) return fail('not an OpenDocument text: content.xml has no office:text body');

  const changes = { seen: false };
  const lines: string[] = [];
  /** Counters of the outline numbering of headings outside lists, by level. */
  const outlineCounters: number[] = [];
  /** The style and counters of each list by its xml:id, and of the last list of each style (for continue-numbering). */
  const listById = new Map<string, ListNumbering>();
  const lastOfStyle = new Map<string, ListNumbering>();

  const paragraphText = (p: Element, boxes: string[]): string => {
    let out = '';
    /** The last character written came from collapsible white space in the markup. */
    let spaced = false;
    const walk = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) {
          // OpenDocument collapses runs of white space in the markup to one space, as HTML does;
          // spaces that show are written as text:s.
          let s = (c.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
          if (s.startsWith(' ') && (out === '' || spaced)) s = s.slice(1);
          if (s) {
            out += s;
            spaced = s.endsWith(' ');
          }
          continue;
        }
        if (c.nodeType !== ELEMENT_NODE) continue;
        const el = c as Element;
        if (el.namespaceURI === NS.text) {
          switch (el.localName) {
            case 's':
              out += ' '.repeat(Math.min(1000, Math.max(1, Number(attr(el, NS.text, 'c') ?? 1) || 1)));
              spaced = false;
              continue;
            case 'tab':
              out += '\t';
              spaced = false;
              continue;
            case 'line-break':
              out += '\n';
              spaced = false;
              continue;
            case 'change':
            case 'change-start':
            case 'change-end':
              changes.seen = true;
              continue;
            // Notes and their citations, hidden text, the rendered number (computed here), ruby annotations.
            case 'note':
            case 'hidden-text':
            case 'hidden-paragraph':
            case 'number':
            case 'ruby-text':
            case 'bookmark':
            case 'bookmark-start':
            case 'bookmark-end':
            case 'soft-page-break':
              continue;
            case 'span':
              if (styles.hides(attr(el, NS.text, 'style-name'))) continue;
              break;
          }
        } else if (el.namespaceURI === NS.office && el.localName === 'annotation') continue;
        else if (el.namespaceURI === NS.draw && el.localName === 'text-box') {
          boxParagraphs(el, boxes);
          continue;
        } else if (el.namespaceURI !== NS.text && el.namespaceURI !== NS.draw) {
          // Markup of other vocabularies (drawings' titles, formulas, metadata) shows no text of the draft.
          continue;
        }
        walk(el);
      }
    };
    walk(p);
    return out;
  };

  /** The paragraphs of a text box anchored in a paragraph, each as a line of `boxes`. */
  const boxParagraphs = (box: Element, boxes: string[]): void => {
    for (const c of childElements(box)) {
      if (is(c, NS.text, 'p') || is(c, NS.text, 'h')) {
        // Its own place first: a box inside a box stands after the paragraph holding it.
        const at = boxes.length;
        const text = paragraphText(c, boxes);
        if (text.trim()) boxes.splice(at, 0, text.trimEnd());
      } else boxParagraphs(c, boxes);
    }
  };

  const paragraph = (p: Element, place: ListPlace | undefined) => {
    const style = attr(p, NS.text, 'style-name');
    if (styles.hides(style)) return;
    const heading = p.localName === 'h';
    const boxes: string[] = [];
    const text = paragraphText(p, boxes);
    let label = '';
    if (place) {
      // A list item shows its number even when empty: the counter moves on, as on the screen.
      label = labelOf(place.levels ?? new Map(), advance(place.counters, place.level, place.levels, place.startValue), place.level);
    } else if (heading && styles.outline && attr(p, NS.text, 'is-list-header') !== 'true') {
      // OpenDocument has ten outline levels; a file that says more is taken at its word up to there.
      const level = Math.min(10, Math.max(1, Math.trunc(Number(attr(p, NS.text, 'outline-level') ?? 1)) || 1));
      const restart = attr(p, NS.text, 'restart-numbering') === 'true';
      const startValue = restart ? Number(attr(p, NS.text, 'start-value') ?? styles.outline.get(level)?.start ?? 1) : undefined;
      label = labelOf(styles.outline, advance(outlineCounters, level, styles.outline, startValue), level);
    }
    if (!text.trim() && !boxes.length) return;
    if ((heading || styles.isHeading(style)) && lines.length && lines[lines.length - 1] !== '') lines.push('');
    lines.push((label + text).trimEnd());
    for (const b of boxes) lines.push(b);
  };

  /**
   * A list: its counters (a new list's, or those it continues), then its items; the first
   * paragraph of an item is numbered at the item's depth, a nested list goes one level deeper.
   */
  const list = (el: Element, outer: (ListNumbering & { level: number }) | undefined) => {
    let levels = outer?.levels;
    let counters = outer?.counters;
    if (!outer) {
      const styleName = attr(el, NS.text, 'style-name');
      const continuedId = attr(el, NS.text, 'continue-list');
      const continued = continuedId !== undefined ? listById.get(continuedId) : attr(el, NS.text, 'continue-numbering') === 'true' && styleName !== undefined ? lastOfStyle.get(styleName) : undefined;
      // A list that continues another keeps its counters, and its style unless it names one.
      levels = styles.list(styleName) ?? continued?.levels;
      counters = continued?.counters ?? [];
      const numbering = { levels, counters };
      if (styleName !== undefined) lastOfStyle.set(styleName, numbering);
      const id = attr(el, 'http://www.w3.org/XML/1998/namespace', 'id');
      if (id !== undefined) listById.set(id, numbering);
    }
    const level = (outer?.level ?? 0) + 1;
    for (const item of childElements(el)) {
      const header = is(item, NS.text, 'list-header');
      if (!header && !is(item, NS.text, 'list-item')) continue;
      const startValue = attr(item, NS.text, 'start-value');
      let first = !header;
      for (const c of childElements(item)) {
        if (is(c, NS.text, 'p') || is(c, NS.text, 'h')) {
          // Without a list style of its own the list takes the one of its first paragraph's style.
          levels ??= styles.list(styles.listStyleOf(attr(c, NS.text, 'style-name')));
          paragraph(c, first ? { levels, counters: counters!, level, startValue: startValue === undefined ? undefined : Number(startValue) || undefined } : undefined);
          first = false;
        } else if (is(c, NS.text, 'list')) list(c, { levels, counters: counters!, level });
        else block(c);
      }
    }
  };

  const block = (el: Element) => {
    if (el.namespaceURI === NS.text) {
      switch (el.localName) {
        case 'p':
        case 'h':
          return paragraph(el, undefined);
        case 'list':
          return list(el, undefined);
        case 'tracked-changes':
          if (childElements(el).length) changes.seen = true;
          return;
        case 'section':
        case 'numbered-paragraph':
          return blocks(el);
        case 'change':
        case 'change-start':
        case 'change-end':
          changes.seen = true;
          return;
        default:
          // Declarations, soft page breaks; a table of contents and other indexes, which the word
          // processor makes from the headings (the draft's text is the headings themselves).
          return;
      }
    }
    if (el.namespaceURI === NS.table && el.localName === 'table') {
      // Each cell read in the document's order (list numbers count as the word processor counts
      // them), its lines taken back out, then laid out row by row or, for parallel text, column by column.
      const rows: string[][][] = [];
      for (const group of childElements(el)) tableRows(group, rows);
      tables.append(lines, rows);
      return;
    }
    if (el.namespaceURI === NS.draw && el.localName === 'frame') {
      const box = firstChild(el, NS.draw, 'text-box');
      if (box) blocks(box);
      return;
    }
    // Other elements at the top (forms, metadata, named ranges) hold no text of the draft.
  };
  const blocks = (el: Element) => {
    for (const c of childElements(el)) block(c);
  };
  const tables = new TableLayout();
  const tableRows = (el: Element, rows: string[][][]) => {
    if (el.namespaceURI !== NS.table) return;
    if (el.localName === 'table-row') {
      const cells: string[][] = [];
      for (const cell of childElements(el)) {
        if (!is(cell, NS.table, 'table-cell')) continue;
        const at = lines.length;
        blocks(cell);
        cells.push(lines.splice(at));
      }
      rows.push(cells);
    } else if (/^table-(header-)?rows$|^table-row-group$/.test(el.localName)) for (const r of childElements(el)) tableRows(r, rows);
  };

  blocks(body);
  if (changes.seen) notices.push(TRACKED_CHANGES);
  if (tables.notice) notices.push(tables.notice);
  const text = textOfLines(lines);
  if (!text.trim()) return { text: '', notices, problems: ['the OpenDocument text has no text'] };
  return { text, notices, problems: [] };
}
