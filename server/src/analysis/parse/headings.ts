// Headings on their own line, above or below a numbering line.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

import type { ParserVocabulary } from '../vocabulary';
import { HEAD_MAX, type Lines } from './lines';
import { endsInFunctionWord, titleLike } from './markers';

export function lineText(text: string, lines: Lines, li: number): string {
  const s = lines.start[li];
  const e = Math.min(lines.end[li], s + HEAD_MAX + 1);
  return text.slice(s, e).trim();
}

export function isBlank(text: string, lines: Lines, li: number): boolean {
  return lineText(text, lines, li).length === 0;
}

export function headingLine(v: ParserVocabulary, text: string, lines: Lines, li: number, maxWords: number): string | undefined {
  if (lines.end[li] - lines.start[li] > HEAD_MAX) return undefined;
  let t = lineText(text, lines, li);
  if (t.length === 0) return undefined;
  t = t.replace(/^\*\*(.+)\*\*$/, '$1').replace(/^_(.+)_$/, '$1').trim();
  if (/[.;:,—–-]$/.test(t)) return undefined;
  if (!titleLike(v, t, maxWords)) return undefined;
  if (endsInFunctionWord(v, t)) return undefined;
  return t;
}
