// Builds small .docx packages in memory for tests: the XML parts are written here and zipped with
// fflate, so no binary fixture is committed.
import { strToU8, zipSync } from 'fflate';
import { SPANISH_DRAFT } from './formatDrafts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A run of text; `ins`/`del` wrap it as a tracked insertion or deletion. */
export function run(text: string, change?: 'ins' | 'del'): string {
  if (change === 'del') return `<w:del w:id="1" w:author="Drafter" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
  const r = `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return change === 'ins' ? `<w:ins w:id="2" w:author="Drafter" w:date="2026-01-01T00:00:00Z">${r}</w:ins>` : r;
}

export interface Para {
  /** Runs (see run()) or plain text. */
  runs: string[] | string;
  style?: string;
  num?: { id: number; level: number };
}

export function paragraph(p: Para): string {
  const pPr = p.style || p.num ? `<w:pPr>${p.style ? `<w:pStyle w:val="${p.style}"/>` : ''}${p.num ? `<w:numPr><w:ilvl w:val="${p.num.level}"/><w:numId w:val="${p.num.id}"/></w:numPr>` : ''}</w:pPr>` : '';
  const runs = typeof p.runs === 'string' ? run(p.runs) : p.runs.join('');
  return `<w:p>${pPr}${runs}</w:p>`;
}

export interface ListLevel {
  format: string;
  text: string;
  start?: number;
  suffix?: 'tab' | 'space' | 'nothing';
}

export interface DocxSpec {
  paragraphs: Para[];
  /** Abstract lists by id: their levels. */
  lists?: Record<number, ListLevel[]>;
  /** List instances: numId → abstract id, with optional start overrides per level. */
  nums?: Record<number, { abstract: number; startOverride?: Record<number, number> }>;
  /** Extra styles (paragraph style id → numbering it carries). */
  styleNumbering?: Record<string, { numId: number; level: number }>;
  /** Replaces word/document.xml entirely (for hostile cases). */
  documentXml?: string;
}

export function documentXml(paragraphs: Para[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${paragraphs.map(paragraph).join('')}<w:sectPr/></w:body></w:document>`;
}

export function numberingXml(lists: Record<number, ListLevel[]>, nums: Record<number, { abstract: number; startOverride?: Record<number, number> }>): string {
  const abstracts = Object.entries(lists)
    .map(([id, levels]) => `<w:abstractNum w:abstractNumId="${id}">${levels.map((l, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/><w:lvlText w:val="${esc(l.text)}"/>${l.suffix ? `<w:suff w:val="${l.suffix}"/>` : ''}</w:lvl>`).join('')}</w:abstractNum>`)
    .join('');
  const instances = Object.entries(nums)
    .map(([id, n]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${n.abstract}"/>${Object.entries(n.startOverride ?? {}).map(([l, s]) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${s}"/></w:lvlOverride>`).join('')}</w:num>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W}">${abstracts}${instances}</w:numbering>`;
}

export function stylesXml(styleNumbering: Record<string, { numId: number; level: number }> = {}): string {
  const heading = (id: string, name: string) => {
    const n = styleNumbering[id];
    return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${n ? `<w:pPr><w:numPr><w:ilvl w:val="${n.level}"/><w:numId w:val="${n.numId}"/></w:numPr></w:pPr>` : ''}</w:style>`;
  };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${heading('Title', 'Title')}${heading('Heading1', 'heading 1')}${heading('Heading2', 'heading 2')}<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/><w:basedOn w:val="Heading2"/></w:style></w:styles>`;
}

/** Zips the parts of a minimal Word package. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(spec.documentXml ?? documentXml(spec.paragraphs)),
    'word/styles.xml': strToU8(stylesXml(spec.styleNumbering)),
  };
  if (spec.lists) files['word/numbering.xml'] = strToU8(numberingXml(spec.lists, spec.nums ?? {}));
  return zipSync(files, { level: 6 });
}

/** The Spanish draft as Word would hold it: article numbers from a list, one tracked insertion and deletion. */
export function spanishDocx(): Uint8Array {
  const lines = SPANISH_DRAFT.split('\n').filter(Boolean);
  const paragraphs: Para[] = [{ runs: lines[0], style: 'Title' }];
  for (const line of lines.slice(1)) {
    const m = /^Artículo \d+\. (.*)$/.exec(line);
    if (m) paragraphs.push({ runs: m[1], style: paragraphs.length > 3 ? 'ArticleHeading' : 'Heading2', num: { id: 1, level: 0 } });
    else if (line.includes('y sin derecho, ')) {
      const [before, after] = line.split('y sin derecho, ');
      paragraphs.push({ runs: [run(before), run('o por descuido, ', 'del'), run('y sin derecho, ', 'ins'), run(after)] });
    } else paragraphs.push({ runs: line });
  }
  return buildDocx({ paragraphs, lists: { 1: [{ format: 'decimal', text: 'Artículo %1.', suffix: 'space' }] }, nums: { 1: { abstract: 1 } } });
}


/**
 * A multilevel list as drafters number a law in Word: part headings numbered through their style,
 * sections, subsections, paragraphs and subparagraphs, a list restarted at five, a bullet, and an
 * empty numbered paragraph at the end.
 */
export function multilevelDocx(): Uint8Array {
  const p = (text: string, level: number, id = 1, style?: string): Para => ({ runs: text, num: { id, level }, style });
  return buildDocx({
    paragraphs: [
      { runs: 'PRELIMINARY', style: 'Heading1' },
      p('Illegal access', 0),
      p('A person who accesses a computer system without right commits an offence.', 1),
      p('first case;', 2),
      p('second case, where', 2),
      p('the data are secret.', 3),
      p('A second subsection.', 1),
      p('Interception', 0),
      p('A first subsection of section 2.', 1),
      { runs: 'OFFENCES', style: 'Heading1' },
      p('Renumbered from five', 0, 2),
      p('Bullet text', 0, 4),
      { runs: '', num: { id: 1, level: 1 } },
    ],
    lists: {
      1: [
        { format: 'decimal', text: 'Section %1', suffix: 'space' },
        { format: 'decimal', text: '(%2)' },
        { format: 'lowerLetter', text: '(%3)' },
        { format: 'lowerRoman', text: '(%4)' },
      ],
      2: [{ format: 'upperRoman', text: 'PART %1 —', suffix: 'space' }],
      3: [{ format: 'bullet', text: '•' }],
    },
    nums: { 1: { abstract: 1 }, 2: { abstract: 1, startOverride: { 0: 5 } }, 3: { abstract: 2 }, 4: { abstract: 3 } },
    styleNumbering: { Heading1: { numId: 3, level: 0 } },
  });
}

/** The lines of multilevelDocx() as Word shows them. */
export const MULTILEVEL_LINES = [
  'PART I — PRELIMINARY',
  'Section 1 Illegal access',
  '(1) A person who accesses a computer system without right commits an offence.',
  '(a) first case;',
  '(b) second case, where',
  '(i) the data are secret.',
  '(2) A second subsection.',
  'Section 2 Interception',
  '(1) A first subsection of section 2.',
  '',
  'PART II — OFFENCES',
  'Section 5 Renumbered from five',
  'Bullet text',
  '',
];
