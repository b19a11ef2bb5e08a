import * as assert from 'assert';
import { buildComparison, comparisonUnit, diffStats, findCuePlain, wordDiff } from '../../src/analysis/compare';
import { fixtureData, fixtureDraft } from './helpers/concordanceFixture';

describe('comparison with an article', () => {
  const data = fixtureData();
  const draft = fixtureDraft(
    data,
    [
      { label: '3', heading: 'Unauthorised access', body: 'A person who intentionally accesses a computer commits an offence.', matches: [{ article: 7, present: ['conduct-access', 'intent'] }] },
      { label: '9', heading: 'Search warrants', body: 'An officer may search a computer where proportionate.', matches: [{ article: 28, present: ['search-access'] }] },
    ],
    [{ code: 'safeguard.judicial-review', severity: 'warning', message: 'No review', provision: 's-9', articles: ['24(2)'], obligation: 'mandatory', lookedFor: [] }],
  );
  const input = { data, uri: 'file:///d.draft', text: draft.text, analysis: draft.analysis };

  it('compares with the best match by default, with element evidence relative to the provision text', () => {
    const m = buildComparison({ ...input, provisionId: 's-3' })!;
    assert.strictEqual(m.article.number, 7);
    assert.strictEqual(m.mode, 'article');
    assert.strictEqual(m.provision.label, '3');
    assert.ok(m.provision.text.startsWith('Section 3 Unauthorised access'));
    assert.deepStrictEqual(m.match && { rank: m.match.rank, strength: m.match.strength }, { rank: 0, strength: 'strong' });
    const byId = new Map(m.elements.map((e) => [e.id, e]));
    assert.strictEqual(byId.get('without-right')!.present, false);
    const access = byId.get('conduct-access')!;
    assert.strictEqual(access.present, true);
    assert.strictEqual(m.provision.text.slice(access.span!.start, access.span!.end), 'accesses');
    assert.deepStrictEqual(m.article.readWith, [{ article: 16, title: 'Sharing private images without consent' }]);
    assert.deepStrictEqual(m.budapest, [{ article: '2', title: 'Illegal access (Budapest)', summary: 'Our summary of the Budapest access offence.' }]);
    assert.strictEqual(m.budapestNote, undefined);
    assert.strictEqual(m.candidates[0].article, 7);
    assert.match(m.candidates[0].words, /^strong match \(score 0\.80\): heading says "access"$/);
  });

  it('diffs the provision against the model clause word by word', () => {
    const m = buildComparison({ ...input, provisionId: 's-3' })!;
    assert.ok(m.modelClause);
    assert.ok(m.diff && m.diffStats);
    const removed = m.diff.filter((p) => p.kind === 'removed').map((p) => p.text).join(' ');
    const added = m.diff.filter((p) => p.kind === 'added').map((p) => p.text).join(' ');
    assert.match(removed, /without right/, 'the draft omits "without right"');
    assert.match(added, /Section 3 Unauthorised access/, 'the draft adds its own heading');
    // Joining same + added gives back the draft; same + removed gives back the model clause.
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    assert.strictEqual(squash(m.diff.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')), squash(m.provision.text));
    assert.strictEqual(squash(m.diff.filter((p) => p.kind !== 'added').map((p) => p.text).join('')), squash(m.modelClause.text));
  });

  it('uses the findings for safeguards of the best match', () => {
    const m = buildComparison({ ...input, provisionId: 's-9' })!;
    assert.strictEqual(m.article.number, 28);
    assert.deepStrictEqual(
      m.safeguards.map((s) => [s.id, s.present, s.basis]),
      [
        ['judicial-review', false, 'findings'],
        // No check covers proportionality here: it is looked for in the wording.
        ['proportionality', true, 'wording'],
      ],
    );
    assert.strictEqual(m.modelClause, undefined);
    assert.strictEqual(m.diff, undefined);
  });

  it('finds a safeguard in the draft\'s general safeguards provision', () => {
    const withGeneral = fixtureData();
    const a28 = withGeneral.articles.find((a) => a.article === 28)!;
    withGeneral.articles.push({ ...a28, article: 24, title: 'Conditions and safeguards', kind: 'safeguard', elements: [], safeguards: [] });
    const d = fixtureDraft(withGeneral, [
      { label: '8', heading: 'Conditions', body: 'Every power must be proportionate.', matches: [{ article: 24, present: [] }] },
      { label: '9', heading: 'Search warrants', body: 'An officer may search a computer.', matches: [{ article: 7, present: [] }, { article: 28, present: ['search-access'] }] },
    ]);
    const m = buildComparison({ data: withGeneral, uri: 'u', text: d.text, analysis: d.analysis, provisionId: 's-9', article: 28 })!;
    const prop = m.safeguards.find((s) => s.id === 'proportionality')!;
    assert.deepStrictEqual([prop.present, prop.basis, prop.foundIn], [true, 'wording', '8 Conditions']);
    const review = m.safeguards.find((s) => s.id === 'judicial-review')!;
    assert.deepStrictEqual([review.present, review.basis, review.foundIn], [false, 'wording', undefined], 'not the best match: decided by wording');
  });

  it('compares with an article the matcher did not propose by looking for its cues', () => {
    const m = buildComparison({ ...input, provisionId: 's-9', article: 7 })!;
    assert.strictEqual(m.match, undefined);
    assert.deepStrictEqual(
      m.elements.map((e) => [e.id, e.present]),
      [
        ['conduct-access', false],
        ['intent', false],
        ['without-right', false],
      ],
    );
  });

  it('says when there is no Budapest counterpart', () => {
    const m = buildComparison({ ...input, provisionId: 's-3', article: 16, mode: 'budapest' })!;
    assert.strictEqual(m.mode, 'budapest');
    assert.deepStrictEqual(m.budapest, []);
    assert.match(m.budapestNote!, /no counterpart to Art\. 16/);
  });

  it('returns undefined for unknown provisions or articles', () => {
    assert.strictEqual(buildComparison({ ...input, provisionId: 'nope' }), undefined);
    assert.strictEqual(buildComparison({ ...input, provisionId: 's-3', article: 99 }), undefined);
  });

  it('climbs from a subprovision to its matched section', () => {
    const parsed = draft.analysis.parsed;
    const child = { ...parsed.provisions[0], id: 's-3/1', kind: 'subsection' as const, label: '(1)', parent: 's-3', depth: 1 };
    const analysis = { ...draft.analysis, parsed: { ...parsed, byId: new Map([...parsed.byId, [child.id, child]]) } };
    assert.strictEqual(comparisonUnit(analysis, 's-3/1')!.id, 's-3');
  });
});

describe('wordDiff', () => {
  it('marks the draft\'s own words added and the model\'s missing words removed', () => {
    const parts = wordDiff('the quick red fox', 'the quick brown fox')!;
    assert.deepStrictEqual(
      parts.map((p) => [p.kind, p.text.trim()]),
      [
        ['same', 'the quick'],
        ['removed', 'brown'],
        ['added', 'red'],
        ['same', 'fox'],
      ],
    );
    assert.deepStrictEqual(diffStats(parts), { added: 1, removed: 1, same: 3 });
  });

  it('ignores differences in spacing and line breaks', () => {
    const parts = wordDiff('a  person\n   who', 'a person who')!;
    assert.deepStrictEqual(parts.map((p) => p.kind), ['same']);
  });

  it('gives up on huge inputs instead of hanging', () => {
    const big = 'word '.repeat(20_000);
    assert.strictEqual(wordDiff(big, 'other'), undefined);
  });

  it('keeps hostile text as data', () => {
    const parts = wordDiff('<script>alert(1)</script>', 'x')!;
    assert.ok(parts.some((p) => p.text.includes('<script>')));
  });
});

describe('findCuePlain', () => {
  it('finds the earliest cue inside the span only', () => {
    const text = 'search here. Then search again and proportionate';
    const find = findCuePlain(text);
    assert.deepStrictEqual(find({ en: ['search', 'proportionate'] }, 'en', { start: 5, end: text.length }), { start: 18, end: 24 });
    assert.strictEqual(find({ en: ['proportionate'] }, 'en', { start: 0, end: 20 }), undefined);
  });
});
