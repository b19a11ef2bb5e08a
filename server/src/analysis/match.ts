// Matches one provision to convention articles, element by element.
// Every number that shapes the ranking (weights, thresholds) comes from data/matcher.json.
import { AnchoredCues, CueMatcher, detached, SlotHits, TokenIndex, type CompiledCue, type TokenRun } from './cues';
import { SimilarityIndex } from './similarity';
import { codePointStart, execAt, Interner, isSpace, wordRunStart } from './text';
import { BASE_LANGUAGE, keyTermsIn, withLanguageSettings } from './data/languages';
import type { Article, ConventionData, Cues } from './data/types';
import type { MatcherSettings } from './matcherSettings';
import type { ArticleMatch, Building, DraftLanguage, ElementEvidence, MatchStrength, NoArticle, Span } from './types';

/** What the matcher needs to know about a provision besides its own text. */
export interface MatchInput {
  text: string;
  /** The provision's own span within text (offsets of evidence are relative to text). */
  span: Span;
  heading?: string;
  /** Headings of the Parts/Chapters that contain the provision, outermost first. */
  context: string[];
  /** Terms the provision defines (quoted defined terms). */
  definedTerms: string[];
  lang: DraftLanguage;
  /** The tokens of text[span], when the caller has them already (CueMatcher.run). */
  tokens?: TokenRun;
}

interface CompiledElement {
  id: string;
  label: string;
  required: boolean;
  /** Alternatives share a group; an element without one is its own group. */
  group: string;
  /** The article paragraph the element rests on, by its leading number ("1(b)" → "1"). */
  paragraph: string;
  /** Position of its group among the article's groups of required elements, and of its paragraph in `paragraphWeights` (-1: none). */
  groupIndex: number;
  paragraphIndex: number;
  weight: number;
  /** Whether few enough articles share its cues for it to say which article this is. */
  distinctive: boolean;
  /** Its evidence when absent: the same for every provision, so one object shared by all (never changed). */
  absent: ElementEvidence;
  /** Its cues as data has them (compiled per language in LanguageTables, English where a language has none). */
  cues: Cues | undefined;
}

interface CompiledArticle {
  article: Article;
  /** The article's number and kind, read per section: kept here, where every article has the same shape (data objects differ). */
  number: number;
  kind: string;
  elements: CompiledElement[];
  requiredWeight: number;
  /** How many of its elements are required. */
  requiredCount: number;
  /** Required weight per paragraph, for provisions that implement one paragraph of an article. */
  paragraphWeights: Map<string, number>;
  /** The same, in the same order, as arrays (scoring runs per article per provision). */
  paragraphLabels: string[];
  paragraphTotals: number[];
  groupCount: number;
  /** Indexes of its gate elements (settings.gateElements): without each of them present it is not shown. */
  gates: number[];
  /** Whether a wording marker exists for the article's kind. */
  kindMarked: boolean;
  /** It speaks of the Convention itself (settings.conventionOnly): no provision of a law implements it. */
  conventionOnly: boolean;
  /** As data has them: compiled per language in LanguageTables (heading cues fall back to English, key terms do not). */
  headingCues: Cues | undefined;
  keyTerms: Cues;
}

/**
 * What the matcher reads in one language: its compiled cues, looked up together, and its
 * similarity profiles. Made on the first provision in the language (ProvisionMatcher.tablesOf):
 * an English draft never stems the cues of another language.
 */
interface LanguageTables {
  /** Element cues (slot = article index × stride + element index), heading cues and key terms (slot = article index). */
  elements: AnchoredCues;
  headings: AnchoredCues;
  keyTerms: AnchoredCues;
  /** How many key terms each article has in the language (by article index). */
  keyTermCounts: Int32Array;
  /** The articles' word profiles for the similarity signal (see ProvisionMatcher.similarity). */
  similarity: SimilarityIndex;
  /** The markers' and the saving wording's cues (see the constructor). */
  wording: AnchoredCues;
  /** Wording that denies an authority's order (settings.negatedAuthority), kept out of the markers' reading, with its scratch hits. */
  negated?: { cues: AnchoredCues; hits: SlotHits };
  /** Each context's cues (settings.contexts order). */
  contexts: CompiledCue[][];
  /** The names of the core definitions. */
  definitionTerms: CompiledCue[];
}


/** What scoring an article found, beyond its score: what the reasons shown for it say. */
interface ScoreFacts {
  /** Required elements present, and their weight (groups counted once). */
  presentRequired: number;
  presentWeight: number;
  anyDistinctive: boolean;
  /** The paragraph whose coverage gave the element score, or -1. */
  paragraph: number;
  headingHit: boolean;
  bodyHeadingHit: boolean;
  keyTermHits: number;
  /** It sits in a Part about the article's kind; it defines core terms (a definitions article); it is worded as the article's kind. */
  inContext: boolean;
  definesCore: boolean;
  wordedAsKind: boolean;
}
/**
 * The signals an article's score sums, each with its weight in data/matcher.json `weights`
 * (the saving wording counts -1, so its weight is the penalty). docs/matching.md describes them.
 */
export const FEATURES = ['elements', 'heading', 'keyTerms', 'context', 'markers', 'definitions', 'similarity', 'nonOperative'] as const;
export type Feature = (typeof FEATURES)[number];

/** How far before an instrument word ("Act") its title may start. */
const INSTRUMENT_TITLE_REACH = 240;

/** More than any article's number of elements. */
const ELEMENT_STRIDE = 256;

export class ProvisionMatcher {
  readonly cues: CueMatcher;
  private readonly articles: CompiledArticle[];
  /** Position of each article number in `articles`. */
  private readonly indexOf = new Map<number, number>();
  /**
   * Per language of the data, what the matcher reads in it, made on first use (tablesOf). The
   * similarity profiles: English from the articles' paraphrases, element labels and model
   * clauses; another language from their cues in that language (the data has no paraphrases in them).
   */
  private readonly tables = new Map<DraftLanguage, LanguageTables>();
  private readonly contexts: readonly { readonly kinds: string[]; readonly cues: Cues }[];
  /** Kinds named by each context (the headings of a section's enclosing Parts), memoised. */
  private readonly contextMemo = new Map<string, Set<string>>();
  private readonly contextMemoByList = new WeakMap<string[], Partial<Record<DraftLanguage, Set<string>>>>();
  private readonly markers: readonly { readonly kinds: string[]; readonly cues: Cues }[];
  /** The core definitions' names (term, abbreviation, synonyms), English. */
  private readonly definitionNames: Cues;
  /** Position of each article's kind in `kinds` (the no-evidence score depends on the kind only). */
  private readonly kindOf: Int32Array;
  private readonly kinds: { kind: string; marked: boolean }[] = [];
  /** settings.specificity by article index: the specific article, its conditions (element indexes, any of each group) and the articles it ranks above. */
  private readonly specificity: { article: number; when: number[][]; over: number[] }[] = [];
  /** Scratch space for scoring (match runs for one provision at a time). */
  private readonly scratch: {
    scores: Float64Array;
    /** Per article: the more specific article it was ranked below, or -1. */
    below: Int32Array;
    dots: Float64Array;
    withEvidence: Uint8Array;
    byKind: Float64Array;
    markerByKind: Float64Array;
    groupWeights: Float64Array;
    groupParagraphs: Int32Array;
    /** Element cue hits (slot = article index × stride + element index); heading cue hits in the heading and in the body (slot = article index). */
    elementHits: SlotHits;
    headingHits: SlotHits;
    bodyHeadingHits: SlotHits;
    why: ScoreFacts;
    /** The signals of the article last scored, and their weights (FEATURES order). */
    features: Float64Array;
    weights: Float64Array;
  };
  /** Hits of the wording markers (slot = marker index) and of the saving wording (the last slot): scratch space too. */
  private readonly wordingHits: SlotHits;
  /** Why the last call of `match` found no article, when it returned none for a reason a drafter can be told. */
  private none: NoArticle | undefined;
  /** The wording slots after the markers' (one per marker): saving, routing and presumption wording. */
  private readonly slot: { readonly saving: number; readonly routing: number; readonly presumption: number };
  /** Reasons, shared: the same few are given for thousands of provisions. */
  private readonly phrases = new Interner();
  /** Per language, a pattern for references to other provisions ("section 1 above (unauthorised access)"). */
  private readonly referencePatterns = new Map<DraftLanguage, ReferencePatterns>();
  /** Per language, a pattern for the titles of other instruments (data/matcher.json `references.instruments`). */
  private readonly instrumentPatterns = new Map<DraftLanguage, InstrumentPatterns>();

  /** The settings of data/matcher.json, with the matcher words of the language files (withLanguageSettings). */
  readonly settings: MatcherSettings;

  constructor(
    readonly data: ConventionData,
    given: MatcherSettings,
  ) {
    const settings = (this.settings = withLanguageSettings(given, data.languages));
    this.cues = new CueMatcher(data, settings.stopWords, { words: settings.spelling, whole: settings.unstemmed });
    // The languages of the data (data/languages/): each gets its compiled cues and tables when
    // a provision in it is first matched (tablesOf).
    const LANGS = this.cues.languages;

    // Distinctiveness of an element: cues shared by many articles (intent, "without right",
    // "computer system") say little about which article a provision implements.
    const cueArticles = new Map<string, Set<number>>();
    for (const a of data.articles) {
      for (const e of a.elements) {
        for (const c of this.cues.compileAll(e.cues, 'en')) {
          const k = c.keys.join(' ');
          let s = cueArticles.get(k);
          if (!s) cueArticles.set(k, (s = new Set()));
          s.add(a.article);
        }
      }
    }
    const withElements = data.articles.filter((a) => a.elements.length > 0).length || 1;

    this.articles = data.articles.map((a, i) => {
      const elements: CompiledElement[] = a.elements.map((e) => {
        const en = this.cues.compileAll(e.cues, 'en');
        let spread = 0;
        for (const c of en) spread = Math.max(spread, cueArticles.get(c.keys.join(' '))?.size ?? 1);
        const idf = Math.log(1 + withElements / Math.max(1, spread));
        const weight = idf ** (settings.weights.distinctiveness ?? 1);
        const paragraph = /^\d+/.exec(e.paragraph ?? '')?.[0] ?? e.paragraph ?? '';
        const absent: ElementEvidence = { id: e.id, label: e.label, required: e.required, present: false };
        return { id: e.id, label: e.label, required: e.required, group: e.group ?? e.id, paragraph, groupIndex: 0, paragraphIndex: -1, weight, distinctive: false, absent, cues: e.cues };
      });
      // Groups of required elements in order of first appearance: the order groupWeight sums them in.
      const groups = [...new Set(elements.filter((e) => e.required).map((e) => e.group))];
      for (const e of elements) e.groupIndex = groups.indexOf(e.group);
      const required = elements.filter((e) => e.required);
      // Distinctive: among the article's own least-shared required elements.
      const top = Math.max(0, ...required.map((e) => e.weight));
      for (const e of required) e.distinctive = e.weight >= top * (settings.weights.distinctiveRatio ?? 0);
      const byParagraph = paragraphWeights(required);
      const paragraphLabels = [...byParagraph.keys()];
      for (const e of elements) e.paragraphIndex = paragraphLabels.indexOf(e.paragraph);
      return {
        article: a,
        number: a.article,
        kind: a.kind,
        elements,
        requiredWeight: groupWeight(required),
        requiredCount: required.length,
        paragraphWeights: byParagraph,
        paragraphLabels,
        paragraphTotals: [...byParagraph.values()],
        groupCount: groups.length,
        gates: elements.flatMap((e, j) => (settings.gateElements?.includes(e.id) ? [j] : [])),
        kindMarked: settings.markers.some((m) => m.kinds.includes(a.kind)),
        conventionOnly: settings.conventionOnly?.includes(a.article) ?? false,
        headingCues: a.headingCues,
        keyTerms: { ...keyTermsIn(data, a.article), en: a.keyTerms },
      };
    });
    this.articles.forEach((ca, i) => this.indexOf.set(ca.number, i));
    for (const r of settings.specificity ?? []) {
      const ai = this.indexOf.get(r.article);
      if (ai === undefined) continue;
      const ids = this.articles[ai].elements.map((e) => e.id);
      const when = r.when.map((g) => g.map((id) => ids.indexOf(id)).filter((j) => j >= 0));
      const over = r.over.flatMap((n) => (this.indexOf.has(n) ? [this.indexOf.get(n)!] : []));
      if (when.every((g) => g.length > 0) && over.length > 0) this.specificity.push({ article: ai, when, over });
    }
    const maxGroups = Math.max(1, ...this.articles.map((ca) => ca.groupCount));
    this.kindOf = Int32Array.from(this.articles, (ca) => {
      let k = this.kinds.findIndex((x) => x.kind === ca.kind);
      if (k < 0) k = this.kinds.push({ kind: ca.kind, marked: ca.kindMarked }) - 1;
      return k;
    });
    const n = this.articles.length;
    this.scratch = {
      scores: new Float64Array(n),
      below: new Int32Array(n),
      dots: new Float64Array(n),
      withEvidence: new Uint8Array(n),
      byKind: new Float64Array(this.kinds.length),
      markerByKind: new Float64Array(this.kinds.length),
      groupWeights: new Float64Array(maxGroups),
      groupParagraphs: new Int32Array(maxGroups),
      elementHits: new SlotHits(n * ELEMENT_STRIDE),
      headingHits: new SlotHits(n),
      bodyHeadingHits: new SlotHits(n),
      features: new Float64Array(FEATURES.length),
      weights: Float64Array.from(FEATURES, (f) => settings.weights[f] ?? 0),
      why: { presentRequired: 0, presentWeight: 0, anyDistinctive: false, paragraph: -1, headingHit: false, bodyHeadingHit: false, keyTermHits: 0, inContext: false, definesCore: false, wordedAsKind: false },
    };
    this.contexts = settings.contexts;
    this.markers = settings.markers;
    const m = this.markers.length;
    this.slot = { saving: m, routing: m + 1, presumption: m + 2 };
    this.wordingHits = new SlotHits(m + 3);
    if (settings.references) for (const l of LANGS) this.referencePatterns.set(l, referencePattern(settings.references, l));
    for (const l of LANGS) {
      const patterns = instrumentPattern(settings.references?.instruments?.[l]);
      if (patterns) this.instrumentPatterns.set(l, patterns);
    }
    const defs: Cues = { en: [] };
    for (const d of data.definitions) {
      if (!d.core) continue;
      defs.en.push(d.term, ...(d.abbrev ? [d.abbrev] : []), ...d.synonyms);
    }
    this.definitionNames = defs;
  }

  /** Makes the tables of the languages given (each language of the data by default) now, rather than on their first provision. */
  prepare(languages: readonly DraftLanguage[] = this.cues.languages): void {
    for (const l of languages) this.tablesOf(l);
  }

  /**
   * What the matcher reads in a language of the data, made on its first use (undefined for a
   * language the data has no file for). Each list of cues falls back to English where the
   * language has none (a Spanish or French draft often borrows English terms), except key terms.
   */
  private tablesOf(lang: DraftLanguage): LanguageTables | undefined {
    const known = this.tables.get(lang);
    if (known || !this.cues.languages.includes(lang)) return known;
    const cues = this.cues;
    const own = (c: Cues | undefined, verbatim = false) => cues.compileAll(c, lang, verbatim);
    const withEnglishFallback = (c: Cues | undefined, verbatim = false): CompiledCue[] => {
      const list = own(c, verbatim);
      return list.length > 0 || lang === BASE_LANGUAGE ? list : cues.compileAll(c, BASE_LANGUAGE, verbatim);
    };
    const articleEntries = (list: (ca: CompiledArticle) => CompiledCue[]) => this.articles.flatMap((ca, i) => list(ca).map((cue) => ({ cue, slot: i })));
    const keyTerms = this.articles.map((ca) => own(ca.keyTerms));
    // The wording markers of each kind (slot = marker index), then the saving, routing and
    // presumption wording (this.slot), looked up together; matched word for word.
    const s = this.settings;
    const marks = this.markers.flatMap((m, k) => withEnglishFallback(m.cues, true).map((cue) => ({ cue, slot: k })));
    const savings = withEnglishFallback(s.nonOperative ?? { en: [] }, true).map((cue) => ({ cue, slot: this.slot.saving }));
    const routing = withEnglishFallback(s.routing ?? { en: [] }, true).map((cue) => ({ cue, slot: this.slot.routing }));
    const presumption = withEnglishFallback(s.presumption ?? { en: [] }, true).map((cue) => ({ cue, slot: this.slot.presumption }));
    const negated = s.negatedAuthority ? withEnglishFallback(s.negatedAuthority, true) : [];
    const pin = (key: string) => cues.vocabulary.pin(key);
    const tables: LanguageTables = {
      elements: new AnchoredCues(this.articles.flatMap((ca, i) => ca.elements.flatMap((e, j) => withEnglishFallback(e.cues).map((cue) => ({ cue, slot: i * ELEMENT_STRIDE + j }))))),
      headings: new AnchoredCues(articleEntries((ca) => withEnglishFallback(ca.headingCues))),
      keyTerms: new AnchoredCues(keyTerms.flatMap((list, i) => list.map((cue) => ({ cue, slot: i })))),
      keyTermCounts: Int32Array.from(keyTerms, (list) => list.length),
      similarity: new SimilarityIndex(
        this.data.articles.map((a) => (lang === BASE_LANGUAGE ? this.profileOf(a) : this.cueProfileOf(a, lang))),
        pin,
      ),
      wording: new AnchoredCues([...marks, ...savings, ...routing, ...presumption]),
      negated: negated.length ? { cues: new AnchoredCues(negated.map((cue, k) => ({ cue, slot: k }))), hits: new SlotHits(negated.length) } : undefined,
      contexts: this.contexts.map((c) => withEnglishFallback(c.cues)),
      definitionTerms: withEnglishFallback(this.definitionNames),
    };
    this.tables.set(lang, tables);
    return tables;
  }

  private profileOf(a: Article): Map<string, number> {
    const m = new Map<string, number>();
    const add = (s: string) => this.addWords(m, s, 'en');
    add(a.title);
    for (const p of a.paragraphs) add(p.summary);
    for (const e of a.elements) add(e.label);
    const clause = this.data.modelClauses.find((c) => c.article === a.article);
    if (clause) add(clause.text);
    return m;
  }

  /** The words of an article's cues in one language (its elements' and its heading's). */
  private cueProfileOf(a: Article, lang: DraftLanguage): Map<string, number> {
    const m = new Map<string, number>();
    for (const e of a.elements) for (const c of e.cues?.[lang] ?? []) this.addWords(m, c, lang);
    for (const c of a.headingCues?.[lang] ?? []) this.addWords(m, c, lang);
    return m;
  }

  /** Counts the content words of `s` (no stop words, numbers or words under three letters) into `m`. */
  private addWords(m: Map<string, number>, s: string, lang: DraftLanguage): void {
    for (const t of this.cues.analyze(s, lang)) {
      if (this.cues.isStopWord(t.key, lang) || t.key.length < 3 || /^\d+$/.test(t.key)) continue;
      m.set(t.key, (m.get(t.key) ?? 0) + 1);
    }
  }

  /** Why the last `match` returned no article (undefined when it returned some, or had no evidence at all). */
  get noArticle(): NoArticle | undefined {
    return this.none;
  }

  /**
   * Ranked articles for one provision; only what clears the display threshold. `onFeatures`, when
   * given, is shown every article's signals (FEATURES order) before ranking: what `fit` learns from.
   */
  match(input: MatchInput, onFeatures?: (article: number, features: Float64Array) => void): ArticleMatch[] {
    this.none = undefined;
    const lang = input.lang;
    // A language the data has no file for has no tables: as before they were made lazily, it fails here.
    const tables = this.tablesOf(lang)!;
    const tokens = input.tokens ?? this.cues.run(input.text, lang, input.span);
    // Words inside references to other provisions ("an offence under section 1 (unauthorised
    // access)") describe the provision referred to, not this one: they are not evidence.
    const references = this.references(input.text, input.span, lang);
    const index = new TokenIndex(tokens, { content: true, skip: references });
    let allWords = new TokenIndex(tokens);
    const headingIndex = input.heading ? new TokenIndex(this.cues.run(input.heading, lang), { content: true, skip: this.instrumentNames(input.heading, lang) }) : undefined;
    const contextKinds = this.contextKinds(input.context, lang, tables);
    const similarity = this.similarities(index, tables);
    const definedCore = this.countDefinedCoreTerms(input.definedTerms, lang, tables);
    const w = this.settings.weights;
    const t = this.settings.thresholds;
    const markedKinds = new Set<string>();
    const wording = this.wordingHits;
    // "sin mandamiento ni autorización judicial", "without a warrant": the words of the order denied
    // say that acting without one is the offence, not that the provision confers a power.
    const negated = tables.negated;
    if (negated) {
      negated.cues.bestInto(allWords, negated.hits);
      const n = negated.hits;
      if (n.count > 0) {
        const spans: Span[] = [];
        for (let k = 0; k < n.count; k++) spans.push({ start: n.start(n.slots[k]), end: n.end(n.slots[k]) });
        spans.sort((a, b) => a.start - b.start);
        allWords = new TokenIndex(tokens, { skip: spans });
      }
    }
    tables.wording.bestInto(allWords, wording);
    // Indexed loops and forEach in this per-section path: for…of allocates per step until the JIT has optimised it.
    for (let k = 0; k < this.markers.length; k++) {
      if (wording.has(k)) for (let i = 0; i < this.markers[k].kinds.length; i++) markedKinds.add(this.markers[k].kinds[i]);
    }
    // Routing wording ("shall be dealt with under", "se tramitarán conforme") is saving wording too.
    const routed = wording.get(this.slot.routing);
    const saving = wording.get(this.slot.saving) ?? routed;
    // Kind before article: a provision that defines terms (a quoted term with a defining verb, or
    // wording such as "on entend par") and is worded as no other kind implements a definitions
    // article, whatever words its definitions use.
    let definitional = input.definedTerms.length > 0 || markedKinds.has('definition');
    // Kind before article: a provision that sends a matter to another law ("requests … shall be
    // dealt with under the … Act") and neither creates an offence nor confers a power gives no
    // assistance itself: no cooperation article competes (a domestic measure routed so still does).
    const onlyRouted = routed !== undefined && !markedKinds.has('offence') && !markedKinds.has('procedural-power');
    // A cooperation article all of whose required elements the provision shows is its own content,
    // whatever detail it sends elsewhere ("personal data are sent only in accordance with the law on …").
    const routedOut = (ai: number): boolean => onlyRouted && this.articles[ai].kind === 'cooperation' && !this.showsAllRequired(ai, hits);
    markedKinds.forEach((k) => (definitional &&= k === 'definition'));
    // Kind before article: saving or formal wording ("has effect without prejudice to", "may be cited
    // as"), or a presumption ("unless the contrary is proved"), in a provision worded as no kind of
    // provision at all is what the provision is: no article.
    const savingOnly = markedKinds.size === 0 && !definitional && (wording.has(this.slot.saving) || wording.has(this.slot.presumption));

    const { elementHits: hits, bodyHeadingHits } = this.scratch;
    tables.elements.bestInto(index, hits);
    const headingHits = headingIndex ? this.scratch.headingHits : undefined;
    if (headingIndex) tables.headings.bestInto(headingIndex, headingHits!);
    tables.headings.bestInto(index, bodyHeadingHits);
    const keyTermCounts = tables.keyTerms.count(index);
    // Scores for every article first; evidence and reasons only for those shown (allocation
    // for 68 articles × their elements on every provision was most of the garbage).
    // Per kind: +1 when the provision is worded as the kind (an offence, a power …), -1 when it is
    // worded as another kind that has markers, or as none where the kind requires them; and the
    // context and marker terms of the score (they depend on the article's kind only).
    const { markerByKind, byKind } = this.scratch;
    for (let k = 0; k < this.kinds.length; k++) {
      const { kind, marked } = this.kinds[k];
      markerByKind[k] = markedKinds.has(kind) ? 1 : marked && (markedKinds.size > 0 || this.settings.markersRequired?.includes(kind)) ? -1 : 0;
      byKind[k] = w.context * (contextKinds.has(kind) ? 1 : 0) + w.markers * markerByKind[k];
    }
    // Per group of the article being scored: the heaviest present required element's weight and paragraph.
    const { groupWeights, groupParagraphs } = this.scratch;
    // What the last article scored showed (read by `shown` to say why).
    const why = this.scratch.why;
    const { features, weights } = this.scratch;
    const bias = w.bias ?? 0;
    // The article's score, in numbers only: `shown` makes the evidence and reasons of the few
    // articles shown (this runs for every candidate of every section, and stays small).
    const scoreOf = (ai: number): number => {
      const ca = this.articles[ai];
      let optionalBonus = 0;
      let anyDistinctive = false;
      let presentRequired = 0;
      groupParagraphs.fill(-2, 0, ca.groupCount);
      for (let ei = 0; ei < ca.elements.length; ei++) {
        const e = ca.elements[ei];
        if (!hits.has(ai * ELEMENT_STRIDE + ei)) continue;
        if (!e.required) {
          optionalBonus += e.weight;
          continue;
        }
        presentRequired++;
        anyDistinctive ||= e.distinctive;
        const g = e.groupIndex;
        if (groupParagraphs[g] === -2 || e.weight > groupWeights[g]) {
          groupWeights[g] = e.weight;
          groupParagraphs[g] = e.paragraphIndex;
        }
      }
      // Summed in group order, as groupWeight does: the same floating-point result.
      let presentWeight = 0;
      for (let g = 0; g < ca.groupCount; g++) if (groupParagraphs[g] !== -2) presentWeight += groupWeights[g];
      let elementScore = 0;
      let paragraph = -1;
      if (ca.requiredWeight > 0) {
        elementScore = Math.min(1, (presentWeight + 0.25 * optionalBonus) / (ca.requiredWeight + w.elementSmoothing));
        // Shared elements alone (intent, "without right", an ICT system) do not say which
        // article a provision implements: without a distinctive one the evidence counts less.
        if (presentWeight > 0 && !anyDistinctive) elementScore *= w.sharedOnlyFactor ?? 1;
        // A provision often implements one paragraph of a many-paragraph article (a penalty
        // section, a seizure power): its coverage of that paragraph counts, discounted.
        if (ca.paragraphLabels.length > 1 && presentWeight > 0 && w.paragraphFactor) {
          let best = 0;
          let bestParagraph = -1;
          for (let p = 0; p < ca.paragraphLabels.length; p++) {
            let present = 0;
            for (let g = 0; g < ca.groupCount; g++) if (groupParagraphs[g] === p) present += groupWeights[g];
            const cover = present / (ca.paragraphTotals[p] + w.elementSmoothing);
            if (cover > best) {
              best = cover;
              bestParagraph = p;
            }
          }
          if (w.paragraphFactor * best > elementScore) {
            elementScore = w.paragraphFactor * best;
            paragraph = bestParagraph;
          }
        }
      }
      const headingHit = headingHits !== undefined && headingHits.has(ai);
      const bodyHeadingHit = !headingHit && bodyHeadingHits.has(ai);
      const keyTermHits = keyTermCounts.get(ai) ?? 0;
      const keyTerms = tables.keyTermCounts[ai];
      const keyTermScore = keyTerms ? Math.min(1, keyTermHits / Math.min(2, keyTerms)) : 0;
      const contextScore = contextKinds.has(ca.kind) ? 1 : 0;
      const definitionScore = ca.kind !== 'definition' ? 0 : definedCore > 0 ? Math.min(1, definedCore / 2) : definitional ? 0.5 : 0;
      const markerScore = markerByKind[this.kindOf[ai]];
      why.presentRequired = presentRequired;
      why.presentWeight = presentWeight;
      why.anyDistinctive = anyDistinctive;
      why.paragraph = paragraph;
      why.headingHit = headingHit;
      why.bodyHeadingHit = bodyHeadingHit;
      why.keyTermHits = keyTermHits;
      why.inContext = contextScore > 0;
      why.definesCore = definitionScore > 0;
      why.wordedAsKind = markerScore > 0;
      // The signals, in FEATURES order: the score is their sum weighted by data/matcher.json, and
      // `concordance fit` refits those weights from the same numbers.
      features[0] = elementScore;
      features[1] = headingHit ? 1 : bodyHeadingHit ? w.bodyHeadingFactor : 0;
      features[2] = keyTermScore;
      features[3] = contextScore;
      features[4] = markerScore;
      features[5] = definitionScore;
      features[6] = similarity[ai];
      features[7] = saving ? -1 : 0;
      let score = bias;
      for (let f = 0; f < FEATURES.length; f++) score += weights[f] * features[f];
      return score;
    };
    // An article lacking one of its gate elements is not shown: the fit sees it as having no signal at all.
    const gatedOut = (ai: number): boolean => {
      const gates = this.articles[ai].gates;
      for (let g = 0; g < gates.length; g++) if (!hits.has(ai * ELEMENT_STRIDE + gates[g])) return true;
      return false;
    };
    // Evidence per article: 1 in the section's own words (elements, heading cues in the body, key
    // terms), 2 in its heading alone. A heading alone never carries a match ("Purpose", "Objeto").
    const withEvidence = this.scratch.withEvidence;
    withEvidence.fill(0);
    for (let k = 0; k < hits.count; k++) withEvidence[Math.floor(hits.slots[k] / ELEMENT_STRIDE)] = 1;
    for (let k = 0; k < bodyHeadingHits.count; k++) withEvidence[bodyHeadingHits.slots[k]] = 1;
    if (headingHits) for (let k = 0; k < headingHits.count; k++) if (withEvidence[headingHits.slots[k]] === 0) withEvidence[headingHits.slots[k]] = 2;
    keyTermCounts.forEach((_, ai) => (withEvidence[ai] = 1));
    const headingAlone = (ai: number): boolean => this.articles[ai].conventionOnly || (withEvidence[ai] === 2 && this.articles[ai].kind !== 'definition');
    if (onFeatures) {
      for (let ai = 0; ai < this.articles.length; ai++) {
        if (savingOnly || routedOut(ai) || gatedOut(ai) || headingAlone(ai)) features.fill(0);
        else scoreOf(ai);
        onFeatures(this.articles[ai].number, features);
      }
    }
    const shown = (ai: number): ArticleMatch => {
      // The score as ranked (scores[ai]: a more specific article may have put it below itself); scoreOf fills `why`.
      scoreOf(ai);
      const score = scores[ai];
      const ca = this.articles[ai];
      const reasons: string[] = [];
      if (ca.requiredWeight > 0 && why.presentWeight > 0) {
        reasons.push(`${why.presentRequired} of ${ca.requiredCount} required elements found`);
        if (!why.anyDistinctive) reasons.push('only elements shared with many articles found');
      }
      if (why.paragraph >= 0) reasons.push(`covers paragraph ${ca.paragraphLabels[why.paragraph]}`);
      if (why.headingHit) reasons.push(`heading says "${input.heading!.slice(headingHits!.start(ai), headingHits!.end(ai))}"`);
      if (why.bodyHeadingHit) reasons.push(`text names "${input.text.slice(bodyHeadingHits.start(ai), bodyHeadingHits.end(ai))}"`);
      const keyTermHits = why.keyTermHits;
      if (keyTermHits) reasons.push(`${keyTermHits} key term${keyTermHits > 1 ? 's' : ''} of the article used`);
      if (why.inContext) reasons.push('sits in a Part about this kind of provision');
      if (why.definesCore) reasons.push(definedCore > 0 ? `defines ${definedCore} core term${definedCore > 1 ? 's' : ''} of Art. 2` : 'only defines terms');
      if (why.wordedAsKind) reasons.push(`worded as ${ca.kind === 'offence' ? 'an offence' : 'a ' + ca.kind.replace('-', ' ')}`);
      if (saving) reasons.push(`but worded as a saving or disclaimer ("${input.text.slice(saving.span.start, saving.span.end)}")`);
      if (below[ai] >= 0) reasons.push(`ranked below Art. ${this.articles[below[ai]].number}, which shows its own element of the same conduct`);
      // Interned in one place (the same few reasons recur in thousands of sections).
      for (let r = 0; r < reasons.length; r++) reasons[r] = this.phrases.get(reasons[r]);
      // Pushed one by one, as every evidence list is (one array shape for the code reading them).
      const elements: ElementEvidence[] = [];
      for (let ei = 0; ei < ca.elements.length; ei++) {
        const slot = ai * ELEMENT_STRIDE + ei;
        elements.push(hits.has(slot) ? evidence(ca.elements[ei], hits.start(slot), hits.end(slot), input.text) : ca.elements[ei].absent);
      }
      return { article: ca.number, title: ca.article.title, score: roundScore(score), strength: strengthOf(score, t), elements, reasons };
    };
    // An article with no element, heading, key-term or definition evidence scores exactly its
    // context, marker and similarity terms (summed as scoreOf sums them, zeros left out): when
    // that stays under the threshold it cannot be shown, so it is not scored at all (most
    // articles, for most provisions).
    if (savingOnly) {
      const clause = wording.get(this.slot.saving) ?? wording.get(this.slot.presumption);
      this.none = { reason: 'saving', span: clause?.span };
      return [];
    }
    const { scores } = this.scratch;
    // Scores only (rounded as shown), by article index; objects only for the articles shown.
    const candidates: number[] = [];
    for (let ai = 0; ai < this.articles.length; ai++) {
      const ca = this.articles[ai];
      if (definitional && ca.kind !== 'definition') continue;
      if (ca.gates.length > 0 && gatedOut(ai)) continue;
      if (headingAlone(ai) || routedOut(ai)) continue;
      if (withEvidence[ai] === 0 && !(ca.kind === 'definition' && (definedCore > 0 || definitional))) {
        const score = bias + byKind[this.kindOf[ai]] + w.similarity * similarity[ai] - (saving ? (w.nonOperative ?? 0) : 0);
        if (roundScore(score) < t.show) continue;
      }
      scores[ai] = roundScore(scoreOf(ai));
      // Kind before article: a provision worded only as definitions is a definitions provision,
      // whatever terms it defines (the definitions article is the only one of its kind).
      if (definitional && ca.kind === 'definition' && scores[ai] < t.show) scores[ai] = t.show;
      candidates.push(ai);
    }
    // Lex specialis: a shown article whose own conditions hold ranks above the general articles it
    // names (settings.specificity), just below its own score.
    const below = this.scratch.below;
    for (let k = 0; k < candidates.length; k++) below[candidates[k]] = -1;
    for (let r = 0; r < this.specificity.length; r++) {
      const { article, when, over } = this.specificity[r];
      if (!candidates.includes(article) || scores[article] < t.show) continue;
      if (!when.every((g) => g.some((j) => hits.has(article * ELEMENT_STRIDE + j)))) continue;
      for (let k = 0; k < over.length; k++) {
        const o = over[k];
        if (!candidates.includes(o) || scores[o] < scores[article]) continue;
        scores[o] = roundScore(scores[article] - 0.001);
        below[o] = article;
      }
    }
    // Best first, ties by article number: an insertion sort, as there are only a few.
    for (let i = 1; i < candidates.length; i++) {
      const ai = candidates[i];
      let j = i - 1;
      while (j >= 0 && (scores[candidates[j]] < scores[ai] || (scores[candidates[j]] === scores[ai] && this.articles[candidates[j]].number > this.articles[ai].number))) {
        candidates[j + 1] = candidates[j];
        j--;
      }
      candidates[j + 1] = ai;
    }
    if (candidates.length === 0 || scores[candidates[0]] < t.show) {
      // A provision only sending cooperation to another law had those articles left out; one with
      // some evidence for an article, too little to show, is told which article it came nearest to.
      if (onlyRouted) this.none = { reason: 'routed', span: routed.span };
      else if (candidates.length > 0) this.none = { reason: 'below-threshold', nearest: this.articles[candidates[0]].number };
      return [];
    }
    const top = scores[candidates[0]];
    return candidates
      .filter((ai, i) => i === 0 || (scores[ai] >= t.show && scores[ai] >= top * t.secondaryRatio))
      .slice(0, t.maxMatches)
      .map(shown);
  }

  /** Whether every group of the article's required elements has a hit. */
  private showsAllRequired(ai: number, hits: SlotHits): boolean {
    const ca = this.articles[ai];
    if (ca.groupCount === 0) return false;
    let shown = 0;
    const seen = new Set<string>();
    for (let ei = 0; ei < ca.elements.length; ei++) {
      const e = ca.elements[ei];
      if (!e.required || seen.has(e.group) || !hits.has(ai * ELEMENT_STRIDE + ei)) continue;
      seen.add(e.group);
      shown++;
    }
    return shown === ca.groupCount;
  }

  /** The article kinds the enclosing Parts' headings speak of; the same few contexts recur for every section. */
  private contextKinds(context: string[], lang: DraftLanguage, tables: LanguageTables): Set<string> {
    // The analyzer passes the same list for every section under the same Parts: known by identity first.
    let byLang = this.contextMemoByList.get(context);
    const known = byLang?.[lang];
    if (known) return known;
    const key = lang + '\u0000' + context.join('\u0001');
    let kinds = this.contextMemo.get(key);
    if (!kinds) {
      kinds = new Set();
      const index = new TokenIndex(this.cues.run(context.join(' \n '), lang), { content: true });
      for (let c = 0; c < this.contexts.length; c++) if (index.findAny(tables.contexts[c])) for (const k of this.contexts[c].kinds) kinds.add(k);
      if (this.contextMemo.size > 10_000) this.contextMemo.clear();
      this.contextMemo.set(detached(key), kinds);
    }
    if (!byLang) this.contextMemoByList.set(context, (byLang = {}));
    byLang[lang] = kinds;
    return kinds;
  }

  /** Cosine similarity between the provision's words and each article's profile in its language, by article index. */
  private similarities(index: TokenIndex, tables: LanguageTables): Float64Array {
    const dots = this.scratch.dots;
    tables.similarity.into(index, dots);
    return dots;
  }

  /** Spans of references to other provisions within text[span], in order. */
  private references(text: string, span: Span, lang: DraftLanguage): Span[] {
    const patterns = this.referencePatterns.get(lang);
    if (!patterns) return [];
    const slice = text.slice(span.start, span.end);
    const out = referenceSpans(patterns, slice);
    if (span.start !== 0) {
      for (const s of out) {
        s.start += span.start;
        s.end += span.start;
      }
    }
    const names = this.instrumentNames(slice, lang);
    if (names.length === 0) return out;
    for (const n of names) out.push({ start: span.start + n.start, end: span.start + n.end });
    out.sort((a, b) => a.start - b.start);
    // One span where a reference and a title overlap ("section 5 of the Evidence Act"): the index skips disjoint spans in order.
    const merged: Building<Span>[] = [];
    for (const s of out) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    return merged;
  }

  /** Spans of the titles of other instruments in text ("the Mutual Assistance in Criminal Matters Act"). */
  private instrumentNames(text: string, lang: DraftLanguage): Span[] {
    const patterns = this.instrumentPatterns.get(lang);
    return patterns ? instrumentTitleSpans(patterns, text) : [];
  }

  private countDefinedCoreTerms(terms: string[], lang: DraftLanguage, tables: LanguageTables): number {
    let n = 0;
    for (const term of terms) {
      const idx = new TokenIndex(this.cues.run(term, lang));
      if (idx.findAny(tables.definitionTerms)) n++;
    }
    return n;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: string[] | undefined) =>
  [...(words ?? [])].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/\s+/g, '\\s+')).join('|');

/** The patterns of the titles of other instruments in one language (see instrumentPattern). */
export interface InstrumentPatterns {
  /** An instrument word ("Act", "Code"), global. */
  readonly word: RegExp;
  /** The capitalised words of a title, with small joining words, ending where the slice it is run on ends. */
  readonly title: RegExp;
}

/**
 * An instrument word (data/matcher.json `references.instruments`), then the capitalised words
 * (small joining words allowed between them) right before it: found from the word back, as most
 * sections hold no title at all. Undefined when the language has no instrument words.
 */
export function instrumentPattern(words: string[] | undefined): InstrumentPatterns | undefined {
  const last = alternatives(words);
  if (!last) return undefined;
  return {
    word: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${last})(?![\p{L}\p{N}])`, 'gu'),
    // Read by mayEndTitle too: change one, change both.
    title: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:\p{Ll}{1,3})\s+){0,2}){1,8}$`, 'u'),
  };
}

/**
 * Spans of the titles of other instruments in text: each instrument word with the title that ends
 * right before it. Unless `screen` is false, the title pattern is run only where mayEndTitle
 * says a title can end (most instrument words follow "this" or "that").
 */
export function instrumentTitleSpans(patterns: InstrumentPatterns, text: string, screen = true): Building<Span>[] {
  const { word, title } = patterns;
  const out: Building<Span>[] = [];
  word.lastIndex = 0;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    // Eight capitalised words with their joining words fit well within this many characters.
    const from = Math.max(0, m.index - INSTRUMENT_TITLE_REACH);
    if (screen && !mayEndTitle(text, from, m.index)) continue;
    const t = title.exec(text.slice(from, m.index));
    if (t) out.push({ start: from + t.index, end: m.index + m[0].length });
  }
  return out;
}

const TITLE_CHAR = /^[\p{L}'’-]$/u;
const UPPER = /^\p{Lu}$/u;

/**
 * Whether instrumentPattern's `title` can match text[from, end): only if the text ends in white
 * space after a word that holds a capital letter (the end of "\p{Lu}[\p{L}'’-]*") or that has at
 * most three letters (a joining word, "\p{Ll}{1,3}"). Read back by code point within the slice.
 */
function mayEndTitle(text: string, from: number, end: number): boolean {
  let j = end;
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === end) return false;
  // The run of title characters ([\p{L}'’-]) that ends at j: does it hold a capital, or is it short?
  let count = 0;
  let i = j;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) return true;
      if ((c >= 0x61 && c <= 0x7a) || c === 0x27 || c === 0x2d) {
        i--;
        count++;
        continue;
      }
      break;
    }
    const s = codePointStart(text, i, from);
    const ch = text.slice(s, i);
    if (!TITLE_CHAR.test(ch)) break;
    if (UPPER.test(ch)) return true;
    i = s;
    count++;
  }
  return count > 0 && count <= 3;
}

/** White space before a digit or "(" (scratch of referenceSpans: its lastIndex is set before each use). */
const SPACE_BEFORE_NUMBER = /\s[\d(]/g;

/** The patterns of references to other provisions in one language (see referencePattern). */
export interface ReferencePatterns {
  /** Where a reference can start (global): a deictic word, or a unit word followed by its number. */
  readonly starts: RegExp;
  /** A whole reference (sticky), tried where one can start. */
  readonly reference: RegExp;
  /**
   * Whether referenceSpans may find the starts by its scan instead of `starts`: there are no
   * deictic words and every unit word is letters and digits only. A reference then needs no
   * letter or digit before it (`reference` begins with that lookbehind) and its unit word, made
   * of letters and digits (as `iu` folds them), followed by white space and a digit or "(": so it
   * can start only where a run of letters and digits starts that ends right before white space
   * followed by a digit or "(".
   */
  readonly scan: boolean;
}

/**
 * A reference to other provisions: "section 1", "subsection (a)(1) or (b) of this section",
 * "sections 8 and 18 above", "this Act", optionally followed by a parenthesised short title
 * ("section 62 (restrictions in relation to …)"). The words come from data/matcher.json.
 */
export function referencePattern(r: NonNullable<MatcherSettings['references']>, lang: DraftLanguage): ReferencePatterns {
  const unitWords = r.units[lang] ?? r.units.en;
  const units = alternatives(unitWords);
  const deictic = alternatives(r.deictic[lang] ?? r.deictic.en);
  const connectors = alternatives(r.connectors[lang] ?? r.connectors.en);
  const trailers = alternatives(r.trailers[lang] ?? r.trailers.en);
  const label = String.raw`(?:\d+[A-Za-z]{0,3}|\([A-Za-z0-9]{1,6}\))(?:\s*\([A-Za-z0-9]{1,6}\))*`;
  const numbered = `(?:${units})\\s+${label}`;
  const head = deictic ? `(?:(?:${deictic})\\s+(?:${units})|${numbered})` : numbered;
  const more = `(?:\\s*,?\\s*(?:${connectors})?\\s*(?:(?:${units})\\s+)?${label})*`;
  const tail = trailers ? `(?:\\s+(?:${trailers}))?` : '';
  const gloss = String.raw`(?:\s*\((?=[^()]*\p{L}{3})[^()\n]{3,160}\))?`;
  // Where a reference can start, found fast (no lookbehind): a deictic word, or a unit word followed by
  // its number, as `numbered` requires (a bare "act" or "part" inside "action" or "party" is no candidate).
  const unitStarts = `(?:${units})(?=\\s+[\\d(])`;
  return {
    starts: new RegExp(deictic ? `${deictic}|${unitStarts}` : unitStarts, 'giu'),
    reference: new RegExp(`(?<![\\p{L}\\p{N}])${head}${more}${tail}${gloss}`, 'yiu'),
    scan: !deictic && unitWords.length > 0 && unitWords.every((w) => /^[\p{L}\p{N}]+$/u.test(w)),
  };
}

/**
 * The references in `text`, in order: each the leftmost match of `reference` after the one
 * before, as execAt with `starts` finds them. With `scan` (unless `useStarts`), the places to try
 * are found by a scan for a digit or "(" after white space: the run of letters and digits before
 * that white space is the one place there a reference can start (ReferencePatterns.scan says why).
 */
export function referenceSpans(patterns: ReferencePatterns, text: string, useStarts = !patterns.scan): Building<Span>[] {
  const { starts, reference } = patterns;
  const out: Building<Span>[] = [];
  if (useStarts) {
    for (let m = execAt(starts, reference, text, 0); m !== null; m = execAt(starts, reference, text, m.index + m[0].length)) {
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  }
  // Where the last reference ended: the next one starts there or after.
  let from = 0;
  const next = SPACE_BEFORE_NUMBER;
  next.lastIndex = 0;
  for (let d = next.exec(text); d !== null; d = next.exec(text)) {
    // White space before a digit or "(" (all that \d and \( match, case folded or not), and the
    // run of letters and digits right before that white space.
    let e = d.index;
    while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
    const p = wordRunStart(text, e);
    if (p === e || p < from) continue;
    reference.lastIndex = p;
    const m = reference.exec(text);
    if (m === null || m[0].length === 0) continue;
    out.push({ start: p, end: p + m[0].length });
    from = p + m[0].length;
    // A start at or after `from` comes from white space after it.
    if (next.lastIndex < from) next.lastIndex = from;
  }
  return out;
}

/** Required weight per paragraph (groups counted once, in the paragraph of their heaviest member). */
function paragraphWeights(elements: CompiledElement[]): Map<string, number> {
  const best = new Map<string, CompiledElement>();
  for (const e of elements) if (!best.has(e.group) || e.weight > best.get(e.group)!.weight) best.set(e.group, e);
  const out = new Map<string, number>();
  for (const e of best.values()) out.set(e.paragraph, (out.get(e.paragraph) ?? 0) + e.weight);
  return out;
}

/** Sum over groups of the heaviest element in each group. */
function groupWeight(elements: CompiledElement[]): number {
  const best = new Map<string, number>();
  for (const e of elements) best.set(e.group, Math.max(best.get(e.group) ?? 0, e.weight));
  let sum = 0;
  for (const w of best.values()) sum += w;
  return sum;
}

function evidence(e: CompiledElement, start: number, end: number, text: string): ElementEvidence {
  return { id: e.id, label: e.label, required: e.required, present: true, evidence: text.slice(start, end), span: { start, end } };
}

/** Scores as shown and compared: to three decimals. */
function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function strengthOf(score: number, t: MatcherSettings['thresholds']): MatchStrength {
  return score >= t.strong ? 'strong' : score >= t.moderate ? 'moderate' : 'weak';
}
