// Small drafts written for the format and encoding tests (our own wording, not statute text),
// in Spanish and French, with accents, guillemets and dashes that legacy encodings store differently,
// and an English act in Akoma Ntoso with its plain-text twin.
import * as assert from 'assert';
import type { DocumentAnalysis } from '../../../src/analysis/types';
import type { DocumentFormat, ReadDocument } from '../../../src/formats/read';

export const SPANISH_DRAFT = `LEY DE DELITOS INFORMÁTICOS

Artículo 1. Acceso ilícito
El que, sin autorización y con intención, acceda a todo o parte de un sistema informático será castigado con prisión de uno a tres años.

Artículo 2. Interceptación ilícita
El que, por medios técnicos y sin derecho, intercepte transmisiones no públicas de «datos informáticos» será castigado con prisión de dos a cuatro años.

Artículo 3. Orden de presentación
El fiscal podrá ordenar a cualquier persona que entregue los datos informáticos que tenga en su poder — sin más trámite.
`;

export const FRENCH_DRAFT = `LOI RELATIVE À LA CYBERCRIMINALITÉ

Article 1er — Accès frauduleux
Le fait d'accéder ou de se maintenir, frauduleusement, dans tout ou partie d'un système de traitement automatisé de données est puni de deux ans d'emprisonnement.

Article 2 — Atteinte aux données
Le fait d'introduire, de modifier ou de supprimer frauduleusement des données dans un système de traitement automatisé est puni de trois ans d'emprisonnement.

Article 3 — Réquisition de données
Le procureur peut requérir de toute personne la remise des données informatiques qu'elle détient, « sans délai ».
`;

/** Windows-1252 code points of bytes 0x80–0x9F, for encoding test fixtures. */
const CP1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x2c6: 0x88, 0x2030: 0x89,
  0x160: 0x8a, 0x2039: 0x8b, 0x152: 0x8c, 0x17d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x2dc: 0x98, 0x2122: 0x99, 0x161: 0x9a, 0x203a: 0x9b, 0x153: 0x9c, 0x17e: 0x9e, 0x178: 0x9f,
};

/** Encodes text as Windows-1252; throws on a character it cannot hold. */
export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = CP1252[c] ?? (c < 0x80 || (c >= 0xa0 && c < 0x100) ? c : -1);
    if (b < 0) throw new Error(`U+${c.toString(16)} has no Windows-1252 byte`);
    out[i] = b;
  }
  return out;
}

export function encodeUtf16(text: string, bigEndian: boolean, bom = true): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

/** What a user sees of an analysis: provisions, best articles, findings with their places. */
export function summary(a: DocumentAnalysis): unknown {
  return {
    language: a.language,
    provisions: a.parsed.provisions.map((p) => [p.id, p.kind, p.label, p.heading ?? null]),
    matches: [...a.matches.values()].map((m) => [m.provision, m.matches.map((x) => x.article)]),
    findings: a.findings.map((f) => [f.code, f.span.start, f.span.end, f.articles.join(' ')]),
  };
}

/** The notice of a document whose tracked changes were read as accepted. */
export const TRACKED_CHANGES = /tracked changes: read as if they were all accepted/;

/**
 * Asserts that a document read from another format is the plain draft: read without problems, in
 * that format, with one notice per pattern, the same text and the same analysis.
 */
export function assertReadsAsPlain(doc: ReadDocument, format: DocumentFormat, plain: string, notices: RegExp[], analyze: (text: string) => DocumentAnalysis): void {
  assert.deepStrictEqual(doc.problems, []);
  assert.strictEqual(doc.format, format);
  assert.strictEqual(doc.text, plain);
  assert.strictEqual(doc.notices.length, notices.length, JSON.stringify(doc.notices));
  notices.forEach((pattern, i) => assert.match(doc.notices[i], pattern));
  assert.deepStrictEqual(summary(analyze(doc.text)), summary(analyze(plain)));
}

/** A small act of our own in Akoma Ntoso 3.0. */
export const AKN_ACT = `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="cybercrime">
    <meta>
      <identification source="#drafter"><FRBRWork><FRBRthis value="/akn/xx/act/2026/1/!main"/></FRBRWork></identification>
      <references source="#drafter"><TLCPerson eId="drafter" href="/ontology/person/drafter" showAs="Drafter"/></references>
    </meta>
    <preface>
      <p class="title"><docTitle>Cybercrime Act</docTitle></p>
    </preface>
    <body>
      <part eId="part_1">
        <num>1</num>
        <heading>OFFENCES</heading>
        <section eId="part_1__sec_1">
          <num>1</num>
          <heading>Illegal access</heading>
          <subsection eId="part_1__sec_1__subsec_1">
            <num>(1)</num>
            <content><p>A person who, intentionally and without right, accesses the whole or any part of a computer system commits an offence.</p></content>
          </subsection>
          <subsection eId="part_1__sec_1__subsec_2">
            <num>(2)</num>
            <content><p>A person who commits an offence under subsection (1) is liable to imprisonment for a term not exceeding two years.</p></content>
          </subsection>
        </section>
        <section eId="part_1__sec_2">
          <num>2</num>
          <heading>Illegal interception</heading>
          <content><p>A person who, intentionally and without right, intercepts by technical means a non-public transmission of computer data commits an offence<authorialNote eId="part_1__sec_2__note_1"><p>A note that is not law.</p></authorialNote>.</p></content>
        </section>
      </part>
      <part eId="part_2">
        <num>2</num>
        <heading>POWERS</heading>
        <section eId="part_2__sec_3">
          <num>3</num>
          <heading>Production order</heading>
          <intro><p>A police officer may order—</p></intro>
          <paragraph eId="part_2__sec_3__para_a">
            <num>(a)</num>
            <content><p>a person to produce specified computer data in that person's possession or control; and</p></content>
          </paragraph>
          <paragraph eId="part_2__sec_3__para_b">
            <num>(b)</num>
            <content><p>a service provider to produce subscriber information in its possession or control.</p></content>
          </paragraph>
        </section>
      </part>
    </body>
  </act>
</akomaNtoso>
`;

/** The same act as a drafter would type it. */
export const AKN_ACT_PLAIN = `Cybercrime Act

Part 1 — OFFENCES

Section 1 Illegal access
(1) A person who, intentionally and without right, accesses the whole or any part of a computer system commits an offence.
(2) A person who commits an offence under subsection (1) is liable to imprisonment for a term not exceeding two years.

Section 2 Illegal interception
A person who, intentionally and without right, intercepts by technical means a non-public transmission of computer data commits an offence.

Part 2 — POWERS

Section 3 Production order
A police officer may order—
(a) a person to produce specified computer data in that person's possession or control; and
(b) a service provider to produce subscriber information in its possession or control.
`;

