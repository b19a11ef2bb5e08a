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
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]|~!]/g, '\\$&')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '\\.')
    .replace(/@/g, '\\@')
    .replace(/^(\s*)([#+=-]|\d+[.)])/, (_, s: string, m: string) => s + m.slice(0, -1) + '\\' + m.slice(-1));
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function codeFence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}
