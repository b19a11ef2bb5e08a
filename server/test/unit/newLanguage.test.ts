// A language is added by one data file: a copy of data/ with the fixture Portuguese file
// (server/test/fixtures/languages/pt.json: its stemmer, stop words, parser words, and its cues for
// Arts 7 and 28 and the checks on them) detects, parses, matches and checks a Portuguese draft,
// with no change to the code; English, Spanish and French drafts are analysed exactly as without it.
// The Portuguese is a fixture only (not shipped: nobody has verified it). The drafts are our own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Analyzer } from '../../src/analysis/analyze';
import { findDataDir, loadConventionData } from '../../src/analysis/data/load';
import { createAnalyzer } from '../../src/analysis/engine';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { check } from './check';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'server', 'test', 'fixtures');
const PT = path.join(FIXTURES, 'languages', 'pt.json');

/** A copy of the shipped data with data/languages/<code>.json added (as given, or edited by `edit`). */
function dataWith(file: string, edit: (json: any) => void = () => {}): { dir: string; remove(): void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-pt-'));
  const dir = path.join(tmp, 'data');
  fs.cpSync(findDataDir(__dirname), dir, { recursive: true });
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(path.join(dir, 'languages', `${json.language}.json`), JSON.stringify(json, null, 2));
  return { dir, remove: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

const copy = dataWith(PT);
after(() => copy.remove());
let analyzer: Analyzer | undefined;
/** The analyzer over data/ + pt.json, made once. */
function portuguese(): Analyzer {
  if (!analyzer) {
    const made = createAnalyzer(copy.dir);
    assert.deepStrictEqual(made.problems, []);
    analyzer = made.analyzer!;
  }
  return analyzer;
}

/** Per provision matched: "label heading → Art N: present element ids | codes found on it (coverage left out)". */
function summary(a: DocumentAnalysis, text: string): { language: string; provisions: string[] } {
  const provisions: string[] = [];
  for (const p of a.parsed.provisions) {
    if (p.kind !== 'section') continue;
    const best = a.matches.get(p.id)?.matches[0];
    const codes = a.findings.filter((f) => f.span.start >= p.span.start && f.span.start < p.span.end && !f.code.startsWith('coverage.')).map((f) => f.code);
    // Evidence spans are relative to the provision.
    const present = best ? best.elements.filter((e) => e.present).map((e) => `${e.id} "${e.span ? text.slice(p.span.start + e.span.start, p.span.start + e.span.end) : ''}"`) : [];
    provisions.push(`${p.label} ${p.heading ?? ''} → ${best ? `Art ${best.article}: ${present.join(', ')}` : 'none'} | ${[...new Set(codes)].sort().join(' ')}`);
  }
  return { language: a.language, provisions };
}

const ACCESS = [
  'Capítulo II',
  'Crimes informáticos',
  '',
  'Artigo 3.º',
  'Acesso ilegítimo',
  'Quem, sem autorização e intencionalmente, aceder a um sistema informático, no todo ou em parte, é punido com pena de prisão até dois anos.',
].join('\n');

const SEARCH = (authorisation: string) =>
  [
    'Capítulo III',
    'Disposições processuais',
    '',
    'Artigo 9.º',
    'Pesquisa e apreensão de dados informáticos',
    `A autoridade policial pode ordenar${authorisation} a pesquisa de um sistema informático e a apreensão dos dados informáticos nele armazenados, quando tal se revele necessário à investigação de um crime previsto na presente lei.`,
  ].join('\n');

describe('a fourth language by a data file (Portuguese fixture)', () => {
  it('the copy with pt.json loads; the languages are the base language first, then the files in order', () => {
    const { problems } = loadConventionData(copy.dir);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(portuguese().detector.languages, ['en', 'es', 'fr', 'pt']);
    assert.deepStrictEqual(portuguese().matcher.cues.languages, ['en', 'es', 'fr', 'pt']);
  });

  it('the shipped data has no Portuguese: the same draft is read as another language', () => {
    const shipped = createAnalyzer(findDataDir(__dirname)).analyzer!;
    assert.notStrictEqual(shipped.analyze(ACCESS).language, 'pt');
  });
});

check<string, ReturnType<typeof summary>>(
  'a Portuguese draft is detected, parsed, matched and checked by the data of pt.json',
  [
    {
      name: 'an illegal-access offence: its article keyword and "3.º" numbering, Art 7 with all its required elements in Portuguese, no element finding',
      input: ACCESS,
      expected: {
        language: 'pt',
        provisions: ['3 Acesso ilegítimo → Art 7: conduct-access "Acesso", object-ict-system "sistema informático", intent "intencionalmente", without-right "sem autorização" | '],
      },
    },
    {
      name: 'the same offence with no mental element: element.intent (the check reads its Portuguese cues)',
      input: ACCESS.replace(' e intencionalmente', ''),
      expected: {
        language: 'pt',
        provisions: ['3 Acesso ilegítimo → Art 7: conduct-access "Acesso", object-ict-system "sistema informático", without-right "sem autorização" | element.intent'],
      },
    },
    {
      name: 'a search power no judge authorises: Art 28, safeguard.judicial-review among its findings',
      input: SEARCH(''),
      expected: {
        language: 'pt',
        provisions: [
          '9 Pesquisa e apreensão de dados informáticos → Art 28: search-access "Pesquisa", seizure-copy-integrity "apreensão" | safeguard.duration safeguard.judicial-review safeguard.proportionality safeguard.remedy safeguard.scope safeguard.third-parties',
        ],
      },
    },
    {
      name: 'the power under a judge\'s authorisation: no safeguard.judicial-review',
      input: SEARCH(', mediante autorização judicial,'),
      expected: {
        language: 'pt',
        provisions: [
          '9 Pesquisa e apreensão de dados informáticos → Art 28: search-access "Pesquisa", seizure-copy-integrity "apreensão" | safeguard.duration safeguard.proportionality safeguard.remedy safeguard.scope safeguard.third-parties',
        ],
      },
    },
    {
      name: 'the power "without" a judge\'s authorisation: the Portuguese negation words keep the cue from counting',
      input: SEARCH(', sem autorização judicial,'),
      expected: {
        language: 'pt',
        provisions: [
          '9 Pesquisa e apreensão de dados informáticos → Art 28: search-access "Pesquisa", seizure-copy-integrity "apreensão" | safeguard.duration safeguard.judicial-review safeguard.proportionality safeguard.remedy safeguard.scope safeguard.third-parties',
        ],
      },
    },
  ],
  (text) => summary(portuguese().analyze(text), text),
);

describe('a language with cues for some articles only', () => {
  it('an offence of an article with no Portuguese cues gets no element evidence of that article', () => {
    // Interception (Art 8): pt.json has no cues for it; the words of Art 7 it shares ("sem autorização", "sistema informático") are all it can show.
    const text = 'Artigo 5.º\nInterceção ilegítima\nQuem, sem autorização, intercetar transmissões não públicas de dados informáticos de um sistema informático é punido com pena de prisão até três anos.';
    const a = portuguese().analyze(text);
    assert.strictEqual(a.language, 'pt');
    const matches = [...a.matches.values()].flatMap((m) => m.matches);
    assert.ok(matches.every((m) => m.article !== 8 || m.elements.every((e) => !e.present)), JSON.stringify(matches.map((m) => m.article)));
  });
});

describe('the data of a new language is checked when loaded', () => {
  it('an address that names nothing, and a list the main files already have, are problems naming the file and the JSON path', () => {
    const bad = dataWith(PT, (j) => {
      j.cues.articles['7'].elements['no-such-element'] = ['x'];
      j.cues.safeguards['no-such-safeguard'] = ['x'];
      j.cues.checks['no.such-code'] = { cues: ['x'] };
    });
    const clash = dataWith(path.join(findDataDir(__dirname), 'languages', 'es.json'), (j) => {
      j.cues = { articles: { '7': { headingCues: ['acceso indebido'] } } };
    });
    try {
      const lines = loadConventionData(bad.dir).problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`);
      assert.deepStrictEqual(lines, [
        "data/languages/pt.json at /cues/articles/7/elements/no-such-element: element of article 7 'no-such-element' is not in the data",
        "data/languages/pt.json at /cues/safeguards/no-such-safeguard: safeguard 'no-such-safeguard' is not in the data",
        "data/languages/pt.json at /cues/checks/no.such-code: check code 'no.such-code' is not in the data",
      ]);
      const clashes = loadConventionData(clash.dir).problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`);
      assert.deepStrictEqual(clashes, ["data/languages/es.json at /cues/articles/7/headingCues: heading cues of article 7 already has 'es' cues in the main data file: one home for each list"]);
    } finally {
      bad.remove();
      clash.remove();
    }
  });

  it('matcher words data/matcher.json has for the language too are a problem of the Analyzer\'s data', () => {
    const clash = dataWith(path.join(findDataDir(__dirname), 'languages', 'es.json'), (j) => {
      j.cues = { matcher: { stopWords: ['el'], markers: { offence: ['comete un crimen'] } } };
    });
    try {
      const { analyzer, problems } = createAnalyzer(clash.dir);
      assert.strictEqual(analyzer, undefined);
      assert.deepStrictEqual(
        problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`),
        [
          "data/languages/es.json at /cues/matcher/stopWords: data/matcher.json has 'es' stopWords too: one home for each list",
          "data/languages/es.json at /cues/matcher/markers/offence: data/matcher.json has 'es' markers offence too: one home for each list",
        ],
      );
    } finally {
      clash.remove();
    }
  });

  it('a stemmer the snowball-stemmers package does not have is a schema problem', () => {
    const bad = dataWith(PT, (j) => (j.stemmer = 'klingon'));
    try {
      const { problems } = loadConventionData(bad.dir);
      assert.ok(problems.some((p) => p.file === 'data/languages/pt.json' && p.jsonPath === '/stemmer'), JSON.stringify(problems));
    } finally {
      bad.remove();
    }
  });
});

describe('English, Spanish and French drafts with Portuguese present', () => {
  it('every fixture draft and labelled case is analysed exactly as with the shipped data (language, provisions, matches, findings)', function () {
    this.timeout(120_000);
    const shipped = createAnalyzer(findDataDir(__dirname)).analyzer!;
    const texts: string[] = [];
    const drafts = path.join(FIXTURES, 'drafts');
    for (const f of fs.readdirSync(drafts)) texts.push(fs.readFileSync(path.join(drafts, f), 'utf8'));
    const cases = path.join(FIXTURES, 'cases');
    for (const f of fs.readdirSync(cases)) {
      for (const line of fs.readFileSync(path.join(cases, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const c = JSON.parse(line) as { heading?: string; text: string };
        texts.push(c.heading ? `Section 1 ${c.heading}\n${c.text}` : c.text);
      }
    }
    assert.ok(texts.length > 100, 'the texts looked at');
    const languages = new Set<string>();
    for (const text of texts) {
      const want = shipped.analyze(text);
      const got = portuguese().analyze(text);
      languages.add(want.language);
      assert.deepStrictEqual(outcome(got), outcome(want), text.slice(0, 80));
    }
    assert.deepStrictEqual([...languages].sort(), ['en', 'es', 'fr']);
  });
});

/** What an analysis says, as plain data: language, provisions, each match with its evidence, findings. */
function outcome(a: DocumentAnalysis): unknown {
  return {
    language: a.language,
    provisions: a.parsed.provisions.map((p) => [p.id, p.kind, p.label, p.heading, p.span.start, p.span.end]),
    matches: [...a.matches.values()].map((m) => [m.provision, m.matches.map((x) => [x.article, x.score, x.strength, x.elements.map((e) => [e.id, e.present, e.span?.start, e.span?.end])])]),
    findings: a.findings.map((f) => [f.code, f.span.start, f.span.end, f.message]),
  };
}

describe('the bit budget: up to 15 languages', () => {
  // Twelve small languages beside en, es and fr; the last by file name ("tr") has the highest marks.
  const CODES = ['ca', 'da', 'de', 'fi', 'hu', 'it', 'nl', 'no', 'ro', 'ru', 'sv', 'tr'];
  const STEMMERS: Record<string, string> = { ca: 'catalan', da: 'danish', de: 'german', fi: 'finnish', hu: 'hungarian', it: 'italian', nl: 'dutch', no: 'norwegian', ro: 'romanian', ru: 'russian', sv: 'swedish', tr: 'turkish' };
  /** data/ with those twelve languages (15 in all), and pt.json (a 16th) when asked. */
  function many(withPortuguese: boolean): { dir: string; remove(): void } {
    // dataWith(en.json) writes en.json as it is: a plain copy.
    const base = dataWith(withPortuguese ? PT : path.join(findDataDir(__dirname), 'languages', 'en.json'));
    for (const code of CODES) {
      const file: Record<string, unknown> = { language: code, name: code, stemmer: STEMMERS[code] };
      if (code === 'tr') file.cues = { lexicon: { 'ict-system': ['bilgisayar sistemi'] }, matcher: { stopWords: ['ve'] } };
      if (code === 'sv') file.cues = { matcher: { stopWords: ['och'] } };
      fs.writeFileSync(path.join(base.dir, 'languages', `${code}.json`), JSON.stringify(file));
    }
    return base;
  }

  it('15 languages: each language keeps its own stop words and lexicon terms, the last one too', () => {
    const d = many(false);
    try {
      const { analyzer, problems } = createAnalyzer(d.dir);
      assert.deepStrictEqual(problems, []);
      const cues = analyzer!.matcher.cues;
      assert.strictEqual(cues.languages.length, 15);
      assert.strictEqual(cues.languages[14], 'tr');
      const stops = (text: string, lang: string) => Array.from(cues.run(text, lang).stop);
      assert.deepStrictEqual(stops('kedi ve och köpek', 'tr'), [0, 1, 0, 0]);
      assert.deepStrictEqual(stops('kedi ve och köpek', 'sv'), [0, 0, 1, 0]);
      assert.deepStrictEqual(stops('kedi ve och köpek', 'en'), [0, 0, 0, 0]);
      // English lexicon terms start with "computer" and "court" (stemmed alike in German, the fourth
      // language): their marks are no stop-word marks of another language (with the term-start
      // marks three bits above the stop-word marks, as for three languages, they would be German's).
      assert.deepStrictEqual(cues.languages[3], 'de');
      assert.deepStrictEqual(stops('computer court', 'de'), [0, 0]);
      const keys = (text: string, lang: string) => cues.analyze(text, lang).map((t) => t.key);
      assert.deepStrictEqual(keys('bilgisayar sistemi', 'tr'), ['@ict-system']);
      assert.notDeepStrictEqual(keys('bilgisayar sistemi', 'sv'), ['@ict-system']);
    } finally {
      d.remove();
    }
  });

  it('a 16th language is a problem of the data, not a wrong mark', () => {
    const d = many(true);
    try {
      const { problems } = loadConventionData(d.dir);
      assert.deepStrictEqual(
        problems.map((p) => `${p.file} at ${p.jsonPath}: ${p.message}`),
        ['data/languages at /: 16 languages: the analysis takes at most 15'],
      );
    } finally {
      d.remove();
    }
  });
});
