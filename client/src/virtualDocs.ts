// Read-only virtual documents:
//  - `concordance:/article/N.md`, `concordance:/codes/CODE.md`: served by the server
//    (request concordance/virtualDocument);
//  - `concordance-compare:/provision/…` and `concordance-compare:/model/N.md`: the two sides of
//    "Open in diff editor", built from a comparison (request concordance/compare).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_SCHEME, CompareRequest, SCHEME, VirtualDocumentRequest, type ComparisonModel } from './protocol';

export class ConventionDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const client = this.client();
    if (!client) return '# Concordance\n\nThe language server is not running.\n';
    try {
      const text = await client.sendRequest(VirtualDocumentRequest, { uri: uri.toString() }, token);
      return text ?? `# Not found\n\nConcordance has no document \`${uri.path}\`.\n`;
    } catch (e) {
      return `# Concordance\n\nCould not load \`${uri.path}\`: ${(e as Error).message}\n`;
    }
  }

  /** Asks VS Code to re-read every open convention document (e.g. after a data reload). */
  refresh(): void {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === SCHEME) this.changed.fire(doc.uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function articleUri(n: number): vscode.Uri {
  return vscode.Uri.parse(`${SCHEME}:/article/${n}.md`);
}

/** What a comparison-side URI names. */
export interface CompareSide {
  side: 'provision' | 'model';
  uri: string;
  provision: string;
  article: number;
}

export function compareSideUri(side: CompareSide, label: string): vscode.Uri {
  const safe = label.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'provision';
  const path = side.side === 'model' ? `/model/${side.article}.md` : `/provision/${safe}.txt`;
  const query = new URLSearchParams({ uri: side.uri, provision: side.provision, article: String(side.article) }).toString();
  return vscode.Uri.from({ scheme: COMPARE_SCHEME, path, query });
}

export function parseCompareSide(uri: vscode.Uri): CompareSide | undefined {
  const q = new URLSearchParams(uri.query);
  const side = uri.path.startsWith('/model/') ? 'model' : uri.path.startsWith('/provision/') ? 'provision' : undefined;
  const article = Number(q.get('article'));
  if (!side || !q.get('uri') || !Number.isInteger(article)) return undefined;
  return { side, uri: q.get('uri')!, provision: q.get('provision') ?? '', article };
}

export class ComparisonDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, ComparisonModel>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Remembers a comparison so the diff editor shows exactly what the webview shows. */
  remember(model: ComparisonModel): void {
    const key = cacheKey(model.uri, model.provision.id, model.article.number);
    this.cache.set(key, model);
    if (this.cache.size > 50) this.cache.delete(this.cache.keys().next().value as string);
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== COMPARE_SCHEME) continue;
      const s = parseCompareSide(doc.uri);
      if (s && cacheKey(s.uri, s.provision, s.article) === key) this.changed.fire(doc.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const s = parseCompareSide(uri);
    if (!s) return '';
    let model = this.cache.get(cacheKey(s.uri, s.provision, s.article));
    if (!model) {
      const client = this.client();
      if (client) {
        try {
          model = (await client.sendRequest(CompareRequest, { uri: s.uri, provision: s.provision, article: s.article }, token)) ?? undefined;
        } catch {
          model = undefined;
        }
      }
    }
    if (!model) return s.side === 'model' ? '' : '(the provision is not available: open the draft and compare again)';
    if (s.side === 'model') return model.modelClause ? model.modelClause.text + '\n' : `(Concordance has no model clause for Art. ${s.article})\n`;
    return model.provision.text.replace(/\s+$/, '') + '\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function cacheKey(uri: string, provision: string, article: number): string {
  return `${uri}\u0000${provision}\u0000${article}`;
}
