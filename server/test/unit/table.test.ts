import * as assert from 'assert';
import { buildTable, csvField, escapeHtml, markdownCell, renderCsv, renderHtml, renderMarkdown, renderTable, TABLE_COLUMNS } from '../../src/analysis/table';
import { fixtureData, fixtureDraft } from './helpers/concordanceFixture';

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF record ends. */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === '"') {
      throw new Error(`bare quote inside an unquoted field at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const HOSTILE = 'Access, "so-called" | hacking\r\nline <script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>';

function sample() {
  const data = fixtureData();
  const a = fixtureDraft(
    data,
    [
      { label: '3', heading: 'Unauthorised access', body: 'A person who intentionally accesses a computer without authority commits an offence.', matches: [{ article: 7, present: ['conduct-access', 'intent', 'without-right'] }] },
      { label: '9', heading: 'Search warrants', body: 'An officer may search a computer.', matches: [{ article: 28, present: ['search-access'] }] },
    ],
    [{ code: 'safeguard.judicial-review', severity: 'warning', message: 'No review', provision: 's-9', articles: ['24(2)'], obligation: 'mandatory', lookedFor: [] }],
  );
  return { data, a };
}

describe('concordance table', () => {
  it('lists every article by chapter with status, provisions, missing safeguards and Budapest equivalents', () => {
    const { data, a } = sample();
    const t = buildTable(data, [{ file: '/drafts/bill.draft', ...a }]);
    assert.deepStrictEqual(
      t.chapters.map((c) => [c.chapter, c.rows.map((r) => r.article)]),
      [
        ['I', [1, 2]],
        ['II', [7, 16]],
        ['IV', [28]],
      ],
    );
    const rows = new Map(t.chapters.flatMap((c) => c.rows).map((r) => [r.article, r]));
    assert.strictEqual(rows.get(7)!.status, 'implemented');
    assert.deepStrictEqual(rows.get(7)!.provisions.map((p) => [p.label, p.heading, p.range.start.line]), [['3', 'Unauthorised access', 0]]);
    assert.deepStrictEqual(rows.get(7)!.budapest, ['Art. 2 — Illegal access (Budapest)']);
    assert.strictEqual(rows.get(28)!.status, 'partial');
    assert.deepStrictEqual(rows.get(28)!.missingSafeguards, ['No judicial review']);
    assert.strictEqual(rows.get(28)!.provisions[0].range.start.line, 3);
    assert.strictEqual(rows.get(16)!.status, 'missing');
    assert.deepStrictEqual(rows.get(16)!.budapest, []);
    assert.strictEqual(rows.get(1)!.status, 'not-applicable');
    // Mandatory = needs a provision and not optional: 7, 16, 28.
    assert.deepStrictEqual(
      { total: t.summary.mandatoryTotal, implemented: t.summary.mandatoryImplemented, partial: t.summary.mandatoryPartial },
      { total: 3, implemented: 1, partial: 1 },
    );
  });

  it('takes the best status over several drafts and shows each file', () => {
    const { data, a } = sample();
    const b = fixtureDraft(data, [{ label: '1', heading: 'Image sharing', body: 'Sharing an image without consent is an offence.', matches: [{ article: 16, present: ['no-consent'] }] }]);
    const t = buildTable(data, [
      { file: 'file:///w/penal.draft', ...a },
      { file: 'file:///w/images%20act.draft', ...b },
    ]);
    const r16 = t.chapters[1].rows.find((r) => r.article === 16)!;
    assert.strictEqual(r16.status, 'implemented');
    assert.deepStrictEqual(r16.statusByFile, ['missing', 'implemented']);
    const md = renderMarkdown(t);
    // A dot inside a name is escaped (no domain autolink): "images act\.draft" shows as "images act.draft".
    assert.match(md, /images act\\\.draft: 1 Image sharing/);
    assert.match(md, /implemented \(penal\\\.draft: missing; images act\\\.draft: implemented\)/);
  });

  it('lists an element as missing until some draft has it', () => {
    const data = fixtureData();
    const a = fixtureDraft(data, [{ label: '2', heading: 'Access', body: 'Whoever accesses a computer commits an offence.', matches: [{ article: 7, present: ['conduct-access'] }] }]);
    const t = buildTable(data, [{ file: 'a', ...a }]);
    const r7 = t.chapters[1].rows[0];
    assert.strictEqual(r7.status, 'partial');
    assert.deepStrictEqual(r7.missingElements, ['Done intentionally', 'Without right']);
  });

  describe('CSV', () => {
    it('quotes fields with commas, quotes and line breaks, and parses back to the same cells', () => {
      const { data } = sample();
      const hostile = fixtureDraft(data, [{ label: '5', heading: HOSTILE, body: 'Text that accesses, "quotes" and more.', matches: [{ article: 7, present: ['conduct-access'] }] }]);
      const t = buildTable(data, [{ file: 'draft.txt', ...hostile }]);
      const csv = renderCsv(t);
      assert.ok(csv.endsWith('\r\n'));
      const records = parseCsv(csv);
      assert.deepStrictEqual(records[0], [...TABLE_COLUMNS]);
      assert.strictEqual(records.length, 1 + 5);
      for (const r of records) assert.strictEqual(r.length, TABLE_COLUMNS.length);
      const r7 = records.find((r) => r[1] === '7')!;
      assert.strictEqual(r7[5], '5 ' + HOSTILE);
      assert.strictEqual(r7[4], 'partial');
    });

    it('csvField follows RFC 4180 and defuses spreadsheet formulas', () => {
      assert.strictEqual(csvField('plain'), 'plain');
      assert.strictEqual(csvField('a,b'), '"a,b"');
      assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
      assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
      assert.strictEqual(csvField('cr\ronly'), '"cr\ronly"');
      assert.strictEqual(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
      assert.strictEqual(csvField('@SUM(A1)'), "'@SUM(A1)");
      for (const v of ['', 'x', ',', '"', '""', 'a\r\nb', 'a,"b"\nc']) assert.deepStrictEqual(parseCsv(csvField(v) + '\r\n'), [[v]]);
    });
  });

  describe('Markdown', () => {
    it('has one column per heading and escapes pipes, newlines and HTML', () => {
      const { data } = sample();
      const hostile = fixtureDraft(data, [{ label: '5', heading: HOSTILE, body: 'Body.', matches: [{ article: 7, present: [] }] }]);
      const md = renderTable(buildTable(data, [{ file: 'd.md', ...hostile }]), 'markdown');
      const lines = md.split('\n').filter((l) => l.startsWith('|'));
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length - 2;
      assert.strictEqual(lines[0], '| ' + TABLE_COLUMNS.join(' | ') + ' |');
      assert.strictEqual(lines.length, 2 + 5, 'header, separator, one line per article');
      for (const l of lines) assert.strictEqual(cells(l), TABLE_COLUMNS.length, l);
      const row = lines.find((l) => l.startsWith('| II | 7 |'))!;
      assert.ok(row.includes('\\| hacking line'), row);
      assert.ok(!md.includes('<script>') && !md.includes('<img'), 'no raw HTML');
      assert.ok(md.includes('&lt;script&gt;'));
    });

    it('markdownCell escapes what breaks a cell', () => {
      assert.strictEqual(markdownCell('a | b\nc'), 'a \\| b c');
      assert.strictEqual(markdownCell('back\\slash'), 'back\\\\slash');
      assert.strictEqual(markdownCell('<b>&'), '&lt;b&gt;&amp;');
    });
  });

  describe('HTML', () => {
    it('is a standalone page with a CSP and escapes hostile draft text', () => {
      const { data } = sample();
      const hostile = fixtureDraft(data, [{ label: '5', heading: HOSTILE, body: 'Body.', matches: [{ article: 7, present: [] }] }]);
      const html = renderHtml(buildTable(data, [{ file: '<evil>.draft', ...hostile }]));
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'">/);
      assert.ok(!/<script/i.test(html), 'no script element at all');
      assert.ok(!/<img/i.test(html));
      assert.ok(!/<a /i.test(html));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt;'));
      assert.ok(html.includes('&lt;a href=&quot;javascript:alert(3)&quot;&gt;'));
      assert.ok(html.includes('&lt;evil&gt;.draft'));
      assert.strictEqual((html.match(/<tr>/g) ?? []).length, 1 + 5);
    });

    it('escapeHtml escapes markup and attribute quotes', () => {
      assert.strictEqual(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
    });
  });
});
