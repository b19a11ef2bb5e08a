// Deterministic generator of large, realistic cybercrime drafts for benchmarks and soak tests.
// A draft is a "consolidated code": Parts in several drafting styles (Commonwealth marginal
// headings with "3. (1)", "Section 3 — Heading", civil-law "Article 3 – Heading" with "1."
// paragraphs, US "§ 1030." with (a)(1)(A)), filled from provisions written here: definitions,
// offences, procedural powers, safeguards, cooperation, and many provisions that implement
// nothing (short titles, commencement, committee composition, finance, reports, repeals).
// The same seed and size always give the same text.

/** Small, fast, seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** A provision: a heading and its body, as sub-provision texts (first is the chapeau or whole text). */
interface Template {
  heading: string;
  /** Subsections; a subsection may carry paragraphs (items after the first are paragraphs). */
  subs: (string | string[])[];
}

const SYSTEM = ['computer system', 'ICT system', 'information system', 'computer', 'protected computer', 'automated data processing system'];
const DATA = ['computer data', 'electronic data', 'data', 'digital data', 'stored data'];
const INTENT = ['intentionally', 'knowingly', 'wilfully', 'with intent', 'deliberately'];
const RIGHT = ['without right', 'without authorisation', 'without lawful excuse', 'without authority', 'unlawfully'];
const OFFICER = ['a police officer', 'an authorised officer', 'an investigating officer', 'a prosecutor', 'a law enforcement officer'];
const JUDGE = ['a judge', 'a magistrate', 'the High Court', 'a judge of the District Court', 'a court of competent jurisdiction'];
const AUTHORITY = ['the Minister', 'the Authority', 'the Commission', 'the Director', 'the Cabinet Secretary', 'the Board'];
const BODY = ['Cyber Security Council', 'Digital Services Board', 'Electronic Evidence Committee', 'National Cybercrime Centre', 'Online Safety Commission', 'Data Governance Authority'];
const YEARS = ['one', 'two', 'three', 'five', 'seven', 'ten', 'fifteen'];
const PLACE = ['the Republic', 'the State', 'the Territory', 'the Federation', 'the Kingdom', 'the Commonwealth'];
const NOUNS = ['register', 'account', 'fund', 'report', 'plan', 'code of practice', 'guideline', 'notice', 'licence', 'certificate'];

function penalty(r: Rand): string {
  return pick(r, [
    `is liable on conviction to imprisonment for a term not exceeding ${pick(r, YEARS)} years, or to a fine not exceeding ${int(r, 1, 99) * 1000} units, or to both`,
    `shall be punished by imprisonment of ${pick(r, YEARS)} to ${pick(r, YEARS)} years`,
    `is liable on summary conviction to a fine of level ${int(r, 1, 5)} on the standard scale`,
    `shall be fined or imprisoned for not more than ${pick(r, YEARS)} years, or both`,
  ]);
}

const TEMPLATES: ((r: Rand) => Template)[] = [
  // ---- definitions
  (r) => ({
    heading: pick(r, ['Interpretation', 'Definitions', 'Meaning of terms']),
    subs: [
      [
        'In this Part, unless the context otherwise requires—',
        `"${pick(r, SYSTEM)}" means any device or group of interconnected or related devices, one or more of which, pursuant to a program, performs automatic processing of ${pick(r, DATA)};`,
        `"${pick(r, DATA)}" means any representation of facts, information or concepts in a form suitable for processing in a ${pick(r, SYSTEM)}, including a program;`,
        '"traffic data" means any data relating to a communication indicating its origin, destination, route, time, date, size, duration or type of underlying service;',
        '"service provider" means any public or private entity that provides to users of its service the ability to communicate by means of a computer system;',
        `"${pick(r, ['Fund', 'Register', 'Secretariat', 'Council'])}" means the ${pick(r, NOUNS)} established under section ${int(r, 1, 400)}.`,
      ],
    ],
  }),
  // ---- offences
  (r) => ({
    heading: pick(r, ['Illegal access', 'Unauthorised access', 'Access to a computer system without right']),
    subs: [
      `A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} accesses the whole or any part of a ${pick(r, SYSTEM)} commits an offence.`,
      `A person who commits an offence under subsection (1) ${penalty(r)}.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Illegal interception', 'Interception of communications']),
    subs: [`A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} intercepts, by technical means, a non-public transmission of ${pick(r, DATA)} to, from or within a ${pick(r, SYSTEM)} commits an offence and ${penalty(r)}.`],
  }),
  (r) => ({
    heading: pick(r, ['Interference with data', 'Data interference', 'Damage to electronic data']),
    subs: [`A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} damages, deletes, deteriorates, alters or suppresses ${pick(r, DATA)} commits an offence.`, `A person convicted of an offence under this section ${penalty(r)}.`],
  }),
  (r) => ({
    heading: pick(r, ['Interference with a computer system', 'System interference']),
    subs: [`A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} seriously hinders the functioning of a ${pick(r, SYSTEM)} by inputting, transmitting, damaging, deleting, altering or suppressing ${pick(r, DATA)} commits an offence.`],
  }),
  (r) => ({
    heading: pick(r, ['Misuse of devices', 'Unlawful devices and passwords']),
    subs: [
      [
        `A person who ${pick(r, INTENT)} produces, sells, procures for use, imports, distributes or otherwise makes available—`,
        `a device, including a program, designed or adapted primarily for the purpose of committing an offence under sections ${int(r, 1, 20)} to ${int(r, 21, 40)}; or`,
        `a password, access credential or similar data by which a ${pick(r, SYSTEM)} may be accessed,`,
      ],
      `Subsection (1) does not apply where the production, sale or distribution is for authorised testing or protection of a ${pick(r, SYSTEM)}.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Computer-related forgery', 'Electronic forgery']),
    subs: [`A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} inputs, alters, deletes or suppresses ${pick(r, DATA)}, resulting in inauthentic data with the intent that it be considered or acted upon for legal purposes as if it were authentic, commits an offence and ${penalty(r)}.`],
  }),
  (r) => ({
    heading: pick(r, ['Computer-related fraud', 'Electronic fraud']),
    subs: [`A person who, with intent to procure an economic benefit for himself or another person ${pick(r, RIGHT)}, causes another person to lose property by any input, alteration, deletion or suppression of ${pick(r, DATA)}, or by any interference with the functioning of a ${pick(r, SYSTEM)}, commits an offence.`],
  }),
  (r) => ({
    heading: pick(r, ['Child sexual abuse material', 'Offences relating to child sexual abuse material']),
    subs: [
      `A person who ${pick(r, INTENT)} and ${pick(r, RIGHT)} produces, offers, distributes, transmits, procures or possesses child sexual abuse material through a ${pick(r, SYSTEM)} commits an offence.`,
      'In this section "child" means a person under eighteen years of age.',
    ],
  }),
  (r) => ({
    heading: pick(r, ['Solicitation or grooming', 'Grooming of a child']),
    subs: [`A person who, by means of a ${pick(r, SYSTEM)}, ${pick(r, INTENT)} communicates with, solicits, grooms or makes an arrangement with a child for the purpose of committing a sexual offence against that child commits an offence and ${penalty(r)}.`],
  }),
  (r) => ({
    heading: 'Non-consensual dissemination of intimate images',
    subs: [`A person who ${pick(r, INTENT)} sells, distributes, transmits or makes available an intimate image of another person by means of a ${pick(r, SYSTEM)}, without the consent of the person depicted, commits an offence.`],
  }),
  (r) => ({
    heading: pick(r, ['Laundering of proceeds of crime', 'Money laundering']),
    subs: [`A person who converts or transfers property, knowing that it is the proceeds of an offence under this Act, for the purpose of concealing or disguising its illicit origin, commits an offence and ${penalty(r)}.`],
  }),
  (r) => ({
    heading: pick(r, ['False information', 'Publication of false news', 'Offensive messages']),
    subs: [`A person who by means of a ${pick(r, SYSTEM)} publishes false news or any statement likely to cause public alarm, annoyance or insult commits an offence and ${penalty(r)}.`],
  }),
  (r) => ({
    heading: pick(r, ['Attempt and complicity', 'Aiding and abetting']),
    subs: [`A person who ${pick(r, INTENT)} aids, abets or attempts the commission of an offence under this Part commits that offence and is liable to the same punishment.`],
  }),
  (r) => ({
    heading: 'Liability of legal persons',
    subs: [`Where an offence under this Part is committed for the benefit of a body corporate by a person with a leading position in it, the body corporate is liable to a fine not exceeding ${int(r, 10, 900) * 1000} units, without prejudice to the criminal liability of the natural person who committed the offence.`],
  }),
  // ---- procedural powers and safeguards
  (r) => ({
    heading: pick(r, ['Expedited preservation', 'Preservation of stored data', 'Preservation order']),
    subs: [
      `Where there are reasonable grounds to believe that specified ${pick(r, DATA)} stored in a ${pick(r, SYSTEM)} are particularly vulnerable to loss or modification, ${pick(r, OFFICER)} may, by notice in writing, require the person in control of the data to preserve them for a period not exceeding ${int(r, 30, 120)} days.`,
      `The notice may be renewed once for a further period not exceeding ${int(r, 30, 90)} days.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Production order', 'Order to produce data']),
    subs: [
      [
        `${cap(pick(r, JUDGE))} may, on application by ${pick(r, OFFICER)}, order—`,
        `a person in ${pick(r, PLACE)} to produce specified ${pick(r, DATA)} in that person's possession or control; and`,
        `a service provider offering its services in ${pick(r, PLACE)} to produce subscriber information in its possession or control,`,
      ],
      `The order shall specify the period, not exceeding ${int(r, 7, 60)} days, within which the data are to be produced.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Search and seizure', 'Search and seizure of stored computer data']),
    subs: [
      `${cap(pick(r, JUDGE))} may issue a warrant authorising ${pick(r, OFFICER)} to search or similarly access a ${pick(r, SYSTEM)} and ${pick(r, DATA)} stored in it, where satisfied on oath that there are reasonable grounds to believe that it contains evidence of an offence.`,
      `An officer executing a warrant may seize or similarly secure ${pick(r, DATA)}, make and retain a copy, maintain its integrity, and render it inaccessible.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Real-time collection of traffic data', 'Collection of traffic data']),
    subs: [`${cap(pick(r, JUDGE))} may, where necessary for a specific criminal investigation, order a service provider to collect or record traffic data associated with specified communications in real time for a period not exceeding ${int(r, 15, 90)} days.`],
  }),
  (r) => ({
    heading: pick(r, ['Interception of content data', 'Interception order']),
    subs: [`${cap(pick(r, JUDGE))} may, in relation to a serious offence, authorise the interception of content data of specified communications transmitted by means of a ${pick(r, SYSTEM)}, for a period not exceeding ${int(r, 15, 90)} days, subject to judicial supervision.`],
  }),
  (r) => ({
    heading: pick(r, ['Conditions and safeguards', 'Safeguards']),
    subs: [
      `A power under this Part may be exercised only where it is necessary and proportionate to the purpose of a specific criminal investigation.`,
      `Any person affected by an order under this Part may apply to ${pick(r, JUDGE)} to vary or set aside the order.`,
    ],
  }),
  // ---- jurisdiction and cooperation
  (r) => ({
    heading: 'Jurisdiction',
    subs: [`The courts of ${pick(r, PLACE)} have jurisdiction over an offence under this Act committed in the territory, on board a ship flying its flag or an aircraft registered under its laws, or by one of its nationals.`],
  }),
  (r) => ({
    heading: pick(r, ['Mutual legal assistance', 'Requests for assistance']),
    subs: [`${cap(pick(r, AUTHORITY))} may, on request of a foreign State, provide mutual legal assistance to the widest extent possible for the purpose of investigations and proceedings concerning offences under this Act and the collection of evidence in electronic form.`],
  }),
  (r) => ({
    heading: pick(r, ['Extradition', 'Extraditable offences']),
    subs: [`An offence under this Act punishable by imprisonment for at least ${pick(r, YEARS)} years is an extraditable offence for the purposes of the Extradition Act.`],
  }),
  (r) => ({
    heading: pick(r, ['24/7 network', 'Point of contact']),
    subs: [`${cap(pick(r, AUTHORITY))} shall designate a point of contact available twenty-four hours a day, seven days a week, to ensure the provision of immediate assistance for investigations concerning offences related to ${pick(r, SYSTEM)}s.`],
  }),
  (r) => ({
    heading: 'Spontaneous information',
    subs: [`${cap(pick(r, AUTHORITY))} may, without prior request, forward to a foreign State information obtained within its own investigations where it considers that disclosure might assist that State.`],
  }),
  // ---- provisions implementing nothing
  (r) => ({
    heading: pick(r, ['Short title', 'Short title and commencement', 'Citation']),
    subs: [`This ${pick(r, ['Act', 'Part', 'Code'])} may be cited as the ${pick(r, BODY)} Act ${int(r, 1990, 2030)}.`],
  }),
  (r) => ({
    heading: 'Commencement',
    subs: [`This Act comes into operation on a date fixed by ${pick(r, AUTHORITY)} by notice in the Gazette, and different dates may be fixed for different provisions.`],
  }),
  (r) => {
    const body = pick(r, BODY);
    return {
      heading: `Composition of the ${body}`,
      subs: [
        [
          `The ${body} consists of—`,
          `a chairperson appointed by ${pick(r, AUTHORITY)};`,
          `${pick(r, YEARS)} members with experience in ${pick(r, ['law', 'finance', 'engineering', 'public administration', 'education'])};`,
          `the Permanent Secretary of the Ministry responsible for ${pick(r, ['finance', 'communications', 'justice', 'home affairs'])}, ex officio.`,
        ],
        `A member holds office for a term of ${pick(r, YEARS)} years and is eligible for reappointment once.`,
        `The quorum at a meeting of the ${body} is ${pick(r, YEARS)} members.`,
      ],
    };
  },
  (r) => ({
    heading: pick(r, ['Meetings', 'Procedure at meetings']),
    subs: [`The ${pick(r, BODY)} shall meet at least ${pick(r, YEARS)} times in each financial year at such times and places as the chairperson determines, and may regulate its own procedure.`],
  }),
  (r) => ({
    heading: pick(r, ['Funds of the Council', 'Finance', 'Financial provisions']),
    subs: [
      `The funds of the ${pick(r, BODY)} consist of moneys appropriated by Parliament, grants, donations and fees of ${int(r, 5, 500)} units charged under this Act.`,
      `The ${pick(r, BODY)} shall keep proper books of account and the accounts shall be audited annually by the Auditor-General.`,
    ],
  }),
  (r) => ({
    heading: pick(r, ['Annual report', 'Reports']),
    subs: [`The ${pick(r, BODY)} shall, within ${pick(r, YEARS)} months after the end of each financial year, submit to ${pick(r, AUTHORITY)} a report on its activities, which shall be laid before Parliament.`],
  }),
  (r) => ({
    heading: pick(r, ['Regulations', 'Power to make regulations']),
    subs: [`${cap(pick(r, AUTHORITY))} may make regulations prescribing anything required or permitted to be prescribed under this Act, including the form of any ${pick(r, NOUNS)} and the fees payable.`],
  }),
  (r) => ({
    heading: pick(r, ['Staff', 'Secretary and staff']),
    subs: [`The ${pick(r, BODY)} may appoint a secretary and such other staff as it considers necessary, on terms and conditions approved by ${pick(r, AUTHORITY)}.`],
  }),
  (r) => ({
    heading: pick(r, ['Repeal and savings', 'Transitional provisions']),
    subs: [`The ${pick(r, BODY)} Act ${int(r, 1960, 2020)} is repealed; anything done under it continues to have effect as if done under this Act until revoked.`],
  }),
  (r) => ({
    heading: pick(r, ['Common seal', 'Seal and execution of documents']),
    subs: [`The ${pick(r, BODY)} shall have a common seal, which shall be authenticated by the signatures of the chairperson and the secretary.`],
  }),
  (r) => ({
    heading: pick(r, ['Disclosure of interest', 'Conflicts of interest']),
    subs: [`A member who has a direct or indirect interest in a matter before the ${pick(r, BODY)} shall disclose the nature of the interest and shall not take part in any deliberation on that matter.`],
  }),
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const PART_TITLES = ['PRELIMINARY', 'OFFENCES', 'PROCEDURAL POWERS', 'INTERNATIONAL COOPERATION', 'ADMINISTRATION', 'FINANCIAL PROVISIONS', 'MISCELLANEOUS', 'ESTABLISHMENT OF THE COUNCIL', 'ELECTRONIC EVIDENCE'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
export type Style = 'commonwealth' | 'section' | 'article' | 'us';
/**
 * Styles a draft may mix Part by Part. The parser reads a draft's section style as a whole
 * (in an Article-style code "Section N" is a division; "N." is a section only when no keyword
 * style is present), so whole-draft styles are 'commonwealth' and 'article' (option `style`).
 */
const MIXABLE: Style[] = ['section', 'us'];

/** One provision rendered in a drafting style. */
function render(t: Template, n: number, style: Style, crlf: boolean): string {
  const lines: string[] = [];
  const subLabel = (i: number) => (style === 'article' ? `${i + 1}.` : style === 'us' ? `(${String.fromCharCode(97 + i)})` : `(${i + 1})`);
  const paraLabel = (i: number) => (style === 'us' ? `(${i + 1})` : style === 'article' ? `${String.fromCharCode(97 + i)})` : `(${String.fromCharCode(97 + i)})`);
  const single = t.subs.length === 1;
  const head =
    style === 'commonwealth' ? `${t.heading}\n${n}.` : style === 'section' ? `Section ${n} — ${t.heading}\n` : style === 'article' ? `Article ${n} – ${t.heading}\n` : `§ ${n}. ${t.heading}\n`;
  t.subs.forEach((s, i) => {
    const [chapeau, ...paras] = Array.isArray(s) ? s : [s];
    const label = single ? '' : subLabel(i) + ' ';
    lines.push(label + chapeau);
    paras.forEach((p, j) => lines.push(`${paraLabel(j)} ${p}`));
  });
  let out = style === 'commonwealth' ? head + ' ' + lines.join('\n') : head + lines.join('\n');
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return out;
}

export interface GenerateOptions {
  /** Approximate size in bytes (UTF-8); the draft stops at the first provision boundary past it. */
  sizeBytes: number;
  seed?: number;
  /** One style for the whole draft; by default each Part draws its own. */
  style?: Style;
}

/** A deterministic draft of about sizeBytes. */
export function generateDraft(opts: GenerateOptions): string {
  const r = rng(opts.seed ?? 1);
  const out: string[] = [`CONSOLIDATED CYBERCRIME, ELECTRONIC EVIDENCE AND DIGITAL SERVICES CODE ${int(r, 2024, 2030)}`, '', 'An Act to consolidate the law on offences against and by means of computer systems, electronic evidence, international cooperation and the administration of digital services.', ''];
  let size = out.join('\n').length;
  let n = 1;
  let part = 1;
  while (size < opts.sizeBytes) {
    const style = opts.style ?? pick(r, MIXABLE);
    const title = pick(r, PART_TITLES);
    const partHead = style === 'article' ? `CHAPTER ${ROMAN[(part - 1) % ROMAN.length]}${part > 10 ? '-' + part : ''}\n${title}` : `PART ${part} — ${title}`;
    out.push(partHead, '');
    size += partHead.length + 2;
    const count = int(r, 8, 30);
    for (let i = 0; i < count && size < opts.sizeBytes; i++) {
      const t = pick(r, TEMPLATES)(r);
      // A few cross-references and convention references, as real drafts have.
      if (r() < 0.08) t.subs.push(`This section gives effect to Article ${int(r, 7, 45)} of the Convention.`);
      if (r() < 0.05) t.subs.push(`Nothing in this section affects section ${int(r, 1, n + 5)}.`);
      const text = render(t, n, style, false);
      out.push(text, '');
      size += Buffer.byteLength(text) + 2;
      n++;
    }
    part++;
  }
  return out.join('\n');
}

/** The sizes the benchmark runs. */
export const SIZES = { '100KB': 100 * 1024, '1MB': 1024 * 1024, '5MB': 5 * 1024 * 1024 } as const;
