// Entry point of out/reader.js: the reading worker of reading.ts, without the analysis (a smaller
// bundle than out/cli.js, so the worker starts sooner).
import { runAsReaderIfAsked } from './reading';

runAsReaderIfAsked();
