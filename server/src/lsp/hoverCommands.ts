// The commands a hover's links may run. The client trusts hover Markdown for these only
// (MarkdownString.isTrusted = { enabledCommands }); no import here, so the client can share it.
export const HOVER_COMMANDS = ['concordance.openArticle', 'concordance.compareWithArticle', 'concordance.revealInDraft'] as const;
