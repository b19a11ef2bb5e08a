// Edits made to PDF.js (pdfjs-dist/legacy/build/pdf.worker.mjs, and pdf.mjs for the port between
// the two) as scripts/build.mjs bundles it into out/pdfjs.js. Each edit must find its text exactly
// once in its file, else the build fails (a new PDF.js version: look again before changing the
// version). Each keeps the result the same to the bit (server/test/protocol/pdfjsPatches.test.ts
// compares the text content the bundle and node_modules' PDF.js give); what changes is the work
// per glyph and per page of the text layer.
//
// getTextContent computes, for every glyph, the text-space-to-page matrix twice: once to compare
// the glyph's position with the last one, once to remember it. Each was three new arrays (the
// text-state matrix and two products by Util.transform): most of the time and garbage of reading a
// PDF's text. Here the text-state matrix is six numbers and the two products are written out — the
// same multiplications (by zero too) and additions in the same order — into one new array, and
// the comparison, which keeps nothing, writes into an array of its own that it reuses. About a
// third less CPU time per page (docs/benchmarks.md). The matrix kept of the last glyph is written
// into one array, which a space item placed there copies (all that kept a reference to it).
//
// The worker runs in the reading thread ("fake worker"), and every message between it and the
// document passes through a LoopbackPort that deep-copies it (structuredClone), as a real worker's
// port would. For the text content of a page — most of what a PDF sends, a hundred objects or
// more per page — the copy is not needed: the worker replaces the chunk's item list and styles
// with new ones once it has sent them (enqueueChunk) and never changes an item after pushing it;
// the reader only reads them. A shallow copy of the message and the chunk is passed instead.

export const PDFJS_WORKER_FILE = /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/;
export const PDFJS_DISPLAY_FILE = /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/;

export const PDFJS_PATCHES = [
  {
    file: 'worker',
    what: 'getCurrentTextTransform: the text-state matrix as six numbers, not a new array; the two products into `out` when given',
    from: `    function getCurrentTextTransform() {
      const font = textState.font;
      const tsm = [textState.fontSize * textState.textHScale, 0, 0, textState.fontSize, 0, textState.textRise];
      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {
        const glyphHeight = font.bbox[3] - font.bbox[1];
        if (glyphHeight > 0) {
          tsm[3] *= glyphHeight * textState.fontMatrix[3];
        }
      }`,
    to: `    function getCurrentTextTransform(out) {
      const font = textState.font;
      const t0 = textState.fontSize * textState.textHScale, t1 = 0, t2 = 0, t4 = 0, t5 = textState.textRise;
      let t3 = textState.fontSize;
      if (font.isType3Font && (textState.fontSize <= 1 || font.isCharBBox) && !isArrayEqual(textState.fontMatrix, FONT_IDENTITY_MATRIX)) {
        const glyphHeight = font.bbox[3] - font.bbox[1];
        if (glyphHeight > 0) {
          t3 *= glyphHeight * textState.fontMatrix[3];
        }
      }`,
  },
  {
    file: 'worker',
    what: 'getCurrentTextTransform: Util.transform(ctm, Util.transform(textMatrix, tsm)) without the intermediate arrays',
    from: `      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));`,
    to: `      const m = textState.textMatrix;
      const c = textState.ctm;
      const a0 = m[0] * t0 + m[2] * t1;
      const a1 = m[1] * t0 + m[3] * t1;
      const a2 = m[0] * t2 + m[2] * t3;
      const a3 = m[1] * t2 + m[3] * t3;
      const a4 = m[0] * t4 + m[2] * t5 + m[4];
      const a5 = m[1] * t4 + m[3] * t5 + m[5];
      if (out === undefined) return [c[0] * a0 + c[2] * a1, c[1] * a0 + c[3] * a1, c[0] * a2 + c[2] * a3, c[1] * a2 + c[3] * a3, c[0] * a4 + c[2] * a5 + c[4], c[1] * a4 + c[3] * a5 + c[5]];
      out[0] = c[0] * a0 + c[2] * a1;
      out[1] = c[1] * a0 + c[3] * a1;
      out[2] = c[0] * a2 + c[2] * a3;
      out[3] = c[1] * a2 + c[3] * a3;
      out[4] = c[0] * a4 + c[2] * a5 + c[4];
      out[5] = c[1] * a4 + c[3] * a5 + c[5];
      return out;`,
  },
  {
    file: 'worker',
    what: 'compareWithLastPosition reads the current matrix from a reused array (it keeps no reference to it)',
    from: `    function compareWithLastPosition(glyphWidth) {
      const currentTransform = getCurrentTextTransform();`,
    to: `    const positionScratch = [0, 0, 0, 0, 0, 0];
    function compareWithLastPosition(glyphWidth) {
      const currentTransform = getCurrentTextTransform(positionScratch);`,
  },
  {
    file: 'worker',
    what: 'buildTextContentItem: the last glyph\u2019s matrix written into the one array the text item keeps for it, not a new one per glyph',
    from: `          textChunk.prevTransform = getCurrentTextTransform();`,
    to: `          textChunk.prevTransform = getCurrentTextTransform(textChunk.prevTransform ?? undefined);`,
  },
  {
    file: 'worker',
    what: 'pushWhitespace: a space item placed at the last glyph keeps a copy of that matrix (the array is rewritten at the next glyph)',
    from: `      intersector?.addExtraChar(" ");
      textContent.items.push({
        str: " ",
        dir: "ltr",
        width,
        height,
        transform,`,
    to: `      intersector?.addExtraChar(" ");
      textContent.items.push({
        str: " ",
        dir: "ltr",
        width,
        height,
        transform: transform && transform === textContentItem.prevTransform ? transform.slice() : transform,`,
  },
  {
    file: 'worker',
    what: 'enqueueChunk, unchanged: found here so that a PDF.js that stops replacing the list and styles it sent fails the build (the port below relies on it)',
    from: `      sink?.enqueue(textContent, length);
      textContent.items = [];
      textContent.styles = Object.create(null);`,
    to: `      sink?.enqueue(textContent, length);
      textContent.items = [];
      textContent.styles = Object.create(null);`,
  },
  {
    file: 'display',
    what: 'LoopbackPort.postMessage: a page’s text content chunk (a stream ENQUEUE whose chunk has items, nothing transferred) passed by shallow copy, not deep-copied',
    from: `      data: structuredClone(obj, transfer ? {
        transfer
      } : null)`,
    to: `      data: obj.stream === StreamKind.ENQUEUE && obj.chunk && Array.isArray(obj.chunk.items) && !transfer?.length ? { ...obj, chunk: { ...obj.chunk } } : structuredClone(obj, transfer ? {
        transfer
      } : null)`,
  },
];

/** An esbuild plugin applying PDFJS_PATCHES to the worker file and the display file. */
export function pdfjsPatches() {
  return {
    name: 'pdfjs-patches',
    setup(build) {
      const unplaced = PDFJS_PATCHES.filter((p) => p.file !== 'worker' && p.file !== 'display');
      if (unplaced.length) throw new Error(`scripts/pdfjsPatches.mjs: "${unplaced[0].what}" says no file ('worker' or 'display')`);
      const patch = (file) => async (args) => {
        const { readFile } = await import('fs/promises');
        let source = await readFile(args.path, 'utf8');
        for (const p of PDFJS_PATCHES.filter((x) => x.file === file)) {
          const count = source.split(p.from).length - 1;
          if (count !== 1) throw new Error(`scripts/pdfjsPatches.mjs: "${p.what}" found its text ${count} times in ${args.path}, not once: look at the new PDF.js before building`);
          source = source.replace(p.from, () => p.to);
        }
        return { contents: source, loader: 'js' };
      };
      build.onLoad({ filter: PDFJS_WORKER_FILE }, patch('worker'));
      build.onLoad({ filter: PDFJS_DISPLAY_FILE }, patch('display'));
    },
  };
}
