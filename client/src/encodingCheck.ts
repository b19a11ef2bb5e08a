// A draft VS Code opened in the wrong encoding: a Windows-1252 file read as UTF-8 shows "�" for each
// accented letter, and the words holding one match nothing. The server reports the replacement
// characters (a `concordance.input` diagnostic); this reads the file as the command line does and,
// when it is in another encoding, says which and offers VS Code's own "Reopen with Encoding".
// Once per opening of each file; nothing is changed unless the user chooses.
import * as path from 'path';
import * as vscode from 'vscode';
import { isDraft } from './clientHost';
import { readAnyFile } from './sourceDocs';

/** The encoding the file's bytes read in without a replacement character, when that is not UTF-8. */
async function otherEncoding(file: vscode.Uri): Promise<string | undefined> {
  try {
    const read = await readAnyFile(file);
    if (read.format !== 'text' || read.problems.length || !read.encoding || read.encoding === 'UTF-8' || read.text.includes('\uFFFD')) return undefined;
    return read.encoding;
  } catch {
    return undefined;
  }
}

export function watchEncodings(output: vscode.LogOutputChannel): vscode.Disposable {
  const considered = new Set<string>();
  const consider = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    if (doc.uri.scheme !== 'file' || !isDraft(doc) || considered.has(key) || !doc.getText().includes('\uFFFD')) return;
    considered.add(key);
    const encoding = await otherEncoding(doc.uri);
    if (!encoding) return;
    const name = path.posix.basename(doc.uri.path);
    output.info(`[client] ${name} reads as ${encoding}, but is open as UTF-8`);
    const reopen = vscode.l10n.t('Reopen with Encoding');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is written in {1}, not UTF-8: VS Code shows its accented letters as "�", and Concordance cannot read the words that hold them. Reopen it with the encoding {1}.', name, encoding),
      reopen,
    );
    if (choice !== reopen) return;
    // VS Code's command acts on the active editor: the draft's.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
  };
  for (const d of vscode.workspace.textDocuments) void consider(d);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((d) => void consider(d)),
    vscode.workspace.onDidCloseTextDocument((d) => considered.delete(d.uri.toString())),
  );
}
