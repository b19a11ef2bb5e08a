// A provision given no article says why, when the matcher decided it on grounds a drafter can be
// told (ProvisionMatch.none): a clause worded only as a saving, formal or presumption clause, one
// sending cooperation to another law (each with the words that say so), an offence with no
// counterpart, or too little evidence for the nearest article. Its hover says the same. Drafts are
// our own wording.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { LineIndex } from '../../src/analysis/text';
import type { NoArticle } from '../../src/analysis/types';
import { noArticleHover } from '../../src/lsp/hover';
import { defaultSettings, type AnalysedDocument } from '../../src/lsp/workspace';
import { check } from './check';

const analyzer = createAnalyzer().analyzer!;

/** The reason given for the provision whose label is given, with the words it cites (as they stand in the draft). */
interface Why {
  reason: NoArticle['reason'] | 'matched' | 'none given';
  words?: string;
  /** The kind of the article it came nearest to (offence, procedural power …). */
  nearest?: string;
}

function whyNone(input: { text: string; label: string }): Why {
  const a = analyzer.analyze(input.text);
  const p = a.parsed.provisions.find((x) => x.label === input.label);
  assert.ok(p, `provision ${input.label} of ${JSON.stringify(a.parsed.provisions.map((x) => x.label))}`);
  const pm = a.matches.get(p.id);
  if (pm && pm.matches.length > 0) return { reason: 'matched' };
  if (!pm?.none) return { reason: 'none given' };
  const { reason, span, nearest } = pm.none;
  return { reason, ...(span ? { words: input.text.slice(p.span.start + span.start, p.span.start + span.end) } : {}), ...(nearest !== undefined ? { nearest: analyzer.data.articles.find((x) => x.article === nearest)?.kind ?? 'not an article' } : {}) };
}

const law = (...sections: string[]) => sections.join('\n\n') + '\n';

check<{ text: string; label: string }, Why>('why a provision implements no article', [
  {
    name: 'en: a clause that only keeps other laws in force cites its saving words',
    input: { text: law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.', 'Section 2 — Other laws\nThis Part has effect without prejudice to the powers of the police under any other enactment.'), label: '2' },
    expected: { reason: 'saving', words: 'has effect without prejudice to' },
  },
  {
    name: 'en: a presumption worded as no kind of provision cites the presumption',
    input: { text: law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.', 'Section 9 — Ownership of records\nA record held on a server operated by a company shall be presumed to have been kept by that company.'), label: '9' },
    expected: { reason: 'saving', words: 'shall be presumed' },
  },
  {
    name: 'en: a clause sending extradition requests to another Act cites the routing words',
    input: { text: law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.', 'Section 30 — Extradition\nA request from a foreign State for the surrender of a person for an offence under this Act shall be dealt with under the Extradition Act.'), label: '30' },
    expected: { reason: 'routed', words: 'shall be dealt with under' },
  },
  {
    name: 'es: a presumption clause in Spanish cites its words',
    input: { text: law('Artículo 1. Acceso ilícito\nQuien acceda de forma deliberada y sin derecho a un sistema informático será castigado con prisión.', 'Artículo 7. Registros\nLos registros conservados por una empresa se presumirá que le pertenecen, salvo prueba en contrario.'), label: '7' },
    expected: { reason: 'saving', words: 'salvo prueba en contrario' },
  },
  {
    name: 'en: an offence of spreading false news gets no article and names the offence it resembles',
    input: { text: law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.', 'Section 5 — False news\nA person who publishes false news through a computer system that is likely to cause public alarm commits an offence.'), label: '5' },
    expected: { reason: 'no-counterpart', nearest: 'offence' },
  },
  {
    name: 'en: a provision that matches an article gives no reason for none',
    input: { text: law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.'), label: '1' },
    expected: { reason: 'matched' },
  },
  {
    name: 'en: a short title is formal wording, and says so',
    input: { text: law('Section 1 — Short title\nThis Act may be cited as the Computer Misuse Act.', 'Section 2 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.'), label: '1' },
    expected: { reason: 'saving', words: 'may be cited as' },
  },
  {
    name: 'en: a reporting duty that mentions seizures is told which article it came nearest to',
    input: { text: law('Section 40 — Annual report\nThe Minister shall lay before Parliament each year a report on the number of computers seized under this Act.'), label: '40' },
    expected: { reason: 'below-threshold', nearest: 'procedural-power' },
  },
], whyNone);

describe('the hover of a provision given no article', () => {
  const hoverOf = (text: string, label: string, locale: 'en' | 'es' | 'fr' = 'en') => {
    const a = analyzer.withLocale(locale);
    const analysis = a.analyze(text);
    const doc: AnalysedDocument = { uri: 'file:///none.draft', version: 1, text, lines: new LineIndex(text), analysis, settings: defaultSettings, analyzer: a };
    const p = analysis.parsed.provisions.find((x) => x.label === label)!;
    return noArticleHover(doc, a, p, analysis.matches.get(p.id)!.none!);
  };

  it('says why, quoting the words that decided it, in the display language', () => {
    const text = law('Section 1 — Unauthorised access\nA person who intentionally accesses a computer system without right commits an offence.', 'Section 2 — Other laws\nThis Part has effect without prejudice to the powers of the police under any other enactment.');
    for (const locale of ['en', 'es', 'fr'] as const) {
      const hover = hoverOf(text, '2', locale);
      const say = analyzer.withLocale(locale).messages;
      assert.ok(hover.startsWith(`**${say.t('hover.none.title')}** · `), hover);
      assert.ok(hover.includes(say.t('hover.none.saving', 'has effect without prejudice to')), hover);
      // Nothing to compare with: no article came near.
      assert.ok(!hover.includes('concordance.compareWithArticle'), hover);
    }
  });

  it('names the nearest article and links to the comparison with it', () => {
    const text = law('Section 40 — Annual report\nThe Minister shall lay before Parliament each year a report on the number of computers seized under this Act.');
    const analysis = analyzer.analyze(text);
    const nearest = [...analysis.matches.values()][0].none!.nearest!;
    const hover = hoverOf(text, '40');
    const title = analyzer.data.articles.find((a) => a.article === nearest)!.title;
    assert.ok(hover.includes(`Art. ${nearest} — `) && hover.includes(title.split(' ')[0]), hover);
    assert.ok(hover.includes(`[${analyzer.messages.t('hover.compareWith', nearest)}](command:concordance.compareWithArticle?`), hover);
  });
});
