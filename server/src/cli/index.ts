// Entry point of the CLI bundle (out/cli.js); in a worker thread, an analysis worker (parallel.ts).
import { main, UsageError } from './main';
import { runAsWorkerIfAsked } from './parallel';

/** Writes to stdout, waiting for it to drain when its buffer is full (large reports). */
function write(s: string): Promise<void> | undefined {
  if (process.stdout.write(s)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

function runCli(): void {
  // A reader that stops early (`concordance check … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), write).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`concordance: ${e instanceof Error ? e.message : String(e)}\n`);
      if (!(e instanceof UsageError)) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      process.exitCode = 2;
    },
  );
}

if (!runAsWorkerIfAsked()) runCli();
