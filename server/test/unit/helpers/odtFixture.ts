// Builds small OpenDocument text packages (.odt) in memory for tests: content.xml and styles.xml are
// written here and zipped with fflate (the stored `mimetype` first, as the format prescribes), so
// no binary fixture is committed.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { esc } from './docxFixture';
import { SPANISH_DRAFT } from './formatDrafts';

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

export interface OdtSpec {
  /** The inside of office:text. */
  body: string;
  /** The inside of content.xml's office:automatic-styles. */
  automaticStyles?: string;
  /** The inside of styles.xml's office:styles (no styles.xml when undefined). */
  styles?: string;
  /** The package's `mimetype` (none when null). */
  mimetype?: string | null;
  /** Written as the first entry, stored, as the format prescribes (false: deflated, after the others). */
  mimetypeFirst?: boolean;
  /** META-INF/manifest.xml's entries, written as they are. */
  manifestEntries?: string;
}

/** A list style: one level per entry ("1", "a", "A", "i", "I"; "" a bullet). */
export function listStyle(name: string, levels: { format: string; prefix?: string; suffix?: string; displayLevels?: number; start?: number }[], element = 'text:list-style'): string {
  const level = (l: (typeof levels)[number], i: number) =>
    l.format === ''
      ? `<text:list-level-style-bullet text:level="${i + 1}" text:bullet-char="•"/>`
      : `<text:${element === 'text:outline-style' ? 'outline-level-style' : 'list-level-style-number'} text:level="${i + 1}" style:num-format="${l.format}"${l.prefix ? ` style:num-prefix="${esc(l.prefix)}"` : ''}${l.suffix ? ` style:num-suffix="${esc(l.suffix)}"` : ''}${l.displayLevels ? ` text:display-levels="${l.displayLevels}"` : ''}${l.start ? ` text:start-value="${l.start}"` : ''}><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:${element === 'text:outline-style' ? 'outline-level-style' : 'list-level-style-number'}>`;
  return `<${element} style:name="${name}">${levels.map(level).join('')}</${element}>`;
}

/** Paragraph styles of a word processor's default template: headings and a title. */
export const HEADING_STYLES = [
  '<style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>',
  '<style:style style:name="Heading" style:family="paragraph"/>',
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>',
  '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>',
].join('');

export function buildOdt(spec: OdtSpec): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES} office:version="1.3"><office:automatic-styles>${spec.automaticStyles ?? ''}</office:automatic-styles><office:body><office:text>${spec.body}</office:text></office:body></office:document-content>`;
  const files: Zippable = {};
  const mimetype = spec.mimetype === undefined ? 'application/vnd.oasis.opendocument.text' : spec.mimetype;
  const first = spec.mimetypeFirst ?? true;
  if (mimetype !== null && first) files.mimetype = [strToU8(mimetype), { level: 0 }];
  files['content.xml'] = strToU8(content);
  if (spec.styles !== undefined) files['styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ${NAMESPACES} office:version="1.3"><office:styles>${spec.styles}</office:styles></office:document-styles>`);
  files['META-INF/manifest.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype ?? ''}"/>${spec.manifestEntries ?? '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'}</manifest:manifest>`,
  );
  if (mimetype !== null && !first) files.mimetype = strToU8(mimetype);
  return zipSync(files);
}

const p = (text: string, style?: string) => `<text:p${style ? ` text:style-name="${style}"` : ''}>${esc(text)}</text:p>`;

/**
 * The Spanish draft as LibreOffice saves it: a title, each article's heading a numbered list item
 * ("Artículo 1.") in a list of its own that continues the numbering of the one before, and tracked
 * changes (an insertion, and a deletion whose words are kept apart in text:tracked-changes).
 */
export function spanishOdt(): Uint8Array {
  const lines = SPANISH_DRAFT.split('\n').filter(Boolean);
  const body: string[] = [
    '<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Redactora</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info><text:p>o por descuido, </text:p></text:deletion></text:changed-region>' +
      '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Redactora</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes>',
    p(lines[0], 'Title'),
  ];
  let lists = 0;
  for (const line of lines.slice(1)) {
    const m = /^Artículo \d+\. (.*)$/.exec(line);
    if (m) {
      body.push(`<text:list xml:id="list${++lists}" text:style-name="L1"${lists > 1 ? ' text:continue-numbering="true"' : ''}><text:list-item><text:h text:style-name="Heading_20_2" text:outline-level="2">${esc(m[1])}</text:h></text:list-item></text:list>`);
    } else if (line.includes('y sin derecho, ')) {
      const [before, after] = line.split('y sin derecho, ');
      body.push(`<text:p>${esc(before)}<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>y sin derecho, <text:change-end text:change-id="ct2"/>${esc(after)}</text:p>`);
    } else body.push(p(line));
  }
  return buildOdt({ body: body.join(''), automaticStyles: listStyle('L1', [{ format: '1', prefix: 'Artículo ', suffix: '.' }]), styles: HEADING_STYLES });
}
