// The time-sliced analysis gives the event loop back during the parse of a large draft, not only
// after it: requests made while a large draft is opening are answered before its first section
// is matched. Order of events only (no timing): sliceMs 0 yields at every step.
import * as assert from 'assert';
import { generateDraft } from '../../../bench/generate';
import { createAnalyzer } from '../../src/analysis/engine';
import { parseProvisions, parseSteps } from '../../src/analysis/parse';

const BIG = generateDraft({ sizeBytes: 2 * 1024 * 1024, seed: 11 });

describe('time-sliced analysis of a large draft', function () {
  this.timeout(0);

  it('the parse yields every few thousand lines and gives the same result as parseProvisions', () => {
    const steps = parseSteps(BIG);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const lines = BIG.split(/\r\n|\r|\n/).length;
    assert.ok(yields >= lines / 4096, `${yields} yields for ${lines} lines`);
    const whole = parseProvisions(BIG);
    assert.deepStrictEqual(r.value.provisions, whole.provisions);
    assert.deepStrictEqual(r.value.definitions, whole.definitions);
    assert.deepStrictEqual(r.value.references, whole.references);
  });

  it('requests made while a large draft is opening are answered during its parse, before any section is matched', async () => {
    const analyzer = createAnalyzer().analyzer!;
    const events: string[] = [];
    // A request arriving with the draft, and one more per turn of the event loop until the first match.
    const answer = (): void => {
      events.push(analyzer.matchedCount === 0 ? 'request before any match' : 'request after a match');
      if (analyzer.matchedCount === 0 && events.length < 1000) setImmediate(answer);
    };
    const analysis = analyzer.analyzeAsync(BIG, {}, () => false, 0);
    setImmediate(answer);
    const result = await analysis;
    assert.ok(result && result.matches.size > 0);
    const before = events.filter((e) => e === 'request before any match').length;
    const lines = BIG.split(/\r\n|\r|\n/).length;
    // One turn after the parse would be all without slices in the parse.
    assert.ok(before > lines / 4096, `${before} requests answered before the first match (${lines} lines): ${events.slice(0, 5).join(', ')}`);
  });
});
