// Bad data contained (issue 21, point 5): data/matcher.json is validated by its schema like the
// other files; a wrong shape is one clear problem naming file and JSON path, never an exception;
// schemas come from the extension, so a data folder cannot loosen them.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findDataDir, formatProblem, loadConventionData, loadMatcherSettings } from '../../src/analysis/data/load';
import { createAnalyzer } from '../../src/analysis/engine';
import { check } from './check';

const source = findDataDir(__dirname);

describe('data loading contains bad data', () => {
  let tmp: string;
  let dir: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concordance-load-'));
    dir = path.join(tmp, 'data');
    fs.cpSync(source, dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const editMatcher = (change: (json: any) => void) => {
    const p = path.join(dir, 'matcher.json');
    const json = JSON.parse(fs.readFileSync(p, 'utf8'));
    change(json);
    fs.writeFileSync(p, JSON.stringify(json));
  };

  it('the shipped matcher.json is valid', () => {
    const r = loadMatcherSettings(dir);
    assert.deepStrictEqual(r.problems, []);
    assert.ok(r.settings);
  });

  describe('a wrong shape of matcher.json is one problem naming the file and the JSON path', () => {
    const cases: { name: string; input: (j: any) => void; expected: string[] }[] = [
      { name: 'weights not an object', input: (j) => (j.weights = 'heavy'), expected: ['data/matcher.json at /weights: must be object'] },
      { name: 'a weight not a number', input: (j) => (j.weights.heading = '0.3'), expected: ['data/matcher.json at /weights/heading: must be number'] },
      { name: 'maxMatches not an integer', input: (j) => (j.thresholds.maxMatches = 2.5), expected: ['data/matcher.json at /thresholds/maxMatches: must be integer'] },
      { name: 'thresholds missing', input: (j) => delete j.thresholds, expected: ["data/matcher.json at /: must have required property 'thresholds'"] },
      { name: 'stop words without English', input: (j) => delete j.stopWords.en, expected: ["data/matcher.json at /stopWords: must have required property 'en'"] },
      { name: 'a marker whose kinds is a string', input: (j) => (j.markers[0].kinds = 'offence'), expected: ['data/matcher.json at /markers/0/kinds: must be array'] },
      { name: 'a context without cues', input: (j) => delete j.contexts[0].cues, expected: ["data/matcher.json at /contexts/0: must have required property 'cues'"] },
      { name: 'a spelling list instead of a map', input: (j) => (j.spelling.en = ['offence']), expected: ['data/matcher.json at /spelling/en: must be object'] },
    ];
    check(
      'problems',
      cases.map((c) => ({ name: c.name, input: c.input, expected: { analyzer: false, problems: c.expected } })),
      (change) => {
        editMatcher(change);
        const r = createAnalyzer(dir);
        return { analyzer: r.analyzer !== undefined, problems: r.problems.map(formatProblem).filter((p) => !/must match exactly one schema|must be equal to one of/.test(p)).slice(0, 1) };
      },
    );
  });

  it('matcher.json that is not JSON names the file and the line', () => {
    fs.writeFileSync(path.join(dir, 'matcher.json'), '{\n  "weights": {,}\n}');
    const r = createAnalyzer(dir);
    assert.strictEqual(r.analyzer, undefined);
    assert.match(r.problems.map(formatProblem).join('\n'), /^data\/matcher\.json at \/: not valid JSON \(line 2, column \d+\)/);
  });

  it('any JSON value anywhere in matcher.json gives settings or problems with file and path, never an exception', function () {
    this.timeout(120_000);
    const original = JSON.parse(fs.readFileSync(path.join(source, 'matcher.json'), 'utf8'));
    const keys = Object.keys(original).filter((k) => k !== 'about');
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.option(fc.constantFrom('0', 'en', 'show', 'kinds', 'cues'), { nil: undefined }), fc.jsonValue(), (key, sub, value) => {
        const json = JSON.parse(JSON.stringify(original));
        if (sub !== undefined && json[key] && typeof json[key] === 'object') json[key][sub] = value;
        else json[key] = value;
        fs.writeFileSync(path.join(dir, 'matcher.json'), JSON.stringify(json));
        const r = loadMatcherSettings(dir);
        assert.ok(r.settings !== undefined || r.problems.length > 0);
        for (const p of r.problems) assert.match(formatProblem(p), /^data\/matcher\.json at \/.*: \S/s);
      }),
      { numRuns: 300 },
    );
  });

  // Every data file, not only matcher.json: a value of any JSON type at any key, at the top or one
  // level down (or the whole file replaced), gives an analyzer or problems naming the file, never an
  // exception. `npm test` runs a few; `npm run fuzz` (or FUZZ_RUNS) more.
  const FILES = ['articles.json', 'budapest.json', 'checks.json', 'definitions.json', 'lexicons.json', 'model-clauses.json', 'safeguards.json', 'languages/en.json', 'languages/es.json', 'languages/fr.json'];
  const DATA_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Math.ceil(Number(process.env.FUZZ_RUNS) / 20) : process.env.npm_lifecycle_event === 'fuzz' ? 80 : 12;
  it(`any JSON value anywhere in any data file gives an analyzer or problems naming the file, never an exception (${DATA_RUNS} runs)`, function () {
    this.timeout(0);
    const originals = new Map(FILES.map((f) => [f, fs.readFileSync(path.join(source, f), 'utf8')]));
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.nat(), fc.nat(), fc.boolean(), fc.jsonValue({ maxDepth: 2 }), (file, i, j, whole, value) => {
        const json = JSON.parse(originals.get(file)!);
        const keysOf = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o) : []);
        let edited: unknown = value;
        if (!whole && keysOf(json).length > 0) {
          const top = keysOf(json)[i % keysOf(json).length];
          const inner = keysOf(json[top]);
          if (inner.length > 0 && j % 2 === 0) json[top][inner[j % inner.length]] = value;
          else json[top] = value;
          edited = json;
        }
        fs.writeFileSync(path.join(dir, file), JSON.stringify(edited));
        try {
          const r = createAnalyzer(dir);
          assert.ok(r.analyzer !== undefined || r.problems.length > 0);
          for (const p of r.problems) assert.match(formatProblem(p), /^data\/\S+\.json at \/.*: \S/s);
        } finally {
          fs.writeFileSync(path.join(dir, file), originals.get(file)!);
        }
      }),
      { numRuns: DATA_RUNS },
    );
  });

  it("a data folder's loosened schema does not loosen validation (nor make the loader throw)", () => {
    fs.writeFileSync(path.join(dir, 'schema', 'articles.schema.json'), '{}');
    fs.writeFileSync(path.join(dir, 'schema', 'matcher.schema.json'), '{}');
    fs.writeFileSync(path.join(dir, 'articles.json'), JSON.stringify({ chapters: 5, articles: 'none' }));
    editMatcher((j) => (j.weights = null));
    const r = loadConventionData(dir);
    assert.strictEqual(r.data, undefined);
    const m = r.problems.map(formatProblem);
    assert.ok(m.includes('data/articles.json at /chapters: must be array'), m.join('\n'));
    assert.ok(m.includes('data/articles.json at /articles: must be array'), m.join('\n'));
    const e = createAnalyzer(dir);
    assert.strictEqual(e.analyzer, undefined);
    assert.ok(e.problems.map(formatProblem).includes('data/matcher.json at /weights: must be object'), e.problems.map(formatProblem).join('\n'));
  });

  it('a data folder without any schema folder loads by the bundled schemas', () => {
    fs.rmSync(path.join(dir, 'schema'), { recursive: true });
    const r = loadConventionData(dir);
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(loadMatcherSettings(dir).problems, []);
  });
});
