// Tests for the convention data in data/, its schemas and its loader.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { articleByNumber, budapestBase, findDataDir, formatProblem, getConventionData, loadConventionData, modelClauseFor, safeguardById } from '../../src/analysis/data/load';
import { articleRecord, formatArticleMarkdown, formatArticleText } from '../../src/analysis/data/articleView';
import type { ConventionData, Cues } from '../../src/analysis/data/types';
import { createAnalyzer } from '../../src/analysis/engine';
import { ALL_CODES } from './helpers/codes';

const DATA_FILES = ['articles.json', 'safeguards.json', 'definitions.json', 'lexicons.json', 'checks.json', 'model-clauses.json', 'budapest.json'];

function hasEnglishCue(c: Cues | undefined): boolean {
  return !!c && c.en.some((x) => x.trim().length > 0);
}

describe('convention data', () => {
  let data: ConventionData;
  const dataDir = findDataDir(__dirname);

  before(() => {
    const r = loadConventionData(dataDir);
    assert.deepStrictEqual(r.problems.map(formatProblem), []);
    data = r.data!;
  });

  it('findDataDir finds the project data folder from the compiled test folder', () => {
    assert.ok(fs.existsSync(path.join(dataDir, 'articles.json')));
    assert.strictEqual(path.basename(dataDir), 'data');
  });

  it('getConventionData loads once and returns the same object', () => {
    assert.strictEqual(getConventionData(), getConventionData());
    assert.strictEqual(getConventionData().articles.length, 68);
  });

  it('has articles 1 to 68, each exactly once', () => {
    const nums = data.articles.map((a) => a.article).sort((a, b) => a - b);
    assert.deepStrictEqual(nums, Array.from({ length: 68 }, (_, i) => i + 1));
  });

  it('chapters cover 1-68 without gaps and agree with each article', () => {
    let next = 1;
    for (const c of data.chapters) {
      assert.strictEqual(c.articles[0], next, `chapter ${c.chapter}`);
      next = c.articles[1] + 1;
    }
    assert.strictEqual(next, 69);
    assert.strictEqual(data.chapters.length, 9);
    for (const a of data.articles) {
      const c = data.chapters.find((x) => a.article >= x.articles[0] && a.article <= x.articles[1])!;
      assert.strictEqual(a.chapter, c.chapter, `article ${a.article}`);
    }
  });

  it('every readWith, safeguard id and Budapest reference resolves', () => {
    const budapest = new Set(data.budapest.map((b) => b.article));
    for (const a of data.articles) {
      for (const n of a.readWith) assert.ok(articleByNumber(data, n), `Art ${a.article} readWith ${n}`);
      for (const id of a.safeguards) assert.ok(safeguardById(data, id), `Art ${a.article} safeguard ${id}`);
      for (const b of a.budapest) assert.ok(budapest.has(budapestBase(b)), `Art ${a.article} Budapest ${b}`);
    }
    for (const d of data.definitions) if (d.budapest) assert.ok(budapest.has(budapestBase(d.budapest.article)), `definition ${d.id}`);
    for (const s of data.safeguards) for (const n of s.appliesTo) if (n !== '*') assert.ok(articleByNumber(data, n), `${s.id} appliesTo ${n}`);
  });

  it('every safeguard is referenced by at least one article', () => {
    const used = new Set(data.articles.flatMap((a) => a.safeguards));
    for (const s of data.safeguards) assert.ok(used.has(s.id), s.id);
  });

  it('every element, safeguard and definition element has an English cue', () => {
    for (const a of data.articles) for (const e of a.elements) assert.ok(hasEnglishCue(e.cues), `Art ${a.article} element ${e.id}`);
    for (const s of data.safeguards) assert.ok(hasEnglishCue(s.cues), `safeguard ${s.id}`);
    for (const d of data.definitions) for (const e of d.elements) assert.ok(hasEnglishCue(e.cues), `definition ${d.id} element ${e.id}`);
    for (const l of data.lexicon) assert.ok(hasEnglishCue(l.terms), `lexicon ${l.id}`);
  });

  it('no cue is a placeholder such as "[State]"', () => {
    const all: string[] = [];
    const push = (c?: Cues) => c && all.push(...c.en, ...(c.es ?? []), ...(c.fr ?? []));
    for (const a of data.articles) {
      push(a.headingCues);
      a.elements.forEach((e) => push(e.cues));
    }
    data.safeguards.forEach((s) => push(s.cues));
    data.definitions.forEach((d) => d.elements.forEach((e) => push(e.cues)));
    data.checks.forEach((c) => push(c.cues));
    assert.deepStrictEqual(all.filter((c) => /\[.*\]/.test(c)), []);
  });

  it('articles needing a domestic provision have 2+ English heading cues; offences and powers have a model clause', () => {
    for (const a of data.articles.filter((x) => x.needsDomesticProvision)) {
      assert.ok(a.headingCues.en.length >= 2, `Art ${a.article} heading cues`);
      if (a.kind === 'offence' || a.kind === 'procedural-power') assert.ok(modelClauseFor(data, a.article), `Art ${a.article} model clause`);
    }
    for (let n = 7; n <= 34; n++) assert.ok(modelClauseFor(data, n), `model clause for Art ${n}`);
    for (const n of [36, 37, 40, 41, 42, 44]) assert.ok(modelClauseFor(data, n), `model clause for Art ${n}`);
  });

  it('needsDomesticProvision: offences and powers yes; purposes, scope and final clauses no', () => {
    for (let n = 7; n <= 31; n++) assert.strictEqual(articleByNumber(data, n)!.needsDomesticProvision, true, `Art ${n}`);
    for (const n of [1, 3, 5, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68]) assert.strictEqual(articleByNumber(data, n)!.needsDomesticProvision, false, `Art ${n}`);
    assert.strictEqual(articleByNumber(data, 2)!.needsDomesticProvision, true);
  });

  it('every gate element of the matcher (data/matcher.json gateElements) is an element of some article, and no article would be gated on its only element', () => {
    const gates = createAnalyzer().analyzer?.settings.gateElements ?? [];
    assert.ok(gates.length > 0);
    for (const id of gates) {
      const holders = data.articles.filter((a) => a.elements.some((e) => e.id === id));
      assert.ok(holders.length > 0, `gate element ${id} names no element`);
      for (const a of holders) assert.ok(a.elements.some((e) => e.required && !gates.includes(e.id)), `Art ${a.article}: a gate element besides no other required element`);
    }
  });

  it('every specificity rule of the matcher names elements of its own article, and articles of the same kind (or the domestic power an assistance article answers a foreign request with)', () => {
    const settings = createAnalyzer().analyzer?.settings;
    const rules = settings?.specificity ?? [];
    assert.ok(rules.length > 0);
    for (const r of rules) {
      const a = data.articles.find((x) => x.article === r.article)!;
      for (const group of r.when) for (const id of group) assert.ok(a.elements.some((e) => e.id === id), `Art ${r.article}: no element ${id}`);
      // Across kinds only when a gate element (the request from another State) is what makes the article specific.
      const gated = r.when.some((group) => group.every((id) => settings?.gateElements?.includes(id)));
      for (const o of r.over) {
        const kind = data.articles.find((x) => x.article === o)?.kind;
        if (gated) assert.strictEqual(kind, 'procedural-power', `Art ${o} is not the domestic power of Art ${r.article}`);
        else assert.strictEqual(kind, a.kind, `Art ${o} is not of the kind of Art ${r.article}`);
      }
    }
  });

  it('procedural powers 25-31 record their data categories', () => {
    for (let n = 25; n <= 31; n++) assert.ok(Array.isArray(articleByNumber(data, n)!.dataCategories), `Art ${n}`);
    assert.deepStrictEqual(articleByNumber(data, 30)!.dataCategories, ['content-data']);
    assert.ok(articleByNumber(data, 27)!.dataCategories!.includes('subscriber-information'));
  });

  it('core definitions are the six Art 2 terms the checks compare', () => {
    const core = data.definitions.filter((d) => d.core).map((d) => d.id).sort();
    assert.deepStrictEqual(core, ['content-data', 'electronic-data', 'ict-system', 'service-provider', 'subscriber-information', 'traffic-data']);
  });

  it('check codes are exactly those listed, with families, resolving safeguards and articles', () => {
    assert.deepStrictEqual(data.checks.map((c) => c.code).sort(), [...ALL_CODES].sort());
    for (const c of data.checks) {
      assert.strictEqual(c.family, c.code.split('.')[0], c.code);
      for (const id of c.safeguards ?? []) assert.ok(safeguardById(data, id), `${c.code} safeguard ${id}`);
      for (const n of c.appliesTo) assert.ok(articleByNumber(data, n), `${c.code} appliesTo ${n}`);
    }
    const byCode = new Map(data.checks.map((c) => [c.code, c]));
    assert.strictEqual(byCode.get('reference.unknown-article')!.defaultSeverity, 'error');
    assert.strictEqual(byCode.get('neutrality.tech-specific')!.defaultSeverity, 'hint');
    assert.deepStrictEqual(byCode.get('safeguard.serious-crime')!.appliesTo, [30]);
    assert.ok(!byCode.get('element.without-right')!.appliesTo.includes(15), 'Art 15 has no without-right element');
    assert.deepStrictEqual(byCode.get('safeguard.judicial-review')!.citations, ['24(2)']);
  });

  it('model clause snippets are keyed by a safeguard, check code or element of the article', () => {
    for (const m of data.modelClauses) {
      const a = articleByNumber(data, m.article)!;
      for (const key of Object.keys(m.snippets)) {
        assert.ok(safeguardById(data, key) || data.checks.some((c) => c.code === key) || a.elements.some((e) => e.id === key), `Art ${m.article} snippet ${key}`);
      }
    }
  });

  it('each model clause contains, word for word, a cue of every required element and of every applicable safeguard/element check', () => {
    // A crude, matcher-independent guard: the matcher (stemming, synonym folding) is more lenient than this.
    const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
    const gaps: string[] = [];
    for (const m of data.modelClauses) {
      const text = norm(m.text);
      const a = articleByNumber(data, m.article)!;
      for (const e of a.elements.filter((x) => x.required)) {
        if (!e.cues.en.some((c) => text.includes(norm(c)))) gaps.push(`Art ${m.article} element ${e.id}`);
      }
      for (const c of data.checks.filter((x) => x.appliesTo.includes(m.article) && ['safeguard', 'element', 'exception'].includes(x.family))) {
        const cues = [...(c.cues?.en ?? []), ...(c.safeguards ?? []).flatMap((id) => safeguardById(data, id)!.cues.en)];
        if (!cues.some((x) => text.includes(norm(x)))) gaps.push(`Art ${m.article} check ${c.code}`);
      }
    }
    assert.deepStrictEqual(gaps, []);
  });

  it('model clauses are clean text: no ",." or doubled punctuation, balanced brackets', () => {
    const bad: string[] = [];
    for (const m of data.modelClauses) {
      for (const [where, text] of [['text', m.text] as const, ...Object.entries(m.snippets).map(([k, v]) => [`snippet ${k}`, v] as const)]) {
        const at = `Art ${m.article} ${where}`;
        const stray = /,\s*[.;,]|\.\s*[,.]|;\s*[;,.]| [,.;:]/.exec(text);
        if (stray && !/\.\.\./.test(stray[0])) bad.push(`${at}: stray punctuation "${stray[0]}"`);
        const stack: string[] = [];
        for (const ch of text) {
          if (ch === '[' || ch === '(') stack.push(ch);
          else if (ch === ']' || ch === ')') {
            if (stack.pop() !== (ch === ']' ? '[' : '(')) {
              bad.push(`${at}: unbalanced "${ch}"`);
              break;
            }
          }
        }
        if (stack.length) bad.push(`${at}: unclosed "${stack.join('')}"`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('every Art 2 term a model clause uses is defined by the definitions clause or by that clause', () => {
    const defs = modelClauseFor(data, 2)!.text;
    const definedIn = (text: string, term: string) => new RegExp(`"${term}"(?: and "[^"]+")?,? (?:means|mean|has the meaning|, which)`, 'i').test(text) || new RegExp(`"[^"]+" and "${term}" mean`, 'i').test(text);
    const missing: string[] = [];
    for (const d of data.definitions.filter((x) => x.citation.startsWith('2('))) {
      const names = [...d.term.split(/\s*\/\s*/), ...(d.abbrev ? [d.abbrev] : [])];
      const used = data.modelClauses.filter((m) => m.article !== 2 && names.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(m.text)));
      for (const m of used) if (!names.some((n) => definedIn(defs, n) || definedIn(m.text, n))) missing.push(`Art ${m.article} uses "${d.term}" (Art ${d.citation})`);
    }
    assert.deepStrictEqual(missing, []);
    // The check itself: a term used but defined nowhere is reported.
    assert.ok(!definedIn('The point of contact may act in an emergency.', 'emergency'));
    assert.ok(definedIn('"emergency" means a situation', 'emergency'));
  });

  it('model clauses keep the refusal grounds the Convention allows (Arts 40(8), 40(21)(b)-(c), 42(6), 43(2)) and the Art 14(2) option', () => {
    const text = (n: number) => modelClauseFor(data, n)!.text;
    for (const n of [40, 42, 43]) {
      assert.match(text(n), /sovereignty, security, ordre public or other essential interests/, `Art ${n}: 40(21)(b)`);
      assert.match(text(n), /would prohibit its authorities from taking the action requested/, `Art ${n}: 40(21)(c)`);
      assert.match(text(n), /substantial grounds to believe/, `Art ${n}: 40(22)`);
    }
    assert.match(text(40), /not an offence under the law of \[State\]; the Central Authority may nevertheless/, 'Art 40: 40(8)');
    assert.match(text(14), /visual material \[Option \(Art 14\(2\)\): and written or audio content\]/, 'Art 14(2): written or audio content is an option');
    assert.doesNotMatch(text(15), /arrangement with a child|with the child/, 'Art 15 is not limited to arrangements with the child');
    assert.match(text(22), /reserves exclusively to its own authorities/, 'Art 22 is subject to Art 5');
  });

  it('model clauses avoid technology-specific and vague words', () => {
    for (const m of data.modelClauses) {
      for (const t of data.checkLexicon.techSpecific) {
        assert.ok(!new RegExp(`\\b${t.term.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}\\b`, 'i').test(m.text), `Art ${m.article} uses "${t.term}"`);
      }
      for (const v of data.checkLexicon.vagueTerms.en) {
        assert.ok(!new RegExp(`\\b${v}\\b`, 'i').test(m.text), `Art ${m.article} uses "${v}"`);
      }
    }
  });

  it('Art 27 facts: read with 5, 22, 23, 24; Budapest 18; Art 16 has no Budapest counterpart', () => {
    const a27 = articleByNumber(data, 27)!;
    for (const n of [5, 22, 23, 24]) assert.ok(a27.readWith.includes(n), `27 readWith ${n}`);
    assert.deepStrictEqual(a27.budapest, ['18']);
    assert.strictEqual(a27.title, 'Production order');
    assert.deepStrictEqual(articleByNumber(data, 16)!.budapest, []);
    assert.deepStrictEqual(articleByNumber(data, 7)!.budapest, ['2']);
  });

  it('the importer dropped placeholder cues and kept the fact base cues it reviewed', () => {
    const e = articleByNumber(data, 27)!.elements.find((x) => x.id === 'addressee-person-in-territory')!;
    assert.ok(!e.cues.en.some((c) => c.includes('[')));
    assert.ok(e.cues.en.includes('any person'));
    const access = articleByNumber(data, 7)!.elements.find((x) => x.id === 'conduct-access')!;
    assert.ok(access.cues.en.includes('accesses'));
    assert.ok(!access.cues.en.includes('enters'));
  });

  it('formatArticleText for 27 names the title, read-with articles and Budapest', () => {
    const t = formatArticleText(data, 27);
    assert.match(t, /Article 27\. Production order/);
    assert.match(t, /Art 22 Jurisdiction/);
    assert.match(t, /Art 24 Conditions and safeguards/);
    assert.match(t, /Art 5 Protection of sovereignty/);
    assert.match(t, /Budapest Art 18 Production order/);
    assert.match(t, /summary:/);
    assert.match(t, /Judicial or other independent review \(Art 24\(2\)/);
    assert.match(t, /\(required, para \(a\)\)/);
  });

  it('formatArticleText for 2 shows the interpretative notes on the defined terms', () => {
    assert.match(formatArticleText(data, 2), /service provider \(2\(e\)\): Interpretative notes 1-2[^\n]*hosting and caching[^\n]*need not copy/);
  });

  it('formatArticleText shows an unnumbered article\'s paragraph as such, not as "Para 1"', () => {
    const t = formatArticleText(data, 10);
    assert.match(t, /Unnumbered paragraph \[shall\]/);
    assert.doesNotMatch(t, /Para 1\b/);
  });

  it('formatArticleText for 16 says there is no Budapest counterpart; unverified paragraphs are labelled', () => {
    assert.match(formatArticleText(data, 16), /no Budapest counterpart/);
    const copy: ConventionData = JSON.parse(JSON.stringify(data));
    copy.articles.find((a) => a.article === 16)!.paragraphs[0].verified = false;
    assert.match(formatArticleText(copy, 16), /unverified summary/);
  });

  it('formatArticleMarkdown and articleRecord carry the same facts', () => {
    const md = formatArticleMarkdown(data, 27);
    assert.match(md, /^## Article 27\. Production order/);
    assert.match(md, /Model clause/);
    const r = articleRecord(data, 27);
    assert.deepStrictEqual(r.budapestTitles, [{ article: '18', title: 'Production order' }]);
    assert.ok(r.readWithTitles.some((x) => x.article === 24 && x.title === 'Conditions and safeguards'));
    assert.ok(r.resolvedSafeguards.some((s) => s.id === 'judicial-review'));
    assert.strictEqual(r.modelClause?.article, 27);
    assert.throws(() => articleRecord(data, 69), /does not exist/);
  });
});

describe('data validation rejects corrupted files', () => {
  const source = findDataDir(__dirname);
  let tmp: string;
  let dir: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-data-'));
    dir = path.join(tmp, 'data');
    fs.mkdirSync(path.join(dir, 'schema'), { recursive: true });
    for (const f of DATA_FILES) fs.copyFileSync(path.join(source, f), path.join(dir, f));
    for (const f of fs.readdirSync(path.join(source, 'schema'))) fs.copyFileSync(path.join(source, 'schema', f), path.join(dir, 'schema', f));
    fs.cpSync(path.join(source, 'languages'), path.join(dir, 'languages'), { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const edit = (file: string, change: (json: any) => void) => {
    const p = path.join(dir, file);
    const json = JSON.parse(fs.readFileSync(p, 'utf8'));
    change(json);
    fs.writeFileSync(p, JSON.stringify(json, null, 2));
  };
  const messages = () => {
    const r = loadConventionData(dir);
    assert.strictEqual(r.data, undefined, 'a broken copy must not load');
    return r.problems.map(formatProblem);
  };
  const expectProblem = (pattern: RegExp) => {
    const m = messages();
    assert.ok(m.some((x) => pattern.test(x)), `expected ${pattern} in:\n${m.join('\n')}`);
  };

  it('the untouched copy loads', () => {
    const r = loadConventionData(dir);
    assert.deepStrictEqual(r.problems, []);
    assert.ok(r.data);
  });

  it('wrong type: articles.json at /articles/6/title: must be string', () => {
    edit('articles.json', (j) => (j.articles[6].title = 7));
    expectProblem(/^data\/articles\.json at \/articles\/6\/title: must be string$/);
  });

  it('missing required property: articles.json element cues without en', () => {
    edit('articles.json', (j) => delete j.articles[26].elements[0].cues.en);
    expectProblem(/^data\/articles\.json at \/articles\/26\/elements\/0\/cues: must have required property 'en'$/);
  });

  it('unparsable JSON names the file, "/" and the line', () => {
    fs.writeFileSync(path.join(dir, 'safeguards.json'), '{\n  "safeguards": [\n    { "id": "x", }\n  ]\n}\n');
    expectProblem(/^data\/safeguards\.json at \/: not valid JSON \(line 3, column \d+\)/);
  });

  const corruptions: [string, (j: any) => void, RegExp][] = [
    ['safeguards.json', (j) => (j.safeguards[0].appliesTo = 'all'), /^data\/safeguards\.json at \/safeguards\/0\/appliesTo: must be array$/],
    ['definitions.json', (j) => delete j.definitions[1].term, /^data\/definitions\.json at \/definitions\/1: must have required property 'term'$/],
    ['lexicons.json', (j) => (j.concepts[0].terms.en = []), /^data\/lexicons\.json at \/concepts\/0\/terms\/en: must NOT have fewer than 1 items$/],
    ['checks.json', (j) => (j.codes[0].defaultSeverity = 'fatal'), /^data\/checks\.json at \/codes\/0\/defaultSeverity: must be equal to one of the allowed values/],
    ['checks.json', (j) => delete j.lexicon.techSpecific, /^data\/checks\.json at \/lexicon: must have required property 'techSpecific'$/],
    ['model-clauses.json', (j) => (j.clauses[0].text = ['x']), /^data\/model-clauses\.json at \/clauses\/0\/text: must be string$/],
    ['budapest.json', (j) => (j.articles[0].article = 1), /^data\/budapest\.json at \/articles\/0\/article: must be string$/],
    ['articles.json', (j) => (j.articles[0].colour = 'red'), /^data\/articles\.json at \/articles\/0: must NOT have additional property 'colour'$/],
  ];
  for (const [file, change, pattern] of corruptions) {
    it(`schema rejects a corrupted ${file} (${pattern.source.slice(1, 60)}…)`, () => {
      edit(file, change);
      expectProblem(pattern);
    });
  }

  it('each data file that cannot be parsed is reported', () => {
    for (const f of DATA_FILES) fs.writeFileSync(path.join(dir, f), '{ nope');
    const m = messages();
    for (const f of DATA_FILES) assert.ok(m.some((x) => x.startsWith(`data/${f} at /: not valid JSON`)), f);
  });

  it('an article number out of range is a schema problem', () => {
    edit('articles.json', (j) => j.articles[26].readWith.push(69));
    expectProblem(/^data\/articles\.json at \/articles\/26\/readWith\/6: must be <= 68$/);
  });

  it('cross-references: unknown readWith, safeguard id, Budapest article and check safeguard are reported', () => {
    edit('articles.json', (j) => {
      j.articles = j.articles.filter((a: any) => a.article !== 43);
      j.articles[26].safeguards.push('no-such-safeguard');
      j.articles[26].budapest.push('99');
    });
    edit('checks.json', (j) => (j.codes[0].safeguards = ['missing-safeguard']));
    const m = messages();
    const want = [
      /^data\/articles\.json at \/articles\/\d+\/readWith\/\d+: read-with article 43 does not exist$/,
      /^data\/articles\.json at \/articles\/26\/safeguards\/\d+: unknown safeguard id 'no-such-safeguard'$/,
      /^data\/articles\.json at \/articles\/26\/budapest\/\d+: Budapest article 99 is not in data\/budapest\.json$/,
      /^data\/checks\.json at \/codes\/0\/safeguards\/0: unknown safeguard id 'missing-safeguard'$/,
    ];
    for (const w of want) assert.ok(m.some((x) => w.test(x)), `expected ${w} in:\n${m.join('\n')}`);
  });

  it('cross-references: a missing article, a duplicate and a broken chapter range are reported', () => {
    edit('articles.json', (j) => {
      j.articles = j.articles.filter((a: any) => a.article !== 40);
      j.articles.push(JSON.parse(JSON.stringify(j.articles[0])));
      j.chapters[1].articles = [8, 21];
    });
    const m = messages();
    assert.ok(m.some((x) => /articles missing: 40$/.test(x)), m.join('\n'));
    assert.ok(m.some((x) => /article 1 appears more than once/.test(x)), m.join('\n'));
    assert.ok(m.some((x) => /chapter II starts at 8, expected 7/.test(x)), m.join('\n'));
  });

  it('an offence that needs a domestic provision but has no model clause is reported', () => {
    edit('model-clauses.json', (j) => (j.clauses = j.clauses.filter((c: any) => c.article !== 9)));
    expectProblem(/^data\/model-clauses\.json at \/clauses: article 9 needs a domestic provision but has no model clause$/);
  });

  it('a snippet keyed by something unknown is reported', () => {
    edit('model-clauses.json', (j) => (j.clauses[2].snippets['no-such-thing'] = 'x'));
    expectProblem(/^data\/model-clauses\.json at \/clauses\/2\/snippets\/no-such-thing: 'no-such-thing' is neither/);
  });

  it('a language file is validated by its schema and must be named after its language', () => {
    edit('languages/fr.json', (j) => {
      j.language = 'pt';
      j.parser.articleWords.push('has space');
    });
    const m = messages();
    assert.ok(m.some((x) => /^data\/languages\/fr\.json at \/parser\/articleWords\/2: must match pattern/.test(x)), m.join('\n'));
    edit('languages/fr.json', (j) => j.parser.articleWords.pop());
    expectProblem(/^data\/languages\/fr\.json at \/language: language 'pt' is not the file's name$/);
  });

  it('a stop word of two languages, or a missing language the analysis needs, is reported', () => {
    edit('languages/fr.json', (j) => j.stopWords.push('shall'));
    expectProblem(/^data\/languages\/fr\.json at \/stopWords\/26: 'shall' is a stop word of 'en' too$/);
    // English is the base language (every data file has its cues); the others are as many as there are files.
    fs.rmSync(path.join(dir, 'languages', 'en.json'));
    expectProblem(/^data\/languages\/en\.json at \/: missing: the analysis needs this language$/);
  });

  it('a missing file is reported, never thrown; the data folder\'s own schemas are not used', () => {
    fs.rmSync(path.join(dir, 'budapest.json'));
    // Schemas are the extension's own: a data folder without them (or with loosened ones) is validated the same.
    fs.rmSync(path.join(dir, 'schema', 'lexicons.schema.json'));
    const m = messages();
    assert.ok(m.some((x) => /^data\/budapest\.json at \/: cannot read the file/.test(x)), m.join('\n'));
    assert.ok(!m.some((x) => /lexicons/.test(x)), m.join('\n'));
  });
});

// Every pinpoint the data cite must be a paragraph the Convention has (as data/articles.json
// numbers them): "10(1)" is wrong because Art 10 has one unnumbered paragraph.
describe('pinpoints cited in data exist', () => {
  const dataDir = findDataDir(__dirname);
  let data: ConventionData;
  before(() => (data = loadConventionData(dataDir).data!));

  /** Why "N" + "(p)…" names no paragraph of article N, or undefined when it does. */
  function pinpointProblem(d: ConventionData, article: number, rest: string): string | undefined {
    const a = articleByNumber(d, article);
    if (!a) return `there is no Article ${article}`;
    const first = /^\s*\(([^)]+)\)/.exec(rest)?.[1];
    if (first === undefined) return undefined;
    const unnumbered = a.paragraphs.length === 1 && a.paragraphs[0].n === 'unnumbered';
    const lettered = a.paragraphs.every((p) => p.n.startsWith('('));
    if (/^\d/.test(first)) {
      if (unnumbered || lettered) return `Art ${article} has no numbered paragraphs`;
      const [lo, hi] = first.split('-').map(Number);
      const covered = (n: number) =>
        a.paragraphs.some((p) => {
          const head = p.n.replace(/\(.*$/, '');
          const r = /^(\d+)-(\d+)$/.exec(head);
          return r ? n >= +r[1] && n <= +r[2] : +head === n;
        });
      if (!covered(lo) || (hi !== undefined && !covered(hi))) return `Art ${article} has no paragraph ${first} (it has ${a.paragraphs.map((p) => p.n).join(', ')})`;
      return undefined;
    }
    if (!unnumbered && !lettered) return `Art ${article} is numbered by paragraphs, not by lettered items`;
    return undefined;
  }

  /** An element's paragraph ("1", "2(a)-(b)", "(a)", "9-11") as a pinpoint of its article. */
  function toPinpoint(article: number, paragraph: string): string {
    if (paragraph.startsWith('(')) return `${article}${paragraph}`;
    const m = /^(\d+)(?:-(\d+))?(.*)$/.exec(paragraph);
    return m ? `${article}(${m[1]})${m[2] ? `-(${m[2]})` : ''}${m[3]}` : `${article}(${paragraph})`;
  }

  const STRUCTURED = /^(\d+)((?:\s*\([^)]*\)(?:-\([^)]*\))?)*)$/;
  /** Convention references in prose: "Art 24(2)", "article 40(21)(b)", "arts 29(1)(b)"; not Budapest, UNTOC, GDPR… */
  const PROSE = /(?<!(?:Budapest|UNTOC|UNCAC|GDPR|ETS 185|CETS \d+|Lanzarote|108|Protocol)\s*)\b(?:arts?|articles?)\.?\s+(\d+)((?:\([0-9a-z]+(?:-[0-9a-z]+)?\))+)/gi;

  function strings(v: unknown, path: string, out: { path: string; text: string }[]): void {
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}/${i}`, out));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, `${path}/${k}`, out);
  }

  it('structured citations: safeguards, checks, definitions and element paragraphs', () => {
    const bad: string[] = [];
    const cite = (where: string, c: string) => {
      const m = STRUCTURED.exec(c.trim());
      if (!m) return bad.push(`${where}: "${c}" is not a pinpoint like 24(2) or 14(4)(a)`);
      const p = pinpointProblem(data, +m[1], m[2]);
      if (p) bad.push(`${where}: "${c}": ${p}`);
    };
    for (const s of data.safeguards) s.citations.forEach((c) => cite(`safeguard ${s.id}`, c));
    for (const c of data.checks) c.citations.forEach((x) => cite(`check ${c.code}`, x));
    for (const d of data.definitions) cite(`definition ${d.id}`, d.citation);
    for (const a of data.articles) for (const e of a.elements) if (e.paragraph) cite(`Art ${a.article} element ${e.id}`, toPinpoint(a.article, e.paragraph));
    const overlay = JSON.parse(fs.readFileSync(path.join(dataDir, 'overlays', 'articles.json'), 'utf8'));
    for (const [n, ov] of Object.entries<any>(overlay.articles)) {
      const els = [...Object.entries<any>(ov.elements ?? {}).map(([id, e]) => ({ id, ...e })), ...(ov.addElements ?? [])];
      for (const e of els) if (e.paragraph) cite(`overlay Art ${n} element ${e.id}`, toPinpoint(+n, e.paragraph));
    }
    assert.deepStrictEqual(bad, []);
  });

  it('pinpoints written in the text of every data file and overlay', () => {
    const bad: string[] = [];
    const files = [...DATA_FILES, ...fs.readdirSync(path.join(dataDir, 'overlays')).map((f) => `overlays/${f}`)];
    for (const file of files) {
      const all: { path: string; text: string }[] = [];
      strings(JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')), '', all);
      for (const { path: at, text } of all) {
        for (const m of text.matchAll(PROSE)) {
          const p = pinpointProblem(data, +m[1], m[2]);
          if (p) bad.push(`${file} at ${at}: "${m[0]}": ${p}`);
        }
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('the check itself: 10(1) and 13(1) are refused, 10, 13(a), 24(2) and 40(21)(c) pass', () => {
    assert.match(pinpointProblem(data, 10, '(1)') ?? '', /no numbered paragraphs/);
    assert.match(pinpointProblem(data, 13, '(1)') ?? '', /no numbered paragraphs/);
    assert.match(pinpointProblem(data, 42, '(10)') ?? '', /no paragraph 10/);
    assert.strictEqual(pinpointProblem(data, 10, ''), undefined);
    assert.strictEqual(pinpointProblem(data, 13, '(a)'), undefined);
    assert.strictEqual(pinpointProblem(data, 24, '(2)'), undefined);
    assert.strictEqual(pinpointProblem(data, 40, '(21)(c)'), undefined);
  });
});

describe('obligations, read-with links and definition messages follow the text', () => {
  const dataDir = findDataDir(__dirname);
  let data: ConventionData;
  before(() => (data = loadConventionData(dataDir).data!));

  it('an optional element rests on a paragraph the State may choose to apply ("may …"), or its note says why not', () => {
    const bad: string[] = [];
    for (const a of data.articles) {
      for (const e of a.elements.filter((x) => !x.required && x.paragraph)) {
        const head = /^\d+/.exec(e.paragraph!)?.[0];
        const paragraphs = a.paragraphs.filter((p) => p.n === e.paragraph || (head !== undefined && /^\d+/.exec(p.n)?.[0] === head));
        if (paragraphs.some((p) => !/^may\b/i.test(p.obligation)) && !e.note) bad.push(`Art ${a.article} ${e.id} (para ${e.paragraph}: ${paragraphs.map((p) => p.obligation).join(', ')}) is labelled optional`);
      }
    }
    assert.deepStrictEqual(bad, []);
    // The mandatory elements the fact base labelled optional.
    const el = (n: number, id: string) => articleByNumber(data, n)!.elements.find((x) => x.id === id)!;
    for (const [n, id] of [[17, 'conduct-acquisition'], [40, 'central-authority'], [41, 'immediate-assistance'], [42, 'minimum-60-days'], [49, 'foreign-freezing']] as const) {
      assert.strictEqual(el(n, id).required, true, `Art ${n} ${id}`);
    }
  });

  it('articles with the same wording carry the same label (46 and 51: shall endeavour)', () => {
    assert.strictEqual(articleByNumber(data, 46)!.obligation, articleByNumber(data, 51)!.obligation);
    assert.match(articleByNumber(data, 46)!.obligationNote ?? '', /endeavour/);
  });

  it('read-with links the text itself makes: 17 with 7-16, 40 with 18, 43 with 40, 44 with 35, 50 with 40', () => {
    const rw = (n: number) => articleByNumber(data, n)!.readWith;
    for (let n = 7; n <= 16; n++) assert.ok(rw(17).includes(n), `17 with ${n}`);
    assert.ok(rw(40).includes(18));
    assert.ok(rw(43).includes(40));
    assert.ok(rw(44).includes(35));
    assert.ok(rw(50).includes(40));
  });

  it('Art 4 records that offences under other UN instruments committed through ICT are its scope', () => {
    const scope = articleByNumber(data, 4)!.offenceScope!;
    assert.match(scope.summary, /not an offence with no counterpart and not an Art 17/);
    assert.ok(scope.cues.en.includes('drug trafficking') && scope.cues.en.includes('terrorist financing'));
  });

  it('Art 33 and its safeguard are about witnesses only; no text says every Convention offence needs "without right"', () => {
    assert.strictEqual(safeguardById(data, 'witness-protection')!.title, 'Protection of witnesses');
    const all = JSON.stringify([data.checks, data.safeguards, data.articles]);
    assert.doesNotMatch(all, /offences all require|all Convention offences require|every Convention offence requires/i);
    assert.ok(!safeguardById(data, 'without-right-element')!.appliesTo.includes(15) && !safeguardById(data, 'without-right-element')!.appliesTo.includes(17));
  });

  it('definitions keep the interpretative notes (service provider: terms need not be copied verbatim)', () => {
    const sp = data.definitions.find((d) => d.id === 'service-provider')!;
    assert.match(sp.note ?? '', /hosting and caching/);
    assert.match(sp.note ?? '', /need not copy/);
  });

  it('every element of a core definition says briefly what a definition lacking it leaves out', () => {
    for (const d of data.definitions.filter((x) => x.core)) {
      for (const e of d.elements) {
        assert.ok(e.gap && e.gap.length <= 160, `${d.id} ${e.id}: ${e.gap}`);
        assert.doesNotMatch(e.gap!, /without limitation|^\(|[;:]$/, `${d.id} ${e.id}`);
      }
    }
  });

  it('definition.narrower says in one plain sentence what the definition leaves out', () => {
    const analyzer = createAnalyzer().analyzer!;
    const text = 'Section 2 Interpretation\nIn this Act, "content data" means data about what a message says.\n\nSection 3 Illegal access\nA person who intentionally and without right accesses an ICT system commits an offence.\n';
    const f = analyzer.analyze(text).findings.find((x) => x.code === 'definition.narrower');
    assert.ok(f, 'a narrow definition of content data is reported');
    assert.match(f!.message, /^The definition of "content data" is narrower than Art\. 2\(d\) \("content data"\): it leaves out [^.]+\.$/);
    assert.match(f!.message, /images, messages and audio or video recordings/);
    assert.doesNotMatch(f!.message, /includes, without limitation|lacks/);
    assert.ok(f!.message.length < 300, f!.message);
  });
});
