// A provision's hover fits VS Code's capped hover height: its first part (the summary line, then the
// link to the comparison) says the article and paragraphs matched, how strong the match is and what
// is missing, each with its citation; the long lists come after it. Drafts are our own wording.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Analyzer } from '../../src/analysis/analyze';
import { createAnalyzer } from '../../src/analysis/engine';
import { escapeMarkdown as md } from '../../src/analysis/markdown';
import type { MessageLocale } from '../../src/analysis/messages';
import { LineIndex } from '../../src/analysis/text';
import { linkTitle, pinOf, provisionHover } from '../../src/lsp/hover';
import { defaultSettings, type AnalysedDocument } from '../../src/lsp/workspace';
import fc from 'fast-check';
import { check } from './check';

// markdown-it ships no types; only render() is used (as in markdown.test.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(src: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

const { analyzer: loaded } = createAnalyzer();
if (!loaded) throw new Error('convention data did not load');
const english: Analyzer = loaded;
const ROOT = path.resolve(__dirname, '../../../..');
/** Undoes the hover's Markdown escaping (a backslash before ASCII punctuation). */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

// A production power that says nothing of who authorises it, on what grounds, or what the person may do.
const BARE_POWER = [
  'Section 8 — Production of stored data',
  'An authorised officer may, by written notice, require a service provider to produce subscriber information in its possession or control.',
  '',
].join('\n');

function docOf(a: Analyzer, text: string): AnalysedDocument {
  return { uri: 'file:///hover-first.draft', version: 1, text, lines: new LineIndex(text), analysis: a.analyze(text), settings: defaultSettings, analyzer: a };
}

interface FirstPart {
  /** Every missing element and safeguard named, with its citation, in the first paragraph. */
  missingFirst: boolean;
  /** How many elements and safeguards are missing (the check above is not vacuous). */
  missing: number;
  /** The second paragraph is the link to the comparison. */
  compareSecond: boolean;
  /** The lists come after that: elements, then safeguards. */
  listsAfter: boolean;
  /** The summary line's first part after the title, unescaped: the paragraphs matched ("paras (a), (b)"). */
  paragraphs: string;
  /** Those are paragraphs of the article, in the display language's words. */
  paragraphsOfArticle: boolean;
}

function firstPart(locale: MessageLocale, text: string, article: number): FirstPart {
  const a = english.withLocale(locale);
  const doc = docOf(a, text);
  const [id, match] = [...doc.analysis.matches.entries()].find(([, m]) => m.matches[0]?.article === article)!;
  const hover = provisionHover(doc, a, doc.analysis.parsed.byId.get(id)!, match.matches);
  const paragraphs = hover.split('\n\n');
  const say = a.messages;
  const missingCodes = a.data.checks.filter((c) => doc.analysis.findings.some((f) => f.provision === id && f.code === c.code));
  const lower = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  const named = missingCodes.map((c) => `${md(lower(say.title(c)))} (${md(say.t('pin', c.citations.join(', ')))})`);
  const missingElements = match.matches[0].elements.filter((e) => e.required && !e.present);
  const paragraphOf = new Map(a.data.articles.find((x) => x.article === article)!.elements.map((e) => [e.id, e.paragraph ?? '']));
  named.push(...missingElements.map((e) => `${md(e.label)} (${md(say.t('pin', pinOf(article, paragraphOf.get(e.id)!)))})`));
  const shown = unescape(paragraphs[0].replace(/^\*\*[^*]+\*\* · /, '').split(' · ')[0]);
  const [one, many] = [say.t('hover.paragraph', ''), say.t('hover.paragraphs', '')];
  const list = shown.startsWith(many) ? shown.slice(many.length) : shown.startsWith(one) ? shown.slice(one.length) : undefined;
  const known = new Set(a.data.articles.find((x) => x.article === article)!.elements.map((e) => e.paragraph));
  const elementsAt = hover.indexOf(`**${say.t('hover.elements')}**`);
  const safeguardsAt = hover.indexOf(`**${say.t('hover.safeguards')}**`);
  return {
    missingFirst: named.every((n) => paragraphs[0].includes(n)),
    missing: named.length,
    compareSecond: paragraphs[1].startsWith(`[${say.t('hover.compareWith', article)}](command:concordance.compareWithArticle?`),
    listsAfter: elementsAt > paragraphs[0].length + paragraphs[1].length && safeguardsAt > elementsAt,
    paragraphs: shown,
    paragraphsOfArticle: list !== undefined && list.split(', ').every((p) => known.has(p)),
  };
}

describe('the hover: what a drafter needs first', () => {
  check(
    'a power lacking safeguards: the summary line names each missing one with its citation, before the lists',
    [
      { name: 'en', input: 'en' as MessageLocale, expected: { missingFirst: true, compareSecond: true, listsAfter: true, paragraphsOfArticle: true } },
      { name: 'es', input: 'es' as MessageLocale, expected: { missingFirst: true, compareSecond: true, listsAfter: true, paragraphsOfArticle: true } },
      { name: 'fr', input: 'fr' as MessageLocale, expected: { missingFirst: true, compareSecond: true, listsAfter: true, paragraphsOfArticle: true } },
    ],
    (locale) => {
      const f = firstPart(locale, BARE_POWER, 27);
      assert.ok(f.missing >= 2, `only ${f.missing} missing: the case checks little`);
      return { missingFirst: f.missingFirst, compareSecond: f.compareSecond, listsAfter: f.listsAfter, paragraphsOfArticle: f.paragraphsOfArticle };
    },
  );

  it('the example bill\'s production order (section 17): both paragraphs of Art. 27 matched, nothing missing, on the summary line', () => {
    const bill = fs.readFileSync(path.join(ROOT, 'examples/cybercrime-bill.draft'), 'utf8');
    const f = firstPart('en', bill, 27);
    assert.deepStrictEqual(f, { missingFirst: true, missing: 0, compareSecond: true, listsAfter: true, paragraphs: 'paras (a), (b)', paragraphsOfArticle: true });
    const a = english;
    const doc = docOf(a, bill);
    const [id, match] = [...doc.analysis.matches.entries()].find(([, m]) => m.matches[0]?.article === 27)!;
    const first = provisionHover(doc, a, doc.analysis.parsed.byId.get(id)!, match.matches).split('\n')[0];
    assert.match(first, /^\*\*Art\. 27 — Production order\*\* · paras \\\(a\\\)\\, \\\(b\\\) · (strong|moderate) match · nothing missing$/);
  });

  check(
    'pinOf: an element\'s paragraph as a pinpoint',
    [
      { name: 'lettered paragraph', input: [27, '(a)'] as [number, string], expected: '27(a)' },
      { name: 'numbered paragraph', input: [24, '2'] as [number, string], expected: '24(2)' },
      { name: 'subparagraph', input: [29, '1(b)'] as [number, string], expected: '29(1)(b)' },
      { name: 'range', input: [14, '2(a)-(b)'] as [number, string], expected: '14(2)(a)-(b)' },
      { name: 'no paragraph', input: [9, ''] as [number, string], expected: '9' },
    ],
    ([n, p]) => pinOf(n, p),
  );

  it('draft words as a link\'s tooltip stay text: one link, its title the words, whatever they hold', () => {
    const html = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const chars = fc.constantFrom(...'![]()<>`*_~&#:/@.|\\-+=>"\'a b1xw'.split(''), '")', '](command:x)', 'https://', '<img src=x>', '\n');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }), (parts) => {
        const words = parts.join('');
        fc.pre(words.trim().length > 0);
        const out = renderer.render(`[here](command:concordance.revealInDraft?x${linkTitle(words)})`);
        assert.strictEqual(out, `<p><a href="command:concordance.revealInDraft?x" title="${html(`“${words.replace(/\s+/g, ' ')}”`)}">here</a></p>\n`);
      }),
      { numRuns: 300 },
    );
  });
});
