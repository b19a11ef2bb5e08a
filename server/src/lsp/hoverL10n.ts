// The hover's own words in the editor's display language. The translations are the client's l10n
// bundles (l10n/bundle.l10n.<lang>.json, keyed by the English message, as vscode.l10n reads them),
// bundled into the server: one set of translations for every part of the extension.
import es from '../../../l10n/bundle.l10n.es.json';
import fr from '../../../l10n/bundle.l10n.fr.json';

/** An English message with {0}, {1} … placeholders → the message in the display language. */
export type Translate = (english: string, ...args: (string | number)[]) => string;

const BUNDLES: Record<string, Record<string, string>> = { es, fr };

/** A translator for a display language such as "es", "fr-CA" or "en"; English for any other (or none). */
export function hoverTranslator(locale?: string): Translate {
  const bundle = BUNDLES[(locale ?? 'en').toLowerCase().split('-')[0]];
  return (english, ...args) => (bundle?.[english] ?? english).replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
