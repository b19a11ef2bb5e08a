// Entry point of the CLI bundle (out/cli.js).
import { main, UsageError } from './main';

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
