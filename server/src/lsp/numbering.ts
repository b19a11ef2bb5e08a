// Where and how to add text at the end of a provision, in the draft's own numbering style.
// Shared by the quick fixes (code actions); pure functions over the parsed draft and its text.
import type { ParsedDraft, Provision } from '../analysis/types';

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx', 'xxi', 'xxii', 'xxiii', 'xxiv', 'xxv'];

/** Offset just past the last non-white-space character of a span (the span's start if it is blank). */
export function trimmedEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** White space between the start of the line holding `offset` and the first character of that line. */
export function lineIndent(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return /^[ \t]*/.exec(text.slice(s, offset + 200))![0];
}

/** Does the provision start at the beginning of its line (after indentation)? */
function startsLine(text: string, offset: number): boolean {
  let s = offset;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
}

/** The line break the document uses. */
export function eol(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Splits a label such as "(3)", "3.", "c)", "(iv)", "3.2" into the part that counts and its wrapping. */
function splitLabel(label: string): { before: string; core: string; after: string } | undefined {
  const m = /^(\W*)(\d+(?:\.\d+)*|[A-Za-z]+)(\W*)$/.exec(label.trim());
  return m ? { before: m[1], core: m[2], after: m[3] } : undefined;
}

function isRomanSeries(cores: string[]): boolean {
  const roman = (c: string) => ROMAN.includes(c.toLowerCase());
  if (!cores.every(roman)) return false;
  // "(i)" after "(h)" is a letter; a series with "ii", "iv", "v" … is Roman.
  return cores.length === 1 ? cores[0].toLowerCase() === 'i' : cores.some((c) => c.length > 1 || c.toLowerCase() === 'v');
}

function nextLetters(core: string): string {
  const upper = core === core.toUpperCase();
  const c = core.toLowerCase();
  let next: string;
  if (/^(.)\1*$/.test(c)) {
    // "c" → "d", "z" → "aa", "aa" → "bb"
    next = c[0] === 'z' ? 'a'.repeat(c.length + 1) : String.fromCharCode(c.charCodeAt(0) + 1).repeat(c.length);
  } else {
    next = c.slice(0, -1) + (c.endsWith('z') ? 'za' : String.fromCharCode(c.charCodeAt(c.length - 1) + 1));
  }
  return upper ? next.toUpperCase() : next;
}

/** The label that follows `last` in a series (siblings' labels help tell Roman numerals from letters). */
export function nextLabel(last: string, siblings: string[] = [last]): string | undefined {
  const parts = splitLabel(last);
  if (!parts) return undefined;
  const { before, core, after } = parts;
  let next: string;
  if (/^\d/.test(core)) {
    const segs = core.split('.');
    segs[segs.length - 1] = String(Number(segs[segs.length - 1]) + 1);
    next = segs.join('.');
  } else {
    const cores = siblings.map((s) => splitLabel(s)?.core ?? '').filter(Boolean);
    if (isRomanSeries(cores)) {
      const i = ROMAN.indexOf(core.toLowerCase());
      if (i < 0 || i + 1 >= ROMAN.length) return undefined;
      next = core === core.toUpperCase() ? ROMAN[i + 1].toUpperCase() : ROMAN[i + 1];
    } else next = nextLetters(core);
  }
  return before + next + after;
}

/** The next number after a section label such as "14", "12 bis", "323-1", "7A". */
export function nextSectionLabel(label: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(label.trim());
  if (!m) return label ? label + '-1' : '1';
  // "12 bis" → "13"; "323-1" → "323-2"; "7A" → "8"
  return m[1] + String(Number(m[2]) + 1);
}

export interface Insertion {
  /** Offset where the text goes. */
  offset: number;
  /** Text to insert (begins with a line break). */
  text: string;
}

/**
 * Text that adds a new subdivision at the end of a provision, numbered after its last
 * subdivision and indented like it; a provision without subdivisions gets a new paragraph.
 */
export function appendSubdivision(text: string, parsed: ParsedDraft, p: Provision, body: string): Insertion {
  const nl = eol(text);
  const offset = trimmedEnd(text, p.span.start, p.span.end);
  const kids = p.children.map((id) => parsed.byId.get(id)).filter((c): c is Provision => !!c && c.kind !== 'division');
  const last = kids[kids.length - 1];
  const clean = body.trim().replace(/^\(?[0-9a-zA-Z]{1,4}[).]\s+/, '');
  // Paragraphs set apart by blank lines (as Markdown needs them) get a blank line too.
  const lead = /\n[ \t]*\r?\n/.test(text.slice(p.span.start, offset)) ? nl + nl : nl;
  if (last) {
    let label = nextLabel(last.label, kids.map((k) => k.label));
    // The parser keeps "1" of "1." and "I" of "I.": the new label takes the same mark after it.
    const at = text.indexOf(last.label, last.span.start);
    const mark = at >= 0 && at < last.span.end ? text.charAt(at + last.label.length) : '';
    if (label && (mark === '.' || mark === ')' || mark === '°' || mark === 'º') && !label.endsWith(mark)) label += mark;
    // Indentation of the last subdivision that starts its own line ("3. (1) …" starts inline).
    const onOwnLine = [...kids].reverse().find((k) => startsLine(text, k.span.start));
    const indent = onOwnLine ? lineIndent(text, onOwnLine.span.start) : '';
    if (label) return { offset, text: lead + indent + label + ' ' + indentContinuation(clean, indent + ' '.repeat(label.length + 1), nl) };
  }
  // No subdivisions: a new paragraph, indented like the provision's last line; after a list
  // item ("- …", "* …"), a new item of the same list rather than a line run into the last one.
  const lastLine = text.slice(lineStartAt(text, offset), offset);
  const bullet = /^([ \t]*)([-*+])[ \t]+/.exec(lastLine);
  if (bullet) return { offset, text: nl + bullet[0] + indentContinuation(clean, ' '.repeat(bullet[0].length), nl) };
  const indent = lineIndent(text, offset);
  return { offset, text: lead + indent + indentContinuation(clean, indent, nl) };
}

function lineStartAt(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/** A drafting-note line at the end of a provision, or a code added to the provision's existing directive. */
export function ignoreDirective(text: string, p: Provision, code: string): Insertion {
  const slice = text.slice(p.span.start, p.span.end);
  const re = /concordance-ignore\s+[a-z-]+\.[a-z0-9-]+(?:\s*,\s*[a-z-]+\.[a-z0-9-]+)*/gi;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(slice); m; m = re.exec(slice)) last = m;
  if (last) return { offset: p.span.start + last.index + last[0].length, text: ', ' + code };
  const offset = trimmedEnd(text, p.span.start, p.span.end);
  const indent = lineIndent(text, offset);
  return { offset, text: eol(text) + indent + `[Drafting note: concordance-ignore ${code}]` };
}

function indentContinuation(body: string, indent: string, nl: string): string {
  return body
    .split(/\r?\n/)
    .map((l, i) => (i === 0 || l.trim() === '' ? l.trimEnd() : indent + l.trim()))
    .join(nl);
}

/**
 * A new section at the end of the document, numbered after the draft's last section and
 * headed like it ("Section 15 — Title", "15. Title", or a marginal heading above "15.").
 */
export function appendSection(text: string, parsed: ParsedDraft, title: string, body: string): Insertion {
  const nl = eol(text);
  const offset = trimmedEnd(text, 0, text.length);
  const sections = parsed.provisions.filter((p) => p.kind === 'section');
  const last = sections[sections.length - 1];
  const lead = offset > 0 ? nl + nl : '';
  const cleanBody = body.trim().replace(/\r?\n/g, nl);
  if (!last) return { offset, text: `${lead}Section 1 — ${title}${nl}${cleanBody}` };
  const next = nextSectionLabel(last.label);
  const firstLine = text.slice(last.span.start, lineEndAt(text, last.span.start));
  const at = firstLine.indexOf(last.label);
  if (at < 0) {
    // Marginal heading on the line above the number: find the numbered line.
    const nextLineStart = skipLineBreak(text, last.span.start + firstLine.length);
    const numbered = text.slice(nextLineStart, lineEndAt(text, nextLineStart));
    const j = numbered.indexOf(last.label);
    if (j >= 0 && last.heading && firstLine.trim() === last.heading) {
      const sep = /^[.:)]?/.exec(numbered.slice(j + last.label.length))![0];
      return { offset, text: `${lead}${title}${nl}${numbered.slice(0, j)}${next}${sep} ${cleanBody.replace(/^\s+/, '')}` };
    }
    return { offset, text: `${lead}Section ${next} — ${title}${nl}${cleanBody}` };
  }
  const prefix = firstLine.slice(0, at);
  const after = firstLine.slice(at + last.label.length);
  if (last.heading && after.includes(last.heading)) {
    // "Section 14 — Illegal access" → "Section 15 — Title"
    const head = after.slice(0, after.indexOf(last.heading));
    const restOfLine = after.slice(after.indexOf(last.heading) + last.heading.length);
    const trailing = /^[\s.:—–-]*$/.test(restOfLine) ? restOfLine.trimEnd() : '';
    return { offset, text: `${lead}${prefix}${next}${head}${title}${trailing}${nl}${cleanBody}` };
  }
  const sep = /^\s*[.:—–-]?/.exec(after)![0].trimEnd();
  return { offset, text: `${lead}${prefix}${next}${sep} ${title}${nl}${cleanBody}` };
}

function lineEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function skipLineBreak(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  if (text[at] === '\n' || text[at] === '\r') return at + 1;
  return at;
}
