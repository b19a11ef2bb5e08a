// Entry point of out/pdfjs.js, PDF.js bundled for the packaged extension (which has no node_modules):
// the legacy (Node.js) build and its worker in one CommonJS file. Evaluating the worker module sets
// globalThis.pdfjsWorker, so PDF.js runs its "fake worker" in this thread from it instead of
// importing pdf.worker.mjs from a path. pdf.ts loads this file when it lies beside the running bundle.
import { originalWarn } from './pdfjsPolyfill';
// Bundled by esbuild, not compiled by tsc (ES modules imported from this CommonJS file):
// @ts-ignore
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
// @ts-ignore
export { getDocument, version } from 'pdfjs-dist/legacy/build/pdf.mjs';

console.warn = originalWarn;
