// Builds RTF documents for tests as Word writes them (our own drafts; no file written by a word
// processor is needed): the text escaped as Word escapes it, styles, list numbers, tracked changes.
import { SPANISH_DRAFT } from './formatDrafts';

/** Text as Word escapes it: ASCII as it is, accents as \'hh in Windows-1252, the rest as \uN with a fallback. */
export function escape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (c < 0x80) out += ch;
    else if (c <= 0xff) out += `\\'${c.toString(16)}`;
    else if (ch === '—') out += '\\emdash ';
    else out += `\\u${c > 0x7fff ? c - 0x10000 : c}\\'3f`;
  }
  return out;
}

/** What Word writes before the text: tables of fonts, colours and styles, list definitions, metadata, a header and a footer. */
export const RTF_HEADER = [
  '{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1033',
  '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f3\\fbidi \\froman\\fcharset2 Symbol;}}',
  '{\\colortbl;\\red0\\green0\\blue0;}',
  '{\\stylesheet{\\ql \\li0\\ri0\\widctlpar \\f0\\fs24 \\snext0 Normal;}{\\s1\\ql \\keepn\\outlinelevel0 \\b\\f0\\fs28 \\sbasedon0 \\snext0 heading 1;}{\\s15\\qc \\sbasedon0 \\snext0 Title;}{\\s20\\ql \\sbasedon1 \\snext0 Article Heading;}{\\*\\cs10 \\additive Default Paragraph Font;}}',
  '{\\*\\listtable{\\list\\listtemplateid1{\\listlevel\\levelnfc0{\\leveltext\\\'0a\\\'00.;}{\\levelnumbers\\\'0a;}}\\listid1}}',
  '{\\info{\\author Drafter}{\\creatim\\yr2026\\mo1\\dy1}}',
  '{\\*\\rsidtbl \\rsid1\\rsid2}{\\*\\generator Microsoft Word 16.0;}',
  '{\\header \\pard\\plain \\s0\\qr LEY DE PRUEBA \\par}{\\footer \\pard\\plain \\qc {\\field{\\*\\fldinst { PAGE }}{\\fldrslt {1}}}\\par}',
].join('\n');

export const para = (inner: string, style = '\\s0') => `\\pard\\plain ${style}\\ql\\widctlpar ${inner}\\par\n`;

/** The Spanish draft as Word saves it as RTF: article numbers from a list, one deletion and one insertion tracked. */
export function spanishRtf(): Uint8Array {
  const lines = SPANISH_DRAFT.split('\n').filter(Boolean);
  let body = para(`{\\rtlch\\fcs1 \\ltrch\\fcs0 \\insrsid1 ${escape(lines[0])}}`, '\\s15');
  let number = 0;
  for (const line of lines.slice(1)) {
    const m = /^Artículo \d+\. (.*)$/.exec(line);
    if (m) body += para(`{\\listtext\\pard\\plain\\ltrpar \\s20 \\rtlch\\fcs1 \\ltrch\\fcs0 \\insrsid1 \\hich\\af0\\loch\\f0 ${escape(`Artículo ${++number}.`)}\\tab}\\ls1 {\\insrsid1 ${escape(m[1])}}`, '\\s20\\outlinelevel1');
    else if (line.includes('y sin derecho, ')) {
      const [before, after] = line.split('y sin derecho, ');
      body += para(`{\\insrsid1 ${escape(before)}}{\\deleted\\revauthdel1\\revdttmdel1 ${escape('o por descuido, ')}}{\\revised\\revauth1\\revdttm1 ${escape('y sin derecho, ')}}{\\insrsid1 ${escape(after)}}`);
    } else body += para(`{\\insrsid1 ${escape(line)}}`);
  }
  return Buffer.from(`${RTF_HEADER}\n${body}}`, 'latin1');
}
