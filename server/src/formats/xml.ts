// Parsing XML safely for the format readers: no DTD is ever read (a document that declares one is
// refused before parsing, so no entity — internal or external — is expanded or fetched), and a
// parse error is returned as one line instead of thrown.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export type XmlResult = { doc: Document; problem?: undefined } | { doc?: undefined; problem: string };

/** True when the XML declares a document type (a DTD, where entities are declared). */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml.slice(0, 1_000_000)) || /<!ENTITY/i.test(xml);
}

export function parseXml(xml: string, what: string): XmlResult {
  if (hasDoctype(xml)) return { problem: `${what} declares a DTD or entities, which are never read (remove the <!DOCTYPE …> declaration)` };
  let fatal: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning' && !fatal) fatal = String(message).split('\n')[0];
      },
    }).parseFromString(xml, 'text/xml');
    if (fatal) return { problem: `${what} is not well-formed XML (${fatal})` };
    if (!doc.documentElement) return { problem: `${what} has no root element` };
    return { doc };
  } catch (e) {
    return { problem: `${what} is not well-formed XML (${String((e as Error).message ?? e).split('\n')[0]})` };
  }
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_NODE = 4;

/** The element children of a node, in order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  return out;
}

/** The first child element with a namespace and local name. */
export function child(node: Node, ns: string, name: string): Element | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && (c as Element).localName === name && (c as Element).namespaceURI === ns) return c as Element;
  }
  return undefined;
}
