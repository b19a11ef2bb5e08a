// `npm run bench:json [-- --sections N]`: `concordance check --format json` on a draft of N short
// sections (default 200 000, about 20 MB): wall time, bytes written and the CLI's peak memory.
// Before the report was streamed with shared tables, this run died with "Invalid string length".
// Prints the figures and writes bench/json-results.json. Never a test.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { shortSections } from './sections';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'out/cli.js');
const WORK = path.join(ROOT, 'out/bench');
const at = process.argv.indexOf('--sections');
const SECTIONS = at > 0 ? Number(process.argv[at + 1]) : 200_000;

// Runs the CLI in a Node.js that reports its own peak resident memory on exit.
const WRAPPER = `process.on('exit', () => process.stderr.write('\\nmaxrss-kb ' + process.resourceUsage().maxRSS + '\\n'));
require(process.argv[1]);`;

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build"`);
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `sections-${SECTIONS}.draft`);
  fs.writeFileSync(file, shortSections(SECTIONS));
  const size = fs.statSync(file).size;
  console.log(`${SECTIONS} sections, ${(size / 2 ** 20).toFixed(1)} MB: check --format json …`);
  const t = performance.now();
  const child = spawn(process.execPath, ['-e', WRAPPER, '--', CLI, 'check', '--format', 'json', file], { cwd: ROOT });
  let bytes = 0;
  let head = '';
  let tail = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    bytes += b.length;
    if (head.length < 64) head += b.toString('utf8', 0, 64);
    tail = (tail + b.toString('utf8', Math.max(0, b.length - 64))).slice(-64);
  });
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - t) / 1000;
  if (code !== 0) throw new Error(`the CLI exited ${code}: ${stderr.slice(0, 2000)}`);
  const maxRssKb = Number(/maxrss-kb (\d+)/.exec(stderr)?.[1] ?? NaN);
  if (!head.trimStart().startsWith('{') || !tail.trimEnd().endsWith('}')) throw new Error('the output does not look like one JSON object');
  const result = { date: new Date().toISOString(), node: process.version, sections: SECTIONS, draftMb: +(size / 2 ** 20).toFixed(1), seconds: +seconds.toFixed(1), outputMb: +(bytes / 2 ** 20).toFixed(1), peakRssMb: Math.round(maxRssKb / 1024) };
  console.log(`| sections | draft MB | seconds | JSON MB | peak RSS MB |\n|---|---|---|---|---|\n| ${result.sections} | ${result.draftMb} | ${result.seconds} | ${result.outputMb} | ${result.peakRssMb} |`);
  fs.writeFileSync(path.join(ROOT, 'bench/json-results.json'), JSON.stringify(result, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
