// A table of contents at the head of a draft ("ARRANGEMENT OF SECTIONS", "Sommaire", "Índice"):
// as printed in enacted laws and bills, it lists each section's number and heading, which the
// parser reads as sections of their own, each a second, empty copy of a section of the body.
// Found by its shape, in any language: the sections from the first up to the body's copy of it,
// each only a number and a heading, repeated by the body (numbers and headings, or numbers in order).
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import type { ParsedDraft, Provision } from '../types';
import { normLabel } from './references';

/** Fewer entries than this are not taken for a table of contents. */
const MIN_ENTRIES = 2;

/** A heading as a table of contents and the body both write it: case, spacing, leaders and a page number aside. */
function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.·…_]+\d{1,4}$/u, '')
    .replace(/[\s.:;,—–-]+$/u, '')
    .trim();
}

const keyOf = (p: Provision): string => `${normLabel(p.label)}\u0000${headingKey(p.heading ?? '')}`;

/** Words a line of a table of contents may have beside its heading: a keyword and a number ("Artículo 5"). */
const ENTRY_WORDS = 6;

/**
 * A section that could be a table-of-contents entry: no provision under it, and at most three
 * lines of words, each short or its heading ("Article 5", "Illegal access", a page number aside).
 * The last entry runs on to the body's first provision, over what stands between (a bill's long
 * title and enacting words): only its first lines are its own.
 */
function entryLike(text: string, p: Provision, last = false): boolean {
  if (p.kind !== 'section' || p.children.length > 0) return false;
  if (last) return true;
  const heading = p.heading?.trim();
  let lines = 0;
  for (const line of text.slice(p.span.start, p.span.end).split(/\r\n|\r|\n/)) {
    if (!/\p{L}/u.test(line)) continue;
    if (++lines > 3) return false;
    if (!(heading && line.includes(heading)) && (line.match(/\p{L}+/gu) ?? []).length > ENTRY_WORDS) return false;
  }
  return true;
}

/** The table of contents found: its sections' ids, and where the text it was told from ends. */
export interface Contents {
  ids: ReadonlySet<string>;
  /**
   * The end of the last section whose text was read: an edit after it that rewrites no heading
   * (the incremental parse) leaves the result as it is.
   */
  readEnd: number;
}

/**
 * The sections that form a table of contents at the head of the draft (none when it has none):
 * the sections before the body's copy of the first one (the next section with its number), when
 * each is only a number and a heading, and either at least half of them have their copy (number
 * and heading) in the body, or the body begins with their numbers in the same order (a table whose
 * headings, on lines of their own, the parser took for other sections' headings).
 */
export function contentsEntries(text: string, provisions: readonly Provision[]): Contents {
  const sections: Provision[] = [];
  for (let k = 0; k < provisions.length; k++) if (provisions[k].kind === 'section') sections.push(provisions[k]);
  const none = (read: number): Contents => ({ ids: NO_CONTENTS, readEnd: read < 0 ? -1 : sections[read].span.end });
  // Most drafts begin with a section that has a body: nothing more is looked at.
  if (sections.length === 0) return none(-1);
  if (sections.length < 2 * MIN_ENTRIES || !entryLike(text, sections[0])) return none(0);
  const firstLabel = normLabel(sections[0].label);
  let body = 1;
  while (body < sections.length && normLabel(sections[body].label) !== firstLabel) body++;
  if (body < MIN_ENTRIES || body === sections.length) return none(0);
  for (let k = 1; k < body; k++) if (!entryLike(text, sections[k], k === body - 1)) return none(k);
  const found = (): Contents => ({ ids: new Set(sections.slice(0, body).map((p) => p.id)), readEnd: sections[body - 1].span.end });
  // The body begins with the table's numbers, in the same order.
  if (2 * body <= sections.length && sections.slice(0, body).every((p, k) => normLabel(p.label) === normLabel(sections[body + k].label))) return found();
  const inBody = new Set<string>();
  for (let k = body; k < sections.length; k++) inBody.add(keyOf(sections[k]));
  let twins = 0;
  for (let k = 0; k < body; k++) if (sections[k].heading && inBody.has(keyOf(sections[k]))) twins++;
  return twins * 2 >= body ? found() : none(body - 1);
}

/**
 * The section of the body that a table-of-contents entry stands for: the first after the table
 * with its number and heading, else with its number.
 */
export function bodyCopyOf(parsed: ParsedDraft, entry: Provision): Provision | undefined {
  const contents = parsed.contents;
  if (!contents?.has(entry.id)) return undefined;
  const key = keyOf(entry);
  const label = normLabel(entry.label);
  let sameNumber: Provision | undefined;
  for (const p of parsed.provisions) {
    if (p.kind !== 'section' || contents.has(p.id) || normLabel(p.label) !== label) continue;
    if (keyOf(p) === key) return p;
    sameNumber ??= p;
  }
  return sameNumber;
}

/** No table of contents. */
export const NO_CONTENTS: ReadonlySet<string> = new Set();

/** Whether two sets of section ids are the same. */
export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
