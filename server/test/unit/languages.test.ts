// A language is data: a copy of data/ with one more small language file (German, a few words
// of our own choosing) makes the parser read that language's numbering and definitions, with
// no change to the code. The drafts here are our own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findDataDir, loadConventionData } from '../../src/analysis/data/load';
import type { LanguageData } from '../../src/analysis/data/types';
import { createAnalyzer } from '../../src/analysis/engine';
import { parseProvisions, reparseProvisions } from '../../src/analysis/parse';
import type { ParsedDraft } from '../../src/analysis/types';
import { compileParserVocabulary } from '../../src/analysis/vocabulary';
import { check } from './check';

const GERMAN: LanguageData = {
  language: 'de',
  name: 'Deutsch',
  stemmer: 'german',
  stopWords: ['der', 'die', 'und', 'wer', 'oder'],
  parser: {
    divisions: [{ key: 'chapter', words: ['Kapitel'] }],
    articleWords: ['Artikel'],
    referenceWords: { article: ['Artikel'] },
    sentenceVerbs: ['ist', 'wird'],
    definitionVerbs: ['bezeichnet'],
    conventionNames: ['Übereinkommen'],
    of: ['des'],
    and: ['und'],
    or: ['oder'],
  },
};

/** "id kind label heading" per provision, then "term: defined" per defined term, then references. */
function outline(p: ParsedDraft): string[] {
  return [
    ...p.provisions.map((x) => [x.id, x.kind, x.label, x.heading ?? ''].filter((s) => s !== '').join(' ')),
    ...p.definitions.map((d) => `term: ${d.term}`),
    ...p.references.map((r) => (r.kind === 'convention' ? `convention ${r.article}` : `cross ${r.target}`)),
  ];
}

const DRAFT = [
  'Kapitel 2 — Straftaten',
  '',
  'Artikel 5 Begriffe',
  '"Daten" bezeichnet jede Darstellung von Informationen.',
  '',
  'Artikel 6 Rechtswidriger Zugang',
  'Wer ohne Recht auf ein Computersystem zugreift, wird bestraft (Artikel 7 des Übereinkommens).',
].join('\n');

describe('a fourth language added by data alone: the parser', () => {
  let tmp: string;
  let dir: string;

  before(() => {
    // A copy of the shipped data with data/languages/de.json added.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-lang-'));
    dir = path.join(tmp, 'data');
    fs.cpSync(findDataDir(__dirname), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'languages', 'de.json'), JSON.stringify(GERMAN, null, 2));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the shipped data does not read the German keywords', () => {
    assert.deepStrictEqual(outline(parseProvisions(DRAFT)), ['preamble preamble']);
  });

  it('the copy with de.json loads, and its Analyzer parses German articles, chapters, definitions and Convention references', () => {
    const { data, problems } = loadConventionData(dir);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(
      data!.languages.map((l) => l.language),
      ['de', 'en', 'es', 'fr'],
    );
    const { analyzer } = createAnalyzer(dir);
    const analysis = analyzer!.analyze(DRAFT);
    assert.deepStrictEqual(outline(analysis.parsed), [
      'chapter-2 division 2 Straftaten',
      'chapter-2/art-5 section 5 Begriffe',
      'chapter-2/art-6 section 6 Rechtswidriger Zugang',
      'term: Daten',
      'convention 7',
    ]);
    // Every language file is a language detected and matched (its stop word "wer").
    assert.strictEqual(analysis.language, 'de');
  });

  it('a schema problem in the new file is reported as for any data file', () => {
    fs.writeFileSync(path.join(dir, 'languages', 'xx.json'), JSON.stringify({ language: 'xx', name: 'X', parser: { articleWords: ['two words'] } }));
    try {
      const { data, problems } = loadConventionData(dir);
      assert.strictEqual(data, undefined);
      assert.ok(problems.some((p) => p.file === 'data/languages/xx.json' && p.jsonPath === '/parser/articleWords/0'), JSON.stringify(problems));
    } finally {
      fs.rmSync(path.join(dir, 'languages', 'xx.json'));
    }
  });
});

// The vocabulary of one language file alone: each kind of word reaches the parser.
const german = compileParserVocabulary([GERMAN]);
check<string, string[]>(
  'a language file alone is what the parser reads',
  [
    { name: 'article keyword, as written and in capitals', input: 'Artikel 1 Zweck\nText.\nARTIKEL 2 Begriffe\nText.', expected: ['art-1 section 1 Zweck', 'art-2 section 2 Begriffe'] },
    { name: 'no English keyword', input: 'Section 1 Purpose\nText.', expected: ['preamble preamble'] },
    { name: 'reference word', input: 'Artikel 1\nNach Artikel 3 des Übereinkommens und Artikel 2.\nArtikel 2\nText.', expected: ['art-1 section 1', 'art-2 section 2', 'convention 3', 'cross 2'] },
    { name: 'reference list joined by "und" and "oder"', input: 'Artikel 1\nNach Artikel 2 und 3 oder 4.\nArtikel 2\nA.\nArtikel 3\nB.\nArtikel 4\nC.', expected: ['art-1 section 1', 'art-2 section 2', 'art-3 section 3', 'art-4 section 4', 'cross 2', 'cross 3', 'cross 4'] },
    { name: 'definition verb', input: 'Artikel 1\n"Rechner" bezeichnet ein Gerät.', expected: ['art-1 section 1', 'term: Rechner'] },
    { name: 'sentence verb: a sentence after the number is no heading', input: 'Artikel 1 Die Frist ist kurz\nText.', expected: ['art-1 section 1'] },
  ],
  (text) => outline(parseProvisions(text, german)),
);

describe('the words a version was parsed with', () => {
  it('an incremental parse with other words is the full parse with those words', () => {
    // An edit of a body line, after a numbering line both vocabularies read the same way.
    const text = 'Section 1 Zweck\nText eins.\n\nArtikel 5 Begriffe\nText zwei.\n';
    const before = parseProvisions(text);
    const after = text.replace('zwei', 'drei');
    assert.deepStrictEqual(outline(reparseProvisions(before, text, after)), outline(parseProvisions(after)));
    const re = reparseProvisions(before, text, after, undefined, german);
    assert.deepStrictEqual(outline(re), ['preamble preamble', 'art-5 section 5 Begriffe']);
    assert.deepStrictEqual(outline(re), outline(parseProvisions(after, german)));
  });
});
