// Defined terms: a quoted term followed by a defining verb of the language files, and how far its definition reaches.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import type { Building, DefinedTerm } from '../types';
import type { ParserVocabulary } from '../vocabulary';
import { trimEnd, wordCount } from './markers';
import { OwnerIndex } from './tree';


export const CLOSING: Record<string, string> = { '"': '"', '“': '”', '”': '”', "'": "'", '‘': '’', '’': '’', '«': '»' };

/** A defined term found in the text, before its definition's extent is worked out. */
export interface DefinitionCandidate {
  term: string;
  quoteStart: number;
  termStart: number;
  termEnd: number;
}

/**
 * Adds to `out` the defined terms found at offsets in [from, to). A match of the definition pattern never spans a
 * line break, so whole lines can be scanned on their own: a reparse scans only the edited line.
 */
export function definitionCandidates(v: ParserVocabulary, text: string, from: number, to: number, out: DefinitionCandidate[]): void {
  v.definitionRe.lastIndex = from;
  for (let m = v.definitionRe.exec(text); m !== null && m.index < to; m = v.definitionRe.exec(text)) {
    const open = m[1];
    let term: string;
    let termStart: number;
    if (open !== undefined) {
      if (CLOSING[open] !== m[3] && !(open === '”' && m[3] === '”')) {
        v.definitionRe.lastIndex = m.index + 1;
        continue;
      }
      term = m[2];
      termStart = m.index + m[0].indexOf(term, 1);
    } else {
      term = m[4];
      termStart = m.index + 2;
    }
    const verb = m[5];
    const trimmed = term.trim();
    if (!/\p{L}/u.test(trimmed) || wordCount(trimmed) > 8) {
      v.definitionRe.lastIndex = m.index + 1;
      continue;
    }
    if (verb === ':') {
      // list style «term»: … — the term must open its line (after indentation / marker)
      let ls = m.index;
      while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13 && m.index - ls < 40) ls--;
      if (!/^[ \t\u00A0]*(?:\(?[0-9a-zA-Z]{1,5}[).][ \t\u00A0]*|[-*•][ \t]+)?$/.test(text.slice(ls, m.index))) {
        v.definitionRe.lastIndex = m.index + 1;
        continue;
      }
    }
    termStart += term.indexOf(trimmed);
    out.push({ term: trimmed, quoteStart: m.index, termStart, termEnd: termStart + trimmed.length });
  }
}

/** The defined terms with the extent of each definition (to the next term, the end of its provision or a blank line). */
export function definitionsFrom(v: ParserVocabulary, text: string, raws: DefinitionCandidate[], owner: OwnerIndex, from = 0, to = raws.length, out: DefinedTerm[] = []): DefinedTerm[] {
  for (let i = from; i < to; i++) {
    const r = raws[i];
    const prov = owner.at(r.termStart);
    let end = prov ? prov.span.end : text.length;
    if (i + 1 < raws.length && raws[i + 1].quoteStart < end) {
      // the next term ends this definition; when it opens its own provision, at that provision's start
      const nextOwner = owner.at(raws[i + 1].quoteStart);
      end = raws[i + 1].quoteStart;
      if (nextOwner && nextOwner !== prov && nextOwner.span.start > r.termEnd) end = Math.min(end, nextOwner.span.start);
      // "…;\n- **next** means": stop at the end of the previous line when only a bullet or marker precedes the next term
      let lb = end;
      while (lb > r.termEnd && end - lb < 24 && text.charCodeAt(lb - 1) !== 10 && text.charCodeAt(lb - 1) !== 13) lb--;
      if (lb > r.termEnd && (text.charCodeAt(lb - 1) === 10 || text.charCodeAt(lb - 1) === 13)) {
        if (/^[ \t\u00A0]*(?:[-*•+]|\(?[0-9a-zA-Z]{1,5}[).°º]\)?)?[ \t\u00A0]*$/.test(text.slice(lb, end))) end = lb - 1;
      }
    }
    // a blank line after a complete sentence ends it too
    const region = text.slice(r.termEnd, end);
    const bm = v.endOfDefinitionRe.exec(region);
    if (bm) end = r.termEnd + bm.index + bm[0].search(/[\r\n]/);
    end = trimEnd(text, r.termEnd, end);
    while (end > r.termEnd && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end = trimEnd(text, r.termEnd, end - 1);
    const d: Building<DefinedTerm> = {
      term: r.term,
      span: { start: r.termStart, end: r.termEnd },
      definitionSpan: { start: r.quoteStart, end: Math.max(end, r.termEnd) },
    };
    if (prov) d.provision = prov.id;
    out.push(d);
  }
  return out;
}
