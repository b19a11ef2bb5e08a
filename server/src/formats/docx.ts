// Reads a Word document (.docx, Office Open XML) into the text a drafter sees in Word: paragraphs
// and headings in order, tables cell by cell, and each paragraph's number *as Word shows it*,
// computed from numbering.xml (automatic list numbering, which plain text extraction loses).
// Tracked changes are read as accepted: insertions kept, deletions left out, with a notice. Hidden
// text is left out, as Word does not show it; a text box is read once, its paragraphs as lines
// after the paragraph it is anchored in.
//
// The package is unzipped by zip.ts (damaged archives and zip bombs refused) and its XML read with
// our own small parser (no DTD is read: see xml.ts). Pure: no editor, no file system.
import { CDATA_NODE, childElements, ELEMENT_NODE, parsePart, TEXT_NODE, type Element, type Node } from './xml';
import { alongStyles, formatNumber, isHeadingStyleName, TableLayout, textOfLines, TRACKED_CHANGES } from './wordProcessing';
import { isCompoundFile, unzipParts } from './zip';

const W_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const W_NS = new Set([W_MAIN, W_STRICT]);
/** Markup compatibility: alternative encodings of the same content (mc:AlternateContent). */
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface DocxResult {
  text: string;
  notices: string[];
  problems: string[];
}

const isW = (n: Node, name: string): boolean => n.nodeType === ELEMENT_NODE && (n as Element).localName === name && W_NS.has((n as Element).namespaceURI ?? '');

function wChild(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isW(c, name)) return c as Element;
  return undefined;
}

/**
 * An attribute of a WordprocessingML element: the first `attr` in the main namespace that is not
 * empty, else in the strict one, else the first written `w:attr` (in one look at the attributes).
 */
function wVal(el: Element | undefined, attr = 'val'): string | undefined {
  if (!el) return undefined;
  let main: string | null = null;
  let strict: string | null = null;
  let written: string | null = null;
  for (const a of el.attributes) {
    if (a.localName === attr) {
      if (a.namespaceURI === W_MAIN) main ??= a.value;
      else if (a.namespaceURI === W_STRICT) strict ??= a.value;
    }
    if (written === null && a.qName.length === attr.length + 2 && a.qName.startsWith('w:') && a.qName.endsWith(attr)) written = a.value;
  }
  if (main) return main;
  if (strict) return strict;
  return written === null ? undefined : written;
}

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

/** Word's list definitions: abstract lists with their levels, and list instances pointing to them. */
class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private counters = new Map<string, (number | undefined)[]>();
  private startedNums = new Set<string>();
  /** Paragraph styles that carry numbering (headings numbered through their style). */
  styleNumbering = new Map<string, { numId?: string; ilvl?: number }>();
  styleBasedOn = new Map<string, string>();
  headingStyles = new Set<string>();

  constructor(numberingXml: Element | undefined, stylesXml: Element | undefined) {
    if (numberingXml) {
      for (const el of childElements(numberingXml)) {
        if (isW(el, 'abstractNum')) {
          const levels = new Map<number, Level>();
          for (const lvl of childElements(el)) if (isW(lvl, 'lvl')) levels.set(Number(wVal(lvl, 'ilvl') ?? 0), readLevel(lvl));
          this.abstracts.set(wVal(el, 'abstractNumId') ?? '', levels);
        } else if (isW(el, 'num')) {
          const starts = new Map<number, number>();
          for (const o of childElements(el)) {
            if (!isW(o, 'lvlOverride')) continue;
            const s = wVal(wChild(o, 'startOverride'));
            if (s !== undefined) starts.set(Number(wVal(o, 'ilvl') ?? 0), Number(s));
          }
          this.nums.set(wVal(el, 'numId') ?? '', { abstract: wVal(wChild(el, 'abstractNumId')) ?? '', starts });
        }
      }
    }
    if (stylesXml) {
      for (const st of childElements(stylesXml)) {
        if (!isW(st, 'style')) continue;
        const id = wVal(st, 'styleId') ?? '';
        const name = (wVal(wChild(st, 'name')) ?? '').toLowerCase();
        if (isHeadingStyleName(name) || /^(Heading\d|Title|Subtitle)$/.test(id)) this.headingStyles.add(id);
        const based = wVal(wChild(st, 'basedOn'));
        if (based) this.styleBasedOn.set(id, based);
        const numPr = wChild(wChild(st, 'pPr'), 'numPr');
        if (numPr) this.styleNumbering.set(id, { numId: wVal(wChild(numPr, 'numId')), ilvl: num(wVal(wChild(numPr, 'ilvl'))) });
      }
    }
  }

  /** The numbering of a paragraph with a style, following `basedOn` a few steps. */
  styleNum(style: string | undefined): { numId?: string; ilvl?: number } | undefined {
    return alongStyles(style, (s) => this.styleBasedOn.get(s), (s) => this.styleNumbering.get(s));
  }

  isHeading(style: string | undefined): boolean {
    return alongStyles(style, (s) => this.styleBasedOn.get(s), (s) => this.headingStyles.has(s) || undefined) ?? false;
  }

  /** Advances the list's counter and returns the number Word shows ("" for bullets and none). */
  next(numId: string, ilvl: number): string {
    const inst = this.nums.get(numId);
    if (!inst) return '';
    const levels = this.abstracts.get(inst.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    let counters = this.counters.get(inst.abstract);
    if (!counters) this.counters.set(inst.abstract, (counters = []));
    if (!this.startedNums.has(numId)) {
      // A list instance with a start override restarts its levels the first time it is used.
      this.startedNums.add(numId);
      for (const [l, s] of inst.starts) counters[l] = s - 1;
    }
    const startOf = (l: number) => inst.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counters[ilvl] = (counters[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let l = ilvl + 1; l < 9; l++) counters[l] = undefined;
    if (level.format === 'bullet' || level.format === 'none') return '';
    const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const value = counters![l] ?? startOf(l);
      const fmt = level.legal && l < ilvl ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(value, fmt);
    });
    if (!label) return '';
    return label + (level.suffix === 'nothing' ? '' : ' ');
  }
}

function num(s: string | undefined): number | undefined {
  return s === undefined || !/^\d+$/.test(s) ? undefined : Number(s);
}

function readLevel(lvl: Element): Level {
  return {
    start: num(wVal(wChild(lvl, 'start'))) ?? 1,
    format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    text: wVal(wChild(lvl, 'lvlText')) ?? '',
    suffix: wVal(wChild(lvl, 'suff')) ?? 'tab',
    legal: !!wChild(lvl, 'isLgl'),
  };
}

/** True when a run's properties hide it (w:vanish not turned off): Word does not show its text. */
function isHidden(run: Element): boolean {
  const vanish = wChild(wChild(run, 'rPr'), 'vanish');
  if (!vanish) return false;
  const v = wVal(vanish);
  return v !== '0' && v !== 'false' && v !== 'off';
}

/**
 * Collects a paragraph's text as it reads with tracked changes accepted, hidden text left out.
 * The paragraphs of a text box anchored in it go to `boxes`, to stand after it as lines of their
 * own (not inside its sentence).
 */
function paragraphText(p: Element, changes: { seen: boolean }, boxes: string[]): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT_NODE) continue;
      const el = c as Element;
      if (!W_NS.has(el.namespaceURI ?? '')) {
        // Word writes a text box twice, as a drawing and as the older VML for programs that do not
        // read drawings: read one of the two.
        if (el.namespaceURI === MC_NS && el.localName === 'AlternateContent') {
          const choice = childElements(el).find((x) => x.namespaceURI === MC_NS && x.localName === 'Choice') ?? childElements(el).find((x) => x.namespaceURI === MC_NS && x.localName === 'Fallback');
          if (choice) walk(choice);
          continue;
        }
        // Markup of other vocabularies (math, drawings, custom XML) may hold runs: look inside.
        walk(el);
        continue;
      }
      switch (el.localName) {
        case 'r':
          if (!isHidden(el)) walk(el);
          break;
        case 'txbxContent':
          boxParagraphs(el, changes, boxes);
          break;
        case 'pPr':
        case 'rPr':
        case 'instrText':
        case 'delInstrText':
        case 'fldChar':
        case 'commentReference':
        case 'footnoteReference':
        case 'endnoteReference':
          break;
        case 'del':
        case 'moveFrom':
          changes.seen = true;
          break;
        case 'ins':
        case 'moveTo':
          changes.seen = true;
          walk(el);
          break;
        case 't':
          out.push(textOf(el));
          break;
        case 'delText':
          break;
        case 'tab':
        case 'ptab':
          out.push('\t');
          break;
        case 'br':
        case 'cr':
          out.push('\n');
          break;
        case 'noBreakHyphen':
          out.push('-');
          break;
        case 'softHyphen':
          break;
        default:
          walk(el);
      }
    }
  };
  walk(p);
  return out.join('');
}

/** The paragraphs of a text box (tables in it cell by cell), each as a line of `boxes`. */
function boxParagraphs(box: Element, changes: { seen: boolean }, boxes: string[]): void {
  for (const c of childElements(box)) {
    if (isW(c, 'p')) {
      // Its own place first: a box inside a box stands after the paragraph holding it.
      const at = boxes.length;
      const text = paragraphText(c, changes, boxes);
      if (text.trim()) boxes.splice(at, 0, text.trimEnd());
    } else if (isW(c, 'tbl') || isW(c, 'tr') || isW(c, 'tc') || isW(c, 'sdt') || isW(c, 'sdtContent')) boxParagraphs(c, changes, boxes);
  }
}

function textOf(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_NODE) s += c.nodeValue ?? '';
  return s;
}

/** Reads a .docx package. */
export function readDocx(bytes: Uint8Array): DocxResult {
  const fail = (problem: string): DocxResult => ({ text: '', notices: [], problems: [problem] });
  if (isCompoundFile(bytes)) return fail('a password-protected (encrypted) Word document or an old binary .doc: save it as .docx without a password');
  const { parts, problem } = unzipParts(bytes, new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']), 'Word document');
  if (problem) return fail(problem);
  const main = parts['word/document.xml'];
  if (!main) return fail('not a Word document: the archive has no word/document.xml');
  const parse = (name: string) => parsePart(parts[name], name);
  const doc = parse('word/document.xml');
  if (doc.problem) return fail(doc.problem);
  const numberingXml = parse('word/numbering.xml');
  const stylesXml = parse('word/styles.xml');
  const notices: string[] = [];
  if (numberingXml.problem) notices.push(`${numberingXml.problem}; automatic numbering left out`);
  if (stylesXml.problem) notices.push(`${stylesXml.problem}; styles left out`);
  const numbering = new Numbering(numberingXml.root, stylesXml.root);
  const body = doc.root && wChild(doc.root, 'body');
  if (!body) return fail('not a Word document: word/document.xml has no body');

  const changes = { seen: false };
  const lines: string[] = [];
  /** Text of a paragraph whose mark was deleted: it runs on into the next paragraph. */
  let carry = '';
  /** The text boxes of those paragraphs, to stand after the paragraph they run into. */
  const carriedBoxes: string[] = [];
  const paragraph = (p: Element) => {
    const pPr = wChild(p, 'pPr');
    const style = wVal(wChild(pPr, 'pStyle'));
    const numPr = wChild(pPr, 'numPr');
    const fromStyle = numbering.styleNum(style);
    const numId = wVal(wChild(numPr, 'numId')) ?? fromStyle?.numId;
    const ilvl = num(wVal(wChild(numPr, 'ilvl'))) ?? fromStyle?.ilvl ?? 0;
    const markDeleted = !!wChild(wChild(pPr, 'rPr'), 'del');
    if (markDeleted || wChild(wChild(pPr, 'rPr'), 'ins') || wChild(pPr, 'pPrChange')) changes.seen = true;
    const boxes: string[] = [];
    const text = paragraphText(p, changes, boxes);
    let label = '';
    if (numId && numId !== '0' && (text.trim() || carry)) label = numbering.next(numId, ilvl);
    if (markDeleted) {
      carry += (carry ? '' : label) + text;
      for (const b of boxes) carriedBoxes.push(b);
      return;
    }
    const line = carry ? carry + text : label + text;
    carry = '';
    if (numbering.isHeading(style) && lines.length && lines[lines.length - 1] !== '') lines.push('');
    lines.push(line.trimEnd());
    for (const b of carriedBoxes) lines.push(b);
    for (const b of boxes) lines.push(b);
    carriedBoxes.length = 0;
  };
  /** Parts Word imports when it opens the file (altChunk: HTML, RTF or another document), which only Word reads. */
  let embedded = 0;
  const tables = new TableLayout();
  const block = (el: Element) => {
    for (const c of childElements(el)) {
      if (isW(c, 'p')) paragraph(c);
      else if (isW(c, 'tbl')) {
        // Each cell read in the document's order (list numbers count as Word counts them), its
        // lines taken back out, then laid out row by row or, for parallel text, column by column.
        const rows: string[][][] = [];
        for (const tr of childElements(c)) {
          if (!isW(tr, 'tr')) continue;
          const cells: string[][] = [];
          for (const tc of childElements(tr)) {
            if (!isW(tc, 'tc')) continue;
            const at = lines.length;
            block(tc);
            cells.push(lines.splice(at));
          }
          rows.push(cells);
        }
        tables.append(lines, rows);
      } else if (isW(c, 'sdt')) {
        const content = wChild(c, 'sdtContent');
        if (content) block(content);
      } else if (isW(c, 'ins') || isW(c, 'moveTo')) {
        changes.seen = true;
        block(c);
      } else if (isW(c, 'del') || isW(c, 'moveFrom')) changes.seen = true;
      else if (isW(c, 'customXml') || isW(c, 'smartTag')) block(c);
      else if (isW(c, 'altChunk')) embedded++;
    }
  };
  block(body);
  if (carry) lines.push(carry);
  for (const b of carriedBoxes) lines.push(b);
  if (changes.seen) notices.push(TRACKED_CHANGES);
  if (tables.notice) notices.push(tables.notice);
  const text = textOfLines(lines);
  const resave = 'open it in Word and save it again, which makes it ordinary text';
  if (embedded) notices.push(`${embedded} embedded part${embedded === 1 ? '' : 's'} (HTML or RTF that Word imports when it opens the file) left out: ${resave}`);
  if (!text.trim()) return { text: '', notices, problems: [embedded ? `the Word document keeps its text in embedded parts (HTML or RTF that Word imports when it opens the file), which Concordance does not read: ${resave}` : 'the Word document has no text'] };
  return { text, notices, problems: [] };
}
