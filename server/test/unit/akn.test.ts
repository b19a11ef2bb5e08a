// Akoma Ntoso 3.0: structure from the markup, eIds carried to findings, no DTD ever read.
import * as assert from 'assert';
import { createAnalyzer } from '../../src/analysis/engine';
import { ChunkWriter, writeJsonReport } from '../../src/analysis/report';
import { numbered, readAkn } from '../../src/formats/akn';
import { readDocument } from '../../src/formats/read';
import { check } from './check';
import { AKN_ACT, AKN_ACT_PLAIN, encodeUtf16, summary } from './helpers/formatDrafts';

const { analyzer } = createAnalyzer();
if (!analyzer) throw new Error('data did not load');

/** The text of the element with this eId, as the reader's anchors place it. */
function spanOf(r: ReturnType<typeof readAkn>, eId: string): string {
  const a = r.anchors.find((x) => x.eId === eId);
  assert.ok(a, eId);
  return r.text.slice(a.start, a.end);
}

describe('Akoma Ntoso 3.0', () => {
  it('lays the text out from the markup: the same text, provisions and findings as the plain draft', () => {
    const doc = readDocument('act.akn', Buffer.from(AKN_ACT));
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.format, 'akn');
    assert.strictEqual(doc.text, AKN_ACT_PLAIN);
    const s = summary(analyzer.analyze(doc.text)) as { provisions: unknown[]; findings: unknown[] };
    assert.ok(s.provisions.length >= 8 && s.findings.length > 0);
    assert.deepStrictEqual(s, summary(analyzer.analyze(AKN_ACT_PLAIN)));
  });

  it('gives each element with an eId its span of the text', () => {
    const r = readAkn(AKN_ACT);
    const span = (eId: string) => spanOf(r, eId);
    assert.ok(span('part_1__sec_1').startsWith('Section 1 Illegal access\n(1) A person'));
    assert.ok(span('part_1__sec_1__subsec_2').startsWith('(2) A person who commits'));
    assert.ok(span('part_2__sec_3__para_b').startsWith('(b) a service provider'));
    assert.ok(span('part_1').includes('Section 2 Illegal interception') && !span('part_1').includes('POWERS'));
    assert.ok(!r.anchors.some((a) => a.eId === 'drafter'), 'metadata is left out');
    // Each anchor knows where its element's start tag stands in the XML.
    const xmlLines = AKN_ACT.split('\n');
    for (const eId of ['part_1', 'part_1__sec_1__subsec_2', 'part_2__sec_3__para_b']) {
      const a = r.anchors.find((x) => x.eId === eId)!;
      const line = xmlLines.findIndex((l) => l.includes(`eId="${eId}"`)) + 1;
      assert.deepStrictEqual([a.line, a.column], [line, xmlLines[line - 1].indexOf('<') + 1], eId);
    }
    assert.ok(!r.text.includes('not law'), 'authorial notes are left out');
  });

  it('puts the eId of the innermost element on provisions and findings in the JSON report', async () => {
    const doc = readDocument('act.xml', Buffer.from(AKN_ACT));
    const analysis = analyzer.analyze(doc.text);
    const parts: string[] = [];
    const w = new ChunkWriter((s) => parts.push(s));
    await writeJsonReport({ file: 'act.xml', text: doc.text, analysis, format: doc.format, anchors: doc.anchors }, analyzer.data, w);
    await w.flush();
    const report = JSON.parse(parts.join('')) as { format: string; provisions: { id: string; label: string; eId: string | null }[]; diagnostics: { code: string; provision: string; eId: string | null }[] };
    assert.strictEqual(report.format, 'akn');
    const byLabel = (label: string) => report.provisions.find((p) => p.label === label)!;
    assert.strictEqual(byLabel('(2)').eId, 'part_1__sec_1__subsec_2');
    assert.strictEqual(byLabel('(b)').eId, 'part_2__sec_3__para_b');
    const production = report.diagnostics.filter((d) => d.code.startsWith('safeguard.'));
    assert.ok(production.length > 0, JSON.stringify(report.diagnostics.map((d) => d.code)));
    for (const d of production) assert.match(String(d.eId), /^part_2__sec_3/);
  });

  it('reads the original line and page ends (eol, eop) and line breaks as spaces between words, and within a word split there (breakAt) as nothing', () => {
    const xml = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
      <section eId="sec_1"><num>1</num><heading>Illegal<eol/>access</heading>
        <content><p>A person who accesses a computer<eol/>system without right commits<br/>an offence under sec<eol breakAt="3"/>tion 2 of<eop/>this Act<eol/> and is liable <eol/> to a fine.</p></content></section>
    </body></act></akomaNtoso>`;
    const r = readAkn(xml);
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.text, 'Section 1 Illegal access\nA person who accesses a computer system without right commits an offence under section 2 of this Act and is liable to a fine.\n');
  });

  it('reads an act as LEOS writes it: a prefixed namespace, xml:id for eId, lists of points that go on after their paragraph\'s number', () => {
    const p = (t: string) => `<akn:content><akn:p>${t}</akn:p></akn:content>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><akn:bill name="REG"><akn:body>
<akn:article xml:id="art_5"><akn:num>Article 5</akn:num><akn:heading>Production orders</akn:heading>
<akn:paragraph xml:id="art_5__para_1"><akn:num>1.</akn:num>${p('An order may be issued only where it is necessary and proportionate.')}</akn:paragraph>
<akn:paragraph xml:id="art_5__para_2"><akn:num>2.</akn:num><akn:list xml:id="art_5__para_2__list_1"><akn:intro><akn:p>An order may be issued by:</akn:p></akn:intro>
<akn:point xml:id="art_5__para_2__point_a"><akn:num>(a)</akn:num>${p('a judge; or')}</akn:point>
<akn:point xml:id="art_5__para_2__point_b"><akn:num>(b)</akn:num><akn:list><akn:intro><akn:p>a prosecutor, where the order is:</akn:p></akn:intro><akn:point xml:id="art_5__para_2__point_b__point_i"><akn:num>(i)</akn:num>${p('validated by a judge.')}</akn:point></akn:list></akn:point>
</akn:list></akn:paragraph>
<akn:paragraph xml:id="art_5__para_3"><akn:subparagraph>${p('The person concerned may seek a remedy.')}</akn:subparagraph></akn:paragraph>
</akn:article></akn:body></akn:bill></akn:akomaNtoso>`;
    const r = readAkn(xml);
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(
      r.text,
      'Article 5 Production orders\n1. An order may be issued only where it is necessary and proportionate.\n2. An order may be issued by:\n(a) a judge; or\n(b) a prosecutor, where the order is:\n(i) validated by a judge.\nThe person concerned may seek a remedy.\n',
    );
    const span = (eId: string) => spanOf(r, eId);
    assert.ok(span('art_5').startsWith('Article 5 Production orders\n1. An order'));
    assert.ok(span('art_5__para_2').startsWith('2. An order may be issued by:\n(a)'));
    assert.strictEqual(span('art_5__para_2__point_b__point_i'), '(i) validated by a judge.');
    assert.strictEqual(span('art_5__para_3'), 'The person concerned may seek a remedy.');
  });

  it('puts the items of a block list on one line with their numbers, as legislation.gov.uk writes them', () => {
    const xml = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
      <section eId="section-1"><num>1</num><heading>Unauthorised access</heading>
        <subsection eId="section-1-2"><num>(2)</num><content><p>The intent need not be directed at—</p>
          <blockList eId="section-1-2-list"><item eId="section-1-2-list-a"><num>(a)</num><p>any particular program;</p></item><item eId="section-1-2-list-b"><num>(b)</num><p>any particular computer.</p></item></blockList>
        </content></subsection></section>
    </body></act></akomaNtoso>`;
    const r = readAkn(xml);
    assert.strictEqual(r.text, 'Section 1 Unauthorised access\n(2) The intent need not be directed at—\n(a) any particular program;\n(b) any particular computer.\n');
    assert.strictEqual(spanOf(r, 'section-1-2-list-b'), '(b) any particular computer.');
  });

  it('sets a cross heading (crossHeading, or an hcontainer named crossheading) on a line of its own after a blank line, as the plain draft has it', () => {
    const xml = `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
      <section eId="sec_1"><num>1.</num><heading>Interpretation</heading><content><p>In this Act, "computer system" means any device that processes data automatically.</p></content></section>
      <crossHeading eId="crossHeading_1">Offences against computer systems</crossHeading>
      <section eId="sec_2"><num>2.</num><heading>Illegal access</heading><content><p>A person who, intentionally and without right, accesses the whole or any part of a computer system commits an offence.</p></content></section>
      <hcontainer eId="hcontainer_1" name="crossheading"><heading>Procedural powers</heading></hcontainer>
      <section eId="sec_3"><num>3.</num><heading>Preservation</heading><content><p>A judge may order a person to preserve specified electronic data.</p></content></section>
    </body></act></akomaNtoso>`;
    const plain = [
      'Section 1. Interpretation',
      'In this Act, "computer system" means any device that processes data automatically.',
      '',
      'Offences against computer systems',
      '',
      'Section 2. Illegal access',
      'A person who, intentionally and without right, accesses the whole or any part of a computer system commits an offence.',
      '',
      'Procedural powers',
      '',
      'Section 3. Preservation',
      'A judge may order a person to preserve specified electronic data.',
      '',
    ].join('\n');
    const r = readAkn(xml);
    assert.strictEqual(r.text, plain);
    assert.strictEqual(spanOf(r, 'crossHeading_1'), 'Offences against computer systems');
    assert.strictEqual(spanOf(r, 'hcontainer_1'), 'Procedural powers');
    assert.deepStrictEqual(summary(analyzer.analyze(r.text)), summary(analyzer.analyze(plain)));
  });

  it('leaves attachments (schedules) out, saying how many had text', () => {
    const act = (attachments: string) => `<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
      <section eId="sec_1"><num>1</num><heading>Illegal access</heading><content><p>A person who, intentionally and without right, accesses a computer system commits an offence.</p></content></section>
    </body>${attachments}</act></akomaNtoso>`;
    const schedule = (n: number) => `<attachment><doc name="schedule"><meta/><mainBody><p>Schedule ${n}: the forms of warrant.</p></mainBody></doc></attachment>`;
    const bare = readAkn(act(''));
    assert.deepStrictEqual(bare.notices, []);
    const two = readAkn(act(`<attachments>${schedule(1)}${schedule(2)}<attachment><documentRef href="/x"/></attachment></attachments>`));
    assert.strictEqual(two.text, bare.text);
    assert.deepStrictEqual(two.notices, ['2 attachments (schedules, annexes) left out: only the body of the act is analysed']);
    assert.deepStrictEqual(readAkn(act(`<components><component>${schedule(1).replace(/<\/?attachment>/g, '')}</component></components>`)).notices, ['1 attachment (schedules, annexes) left out: only the body of the act is analysed']);
  });

  it('reads UTF-16 XML too', () => {
    const doc = readDocument('act.akn', encodeUtf16(AKN_ACT.replace('encoding="UTF-8"', 'encoding="UTF-16"'), false));
    assert.deepStrictEqual(doc.problems, []);
    assert.strictEqual(doc.text, AKN_ACT_PLAIN);
  });

  describe('hostile or foreign XML: one problem, nothing read, nothing fetched', () => {
    const cases: [string, string, string, RegExp][] = [
      ['an external entity (XXE)', 'act.akn', `<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section><num>1</num><content><p>&x;</p></content></section></body></act></akomaNtoso>`, /DTD/],
      ['a billion laughs', 'act.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><p>&lol2;</p></body></act></akomaNtoso>`, /DTD/],
      ['XML in another vocabulary', 'data.xml', '<?xml version="1.0"?><catalog><book>Not a law</book></catalog>', /not Akoma Ntoso 3\.0/],
      ['an older Akoma Ntoso namespace', 'old.akn', '<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act><body/></act></akomaNtoso>', /not Akoma Ntoso 3\.0/],
      ['broken markup', 'act.akn', '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section>', /not well-formed XML|no text/],
      ['metadata only', 'act.akn', '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#x"/></meta><body/></act></akomaNtoso>', /no text/],
      ['sections nested 100,000 deep (the reader walks by recursion)', 'deep.akn', `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>${'<section>'.repeat(100_000)}x${'</section>'.repeat(100_000)}</body></act></akomaNtoso>`, /nests its elements more than 1000 deep/],
    ];
    for (const [name, file, xml, pattern] of cases) {
      it(name, () => {
        const doc = readDocument(file, Buffer.from(xml));
        assert.strictEqual(doc.problems.length, 1, JSON.stringify(doc));
        assert.match(doc.problems[0], pattern);
        assert.strictEqual(doc.text, '');
      });
    }
  });

  check<string, [string, [string, number, number][]]>(
    'white space in the markup: runs made one space, lines trimmed, spans on the text written',
    [
      {
        name: 'an act written one element a line, indented, with tabs and double spaces in its text',
        input: '\n  <section eId="s1">\n    <num>1</num>\n    <heading>Title</heading>\n    <content>\n      <p>A  person\twho\n   acts.</p>\n    </content>\n  </section>\n',
        expected: ['Section 1 Title\nA person who acts.\n', [['s1', 0, 34]]],
      },
      { name: 'inline elements, a line end between two of them, no-break and em spaces', input: '<section><num>2</num><content><p>x<b>bold</b>\n<i>it</i>\u00a0y\u2003z</p></content></section>', expected: ['Section 2\nxbold it y z\n', []] },
      { name: 'a CDATA section with CR LF inside spaces', input: '<section><num>3</num><content><p> <![CDATA[ a\r\n b ]]> </p></content></section>', expected: ['Section 3\na b\n', []] },
      { name: 'a number its content continues, across a line end and a tab', input: '<paragraph eId="p"><num>(a)</num>\n\t<content><p>text</p></content></paragraph>', expected: ['(a) text\n', [['p', 0, 8]]] },
      { name: 'a number followed only by a space and a deeper level', input: '<paragraph><num>(b)</num> <subparagraph><num>(i)</num><content><p>deep</p></content></subparagraph></paragraph>', expected: ['(b)\n(i) deep\n', []] },
      { name: 'white space around a number, a heading and a text (ideographic and no-break spaces too)', input: '<section><num>\n 4 \n</num><heading> Two  words </heading><content><p>\u3000lead and trail\u00a0</p></content></section>', expected: ['Section 4 Two words\nlead and trail\n', []] },
    ],
    (body) => {
      const r = readAkn(`<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>${body}</body></act></akomaNtoso>`);
      return [r.text, r.anchors.map((a) => [a.eId, a.start, a.end] as [string, number, number])];
    },
  );

  check<[string, string], string>(
    'numbered',
    [
      { name: 'a bare number gets the word', input: ['section', '3'], expected: 'Section 3' },
      { name: 'a number with its word stays', input: ['part', 'PART II'], expected: 'PART II' },
      { name: 'a Roman numeral is a number', input: ['chapter', 'IV'], expected: 'Chapter IV' },
      { name: 'Spanish word kept', input: ['article', 'Artículo 5'], expected: 'Artículo 5' },
      { name: 'subsections have no word', input: ['subsection', '(1)'], expected: '(1)' },
      { name: 'section sign kept', input: ['section', '§ 12'], expected: '§ 12' },
    ],
    ([k, n]) => numbered(k, n),
  );
});
