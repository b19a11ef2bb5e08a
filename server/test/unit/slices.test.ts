// The time-sliced analysis gives the event loop back during the parse of a large draft, not only
// after it: requests made while a large draft is opening are answered before its first section
// is matched. Order of events only (no timing): sliceMs 0 yields at every step.
import * as assert from 'assert';
import { generateDraft } from '../../../bench/generate';
import { createAnalyzer } from '../../src/analysis/engine';
import { parseProvisions, parseSteps } from '../../src/analysis/parse';
import { SLICE_REFERENCE_MATCHES } from '../../src/analysis/parse/full';
import { scanReferences, type RefTrace } from '../../src/analysis/parse/references';
import { states } from '../../src/analysis/parse/state';
import { OwnerIndex } from '../../src/analysis/parse/tree';
import type { Reference } from '../../src/analysis/types';

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

  it('the reference scan yields every few thousand matches and finds what one scan in one go finds', () => {
    // Few lines, many references: the scan, not the lines, is most of the parse.
    const sentence = 'As provided in section 2(1) and sections 3 to 5, and Article 27(2) of the Convention, subject to section 9; ';
    const lines = ['Section 1 Scope', ...Array.from({ length: 400 }, (_, i) => `(${i + 1}) ` + sentence.repeat(40)), 'Section 2 Powers', '(1) A judge may order it.', 'Section 9 Safeguards', 'Orders are reviewed.'];
    const text = lines.join('\n');
    const steps = parseSteps(text);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const parsed = r.value;
    const st = states.get(parsed)!;
    const matches = st.trace.ends.length;
    assert.ok(matches > 10 * SLICE_REFERENCE_MATCHES, `${matches} matches of the reference pattern`);
    assert.ok(yields >= matches / SLICE_REFERENCE_MATCHES, `${yields} yields for ${matches} reference matches`);
    // The same scan without stopping: same references, same trace (an incremental parse resumes from it).
    const references: Reference[] = [];
    const trace: RefTrace = { ends: [], counts: [] };
    const ctx = { vocabulary: st.vocabulary, skip: st.skip, articleStyle: st.articleStyle, owner: new OwnerIndex(parsed.provisions), byId: parsed.byId, sectionsByLabel: st.sectionsByLabel };
    assert.strictEqual(scanReferences(text, ctx, 0, references, trace), -1);
    assert.deepStrictEqual(parsed.references, references);
    assert.deepStrictEqual(st.trace, trace);
    assert.ok(references.some((x) => x.kind === 'convention') && references.some((x) => x.kind === 'section' && x.resolved));
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
