// Hover: over a convention reference, a defined term, or a provision.
import type { Hover, Position } from 'vscode-languageserver';
import type { Analyzer } from '../analysis/analyze';
import { unitOf } from '../analysis/analyze';
import { evidenceLocation, provisionAt, referenceAt, definitionAt } from '../analysis/query';
import type { ArticleMatch, ElementEvidence, NoArticle, Provision, Span } from '../analysis/types';
import { whereCheckAnswered } from '../analysis/checks';
import type { AnalysedDocument } from './workspace';
import { escapeMarkdown as md } from '../analysis/markdown';
import { HOVER_COMMANDS } from './hoverCommands';
import type { MessageKey, Messages } from '../analysis/messages';

/** Data category labels: their message keys (data/messages/*.json). */
const DATA_CATEGORY_LABELS: Record<string, MessageKey> = {
  'subscriber-information': 'data.subscriber-information',
  'traffic-data': 'data.traffic-data',
  'content-data': 'data.content-data',
  'electronic-data': 'data.electronic-data',
};

/**
 * The hover at a position. Its own words are `analyzer.messages` (data/messages/<locale>.json, the
 * display language the client sent at initialize: en, es or fr, else English); the draft's words and
 * numbering, and the Convention's data (titles, element names), are shown as they are.
 */
export function computeHover(doc: AnalysedDocument, analyzer: Analyzer, position: Position): Hover | null {
  const say = analyzer.messages;
  const offset = doc.lines.offsetAt(position);
  const { analysis } = doc;
  const ref = referenceAt(analysis, offset);
  if (ref && ref.kind === 'convention') {
    const a = analyzer.data.articles.find((x) => x.article === ref.article);
    const body = a
      ? [`**Art. ${a.article} — ${md(a.title)}** (${say.t('hover.chapter', a.chapter)})`, '', ...a.paragraphs.filter((p) => !ref.paragraph || p.n.startsWith(ref.paragraph)).map((p) => `- *${md(p.n)}* (${md(p.obligation)}) ${md(p.summary)}`), '', `_${say.t('hover.summaryNotTreaty')}_ [${say.t('hover.openArticle')}](${commandUri('concordance.openArticle', [a.article])})`]
      : [say.t('hover.noArticle', ref.article)];
    return { contents: { kind: 'markdown', value: body.join('\n') }, range: doc.lines.rangeOf(ref.span) };
  }
  const def = definitionAt(analysis, doc.text, offset);
  if (def) {
    const finding = analysis.findings.find((f) => f.code === 'definition.narrower' && f.span.start === def.span.start);
    // Draft text: escaped, so it shows as text (no image, link or HTML a hostile draft could carry).
    const lines = [`**"${md(def.term)}"** — ${say.t('hover.definedHere')}`, '', '> ' + md(doc.text.slice(def.definitionSpan.start, def.definitionSpan.end).replace(/\s+/g, ' ').slice(0, 400))];
    if (finding) lines.push('', `_${say.t('hover.definitionNarrower')}_`);
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: doc.lines.rangeOf(def.span) };
  }
  const p = provisionAt(analysis, offset);
  if (!p) return null;
  const unit = unitOf(p, analysis);
  if (!unit) return null;
  const pm = analysis.matches.get(unit.id);
  const matches = pm?.matches ?? [];
  const range = doc.lines.rangeOf({ start: unit.span.start, end: Math.min(unit.span.end, unit.ownSpan.end) });
  if (matches.length === 0) return pm?.none ? { contents: { kind: 'markdown', value: noArticleHover(doc, analyzer, unit, pm.none) }, range } : null;
  return { contents: { kind: 'markdown', value: provisionHover(doc, analyzer, unit, matches) }, range };
}

/**
 * A provision given no article, and why: worded only as a saving, formal or presumption clause, or
 * as sending the matter to another law (with the words that say so), an offence with no
 * counterpart, or too little evidence for the article it came nearest to (with a link to compare
 * the two side by side, so the drafter can see what is missing).
 */
export function noArticleHover(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, none: NoArticle): string {
  const say = analyzer.messages;
  const words = none.span ? md(doc.text.slice(unit.span.start + none.span.start, unit.span.start + none.span.end).replace(/\s+/g, ' ')) : '';
  const nearest = none.nearest === undefined ? undefined : analyzer.data.articles.find((a) => a.article === none.nearest);
  const why =
    none.reason === 'saving'
      ? say.t('hover.none.saving', words)
      : none.reason === 'routed'
        ? say.t('hover.none.routed', words)
        : nearest === undefined
          ? undefined
          : none.reason === 'no-counterpart'
            ? say.t('hover.none.noCounterpart', `Art. ${nearest.article} — ${md(nearest.title)}`)
            : say.t('hover.none.belowThreshold', `Art. ${nearest.article} — ${md(nearest.title)}`);
  const out = [`**${say.t('hover.none.title')}**${why ? ' · ' + why : ''}`];
  if (nearest) out.push('', `[${say.t('hover.compareWith', nearest.article)}](${commandUri('concordance.compareWithArticle', [doc.uri, unit.id, nearest.article])})`);
  return out.join('\n');
}

function strengthWords(m: ArticleMatch, say: Messages): string {
  return m.strength === 'strong' ? say.t('hover.strong') : m.strength === 'moderate' ? say.t('hover.moderate') : say.t('hover.weak');
}

/**
 * A provision's hover, what a drafter needs first: VS Code caps a hover's height, so its first lines
 * say the article and paragraphs matched, how strong the match is and what is missing, each with its
 * citation, then link to the comparison (which has everything at length). Then, compact: the
 * elements and the safeguards, each with a link to where the draft says it (the words are the link's
 * tooltip; the link selects them); then the references (chapter, data, read with, Budapest).
 * The findings' own messages are not repeated (the editor shows the diagnostic above the card).
 */
export function provisionHover(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, matches: readonly ArticleMatch[]): string {
  const say = analyzer.messages;
  const out: string[] = [];
  const best = matches[0];
  const article = analyzer.data.articles.find((a) => a.article === best.article)!;
  const paragraphOf = new Map(article.elements.map((e) => [e.id, e.paragraph ?? '']));
  const findings = doc.analysis.findings.filter((f) => f.provision === unit.id && f.code.startsWith('safeguard.'));
  const safeguardCodes = analyzer.data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(best.article));
  const missingSafeguards = safeguardCodes.filter((c) => findings.some((f) => f.code === c.code));
  // What is missing, each with the paragraph it rests on: "; " between them (a citation may hold a comma).
  // A missing safeguard goes by its title, which names the gap ("no judicial or independent review");
  // its present-tense label ("effect on third parties considered") would read as the opposite.
  const missing = [
    ...best.elements.filter((e) => e.required && !e.present).map((e) => `${md(e.label)} (${md(say.t('pin', pinOf(best.article, paragraphOf.get(e.id) ?? '')))})`),
    ...missingSafeguards.map((c) => `${md(lowerFirst(say.title(c)))} (${md(say.t('pin', c.citations.join(', ')))})`),
  ];
  const paragraphs = matchedParagraphs(best, paragraphOf);
  const head = [`**Art. ${best.article} — ${md(best.title)}**`];
  if (paragraphs.length) head.push(md(paragraphs.length > 1 ? say.t('hover.paragraphs', paragraphs.join(', ')) : say.t('hover.paragraph', paragraphs[0])));
  head.push(strengthWords(best, say), missing.length ? say.t('hover.missing', missing.join('; ')) : say.t('hover.nothingMissing'));
  out.push(head.join(' · '));
  out.push('', `[${say.t('hover.compareWith', best.article)}](${commandUri('concordance.compareWithArticle', [doc.uri, unit.id, best.article])})`);
  if (matches.length > 1) out.push('', say.t('hover.also', matches.slice(1).map((m) => `Art. ${m.article} ${md(m.title)} (${strengthWords(m, say)})`).join('; ')));
  // The lists, one paragraph each: the heading on its own line, the items after it, " · " between them.
  const elements = best.elements
    .filter((e) => e.required || e.present)
    .map((e) => `${e.present ? '✓' : '✗'} ${md(e.label)}${e.required ? '' : ` _${say.t('hover.optional')}_`}${e.evidence ? whereFound(doc, analyzer, unit, e, say) : ''}`);
  if (elements.length) out.push('', `**${say.t('hover.elements')}**`, elements.join(' · '));
  if (safeguardCodes.length) {
    const items = safeguardCodes.map((c) => {
      const missingHere = missingSafeguards.includes(c);
      // Where a safeguard the section has was found: its own words, or a general safeguards clause.
      const where = missingHere ? undefined : whereCheckAnswered(analyzer, doc.analysis, doc.text, unit, c);
      return `${missingHere ? '✗' : '✓'} ${md(say.label(c))} (${md(say.t('pin', c.citations.join(', ')))})${where ? ` — ${placeLink(doc, analyzer, unit, where.span, say)}` : ''}`;
    });
    out.push('', `**${say.t('hover.safeguards')}** — ${say.t('hover.present', safeguardCodes.length - missingSafeguards.length, safeguardCodes.length)}`, items.join(' · '));
  }
  // The card's references on one line: chapter, data touched, read with, Budapest counterpart.
  const refs = [say.t('hover.chapter', article.chapter)];
  if (article.dataCategories?.length) refs.push(`**${say.t('hover.dataTouched')}** ${article.dataCategories.map((d) => md(DATA_CATEGORY_LABELS[d] ? say.t(DATA_CATEGORY_LABELS[d]) : d)).join(', ')}`);
  if (article.readWith.length) refs.push(`**${say.t('hover.readWith')}** ${say.t('pin', article.readWith.map((n) => `[${n}](${articleLink(n)})`).join(', '))}`);
  refs.push(`**${say.t('hover.budapest')}** ${article.budapest.length ? md(say.t('pin', article.budapest.join(', '))) : say.t('hover.noCounterpart')}`);
  out.push('', refs.join(' · '));
  return out.join('\n');
}

/**
 * The paragraphs of the article whose elements the section has, in the article's order, as the
 * article numbers them ("(a)", "1", "2(a)-(b)"); a subparagraph is left out when its paragraph is in.
 */
function matchedParagraphs(best: ArticleMatch, paragraphOf: ReadonlyMap<string, string>): string[] {
  const found = [...new Set(best.elements.filter((e) => e.present).map((e) => paragraphOf.get(e.id) ?? '').filter((p) => p !== ''))];
  return found.filter((p) => !found.some((q) => q !== p && p.startsWith(q + '(')));
}

/** An element's paragraph as a pinpoint: (27, "(a)") → "27(a)", (29, "1(b)") → "29(1)(b)", (24, "2") → "24(2)", (9, "") → "9". */
export function pinOf(article: number, paragraph: string): string {
  const m = /^(\d+)(.*)$/.exec(paragraph);
  return m ? `${article}(${m[1]})${m[2]}` : `${article}${paragraph}`;
}

/** Where an element's evidence was found: " — " and a link to those words, which are its tooltip (see `placeLink`). */
function whereFound(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, e: ElementEvidence, say: Messages): string {
  const loc = evidenceLocation(doc.analysis, unit, e);
  return loc ? ` — ${placeLink(doc, analyzer, unit, loc.span, say, e.evidence)}` : '';
}

/**
 * A link to words of the draft, named by where they stand as seen from the hovered section: "this
 * section" in its own text, "section 17(2)" in one of its subdivisions, "section 15(1)" elsewhere,
 * in the draft's own numbering word ("this article", "artículo 6(a)", "article 323-3(1)").
 */
function placeLink(doc: AnalysedDocument, analyzer: Analyzer, unit: Provision, span: Span, say: Messages, words?: string): string {
  const at = provisionAt(doc.analysis, span.start) ?? unit;
  const home = unitOf(at, doc.analysis) ?? at;
  let name: string;
  if (at === unit) name = numberingWord(doc.text, unit, analyzer, say).article ? say.t('hover.thisArticle') : say.t('hover.thisSection');
  else {
    const path: string[] = [];
    for (let p: Provision | undefined = at; p && p !== home; p = p.parent ? doc.analysis.parsed.byId.get(p.parent) : undefined) path.unshift(subLabel(p.label));
    name = `${numberingWord(doc.text, home, analyzer, say).word} ${home.label}${path.join('')}`;
  }
  const { start, end } = doc.lines.rangeOf(span);
  return `[${md(name)}](${commandUri('concordance.revealInDraft', [doc.uri, start.line, start.character, end.line, end.character])}${words ? linkTitle(words) : ''})`;
}

/** Draft words as a link's title (its tooltip), in quotes: escaped, so they stay text inside it and cannot end it. */
export function linkTitle(words: string): string {
  return ` "“${md(words.replace(/\s+/g, ' '))}”"`;
}

/** The word the draft numbers the section with ("Section", "Artículo", "Art."), lower-cased for a sentence; "section" when it has none. */
function numberingWord(text: string, unit: Provision, analyzer: Analyzer, say: Messages): { word: string; article: boolean } {
  const eol = text.slice(unit.span.start, Math.min(unit.span.end, unit.span.start + 200)).search(/[\r\n]/);
  const line = text.slice(unit.span.start, eol < 0 ? Math.min(unit.span.end, unit.span.start + 200) : unit.span.start + eol).trim();
  const a = analyzer.vocabulary.articleRe.exec(line);
  if (a) return { word: lowerFirst(a[1], true), article: true };
  const sec = analyzer.vocabulary.sectionRe.exec(line);
  return { word: sec ? lowerFirst(sec[1], true) : say.t('hover.section'), article: false };
}

/** A subdivision's label as a pinpoint: "(2)", "a)" → "(a)", "1°" / "1." → "(1)". */
function subLabel(label: string): string {
  const core = label.trim().replace(/^\(+|[).°º:-]+$/g, '');
  return core ? `(${core})` : '';
}

function lowerFirst(s: string, any = false): string {
  if (any) return s.charAt(0).toLowerCase() + s.slice(1);
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function articleLink(n: number): string {
  return commandUri('concordance.openArticle', [n]);
}

/**
 * A `command:` link target. Its arguments (a document URI, a provision id from the draft) are
 * percent-encoded entirely, parentheses too, so they can never end the link or start another.
 */
export function commandUri(command: (typeof HOVER_COMMANDS)[number], args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
}
