// Hover links ("Open article", "Compare with Art. N", "Read with") are `command:` links, which
// VS Code runs only from trusted Markdown. LSP hovers carry no trust, so the client marks them
// trusted for Concordance's hover commands only. Draft text in a hover is escaped by the server
// (server/src/analysis/markdown.ts), so a draft cannot add a link of its own.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { HOVER_COMMANDS } from './protocol';

/** The commands hover Markdown may run, and nothing else. */
export const TRUSTED_HOVER = { enabledCommands: [...HOVER_COMMANDS] as readonly string[] };

/** The hover with each Markdown part trusted for the hover commands only (no HTML). */
export function trustHover(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
  if (!hover) return hover;
  const contents = hover.contents.map((c) => {
    if (c instanceof vscode.MarkdownString) {
      const md = new vscode.MarkdownString(c.value, c.supportThemeIcons);
      md.isTrusted = TRUSTED_HOVER;
      md.supportHtml = false;
      return md;
    }
    return c;
  });
  return new vscode.Hover(contents, hover.range);
}

export const hoverMiddleware: Pick<Middleware, 'provideHover'> = {
  provideHover: async (document, position, token, next) => trustHover(await next(document, position, token)),
};
