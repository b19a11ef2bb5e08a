#!/usr/bin/env node
// Imports the company fact base (../shared/convention/*.json) into data/articles.json,
// data/safeguards.json and data/definitions.json, in the shapes of
// server/src/analysis/data/types.ts.
//
// Hand-written knowledge that the fact base does not hold (heading cues,
// needsDomesticProvision, dataCategories, element paragraphs, cue reviews,
// definition element cues, definition ids) lives in data/overlays/*.json and is
// merged here, so re-running the import never loses hand edits.
//
// Usage: node scripts/import-fact-base.mjs [path-to-fact-base]   (default ../shared/convention)
// Exit code 1 when the fact base and the overlays disagree (e.g. an overlay names an
// element the fact base no longer has); nothing is written in that case.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const factBase = resolve(process.argv[2] ?? join(root, '..', 'shared', 'convention'));
const dataDir = join(root, 'data');
const overlayDir = join(dataDir, 'overlays');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const errors = [];
const warnings = [];
const today = new Date().toISOString().slice(0, 10);

const fbArticles = readJson(join(factBase, 'articles.json'));
const fbSafeguards = readJson(join(factBase, 'safeguards.json'));
const fbDefinitions = readJson(join(factBase, 'definitions.json'));
const ovArticles = readJson(join(overlayDir, 'articles.json'));
const ovSafeguards = readJson(join(overlayDir, 'safeguards.json'));
const ovDefinitions = readJson(join(overlayDir, 'definitions.json'));

// ---------- cue helpers ----------

/** Placeholder cues such as "any person in [State]" are not matchable; drop them (overlays add real ones). */
function isPlaceholder(cue) {
  return /\[[^\]]*\]/.test(cue);
}

function cleanList(list, where) {
  const out = [];
  for (const raw of list ?? []) {
    const cue = String(raw).trim();
    if (!cue) continue;
    if (isPlaceholder(cue)) {
      warnings.push(`${where}: dropped placeholder cue "${cue}"`);
      continue;
    }
    if (!out.some((c) => c.toLowerCase() === cue.toLowerCase())) out.push(cue);
  }
  return out;
}

/** Fact-base {cues, cues_es, cues_fr} to Cues. */
function factCues(obj, where) {
  const cues = { en: cleanList(obj.cues, where) };
  const es = cleanList(obj.cues_es, where);
  const fr = cleanList(obj.cues_fr, where);
  if (es.length) cues.es = es;
  if (fr.length) cues.fr = fr;
  return cues;
}

/** Apply an overlay {addCues, removeCues, cues} to Cues. `cues` replaces; add/remove edit. */
function applyCueEdits(cues, edit, where) {
  if (!edit) return cues;
  let out = edit.cues ? structuredClone(edit.cues) : structuredClone(cues);
  for (const lang of ['en', 'es', 'fr']) {
    const remove = (edit.removeCues?.[lang] ?? []).map((c) => c.toLowerCase());
    for (const r of remove) {
      if (!(out[lang] ?? []).some((c) => c.toLowerCase() === r)) warnings.push(`${where}: removeCues.${lang} "${r}" not present`);
    }
    let list = (out[lang] ?? []).filter((c) => !remove.includes(c.toLowerCase()));
    list = cleanList([...list, ...(edit.addCues?.[lang] ?? [])], where);
    if (list.length || lang === 'en') out[lang] = list;
    else delete out[lang];
  }
  return out;
}

function cuesOrEmpty(c) {
  const out = { en: cleanList(c?.en, 'headingCues') };
  if (c?.es?.length) out.es = cleanList(c.es, 'headingCues');
  if (c?.fr?.length) out.fr = cleanList(c.fr, 'headingCues');
  return out;
}

const isVerified = (x) => x.confidence === 'verified';

// ---------- articles ----------

const chapters = fbArticles.meta.chapters.map((c) => ({ chapter: c.chapter, title: c.title, articles: [c.articles[0], c.articles[1]] }));

/**
 * Paragraph numbers as the official text numbers them. The fact base writes "1" for the sole
 * paragraph of an article whose text is not numbered (Arts 10, 20, 32, 38, 46, 48, 51) and
 * "1 (a)-(c)" for Art 13 (one paragraph of lettered items): here those become "unnumbered" and
 * "(a)-(c)", so that no pinpoint such as "10(1)" can be made to look right.
 */
function officialParagraphs(a) {
  const ps = a.paragraphs;
  if (ps.length !== 1) return { unnumbered: false, n: (p) => p.n };
  const only = ps[0].n;
  if (only === '1') return { unnumbered: true, n: () => 'unnumbered' };
  const lettered = /^1\s*(\(.*)$/.exec(only);
  if (lettered) return { unnumbered: true, n: () => lettered[1] };
  return { unnumbered: false, n: (p) => p.n };
}
const unnumberedArticles = new Set(fbArticles.articles.filter((a) => officialParagraphs(a).unnumbered).map((a) => a.article));

const articles = fbArticles.articles.map((a) => {
  const where = `article ${a.article}`;
  const official = officialParagraphs(a);
  const ov = ovArticles.articles?.[String(a.article)];
  if (!ov) errors.push(`${where}: no entry in data/overlays/articles.json`);
  const elementEdits = ov?.elements ?? {};
  for (const id of Object.keys(elementEdits)) {
    if (!a.elements.some((e) => e.id === id)) errors.push(`${where}: overlay edits element "${id}", which the fact base does not have`);
  }
  const elements = a.elements.map((e) => {
    const ewhere = `${where} element ${e.id}`;
    const edit = { ...(ovArticles.allElements?.[e.id] ?? {}) };
    const local = elementEdits[e.id] ?? {};
    // Global edits first, then the article's own.
    let cues = applyCueEdits(factCues(e, ewhere), edit, ewhere);
    cues = applyCueEdits(cues, local, ewhere);
    // `required` may be corrected by the overlay (the fact base marked some "shall" elements optional); say why in `note`.
    const el = { id: e.id, label: local.label ?? e.label, required: local.required ?? e.required };
    const paragraph = local.paragraph ?? edit.paragraph;
    // An element of an unnumbered article rests on the article as a whole: no paragraph "1".
    if (paragraph && !(official.unnumbered && /^1(?!\d)/.test(paragraph))) el.paragraph = paragraph;
    const group = local.group ?? edit.group;
    if (group) el.group = group;
    el.cues = cues;
    const note = local.note ?? e.note;
    if (note) el.note = note;
    return el;
  });
  for (const extra of ov?.addElements ?? []) elements.push(extra);

  const article = {
    article: a.article,
    chapter: a.chapter,
    title: a.title,
    kind: a.kind,
    obligation: ov?.obligation ?? a.obligation,
    needsDomesticProvision: ov?.needsDomesticProvision ?? false,
    paragraphs: a.paragraphs.map((p) => {
      const para = { n: official.n(p), obligation: p.obligation, summary: p.summary, verified: isVerified(p) };
      if (p.note) para.note = p.note;
      return para;
    }),
    elements,
    safeguards: [...a.safeguards],
    // The overlay adds read-with links the text itself makes and the fact base lacks.
    readWith: [...new Set([...a.readWith, ...(ov?.addReadWith ?? [])])].sort((x, y) => x - y),
    budapest: [...a.budapest],
    options: a.reservationsOrOptions ?? '',
    keyTerms: [...(a.keyTerms ?? [])],
    headingCues: cuesOrEmpty(ov?.headingCues),
  };
  if (ov?.dataCategories) article.dataCategories = ov.dataCategories;
  if (ov?.obligationNote ?? a.obligationNote) article.obligationNote = ov?.obligationNote ?? a.obligationNote;
  if (ov?.offenceScope) article.offenceScope = ov.offenceScope;
  article.verified = isVerified(a);
  return article;
});

for (const key of Object.keys(ovArticles.articles ?? {})) {
  if (!articles.some((a) => String(a.article) === key)) errors.push(`overlay article ${key} is not in the fact base`);
}

// ---------- safeguards ----------

/**
 * A pinpoint as lawyers write it: "14(4)(a)", "16(1)-(2)", "53(3)(j)"; an unnumbered article is
 * cited by its number alone ("10"), or with its lettered item ("13(a)").
 */
function pinpoint(article, paragraph) {
  let p = String(paragraph ?? '').trim();
  if (unnumberedArticles.has(Number(article))) p = p.replace(/^1(?!\d)\s*/, '');
  if (!p) return String(article);
  if (p.startsWith('(')) return `${article}${p}`;
  // "4(a)" -> "(4)(a)"; "1-2" -> "(1)-(2)"; "2(a)-(c)" -> "(2)(a)-(c)"
  const m = /^(\d+)(?:-(\d+))?(.*)$/.exec(p);
  if (!m) return `${article}(${p})`;
  return `${article}(${m[1]})${m[2] ? `-(${m[2]})` : ''}${m[3]}`;
}

function citationsOf(s) {
  if (Array.isArray(s.source) && s.source.length) {
    return [...new Set(s.source.map((x) => pinpoint(x.article, x.paragraph)))];
  }
  return [s.pinpoint.replace(/^Arts?\s*/, '')];
}

const safeguards = fbSafeguards.safeguards.map((s) => {
  const where = `safeguard ${s.id}`;
  const edit = ovSafeguards.safeguards?.[s.id];
  // The overlay may correct a title or a requirement the fact base words wrongly (say why in its `note`).
  return {
    id: s.id,
    title: edit?.title ?? s.title,
    citations: citationsOf(s),
    obligation: s.obligation,
    requirement: edit?.requirement ?? s.requirement,
    appliesTo: s.appliesTo.map((x) => (x === '*' ? '*' : Number(x))),
    cues: applyCueEdits(factCues(s, where), edit, where),
    weakCues: cleanList([...(s.absentOrWeakCues ?? []).filter((c) => !(edit?.removeWeakCues ?? []).includes(c)), ...(edit?.addWeakCues ?? [])], `${where} weakCues`),
    verified: isVerified(s),
  };
});

// ---------- definitions ----------

const definitions = fbDefinitions.definitions.map((d) => {
  const where = `definition ${d.article}`;
  const ov = ovDefinitions.definitions?.[d.article];
  if (!ov) {
    errors.push(`${where}: no entry in data/overlays/definitions.json`);
    return null;
  }
  if ((ov.elements ?? []).length !== d.elements.length) {
    errors.push(`${where}: fact base has ${d.elements.length} elements, overlay has ${(ov.elements ?? []).length}`);
  }
  const def = { id: ov.id, term: d.term };
  if (d.abbrev) def.abbrev = d.abbrev;
  def.citation = d.article;
  def.elements = d.elements.map((label, i) => {
    const el = { id: ov.elements?.[i]?.id ?? `e${i + 1}`, label };
    // What a draft's definition leaves out when it lacks this element: a short phrase for messages.
    if (ov.elements?.[i]?.gap) el.gap = ov.elements[i].gap;
    el.cues = ov.elements?.[i]?.cues ?? { en: [] };
    return el;
  });
  if (d.budapestCounterpart) {
    def.budapest = { article: d.budapestCounterpart.article, term: d.budapestCounterpart.term };
    if (d.budapestCounterpart.differences) def.budapest.differences = d.budapestCounterpart.differences;
  }
  def.synonyms = cleanList([...(d.domesticSynonyms ?? []), ...(ov.addSynonyms ?? [])], `${where} synonyms`);
  def.core = ov.core === true;
  // The fact base's notes (interpretative notes annexed to the resolution, e.g. on "service provider").
  if (d.notes) def.note = d.notes;
  def.verified = isVerified(d);
  return def;
});

// ---------- write ----------

for (const w of warnings) console.warn(`note: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`${errors.length} error(s); nothing written.`);
  process.exit(1);
}

const source = 'Imported by scripts/import-fact-base.mjs from the company fact base (shared/convention), merged with data/overlays/';
const write = (name, body) => {
  writeFileSync(join(dataDir, name), JSON.stringify(body, null, 2) + '\n');
  console.log(`wrote data/${name}`);
};

write('articles.json', {
  $schema: './schema/articles.schema.json',
  about: `UN Convention against Cybercrime (A/RES/79/243, annex): chapters and the 68 articles. ${source} on ${today}. Titles are official; every summary, element and cue is our own paraphrase or drafting heuristic, not treaty text. Do not edit by hand: edit data/overlays/articles.json or the fact base and re-run the import.`,
  instrument: fbArticles.meta.instrument,
  chapters,
  articles,
});
write('safeguards.json', {
  $schema: './schema/safeguards.schema.json',
  about: `Safeguard catalogue (conditions, limits and rights the convention attaches to offences and powers). ${source} on ${today}. Requirements are paraphrases, not treaty text. Do not edit by hand: edit data/overlays/safeguards.json or the fact base and re-run the import.`,
  safeguards,
});
write('definitions.json', {
  $schema: './schema/definitions.schema.json',
  about: `Terms defined in Art 2 (a)-(o) and inside Arts 14(2), 15 and 16(2). ${source} on ${today}. Element labels are paraphrases; element cues are our drafting heuristics (data/overlays/definitions.json). Do not edit by hand: edit the overlay or the fact base and re-run the import.`,
  definitions,
});
