import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex, looksBinary } from '../../src/analysis/text';
import type { Position } from '../../src/analysis/types';
import { check } from './check';

const pos = (line: number, character: number): Position => ({ line, character });

check<[string, number], Position>(
  'LineIndex.positionAt',
  [
    { name: 'empty text', input: ['', 0], expected: pos(0, 0) },
    { name: 'LF: start of second line', input: ['ab\ncd', 3], expected: pos(1, 0) },
    { name: 'LF: on the line break itself', input: ['ab\ncd', 2], expected: pos(0, 2) },
    { name: 'CRLF: after the pair', input: ['ab\r\ncd', 4], expected: pos(1, 0) },
    { name: 'CRLF: second line, second character', input: ['ab\r\ncd', 5], expected: pos(1, 1) },
    { name: 'lone CR ends a line', input: ['ab\rcd\ref', 6], expected: pos(2, 0) },
    { name: 'mixed endings', input: ['a\nb\r\nc\rd', 7], expected: pos(3, 0) },
    { name: 'trailing line break opens an empty last line', input: ['ab\n', 3], expected: pos(1, 0) },
    { name: 'offset past the end is clamped', input: ['ab\ncd', 99], expected: pos(1, 2) },
    { name: 'negative offset is clamped', input: ['ab', -5], expected: pos(0, 0) },
    { name: 'astral characters count as two code units', input: ['😀x\ny', 2], expected: pos(0, 2) },
  ],
  ([text, offset]) => new LineIndex(text).positionAt(offset),
);

check<[string, Position], number>(
  'LineIndex.offsetAt',
  [
    { name: 'LF', input: ['ab\ncd', pos(1, 1)], expected: 4 },
    { name: 'CRLF', input: ['ab\r\ncd', pos(1, 1)], expected: 5 },
    { name: 'lone CR', input: ['ab\rcd', pos(1, 0)], expected: 3 },
    { name: 'character past the line end stops before the line break', input: ['ab\r\ncd', pos(0, 10)], expected: 2 },
    { name: 'line past the end gives the text length', input: ['ab\ncd', pos(5, 0)], expected: 5 },
    { name: 'negative line gives 0', input: ['ab', pos(-1, 3)], expected: 0 },
  ],
  ([text, p]) => new LineIndex(text).offsetAt(p),
);

check<[string, number, number], unknown>(
  'LineIndex.rangeOf',
  [{ name: 'span across a CRLF', input: ['one\r\ntwo', 1, 7], expected: { start: pos(0, 1), end: pos(1, 2) } }],
  ([text, start, end]) => new LineIndex(text).rangeOf({ start, end }),
);

check<string, boolean>(
  'looksBinary',
  [
    { name: 'plain text', input: 'Section 1. Text\n', expected: false },
    { name: 'NUL byte', input: 'abc\u0000def', expected: true },
    { name: 'many control characters', input: '\u0001\u0002\u0003abcdefgh', expected: true },
    { name: 'tabs and line breaks are not control noise', input: '\t\t\r\n\r\nab', expected: false },
    { name: 'empty', input: '', expected: false },
  ],
  looksBinary,
);

describe('LineIndex properties', () => {
  it('offsetAt(positionAt(o)) === o for offsets not inside a CRLF pair', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r'), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const idx = new LineIndex(t);
        for (let o = 0; o <= t.length; o++) {
          if (o > 0 && t[o - 1] === '\r' && t[o] === '\n') continue;
          assert.strictEqual(idx.offsetAt(idx.positionAt(o)), o);
        }
        const lines = t.split(/\r\n|\r|\n/);
        assert.strictEqual(idx.lineCount, lines.length);
      }),
      { numRuns: 200 },
    );
  });

  it('the index after an edit, made from the index before it, equals one built from scratch', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', ''), fc.string({ unit: 'grapheme', maxLength: 6 }));
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
    const inserted = fc.array(piece, { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, inserted, fc.nat(), fc.nat(), (old, ins, i, j) => {
        const start = i % (old.length + 1);
        const oldEnd = start + (j % (old.length - start + 1));
        const next = old.slice(0, start) + ins + old.slice(oldEnd);
        const edit = { start, oldEnd, newEnd: start + ins.length };
        const incremental = LineIndex.afterEdit(new LineIndex(old), next, edit);
        const fresh = new LineIndex(next);
        assert.strictEqual(incremental.lineCount, fresh.lineCount);
        for (let line = 0; line < fresh.lineCount; line++) assert.strictEqual(incremental.lineStart(line), fresh.lineStart(line), `line ${line}`);
      }),
      { numRuns: 2000 },
    );
  });
});
