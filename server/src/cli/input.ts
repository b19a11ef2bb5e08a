// Reading the CLI's input files with limits (used by the main thread and by the analysis workers).
import * as fs from 'fs';
import { readDocumentAsync, type ReadDocument } from '../formats/read';

/** Largest input read, in bytes: a bigger file, or endless input, is refused before it is analysed. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A mistake in the command line or its input: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export const TOO_BIG = `Concordance reads files up to ${sizeText(MAX_INPUT_BYTES)}`;

/** Reads at most MAX_INPUT_BYTES from a file or device; more is refused (endless input included). */
export function readCapped(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`${file}: is a directory, not a draft`);
    if (st.isFile() && st.size > MAX_INPUT_BYTES) throw new UsageError(`${file}: is ${sizeText(st.size)}; ${TOO_BIG}`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_INPUT_BYTES + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES) throw new UsageError(`${file}: more than ${sizeText(MAX_INPUT_BYTES)} (endless input?); ${TOO_BIG}`);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: ${(e as Error).message}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a document of any supported format from its bytes; refuses what cannot be analysed, naming the file. */
export async function documentOf(file: string, bytes: Uint8Array): Promise<ReadDocument> {
  const doc = await readDocumentAsync(file, bytes);
  if (doc.problems.length) throw new UsageError(`${file}: ${doc.problems[0]}`);
  return doc;
}
