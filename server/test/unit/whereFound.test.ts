// Where a hover says a section's elements and safeguards were found (issue 23): the core gives it as
// plain data (evidenceLocation in query.ts, whereCheckAnswered in checks.ts), and it agrees with the
// findings: a safeguard the draft is said to say somewhere is never reported missing, and one
// reported missing is said nowhere. Drafts: the example bill and the test drafts in three languages.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { unitOf } from '../../src/analysis/analyze';
import { whereCheckAnswered } from '../../src/analysis/checks';
import { createAnalyzer } from '../../src/analysis/engine';
import { evidenceLocation } from '../../src/analysis/query';
import { check } from './check';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('convention data did not load');
const ROOT = path.resolve(__dirname, '../../../..');
const DRAFTS = ['examples/cybercrime-bill.draft', 'server/test/fixtures/drafts/commonwealth-bill.txt', 'server/test/fixtures/drafts/ley-es.txt', 'server/test/fixtures/drafts/loi-fr.txt', 'server/test/fixtures/drafts/civil-law-articles.txt'];

interface Tally {
  /** Safeguards found somewhere that the findings still call missing (must be none). */
  contradictions: string[];
  /** Safeguards reported missing and found nowhere, and present ones found in the section itself or elsewhere. */
  missing: number;
  own: number;
  elsewhere: number;
  /** Element evidence whose location does not hold its words, or lies outside its section (must be none). */
  badElements: string[];
  elements: number;
}

function tally(file: string): Tally {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const analysis = analyzer!.analyze(text);
  const t: Tally = { contradictions: [], missing: 0, own: 0, elsewhere: 0, badElements: [], elements: 0 };
  for (const [id, pm] of analysis.matches) {
    const best = pm.matches[0];
    const unit = analysis.parsed.byId.get(id);
    if (!best || !unit) continue;
    for (const e of best.elements) {
      const loc = evidenceLocation(analysis, unit, e);
      if (!loc) continue;
      t.elements++;
      const inside = loc.span.start >= unit.span.start && loc.span.end <= unit.span.end && loc.provision.span.start <= loc.span.start && loc.span.start < loc.provision.span.end;
      if (text.slice(loc.span.start, loc.span.end) !== e.evidence || !inside || unitOf(loc.provision, analysis) !== unit) t.badElements.push(`${id} ${e.id}`);
    }
    for (const code of analyzer!.data.checks.filter((c) => c.family === 'safeguard' && c.appliesTo.includes(best.article))) {
      const reported = analysis.findings.some((f) => f.provision === id && f.code === code.code);
      const where = whereCheckAnswered(analyzer!, analysis, text, unit, code);
      if (where && reported) t.contradictions.push(`${id} ${code.code} found in ${where.provision}`);
      if (reported) t.missing++;
      else if (where) where.provision === id ? t.own++ : t.elsewhere++;
    }
  }
  return t;
}

check(
  'where found agrees with the findings (no safeguard both found and missing; element locations hold their words)',
  DRAFTS.map((f) => ({ name: f, input: f, expected: { contradictions: [], badElements: [] } })),
  (f) => {
    const t = tally(f);
    return { contradictions: t.contradictions, badElements: t.badElements };
  },
);

describe('where found is not vacuous', () => {
  it('the drafts have element evidence, safeguards found in the section itself, found elsewhere, and missing', () => {
    const all = DRAFTS.map(tally);
    const sum = (k: 'missing' | 'own' | 'elsewhere' | 'elements') => all.reduce((n, t) => n + t[k], 0);
    assert.ok(sum('elements') > 50, `elements ${sum('elements')}`);
    assert.ok(sum('own') > 5 && sum('elsewhere') > 3 && sum('missing') > 5, JSON.stringify({ own: sum('own'), elsewhere: sum('elsewhere'), missing: sum('missing') }));
  });
});
