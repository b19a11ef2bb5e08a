// Turns the bytes of a plain-text draft into text: UTF-8 (with or without a byte-order mark),
// UTF-16 LE/BE (with a byte-order mark, or without one when the zero bytes leave no doubt), and
// legacy single-byte text (Windows-1252, a superset of Latin-1 for printable characters) when the
// bytes are not valid UTF-8. Every guess other than plain UTF-8 is said in a notice; binary data
// is refused with a problem. Pure: no editor, no file system.

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "UTF-8", "UTF-16 LE", "Windows-1252". */
  encoding: string;
  /** Things the reader decided that a user should know (never silent guesses). */
  notices: string[];
  /** Why the bytes cannot be read as a draft; when non-empty, `text` is empty. */
  problems: string[];
}

/** Code points of bytes 0x80–0x9F in Windows-1252 (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes (Latin-1 for 0xA0–0xFF). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - at);
    for (let i = 0; i < n; i++) {
      const b = bytes[at + i];
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]));
  }
  return parts.join('');
}

/** Decodes UTF-16 without a byte-order mark; a trailing odd byte is dropped. */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
}

/**
 * UTF-16 without a mark: in the first 4 KB, zero bytes fall almost only on one side of each pair
 * (text in Latin scripts has a zero high byte for nearly every character).
 */
function unmarkedUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02) return 'le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02) return 'be';
  return undefined;
}

/** The characters binaryText counts (NUL among them). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/**
 * True when decoded text is not prose: a NUL character, or more than 10% control characters
 * (other than tab, line feed, form feed and carriage return) in the first 64 K characters.
 * `knownWithoutNul`: the caller knows the text has no NUL (its bytes had no zero byte), so the
 * rest of a long text is not searched for one.
 */
export function binaryText(text: string, knownWithoutNul = false): boolean {
  const n = Math.min(text.length, 65536);
  // Nearly always no control character at all: one search instead of a count by hand.
  if (!CONTROL.test(n < text.length ? text.slice(0, n) : text)) return !knownWithoutNul && text.length > n && text.indexOf('\u0000', n) >= 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) controls++;
  }
  if (n > 0 && controls / n > 0.1) return true;
  return !knownWithoutNul && text.length > n && text.indexOf('\u0000', n) >= 0;
}

const BINARY = 'looks like a binary file, not a text draft';

/** Reads the bytes of a plain-text draft; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const notices: string[] = [];
  let text: string;
  let encoding: string;
  /** The bytes were searched for a zero byte and have none: UTF-8 and Windows-1252 text then has no NUL. */
  let withoutNul = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'UTF-8';
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16 LE';
    text = decodeUtf16(bytes.subarray(2), false);
    notices.push('read as UTF-16 LE (byte-order mark)');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16 BE';
    text = decodeUtf16(bytes.subarray(2), true);
    notices.push('read as UTF-16 BE (byte-order mark)');
  } else {
    const utf16 = unmarkedUtf16(bytes);
    if (utf16) {
      encoding = utf16 === 'le' ? 'UTF-16 LE' : 'UTF-16 BE';
      text = decodeUtf16(bytes, utf16 === 'be');
      notices.push(`read as ${encoding}: no byte-order mark, but every other byte is zero`);
    } else if (bytes.indexOf(0) >= 0 /* not includes: as fast on a Buffer, faster on a plain Uint8Array */) {
      return { text: '', encoding: 'binary', notices, problems: [BINARY] };
    } else {
      withoutNul = true;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        encoding = 'UTF-8';
      } catch {
        text = decodeWindows1252(bytes);
        encoding = 'Windows-1252';
        notices.push('not valid UTF-8: read as Windows-1252 (Latin-1); save the draft as UTF-8 to be sure accents are read as written');
      }
    }
  }
  if (binaryText(text, withoutNul)) return { text: '', encoding: 'binary', notices: [], problems: [BINARY] };
  return { text, encoding, notices, problems: [] };
}

/**
 * A document format whose markup would be read as the draft's words (every `\par`, every tag):
 * RTF (`{\rtf`) or an HTML page (`<!DOCTYPE html`, `<html`), told by how the text begins.
 */
export function markupOf(text: string): 'rtf' | 'html' | undefined {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^(?:<!doctype\s+html\b|<html\b)/i.test(head)) return 'html';
  return undefined;
}
