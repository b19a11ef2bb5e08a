// Entry point of the CLI bundle (out/cli.js).
import { main, UsageError } from './main';

// A reader that stops early (`concordance check … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), (s) => process.stdout.write(s)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`concordance: ${e instanceof Error ? e.message : String(e)}\n`);
    if (!(e instanceof UsageError)) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
