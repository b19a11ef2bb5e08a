// Reading docs/checks*.md in tests: a code's section and its citations as the docs write them.
import type { CheckCode } from '../../../src/analysis/data/types';

/** The text of a code's section: from its `## code` heading to the next heading. */
export function sectionOf(doc: string, code: string): string | undefined {
  const at = doc.indexOf(`\n## ${code}\n`);
  if (at < 0) return undefined;
  const next = doc.indexOf('\n## ', at + 4);
  return doc.slice(at, next < 0 ? doc.length : next);
}

/** A code's citations as the docs' tables and "Cites" lines write them ("Art. 24(2), Art. 23(1)", or "-"). */
export function cites(c: CheckCode): string {
  return c.citations.length ? c.citations.map((x) => `Art. ${x}`).join(', ') : '-';
}
