// Commands that are not a view of their own: opening an article, picking one, restarting.
import * as vscode from 'vscode';
import { request0, type ClientHost } from './clientHost';
import { ArticlesRequest, type ArticleListEntry } from './protocol';
import { articleUri } from './virtualDocs';

let articleCache: ArticleListEntry[] | undefined;

export async function articleList(host: ClientHost): Promise<ArticleListEntry[]> {
  if (!articleCache) articleCache = await request0(host, ArticlesRequest);
  return articleCache;
}

export function forgetArticleList(): void {
  articleCache = undefined;
}

interface ArticlePick extends vscode.QuickPickItem {
  article?: number;
}

/**
 * A quick pick of articles: the proposed ones first (with the score in words), then all 68,
 * searchable by number or title. Resolves to the chosen number, or undefined when dismissed.
 */
export async function pickArticle(host: ClientHost, proposed: { article: number; title: string; words: string }[] = [], placeHolder = vscode.l10n.t('Choose an article of the Convention (type a number or words of the title)')): Promise<number | undefined> {
  const items: ArticlePick[] = [];
  if (proposed.length) {
    items.push({ label: vscode.l10n.t('Proposed for this provision'), kind: vscode.QuickPickItemKind.Separator });
    for (const p of proposed) items.push({ label: `$(star-full) ${vscode.l10n.t('Art. {0} — {1}', p.article, p.title)}`, detail: p.words, article: p.article });
    items.push({ label: vscode.l10n.t('All articles'), kind: vscode.QuickPickItemKind.Separator });
  }
  for (const a of await articleList(host)) {
    items.push({ label: vscode.l10n.t('Art. {0} — {1}', a.article, a.title), description: `${vscode.l10n.t('Chapter {0}', a.chapter)}${a.chapterTitle ? ' · ' + a.chapterTitle : ''}`, article: a.article });
  }
  const choice = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: false });
  return choice?.article;
}

/** `concordance.openArticle [n]`: the article as a read-only Markdown document, in the preview when available. */
export async function openArticle(host: ClientHost, arg?: unknown): Promise<void> {
  let n = typeof arg === 'number' ? arg : typeof arg === 'string' && /^\d+$/.test(arg.trim()) ? Number(arg) : undefined;
  if (n === undefined) n = await pickArticle(host);
  if (n === undefined) return;
  const uri = articleUri(n);
  const preview = vscode.workspace.getConfiguration('concordance').get<string>('articles.openAs', 'preview') === 'preview';
  if (preview && (await vscode.commands.getCommands(true)).includes('markdown.showPreviewToSide')) {
    try {
      // Load the document first so a preview of a missing article does not open empty.
      await vscode.workspace.openTextDocument(uri);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      return;
    } catch (e) {
      host.output.warn(`[client] Markdown preview of ${uri.toString()} failed, opening as text: ${(e as Error).message}`);
    }
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/**
 * `concordance.openSample`: the sample bill shipped with the extension, as a new untitled draft
 * (so trying a quick fix never writes to the extension's own copy, nor to the user's disk).
 */
export async function openSample(host: ClientHost): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(host.extensionUri, 'examples', 'cybercrime-bill.draft'));
  const doc = await vscode.workspace.openTextDocument({ language: 'legal-draft', content: new TextDecoder('utf-8').decode(bytes) });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * `concordance.revealInDraft` (a hover's "this section" / "section 17(2)" link): selects the words
 * of an element's evidence in the draft and scrolls them into view. Only a document already open
 * in the editor is shown (a link never opens another file); bad arguments do nothing.
 */
export async function revealInDraft(uri: unknown, ...pos: unknown[]): Promise<void> {
  if (typeof uri !== 'string' || pos.length !== 4 || !pos.every((n) => Number.isInteger(n) && (n as number) >= 0)) return;
  const [sl, sc, el, ec] = pos as number[];
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri || d.uri.toString() === vscode.Uri.parse(uri).toString());
  if (!doc) return;
  const range = doc.validateRange(new vscode.Range(sl, sc, el, ec));
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn, selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
