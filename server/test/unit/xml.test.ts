// The readers' own XML parser (formats/xml.ts): what it builds from well-formed XML, and the one
// line it returns for XML that is not.
import * as assert from 'assert';
import { check } from './check';
import { CDATA_NODE, childElements, ELEMENT_NODE, hasDoctype, MAX_ELEMENT_DEPTH, parseXml, TEXT_NODE, type Element, type Node } from '../../src/formats/xml';

function textOf(n: Node): string {
  let s = '';
  for (let c = n.firstChild; c; c = c.nextSibling) s += c.nodeType === ELEMENT_NODE ? textOf(c) : (c.nodeValue ?? '');
  return s;
}

function root(xml: string): Element {
  const r = parseXml(xml, 'the test');
  assert.ok(r.doc, r.problem);
  return r.doc.documentElement!;
}

describe('formats/xml: the readers\' XML parser', () => {
  it('reads names, namespaces, attributes, text, CDATA and references', () => {
    const el = root(`<?xml version="1.0"?>\n<!-- c --><a:doc xmlns:a="urn:a" xmlns="urn:d" id='x &amp; y' a:n="1"><p>1 &lt; 2 &#x263A; &#65;<![CDATA[<raw> & ]]></p><q/></a:doc>`);
    assert.deepStrictEqual([el.localName, el.namespaceURI, el.tagName], ['doc', 'urn:a', 'a:doc']);
    assert.strictEqual(el.getAttribute('id'), 'x & y');
    assert.strictEqual(el.getAttributeNS('urn:a', 'n'), '1');
    assert.strictEqual(el.getAttributeNS(null, 'n'), null);
    const [p, q] = childElements(el);
    assert.deepStrictEqual([p.localName, p.namespaceURI, q.localName, q.firstChild], ['p', 'urn:d', 'q', null]);
    assert.deepStrictEqual([p.firstChild!.nodeType, p.firstChild!.nextSibling!.nodeType], [TEXT_NODE, CDATA_NODE]);
    assert.strictEqual(textOf(p), '1 < 2 \u263a A<raw> & ');
  });

  it('gives each start tag its line and column, and reads CR LF as LF', () => {
    const el = root('<a>\r\n  <b>x\r\ny</b>\n\t<c/></a>');
    const [b, c] = childElements(el);
    assert.deepStrictEqual([el.lineNumber, el.columnNumber, b.lineNumber, b.columnNumber, c.lineNumber, c.columnNumber], [1, 1, 2, 3, 4, 2]);
    assert.strictEqual(textOf(b), 'x\ny');
  });

  const bad: [string, string, RegExp][] = [
    ['an end tag that does not match', '<a><b></a></b>', /does not match/],
    ['an element left open', '<a><b></b>', /<a> is not closed/],
    ['two roots', '<a/><b/>', /more than one root/],
    ['text outside the root', '<a/>x', /text after/],
    ['an entity not predefined', '<a>&nbsp;</a>', /not defined/],
    ['a bare ampersand', '<a>R & D</a>', /"&"/],
    ['a character reference to no character', '<a>&#0;</a>', /not an XML character/],
    ['an unbound prefix', '<w:a/>', /not bound/],
    ['a repeated attribute', '<a x="1" x="2"/>', /repeated/],
    ['an unquoted attribute', '<a x=1/>', /not quoted/],
    ['a DTD', '<!DOCTYPE a><a/>', /DTD/],
    ['no root at all', '<!-- only -->', /no root/],
    ['a control character', '<a>\u0001</a>', /not well-formed/],
  ];
  for (const [name, xml, pattern] of bad) {
    it(`refuses ${name} with one line`, () => {
      const r = parseXml(xml, 'the test');
      assert.strictEqual(r.doc, undefined);
      assert.match(r.problem!, pattern);
      assert.ok(!r.problem!.includes('\n'));
    });
  }

  /** What the parser builds, in brief: each element as name{ns}[attributes](children), texts quoted; or the problem. */
  function outline(xml: string): string {
    const r = parseXml(xml, 'the test');
    if (!r.doc) return `! ${r.problem}`;
    const show = (n: Node): string => {
      if (n.nodeType !== ELEMENT_NODE) return `${n.nodeType === CDATA_NODE ? 'cdata' : 'text'}${JSON.stringify(n.nodeValue)}`;
      const el = n as Element;
      const attrs = el.attributes.map((a) => `${a.qName}=${a.localName}{${a.namespaceURI ?? ''}}${JSON.stringify(a.value)}`).join(' ');
      const kids: string[] = [];
      for (let c = el.firstChild; c; c = c.nextSibling) kids.push(show(c));
      return `${el.tagName}:${el.localName}{${el.namespaceURI ?? ''}}@${el.lineNumber}.${el.columnNumber}[${attrs}](${kids.join(',')})`;
    };
    return show(r.doc.documentElement!);
  }

  check<string, string>(
    'what the parser builds at the edges of the syntax',
    [
      { name: 'attributes in both kinds of quotes, each holding the other', input: `<a x="it's" y='say "hi"'/>`, expected: String.raw`a:a{}@1.1[x=x{}"it's" y=y{}"say \"hi\""]()` },
      { name: 'references in an attribute, tabs and line ends in it made spaces (CR LF two)', input: '<a x="1 &lt; 2&#x9;&amp;\t3\r\n4"/>', expected: 'a:a{}@1.1[x=x{}"1 < 2\\t& 3  4"]()' },
      { name: 'spaces around "=" and before the end of a tag', input: '<a  x = "1"\n\ty="2" ></a >', expected: 'a:a{}@1.1[x=x{}"1" y=y{}"2"]()' },
      { name: 'namespaced attributes, xmlns itself and the xml prefix', input: '<p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" xml:lang="en"><b/></p:a>', expected: 'p:a:a{urn:p}@1.1[xmlns:p=p{http://www.w3.org/2000/xmlns/}"urn:p" xmlns=xmlns{http://www.w3.org/2000/xmlns/}"urn:d" p:x=x{urn:p}"1" xml:lang=lang{http://www.w3.org/XML/1998/namespace}"en"](b:b{urn:d}@1.58[]())' },
      { name: 'a prefix declared on an inner element, and one out of scope after it', input: '<a><q:b xmlns:q="urn:q"/><c xmlns:q="urn:r"><q:d/></c></a>', expected: 'a:a{}@1.1[](q:b:b{urn:q}@1.4[xmlns:q=q{http://www.w3.org/2000/xmlns/}"urn:q"](),c:c{}@1.26[xmlns:q=q{http://www.w3.org/2000/xmlns/}"urn:r"](q:d:d{urn:r}@1.45[]()))' },
      { name: 'names past ASCII', input: '<übung é.x="1"><名前/></übung>', expected: 'übung:übung{}@1.1[é.x=é.x{}"1"](名前:名前{}@1.16[]())' },
      { name: 'names with digits, dots, hyphens and underscores', input: '<a_1.b-c><_x/></a_1.b-c>', expected: 'a_1.b-c:a_1.b-c{}@1.1[](_x:_x{}@1.10[]())' },
      { name: 'CDATA keeps markup and references, its CR LF read as LF', input: '<a><![CDATA[<b>&amp;\r\n]]]></a>', expected: 'a:a{}@1.1[](cdata"<b>&amp;\\n]")' },
      { name: 'comments and processing instructions leave no node', input: '<?xml version="1.0"?><!-- x --><a>1<!-- <b> -->2<?pi ?>3</a><!-- after -->', expected: 'a:a{}@1.32[](text"1",text"2",text"3")' },
      { name: 'CR LF and a lone CR in text read as LF; line numbers count the LFs of the file', input: '<a>x\r\ny\rz\n<b/></a>', expected: 'a:a{}@1.1[](text"x\\ny\\nz\\n",b:b{}@3.1[]())' },
      { name: 'a "]" and a ">" in text are text', input: '<a>]] > [x]</a>', expected: 'a:a{}@1.1[](text"]] > [x]")' },
      { name: 'all five predefined entities and references past the BMP', input: '<a>&lt;&gt;&amp;&quot;&apos;&#128512;&#x1F600;</a>', expected: 'a:a{}@1.1[](text"<>&\\"\'😀😀")' },
      { name: 'a byte-order mark and white space around the root', input: '\ufeff \n<a/>\n ', expected: 'a:a{}@2.1[]()' },
      { name: 'an end tag closing an element whose name it begins with', input: '<ab><a></a></ab>', expected: 'ab:ab{}@1.1[](a:a{}@1.5[]())' },
      { name: '"]]>" in text', input: '<a>x]]>y</a>', expected: '! the test is not well-formed XML ("]]>" in text)' },
      { name: '"<" in an attribute', input: '<a x="<"/>', expected: '! the test is not well-formed XML ("<" in the value of x in <a>)' },
      { name: 'a repeated attribute whose value has a bad reference: the reference is reported', input: '<a x="1" x="&bad;"/>', expected: '! the test is not well-formed XML (the entity &bad; is not defined (only &lt; &gt; &amp; &quot; &apos; are))' },
      { name: 'an unbound prefix on an attribute', input: '<a p:x="1"/>', expected: '! the test is not well-formed XML (the prefix "p" of the attribute p:x is not bound to a namespace)' },
      { name: 'an end tag with a longer name', input: '<a></ab>', expected: '! the test is not well-formed XML (the end tag </ab> does not match <a>)' },
      { name: 'an end tag with junk before ">"', input: '<a></a x>', expected: '! the test is not well-formed XML (the end tag </a> is not closed by ">")' },
      { name: 'an end tag with no element open', input: '</a>', expected: '! the test is not well-formed XML (the end tag </a> closes no element)' },
      { name: 'attributes not separated', input: '<a x="1"y="2"/>', expected: '! the test is not well-formed XML (<a> is not closed, or its attributes are not separated by spaces)' },
      { name: 'an entity declaration inside the root', input: '<a><!ENTITY x "y"></a>', expected: '! the test declares a DTD or entities, which are never read (remove the <!DOCTYPE …> declaration)' },
      { name: 'a declaration the parser does not read', input: '<a><!NOTATION x></a>', expected: '! the test is not well-formed XML (a declaration (<!…>) that is not read)' },
      { name: 'a forbidden character anywhere, even in a comment', input: '<a><!-- \u0002 --></a>', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character that trim() takes for space, after the root', input: '<a/>\u000b', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character in a CDATA section', input: '<a><![CDATA[\u0008]]></a>', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character in an attribute value', input: '<a x="\ufffe"/>', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character in a processing instruction', input: '<?pi \u001f?><a/>', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character after a mistake in a tag', input: '<a x=1>\u0000</a>', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a forbidden character reported before an earlier mistake', input: '<a></b>\uffff', expected: '! the test is not well-formed XML (a character XML does not allow)' },
      { name: 'a CDATA section not closed', input: '<a><![CDATA[x</a>', expected: '! the test is not well-formed XML (a CDATA section is not closed)' },
    ],
    outline,
  );

  check<string, boolean>(
    'a DTD or an entity declaration is found',
    [
      { name: 'DOCTYPE in capitals', input: '<!DOCTYPE a><a/>', expected: true },
      { name: 'doctype in any case', input: '<!dOcTyPe a><a/>', expected: true },
      { name: 'an entity declaration anywhere, even in a comment', input: '<a><!-- <!entity x "y"> --></a>', expected: true },
      { name: 'an entity declaration after the first million characters', input: `<a>${' '.repeat(1_000_000)}<!ENTITY x "y"></a>`, expected: true },
      { name: 'not a DOCTYPE that starts after the first million characters', input: `<a>${' '.repeat(999_992)}<!DOCTYPE a></a>`, expected: false },
      { name: 'a DOCTYPE that ends at the millionth character', input: `<a>${' '.repeat(999_988)}<!DOCTYPE a></a>`, expected: true },
      { name: 'not a comment or CDATA', input: '<a><!-- DOCTYPE --><![CDATA[ENTITY]]></a>', expected: false },
      { name: 'not a name that only looks like it past ASCII', input: '<a><!-- <!ENTıTY --></a>', expected: false },
      { name: 'not "<!" at the very end', input: '<a/><!', expected: false },
    ],
    hasDoctype,
  );

  it('reads nesting as deep as MAX_ELEMENT_DEPTH; deeper (which the readers\' recursive walks could not take) is one problem, not a stack overflow', () => {
    const el = root('<a>'.repeat(MAX_ELEMENT_DEPTH) + 'x' + '</a>'.repeat(MAX_ELEMENT_DEPTH));
    let d = 0;
    for (let n: Node | null = el; n && n.nodeType === ELEMENT_NODE; n = n.firstChild) d++;
    assert.strictEqual(d, MAX_ELEMENT_DEPTH);
    for (const depth of [MAX_ELEMENT_DEPTH + 1, 100_000]) {
      const r = parseXml('<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth), 'the file');
      assert.strictEqual(r.doc, undefined);
      assert.strictEqual(r.problem, `the file nests its elements more than ${MAX_ELEMENT_DEPTH} deep, as no real document does: refused`);
    }
  });
});
