// The readers' own XML parser (formats/xml.ts): what it builds from well-formed XML, and the one
// line it returns for XML that is not.
import * as assert from 'assert';
import { CDATA_NODE, childElements, ELEMENT_NODE, parseXml, TEXT_NODE, type Element, type Node } from '../../src/formats/xml';

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

  it('reads deep nesting without recursion', () => {
    const depth = 100_000;
    const el = root('<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth));
    let d = 0;
    for (let n: Node | null = el; n && n.nodeType === ELEMENT_NODE; n = n.firstChild) d++;
    assert.strictEqual(d, depth);
  });
});
