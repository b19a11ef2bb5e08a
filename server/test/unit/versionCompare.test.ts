import * as assert from 'assert';
import { compareVersions } from '../../src/analysis/versionCompare';
import { fixtureData, fixtureDraft, type SectionSpec } from './helpers/concordanceFixture';

describe('compareVersions', () => {
  const data = fixtureData();
  const access: SectionSpec = { label: '1', heading: 'Access', body: 'Whoever accesses a computer commits an offence.', matches: [{ article: 7, present: ['conduct-access'] }] };
  const search: SectionSpec = { label: '2', heading: 'Search', body: 'An officer may search a computer.', matches: [{ article: 28, present: ['search-access'] }] };
  const images: SectionSpec = { label: '3', heading: 'Images', body: 'Sharing an image without consent is an offence.', matches: [{ article: 16, present: ['no-consent'] }] };
  const review = { code: 'safeguard.judicial-review', severity: 'warning' as const, message: 'No review of the search power', articles: ['24(2)'], obligation: 'mandatory' as const, lookedFor: [] };

  it('finds changed, added, removed and unchanged provisions and how coverage moved', () => {
    const a = fixtureDraft(data, [access, search], [{ ...review, provision: 's-2' }]);
    const b = fixtureDraft(data, [
      { ...access, body: 'Whoever intentionally and without authority accesses a computer commits an offence.', matches: [{ article: 7, present: ['conduct-access', 'intent', 'without-right'] }] },
      { ...images, label: '2' },
    ]);
    const v = compareVersions(a.analysis, a.text, b.analysis, b.text, data);
    assert.deepStrictEqual(
      v.provisions.map((p) => [p.change, p.a?.label, p.a?.heading, p.b?.label, p.b?.heading]),
      [
        ['changed', '1', 'Access', '1', 'Access'],
        ['changed', '2', 'Search', '2', 'Images'],
      ],
      'same ids pair up even when the content is new',
    );
    const first = v.provisions[0];
    assert.ok(first.diff);
    assert.deepStrictEqual(
      first.diff.filter((p) => p.kind === 'added').map((p) => p.text.trim()),
      ['intentionally and without authority'],
    );
    assert.deepStrictEqual(
      v.coverage.map((c) => [c.article, c.before, c.after, c.direction]),
      [
        [7, 'partial', 'implemented', 'better'],
        [16, 'missing', 'implemented', 'better'],
        [28, 'partial', 'missing', 'worse'],
      ],
    );
    assert.strictEqual(v.coverage[0].title, 'Illegal access');
    assert.deepStrictEqual(v.findings.removed.map((f) => [f.code, f.provision]), [['safeguard.judicial-review', '2 Search']]);
    assert.deepStrictEqual(v.findings.added, []);
    assert.deepStrictEqual([v.findings.before, v.findings.after], [1, 0]);
    assert.deepStrictEqual(v.coverageSummary.before, { implemented: 0, partial: 2, missing: 2, 'not-applicable': 1 });
  });

  it('reports inserted and deleted sections and recognises renumbering', () => {
    const a = fixtureDraft(data, [access, search]);
    // A new section 1 pushes the old ones down: s-1 (new) is added, old 1 and 2 are renumbered to 2 and 3.
    const b = fixtureDraft(data, [
      { ...images, label: '1' },
      { ...access, label: '2' },
      { ...search, label: '3' },
    ]);
    const v = compareVersions(a.analysis, a.text, b.analysis, b.text, data);
    const summary = v.provisions.map((p) => `${p.change}:${p.a?.label ?? '-'}>${p.b?.label ?? '-'}`);
    assert.deepStrictEqual(summary.sort(), ['added:->1', 'renumbered:1>2', 'renumbered:2>3'].sort());
    assert.deepStrictEqual(v.counts, { added: 1, removed: 0, changed: 0, renumbered: 2, unchanged: 0 });

    const c = fixtureDraft(data, [access]);
    const w = compareVersions(a.analysis, a.text, c.analysis, c.text);
    assert.deepStrictEqual(
      w.provisions.map((p) => `${p.change}:${p.a?.label ?? '-'}>${p.b?.label ?? '-'}`),
      ['unchanged:1>1', 'removed:2>-'],
    );
    assert.strictEqual(w.coverage.find((x) => x.article === 28)!.title, '', 'no titles without data');
  });

  it('pairs a rewritten section with a new number by its heading', () => {
    const a = fixtureDraft(data, [search]);
    const b = fixtureDraft(data, [{ ...search, label: '7', body: 'A judge may authorise an officer to search a computer.' }]);
    const v = compareVersions(a.analysis, a.text, b.analysis, b.text);
    assert.deepStrictEqual(v.provisions.map((p) => [p.change, p.a?.label, p.b?.label]), [['changed', '2', '7']]);
    assert.ok(v.provisions[0].diff!.some((p) => p.kind === 'added' && /judge/.test(p.text)));
  });

  it('counts findings that appear in the new version', () => {
    const a = fixtureDraft(data, [search]);
    const b = fixtureDraft(data, [search], [{ ...review, provision: 's-2' }]);
    const v = compareVersions(a.analysis, a.text, b.analysis, b.text);
    assert.deepStrictEqual(v.findings.added.map((f) => [f.code, f.provision, f.range.start.line]), [['safeguard.judicial-review', '2 Search', 0]]);
    assert.deepStrictEqual(v.findings.removed, []);
  });

  it('compares a version that adds more sections than a call takes arguments (150 000), without throwing', () => {
    const a = fixtureDraft(data, [access]);
    const many: SectionSpec[] = Array.from({ length: 150_000 }, (_, i) => ({ label: String(i + 2), heading: `Heading ${i}`, body: `Body ${i}.`, matches: [] }));
    const b = fixtureDraft(data, [access, ...many]);
    const v = compareVersions(a.analysis, a.text, b.analysis, b.text, data);
    assert.strictEqual(v.provisions.filter((p) => p.change === 'added').length, 150_000);
  });

  it('handles empty drafts', () => {
    const e = fixtureDraft(data, []);
    const v = compareVersions(e.analysis, '', e.analysis, '');
    assert.deepStrictEqual(v.provisions, []);
    assert.deepStrictEqual(v.coverage, []);
  });
});
