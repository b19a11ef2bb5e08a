// Entry point of the CLI bundle (out/cli.js).
import { main, UsageError } from './main';

// A reader that stops early (`concordance check … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** Writes to stdout, waiting for it to drain when its buffer is full (large reports). */
function write(s: string): Promise<void> | undefined {
  if (process.stdout.write(s)) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

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
