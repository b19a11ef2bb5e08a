// Messages in English, Spanish and French (issue 23): an Analyzer made with a locale writes its
// findings in it; hovers, code actions, lenses and grouped diagnostics follow the analyzer's
// language; English is unchanged; every English text has its Spanish and French. Article titles
// and element labels stay as data has them. Drafts are our own wording.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { Analyzer } from '../../src/analysis/analyze';
import { findDataDir, loadConventionData } from '../../src/analysis/data/load';
import { createAnalyzer } from '../../src/analysis/engine';
import { fill, messageLocale, type MessageLocale } from '../../src/analysis/messages';
import { LineIndex } from '../../src/analysis/text';
import { computeCodeActions } from '../../src/lsp/codeActions';
import { computeCodeLenses } from '../../src/lsp/codeLens';
import { computeDiagnostics } from '../../src/lsp/diagnostics';
import { provisionHover } from '../../src/lsp/hover';
import { defaultSettings, type AnalysedDocument } from '../../src/lsp/workspace';
import { check } from './check';

const { analyzer: loaded, problems } = createAnalyzer();
if (!loaded) throw new Error(`convention data did not load: ${JSON.stringify(problems)}`);
const english: Analyzer = loaded;
const LOCALES: MessageLocale[] = ['en', 'es', 'fr'];
const analyzers: Record<MessageLocale, Analyzer> = { en: english, es: english.withLocale('es'), fr: english.withLocale('fr') };

const DATA = findDataDir(__dirname);
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));
const checks = read('checks.json') as { codes: Record<string, string>[] };
const catalogs: Record<MessageLocale, { codes?: Record<string, Record<string, string>>; text: Record<string, string> }> = {
  en: read('messages/en.json'),
  es: read('messages/es.json'),
  fr: read('messages/fr.json'),
};
/** A code's text as data gives it in a language (English: checks.json). */
const codeText = (locale: MessageLocale, code: string, field: string): string =>
  locale === 'en' ? checks.codes.find((c) => c.code === code)![field] : catalogs[locale].codes![code][field];

// A production power with no safeguard at all, and an offence with a vague term (our own wording).
const DRAFT = [
  'Section 5. Production of data',
  'An authorised officer may by written notice require a service provider to produce specified stored content data in its possession or control.',
  '',
  'Section 6. Annoying messages',
  'A person who intentionally sends a grossly offensive message by means of an ICT system commits an offence.',
  '',
].join('\n');

function docOf(a: Analyzer, text = DRAFT): AnalysedDocument {
  return { uri: 'file:///draft.txt', version: 1, text, lines: new LineIndex(text), analysis: a.analyze(text), settings: defaultSettings, analyzer: a };
}

describe('messages in the display language', () => {
  check(
    'messageLocale: VS Code display language → the server language',
    [
      { name: 'es', input: 'es' as unknown, expected: 'es' },
      { name: 'es-419 (Latin America)', input: 'es-419', expected: 'es' },
      { name: 'fr-CA', input: 'fr-CA', expected: 'fr' },
      { name: 'FR (upper case)', input: 'FR', expected: 'fr' },
      { name: 'en-GB', input: 'en-GB', expected: 'en' },
      { name: 'de: English', input: 'de', expected: 'en' },
      { name: 'fri (not French)', input: 'fri', expected: 'en' },
      { name: 'missing', input: undefined, expected: 'en' },
      { name: 'not a string', input: 42, expected: 'en' },
    ],
    (input) => messageLocale(input),
  );

  check(
    'a safeguard finding: its title, lead and missing text in the language',
    LOCALES.map((locale) => ({ name: locale, input: locale, expected: { title: true, missing: true, notEnglish: locale !== 'en' } })),
    (locale) => {
      const f = analyzers[locale].analyze(DRAFT).findings.find((x) => x.code === 'safeguard.judicial-review')!;
      return {
        title: f.message.startsWith(codeText(locale, 'safeguard.judicial-review', 'title')),
        missing: f.message.includes(codeText(locale, 'safeguard.judicial-review', 'missing')),
        notEnglish: !f.message.includes(codeText('en', 'safeguard.judicial-review', 'missing')),
      };
    },
  );

  // The words each language's finding begins with (our templates, data/messages/*.json).
  const VAGUE_AND_COVERAGE: Record<MessageLocale, [RegExp, RegExp]> = {
    en: [/^"grossly offensive" is a vague standard: /, /^No provision implements Art\. 7 \(Illegal access\), a mandatory article of the Convention\.$/],
    es: [/^«grossly offensive» es un criterio impreciso: /, /^Ninguna disposición aplica el art\. 7 \(Illegal access\), artículo obligatorio de la Convención\.$/],
    fr: [/^« grossly offensive » est une notion imprécise : /, /^Aucune disposition ne met en œuvre l'art\. 7 \(Illegal access\), article obligatoire de la Convention\.$/],
  };
  check(
    'a vague term (with its advice) and the coverage finding in the language; the article title as data has it',
    LOCALES.map((locale) => ({ name: locale, input: locale, expected: { vague: true, advice: true, coverage: true } })),
    (locale) => {
      const findings = analyzers[locale].analyze(DRAFT).findings;
      const vague = findings.find((x) => x.code === 'overbreadth.vague-term')!.message;
      const coverage = findings.find((x) => x.code === 'coverage.missing' && x.articles[0] === '7')!.message;
      const [v, c] = VAGUE_AND_COVERAGE[locale];
      return { vague: v.test(vague), advice: vague.endsWith(codeText(locale, 'overbreadth.vague-term', 'advice')), coverage: c.test(coverage) };
    },
  );

  check(
    'hover headings, a code action title, a lens and a grouped diagnostic in the language',
    [
      { name: 'en', input: 'en' as MessageLocale, expected: { elements: true, safeguards: true, compare: 'Compare provision with Art. 27', lens: 'Compare', group: true } },
      { name: 'es', input: 'es' as MessageLocale, expected: { elements: true, safeguards: true, compare: 'Comparar la disposición con el art. 27', lens: 'Comparar', group: true } },
      { name: 'fr', input: 'fr' as MessageLocale, expected: { elements: true, safeguards: true, compare: "Comparer la disposition avec l'art. 27", lens: 'Comparer', group: true } },
    ],
    (locale) => {
      const a = analyzers[locale];
      const doc = docOf(a);
      const unit = [...doc.analysis.matches.entries()].find(([, m]) => m.matches[0]?.article === 27)![0];
      const hover = provisionHover(doc, a, doc.analysis.parsed.byId.get(unit)!, doc.analysis.matches.get(unit)!.matches);
      const heading = { en: ['**Elements**', '**Safeguards (Art. 24)**'], es: ['**Elementos**', '**Salvaguardias (art. 24)**'], fr: ['**Éléments**', '**Garanties (art. 24)**'] }[locale];
      const diagnostics = computeDiagnostics(doc, () => undefined, a);
      const group = diagnostics.find((d: Diagnostic) => (d.data as { provision?: string }).provision === unit && String(d.code).startsWith('safeguard.') && d.severity === 2)!;
      const actions = computeCodeActions(doc, a, { textDocument: { uri: doc.uri }, range: group.range, context: { diagnostics: [group] } });
      const lacks = { en: 'lacks: ', es: ': falta ', fr: ' : il manque ' }[locale];
      const reviewLabel = codeText(locale, 'safeguard.judicial-review', 'presentLabel');
      return {
        elements: hover.includes(heading[0]),
        safeguards: hover.includes(heading[1]),
        compare: actions.map((x) => x.title).find((t) => /27$/.test(t))!,
        lens: computeCodeLenses(doc, a).find((l) => l.command?.command === 'concordance.compareWithArticle')!.command!.title,
        group: String(group.message).includes(lacks) && String(group.message).includes(reviewLabel.charAt(0).toLowerCase() + reviewLabel.slice(1)),
      };
    },
  );

  it('English output is the English of data: the same findings and messages as an analyzer made without a locale', () => {
    const plain = new Analyzer(english.data, english.settings);
    assert.deepStrictEqual(plain.analyze(DRAFT).findings, english.analyze(DRAFT).findings);
    assert.strictEqual(english.withLocale('en'), english, 'the same analyzer');
  });

  it('a locale changes only the messages: the same codes, places and severities in each language', () => {
    const shape = (l: MessageLocale) => analyzers[l].analyze(DRAFT).findings.map((f) => [f.code, f.span.start, f.span.end, f.severity, f.provision]);
    assert.deepStrictEqual(shape('es'), shape('en'));
    assert.deepStrictEqual(shape('fr'), shape('en'));
  });

  it('withLocale shares the compiled matcher and keeps its own caches (their findings hold messages)', () => {
    assert.strictEqual(analyzers.fr.matcher, english.matcher);
    assert.notStrictEqual(analyzers.fr.analyze(DRAFT).findings[0], english.analyze(DRAFT).findings[0]);
  });
});

describe('message data: every English text in Spanish and French', () => {
  const placeholders = (t: string) => [...new Set([...t.matchAll(/\{(\d+)\}/g)].map((m) => m[1]))].sort();
  for (const locale of ['es', 'fr'] as const) {
    it(`${locale}: every template key of en.json, no other, with the same placeholders`, () => {
      const en = catalogs.en.text;
      const own = catalogs[locale].text;
      assert.deepStrictEqual(Object.keys(own).sort(), Object.keys(en).sort());
      const differ = Object.keys(en).filter((k) => placeholders(own[k]).join() !== placeholders(en[k]).join());
      assert.deepStrictEqual(differ, [], 'templates whose placeholders differ from the English');
    });
    it(`${locale}: every code's title, presentLabel, missing, advice and lead that exists in English`, () => {
      const fields = ['title', 'presentLabel', 'missing', 'advice', 'lead'];
      const expected = checks.codes.map((c) => [c.code, fields.filter((f) => c[f] !== undefined)]);
      const own = catalogs[locale].codes ?? {};
      assert.deepStrictEqual(
        checks.codes.map((c) => [c.code, fields.filter((f) => own[c.code]?.[f] !== undefined)]),
        expected,
      );
      assert.deepStrictEqual(Object.keys(own).sort(), checks.codes.map((c) => c.code).sort(), 'no code that checks.json does not have');
    });
  }

  // The hover's own words (lsp/hover.ts): every key it asks for, read from its source.
  const hoverSource = fs.readFileSync(path.resolve(__dirname, '../../../../server/src/lsp/hover.ts'), 'utf8');
  const hoverKeys = [...new Set([...hoverSource.matchAll(/\bsay\.t\(\s*'([^']+)'/g), ...hoverSource.matchAll(/'((?:hover|data)\.[A-Za-z-]+)'/g)].map((m) => m[1]))].sort();
  /** Words the same in English and that language (not a forgotten translation). */
  const SAME_AS_ENGLISH: Record<'es' | 'fr', string[]> = { es: [], fr: ['hover.section'] };
  it('the hover asks for its words by literal keys only (so the list below is complete)', () => {
    const calls = [...hoverSource.matchAll(/\bsay\.t\(\s*([^,)]*)/g)].map((m) => m[1]);
    assert.ok(calls.length > 20, `${calls.length} calls`);
    assert.deepStrictEqual(calls.filter((a) => !/^'[^']+'$/.test(a) && !a.startsWith('DATA_CATEGORY_LABELS[')), [], 'say.t calls whose key is not a literal');
    assert.ok(hoverKeys.length > 25, hoverKeys.join(', '));
  });
  check(
    "every message key hover.ts uses: in en.json, and translated in es.json and fr.json with the same placeholders",
    hoverKeys.map((key) => ({ name: key, input: key, expected: { en: true, es: 'translated', fr: 'translated' } })),
    (key) => {
      const en = catalogs.en.text[key];
      const state = (locale: 'es' | 'fr') => {
        const own = catalogs[locale].text[key];
        if (!own?.trim()) return 'missing';
        if (placeholders(own).join() !== placeholders(en).join()) return 'placeholders differ';
        return own !== en || SAME_AS_ENGLISH[locale].includes(key) ? 'translated' : 'still English';
      };
      return { en: typeof en === 'string' && en.trim() !== '', es: en === undefined ? 'no English' : state('es'), fr: en === undefined ? 'no English' : state('fr') };
    },
  );

  check(
    'fill: placeholders filled in, a missing argument left as it is',
    [
      { name: 'in order', input: { t: '{0} and {1}', args: ['a', 'b'] }, expected: 'a and b' },
      { name: 'reordered', input: { t: '{1} et {0}', args: ['a', 'b'] }, expected: 'b et a' },
      { name: 'repeated, numbers', input: { t: '{0}/{1}, {0}', args: [3, 7] }, expected: '3/7, 3' },
      { name: 'missing argument', input: { t: '{0} {2}', args: ['x'] }, expected: 'x {2}' },
      { name: 'an argument holding braces is not read again', input: { t: '{0} {1}', args: ['{1}', 'y'] }, expected: '{1} y' },
    ],
    ({ t, args }) => fill(t, args),
  );
});

describe('message data is validated when it is loaded', () => {
  let tmp: string;
  let dir: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-messages-'));
    dir = path.join(tmp, 'data');
    fs.cpSync(DATA, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const edit = (file: string, change: (json: any) => void) => {
    const p = path.join(dir, 'messages', file);
    const json = JSON.parse(fs.readFileSync(p, 'utf8'));
    change(json);
    fs.writeFileSync(p, JSON.stringify(json));
  };
  const problemsOf = () => loadConventionData(dir).problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`);

  check(
    'a wrong message file is a problem naming the file and the JSON path',
    [
      { name: 'a key English does not have', input: () => edit('fr.json', (j) => (j.text['hover.nope'] = 'x')), expected: [`data/messages/fr.json at /text/hover.nope: 'hover.nope' is not a key of messages/en.json`] },
      { name: 'a placeholder the English lacks', input: () => edit('es.json', (j) => (j.text['lens.compare'] = 'Comparar {0}')), expected: ['data/messages/es.json at /text/lens.compare: uses {0}, but the English has only no placeholder'] },
      { name: 'an unknown check code', input: () => edit('es.json', (j) => (j.codes['safeguard.nope'] = { title: 'x' })), expected: [`data/messages/es.json at /codes/safeguard.nope: 'safeguard.nope' is not a check code`] },
      { name: 'a field a code does not have', input: () => edit('fr.json', (j) => (j.codes['coverage.missing'].colour = 'x')), expected: [`data/messages/fr.json at /codes/coverage.missing: must NOT have additional property 'colour'`] },
      { name: 'the wrong locale', input: () => edit('fr.json', (j) => (j.locale = 'es')), expected: [`data/messages/fr.json at /locale: locale 'es' is not the file's name`] },
    ],
    (change) => {
      change();
      return problemsOf();
    },
  );

  it('a data folder without messages (a copy of the older files) uses the bundled messages', () => {
    fs.rmSync(path.join(dir, 'messages'), { recursive: true });
    const r = loadConventionData(dir);
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.data!.messages.fr?.text['lens.compare'], catalogs.fr.text['lens.compare']);
  });

  it("a Spanish text left out is said in English", () => {
    edit('es.json', (j) => {
      delete j.text['lens.compare'];
      delete j.codes['safeguard.duration'].title;
    });
    const { analyzer } = createAnalyzer(dir, { locale: 'es' });
    assert.strictEqual(analyzer!.messages.t('lens.compare'), 'Compare');
    assert.strictEqual(analyzer!.messages.title(analyzer!.data.checks.find((c) => c.code === 'safeguard.duration')!), codeText('en', 'safeguard.duration', 'title'));
    assert.strictEqual(analyzer!.messages.t('lens.elements', 2, 3), '2/3 elementos');
  });
});
