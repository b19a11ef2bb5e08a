// Text put into Markdown that a renderer must show as text: no image (a network request), no
// link (`command:` links in a trusted hover), no raw HTML, no emphasis or code. Drafts are
// confidential and hostile at once; nothing they contain may become markup.

/** Every ASCII punctuation character: CommonMark (and marked, VS Code's renderer) accept a backslash before each. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * For Markdown that is rendered (hovers): every ASCII punctuation character backslash-escaped,
 * line breaks made spaces (no block can start), so the text renders exactly as it reads.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(PUNCTUATION, '\\$&');
}

/**
 * For Markdown files people also read as source (exports, the article documents): only what can
 * start markup is escaped — brackets (links, images), `<` and `&` (HTML, autolinks, entities, as
 * entities), code and emphasis marks, table pipes, what a bare URL, domain or e-mail address
 * would be linked by (`://`, a dot inside a name, `@`), a block marker at the start — and line
 * breaks become spaces. Prose stays as written.
 */
export function escapeMarkdownSource(text: string): string {
  const marked = text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]|~!]/g, '\\$&')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/:(?=\/\/)/g, '\\:');
  return escapeDotsInNames(marked)
    .replace(/@/g, '\\@')
    .replace(/^(\s*)([#+=-]|\d+[.)])/, (_, s: string, m: string) => s + m.slice(0, -1) + '\\' + m.slice(-1));
}

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/**
 * A dot between two letters or digits (a domain or a file name, which a renderer would link)
 * escaped: what `text.replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '\\.')` gives, found from
 * the dots (a lookbehind tried at every character was most of a 5 MB table's escaping).
 */
export function escapeDotsInNames(text: string): string {
  let out = '';
  let last = 0;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    // Two code units each side: a letter outside the BMP is a surrogate pair.
    if (i === 0 || !LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, i - 2), i)) || !LETTER_OR_DIGIT_AFTER.test(text.slice(i + 1, i + 3))) continue;
    out += text.slice(last, i) + '\\.';
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function codeFence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}
