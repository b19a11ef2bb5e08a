// A long editing session keeps the match cache flat: the text a section had before an edit
// leaves the cache (issue 21, point 9), and results stay those of a full analysis.
import * as assert from 'assert';
import { generateDraft } from '../../../bench/generate';
import { createAnalyzer } from '../../src/analysis/engine';

describe('match cache over a long editing session', () => {
  it('holds one entry per section text of the current version, however many edits were made', function () {
    this.timeout(120_000);
    const analyzer = createAnalyzer().analyzer!;
    let text = generateDraft({ sizeBytes: 20 * 1024, seed: 3 });
    let previous = { text, analysis: analyzer.analyze(text) };
    const start = analyzer.cachedTexts;
    assert.ok(start > 10, `only ${start} section texts cached`);
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      // A letter typed inside a word somewhere in the draft: one section's text changes.
      let at = Math.floor(next() * text.length);
      while (at < text.length && !/[a-z]/.test(text[at])) at++;
      text = text.slice(0, at) + 'q' + text.slice(at);
      previous = { text, analysis: analyzer.analyze(text, { previous }) };
    }
    // Sections may merge or split when a letter lands in a heading; never one entry per edit.
    assert.ok(analyzer.cachedTexts <= start + 5, `${analyzer.cachedTexts} texts cached after 300 edits (${start} at the start)`);
    const fresh = createAnalyzer().analyzer!.analyze(text);
    assert.deepStrictEqual(previous.analysis.findings.map((f) => [f.code, f.span.start]), fresh.findings.map((f) => [f.code, f.span.start]));
  });
});

describe('a small match cache (AnalyzerOptions.cacheTexts)', () => {
  it('gives the same analyses, one draft after another and after edits, as the default cache', function () {
    this.timeout(120_000);
    const small = createAnalyzer(undefined, { cacheTexts: 5 }).analyzer!;
    const usual = createAnalyzer().analyzer!;
    const drafts = [1, 2, 1].map((seed) => generateDraft({ sizeBytes: 30 * 1024, seed }));
    for (const text of drafts) {
      const a = small.analyze(text);
      assert.ok(small.cachedTexts <= 5, `${small.cachedTexts} texts cached`);
      assert.deepStrictEqual(a, usual.analyze(text));
      // An edit in the middle: the incremental path reuses what the cache no longer holds.
      const at = text.indexOf('commits an offence', text.length >> 1);
      const edited = text.slice(0, at) + 'knowingly ' + text.slice(at);
      assert.deepStrictEqual(small.analyze(edited, { previous: { text, analysis: a } }), usual.analyze(edited));
    }
    assert.ok(usual.cachedTexts > 5);
  });
});
