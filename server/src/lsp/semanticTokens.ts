// Semantic tokens: defined terms, where they are defined (declaration) and every later use,
// so a drafter sees at a glance which words carry a statutory meaning.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { AnalysedDocument } from './workspace';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['variable'],
  tokenModifiers: ['declaration', 'readonly'],
};

const DECLARATION = 1 << 0;
const READONLY = 1 << 1;
const MAX_TERMS = 500;

export function computeSemanticTokens(doc: AnalysedDocument, isCancelled: () => boolean = () => false): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const defs = doc.analysis.parsed.definitions.filter((d) => d.term.trim().length >= 2).slice(0, MAX_TERMS);
  if (defs.length === 0) return builder.build();
  const declared = new Set(defs.map((d) => d.span.start));
  const terms = [...new Set(defs.map((d) => d.term.trim()))].sort((a, b) => b.length - a.length);
  // Words of a term may be separated by any run of spaces, but a token never spans lines.
  const alternatives = terms.map((t) => t.split(/\s+/).map(escape).join('[ \\t\\u00A0]+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const text = doc.text;
  const spans: { start: number; end: number; mods: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (spans.length % 1000 === 0 && isCancelled()) return builder.build();
    const start = m.index;
    const end = start + m[0].length;
    // The quoted term in its definition: its span may include the quotes.
    const isDecl = declared.has(start) || declared.has(start - 1);
    spans.push({ start, end, mods: isDecl ? DECLARATION | READONLY : READONLY });
  }
  for (const s of spans) {
    const pos = doc.lines.positionAt(s.start);
    builder.push(pos.line, pos.character, s.end - s.start, 0, s.mods);
  }
  return builder.build();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
