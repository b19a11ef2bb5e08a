// Reads the parts of a zip package (Word's .docx, OpenDocument's .odt), refusing damaged archives
// and zip bombs. The central directory is read here and the parts inflated by Node's zlib, each
// into at most its declared size (fflate, small and synchronous, reads any archive that is unusual
// or damaged), so a part cannot expand past the limits checked here. Pure: no file system.

/** Largest expanded size of one part of the package, and of all parts read together. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** A part that expands more than this many times over its compressed size is taken for a zip bomb. */
export const MAX_RATIO = 200;

const decoder = new TextDecoder('utf-8');

/** True for the bytes of a zip archive (a .docx or an .odt is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True for an OLE compound file: an encrypted (password-protected) Office document or an old .doc. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/** The reasons a part is refused as a possible zip bomb, from the sizes the archive declares. */
function bombIn(name: string, size: number, originalSize: number, total: number): string | undefined {
  if (originalSize > MAX_PART_BYTES || total > MAX_PART_BYTES) return `${name} would expand to ${mb(originalSize)} (more than ${mb(MAX_PART_BYTES)}): refused as a possible zip bomb`;
  if (originalSize > 1024 * 1024 && originalSize > size * MAX_RATIO) return `${name} would expand ${Math.round(originalSize / Math.max(1, size))} times: refused as a possible zip bomb`;
  return undefined;
}

/**
 * The quick way for a well-formed archive: its central directory read here and the wanted parts
 * inflated by Node's zlib (several times faster than fflate's inflate), each into at most the size
 * the archive declares. Undefined when anything is unusual (zip64, encryption, a method other than
 * stored or deflated, sizes that do not add up): unzipParts then reads the archive with fflate.
 */
function unzipNative(bytes: Uint8Array, wanted: Set<string>): { parts: Record<string, Uint8Array>; problem?: string } | undefined {
  const zlib = nodeZlib();
  if (!zlib) return undefined;
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const entries = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    if (entries === 0xffff || at === 0xffffffff) return undefined;
    const parts: Record<string, Uint8Array> = {};
    let total = 0;
    for (let k = 0; k < entries; k++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const originalSize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extra + comment;
      if (!wanted.has(name)) continue;
      if (flags & 1 || (method !== 0 && method !== 8) || size === 0xffffffff || originalSize === 0xffffffff) return undefined;
      total += originalSize;
      const bomb = bombIn(name, size, originalSize, total);
      if (bomb) return { parts: {}, problem: bomb };
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return undefined;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + size > bytes.length) return undefined;
      const data = bytes.subarray(start, start + size);
      const out = method === 0 ? data : originalSize === 0 ? new Uint8Array(0) : zlib.inflateRawSync(data, { maxOutputLength: originalSize });
      if (out.length !== originalSize) return undefined;
      parts[name] = out;
    }
    return { parts };
  } catch {
    return undefined;
  }
}

type Zlib = { inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Uint8Array };
let zlibModule: Zlib | null | undefined;

/** Node's zlib, where there is one (not in a browser). */
function nodeZlib(): Zlib | undefined {
  if (zlibModule === undefined) {
    try {
      zlibModule = typeof process === 'object' && typeof process.getBuiltinModule === 'function' ? (process.getBuiltinModule('zlib') as Zlib) : (require('zlib') as Zlib);
    } catch {
      zlibModule = null;
    }
  }
  return zlibModule ?? undefined;
}

/**
 * Unzips the parts wanted, refusing damaged archives and zip bombs; `kind` names the document in
 * the problem ("Word document").
 */
export function unzipParts(bytes: Uint8Array, wanted: Set<string>, kind: string): { parts: Record<string, Uint8Array>; problem?: string } {
  const quick = unzipNative(bytes, wanted);
  if (quick) return quick;
  let bomb: string | undefined;
  let total = 0;
  let parts: Record<string, Uint8Array>;
  try {
    // fflate is loaded only here (its tables take a while to build when a reader starts).
    const { unzipSync } = require('./unzipFallback') as typeof import('./unzipFallback');
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted.has(f.name) || bomb) return false;
        total += f.originalSize;
        bomb = bombIn(f.name, f.size, f.originalSize, total);
        return !bomb;
      },
    });
  } catch (e) {
    return { parts: {}, problem: `not a readable ${kind}: the zip archive is damaged (${(e as Error).message})` };
  }
  if (bomb) return { parts: {}, problem: bomb };
  return { parts };
}

