// What the server says, in the reader's language (English, Spanish or French). The words are data:
// each check code's own texts (title, presentLabel, missing, advice, lead) are in data/checks.json
// in English and in data/messages/<locale>.json in the other languages; the templates messages are
// composed from are in data/messages/<locale>.json `text`, English in en.json. One lookup, with
// English wherever a language has nothing. Article titles and element labels stay as data has them.
import type { CheckCode, CodeTextField, ConventionData, MessageCatalog } from './data/types';

/** The languages the server speaks. */
export type MessageLocale = 'en' | 'es' | 'fr';

/** The keys of the English templates (data/messages/en.json): a key not there does not compile. */
export type MessageKey = keyof (typeof import('../../../data/messages/en.json'))['text'];

/** VS Code's display language ("es", "es-419", "fr-CA", "en-GB", "de" …) → the server's language (English for any other). */
export function messageLocale(raw: unknown): MessageLocale {
  if (typeof raw !== 'string') return 'en';
  const l = raw.trim().toLowerCase();
  if (/^es(?:[-_]|$)/.test(l)) return 'es';
  if (/^fr(?:[-_]|$)/.test(l)) return 'fr';
  return 'en';
}

const PLACEHOLDER = /\{(\d+)\}/g;

/** A template with {0} {1} … filled in (a placeholder with no argument is left as it is). */
export function fill(template: string, args: readonly (string | number)[]): string {
  if (args.length === 0) return template;
  return template.replace(PLACEHOLDER, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

/** The messages of one language over one data set: made once per Analyzer. */
export class Messages {
  private readonly own: MessageCatalog | undefined;
  private readonly en: Record<string, string>;

  constructor(
    data: Pick<ConventionData, 'messages'>,
    readonly locale: MessageLocale = 'en',
  ) {
    this.own = locale === 'en' ? undefined : data.messages[locale];
    this.en = data.messages.en?.text ?? {};
  }

  /** A template filled in: the language's own, else the English, else the key itself. */
  t(key: MessageKey, ...args: (string | number)[]): string {
    return fill(this.own?.text[key] ?? this.en[key] ?? key, args);
  }

  /** A check code's text in this language; English (data/checks.json) where the language has none. */
  code(code: Pick<CheckCode, 'code'> & Partial<Record<CodeTextField, string>>, field: CodeTextField): string | undefined {
    return this.own?.codes?.[code.code]?.[field] ?? code[field];
  }

  /** A check code's title in this language. */
  title(code: Pick<CheckCode, 'code' | 'title'>): string {
    return this.own?.codes?.[code.code]?.title ?? code.title;
  }

  /** What a present safeguard is called ("Limits on duration"): its presentLabel, else its title. */
  label(code: Pick<CheckCode, 'code' | 'title' | 'presentLabel'>): string {
    return this.code(code, 'presentLabel') ?? this.title(code);
  }

  /** "a", "a and b", "a, b and c"; with "; " between items that hold commas themselves. */
  list(items: readonly string[]): string {
    if (items.length < 2) return items.join('');
    const sep = items.some((x) => x.includes(',')) ? '; ' : ', ';
    const and = this.t('list.and');
    return `${items.slice(0, -1).join(sep)}${sep === '; ' ? `; ${and} ` : ` ${and} `}${items[items.length - 1]}`;
  }
}
