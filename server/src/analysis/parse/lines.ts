// Lines of a draft: where each starts and ends.
// Part of the draft parser (../parse.ts: the conventions every part keeps).

/** Lines are classified from a prefix of at most this many characters (linear time). */
export const HEAD_MAX = 400;

export interface Lines {
  /** Start offset of each line. */
  start: Int32Array;
  /** End offset of each line's content (line break excluded). */
  end: Int32Array;
}

/** Lines ended by "\n", "\r\n" or a lone "\r"; after the last line break comes one more (maybe empty) line. */
export function splitLines(text: string): Lines {
  const n = text.length;
  const crlf = text.indexOf('\r') >= 0;
  let breaks = 0;
  if (!crlf) for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        breaks++;
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  const start = new Int32Array(breaks + 1);
  const end = new Int32Array(breaks + 1);
  let k = 0;
  let s = 0;
  if (!crlf) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      start[k] = s;
      end[k++] = i;
      s = i + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        start[k] = s;
        end[k++] = i;
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        s = i + 1;
      }
    }
  }
  start[k] = s;
  end[k] = n;
  return { start, end };
}
