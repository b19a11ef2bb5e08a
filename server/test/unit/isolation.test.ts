// Analyzers are independent: all the state an Analyzer's results depend on (spelling rules,
// stems, compiled cues, the checks' memos) is held by that Analyzer, so two Analyzers built with
// different settings in one process do not change each other's results, whichever was built last.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../src/analysis/analyze';
import { findDataDir, loadConventionData, loadMatcherSettings } from '../../src/analysis/data/load';
import type { MatcherSettings } from '../../src/analysis/matcherSettings';
import type { DocumentAnalysis } from '../../src/analysis/types';

const dataDir = findDataDir(__dirname);
const draft = fs.readFileSync(path.join(path.dirname(dataDir), 'examples', 'cybercrime-bill.draft'), 'utf8');

function load(): { data: NonNullable<ReturnType<typeof loadConventionData>['data']>; settings: MatcherSettings } {
  const { data } = loadConventionData(dataDir);
  const { settings } = loadMatcherSettings(dataDir);
  assert.ok(data && settings);
  return { data, settings };
}

/** What an analysis says: each section's articles, and the findings by code and place. */
function summary(a: DocumentAnalysis): { matches: string[]; findings: string[] } {
  return {
    matches: [...a.matches].map(([id, m]) => `${id}: ${m.matches.map((x) => `${x.article}/${x.strength}/${x.score.toFixed(3)}`).join(' ')}`),
    findings: a.findings.map((f) => `${f.code}@${f.span.start}-${f.span.end}`).sort(),
  };
}

describe('two Analyzers in one process', () => {
  it('do not affect each other: one built later with other spelling rules leaves the results of one built before as they were', () => {
    const { data, settings } = load();
    const first = new Analyzer(data, settings);
    const expected = summary(first.analyze(draft));
    assert.ok(expected.matches.length > 5 && expected.findings.length > 0, 'the draft gives matches and findings');

    // Built before the odd one, analysing nothing yet: its stems are all made after the odd one exists.
    const before = new Analyzer(data, settings);
    // Spelling rules that fold the draft's key words into others.
    const odd: MatcherSettings = { ...settings, spelling: { ...settings.spelling, en: { ...settings.spelling.en, computer: 'banana', data: 'banana', system: 'banana', access: 'banana' } } };
    const later = new Analyzer(data, odd);

    const stem = (a: Analyzer, w: string) => a.matcher.cues.tokenizer.stem(w, 'en');
    assert.strictEqual(stem(later, 'computer'), stem(later, 'banana'), 'the odd rules are in force in the analyzer built with them');
    assert.notStrictEqual(stem(before, 'computer'), stem(before, 'banana'), 'and only there');
    assert.notDeepStrictEqual(summary(later.analyze(draft)), expected, 'the odd rules change what is found (else this test could not fail)');

    assert.deepStrictEqual(summary(before.analyze(draft)), expected);
    assert.deepStrictEqual(summary(first.analyze(draft + '\n')), expected, 'the first analyzer, on text it has not seen whole');
  });

  it('keep their checks state apart', () => {
    const { data, settings } = load();
    const a = new Analyzer(data, settings);
    const b = new Analyzer(data, settings);
    assert.notStrictEqual(a.checkState, b.checkState);
    assert.notStrictEqual(a.matcher.cues.tokenizer, b.matcher.cues.tokenizer);
    assert.deepStrictEqual(summary(a.analyze(draft)), summary(b.analyze(draft)));
  });
});
