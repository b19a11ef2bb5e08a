// HTML of the Concordance webviews (comparison, concordance table, version comparison).
// Pure functions with no `vscode` import, so they are unit-tested outside the editor
// (server/test/unit/html.test.ts). Every piece of draft or data text goes through escapeHtml;
// the page has a strict CSP, loads one nonce'd script and one stylesheet, and has no inline
// scripts, inline styles or event-handler attributes.
import type { ComparisonModel, DiffPart } from '../../server/src/analysis/compare';
import type { ConcordanceTable, TableProvision } from '../../server/src/analysis/table';
import type { CoverageStatus, Range } from '../../server/src/analysis/types';
import type { ProvisionDelta, VersionComparison } from '../../server/src/analysis/versionCompare';

/**
 * Translates a message with {0}-style placeholders: the views pass `vscode.l10n.t`; tests and the
 * CLI get English. Every message below is a single-quoted literal in a `t(...)` call, so that
 * server/test/unit/manifest.test.ts can check each one has its Spanish and French translation.
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (all, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : all));

/** Escapes text for element content and for single- or double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** A random nonce for the CSP (base64url-ish, 32 characters). */
export function makeNonce(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource}`, `font-src ${cspSource}`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

export interface PageOptions {
  title: string;
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview URIs (as strings) of media/webview.css and media/webview.js. */
  styleUri: string;
  scriptUri: string;
  body: string;
  /** Saved with vscode.setState by the script, so the panel is restored after a reload. */
  state: unknown;
  /** Which view: sets the script's behaviour (filters for the table). */
  view: 'comparison' | 'table' | 'versions' | 'message';
  /** The display language (BCP 47), for the page's lang attribute; English when absent. */
  lang?: string;
}

export function page(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}" nonce="${escapeHtml(o.nonce)}">
</head>
<body data-view="${escapeHtml(o.view)}" data-state="${escapeHtml(JSON.stringify(o.state ?? null))}">
${o.body}
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** A message page (nothing to show, an error); title and message come translated. */
export function messageBody(title: string, message: string, actions: { action: string; label: string; data?: Record<string, string | number> }[] = []): string {
  return `<main class="message"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${actions.length ? `<div class="toolbar">${actions.map((a) => button(a.action, a.label, a.data)).join('')}</div>` : ''}</main>`;
}

/** A real button that the webview script turns into a message to the extension. */
export function button(action: string, label: string, data: Record<string, string | number> = {}, cls = ''): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/gi, '')}="${escapeHtml(v)}"`)
    .join('');
  return `<button type="button"${cls ? ` class="${escapeHtml(cls)}"` : ''} data-action="${escapeHtml(action)}"${attrs}>${escapeHtml(label)}</button>`;
}

function linkButton(action: string, label: string, data: Record<string, string | number> = {}, title?: string): string {
  const b = button(action, label, data, 'link');
  return title ? b.replace('<button ', `<button title="${escapeHtml(title)}" `) : b;
}

function rangeData(uri: string, range: Range): Record<string, string | number> {
  return { uri, line: range.start.line, character: range.start.character, endline: range.end.line, endcharacter: range.end.character };
}

function mark(ok: boolean, yes: string, no: string): string {
  return `<span class="mark ${ok ? 'ok' : 'no'}" aria-hidden="true">${ok ? '✓' : '✗'}</span><span class="sr-only">${escapeHtml(ok ? yes : no)}: </span>`;
}

// ------------------------------------------------------------------ comparison

/** Colours of element highlights cycle through this many classes (el-0 … el-5); numbers tell them apart too. */
const ELEMENT_COLOURS = 6;

export interface EvidenceMark {
  start: number;
  end: number;
  label: string;
  /** The element's number in the article's list (1-based): shown with the highlight on both sides. */
  n?: number;
}

function markOpen(m: EvidenceMark): string {
  if (m.n === undefined) return `<mark class="evidence" title="${escapeHtml(m.label)}">`;
  return `<mark class="evidence el-${(m.n - 1) % ELEMENT_COLOURS}" data-n="${m.n}" title="${escapeHtml(`${m.n}. ${m.label}`)}">`;
}

/** Text with marked spans (an element's evidence, or its wording in the model clause); everything escaped. */
export function highlightEvidence(text: string, marks: EvidenceMark[]): string {
  const sorted = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping evidence: keep the first
    out += escapeHtml(text.slice(at, m.start));
    out += `${markOpen(m)}${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * A word diff as HTML. Spaces stay readable: the whitespace at either end of a change is put outside
 * its <ins>/<del>, and a space separates an omission from an addition that follows it directly
 * ("a judge" struck through, then "the court", never "a judgethe court").
 */
export function diffHtml(parts: DiffPart[], t: Translate = english): string {
  let out = '';
  let prev: DiffPart['kind'] | undefined;
  let endsInSpace = true;
  for (const p of parts) {
    if (!p.text) continue;
    if (p.kind === 'same') {
      out += escapeHtml(p.text);
    } else {
      const lead = /^\s*/.exec(p.text)![0];
      const core = p.text.slice(lead.length).trimEnd();
      const trail = p.text.slice(lead.length + core.length);
      if (prev && prev !== 'same' && prev !== p.kind && !endsInSpace && !lead) out += ' ';
      out += escapeHtml(lead);
      if (core) {
        out +=
          p.kind === 'added'
            ? `<ins title="${escapeHtml(t('only in the draft'))}"><span class="sr-only">[${escapeHtml(t('draft adds:'))} </span>${escapeHtml(core)}<span class="sr-only">]</span></ins>`
            : `<del title="${escapeHtml(t('only in the model clause'))}"><span class="sr-only">[${escapeHtml(t('draft omits:'))} </span>${escapeHtml(core)}<span class="sr-only">]</span></del>`;
      }
      out += escapeHtml(trail);
    }
    prev = p.kind;
    endsInSpace = /\s$/.test(p.text);
  }
  return out;
}

/** "17 — Production order": the draft's own label (whatever its numbering word) and heading. */
function provisionName(p: { label: string; heading?: string }): string {
  return `${p.label}${p.heading ? ' — ' + p.heading : ''}`;
}

export function comparisonTitle(m: ComparisonModel, t: Translate = english): string {
  const target = m.mode === 'budapest' ? t('Budapest (Art. {0} UN)', m.article.number) : t('Art. {0}', m.article.number);
  return `${m.provision.label} ↔ ${target}`;
}

function strengthWords(strength: string, t: Translate): string {
  return strength === 'strong' ? t('strong match') : strength === 'moderate' ? t('moderate match') : strength === 'weak' ? t('weak match') : strength;
}

function elementBadge(n: number): string {
  return `<span class="el-badge el-${(n - 1) % ELEMENT_COLOURS}" aria-hidden="true">${n}</span>`;
}

export function comparisonBody(m: ComparisonModel, t: Translate = english): string {
  const p = m.provision;
  const a = m.article;
  const out: string[] = [];
  const matchWords = m.match
    ? `${strengthWords(m.match.strength, t)} (${t('score {0}', m.match.score.toFixed(2))})${m.match.rank > 0 ? ', ' + t('proposal no. {0}', m.match.rank + 1) : ', ' + t('best match')}`
    : t('not proposed by the matcher for this provision: elements found by their wording only');
  out.push('<header>');
  out.push(
    `<h1>${escapeHtml(provisionName(p))} <span class="vs">${escapeHtml(t('compared with'))}</span> ${escapeHtml(m.mode === 'budapest' ? t('the Budapest Convention counterpart of Art. {0} — {1}', a.number, a.title) : t('Art. {0} — {1}', a.number, a.title))}</h1>`,
  );
  const obligation = a.obligation === 'mandatory' ? t('mandatory') : a.obligation === 'optional' ? t('optional') : a.obligation === 'mixed' ? t('partly mandatory') : a.obligation;
  out.push(`<p class="meta">${escapeHtml(matchWords)} · ${escapeHtml(t('Chapter {0}', a.chapter))}${a.chapterTitle ? ' (' + escapeHtml(a.chapterTitle) + ')' : ''} · ${escapeHtml(obligation)}${a.verified ? '' : ' · ' + escapeHtml(t('data not yet verified'))}</p>`);
  if (m.match?.reasons.length) out.push(`<p class="meta">${escapeHtml(t('Why: {0}', m.match.reasons.join('; ')))}</p>`);
  out.push(`<div class="toolbar" role="toolbar" aria-label="${escapeHtml(t('Comparison actions'))}">`);
  out.push(button('reveal', t('Go to the provision'), rangeData(m.uri, p.range)));
  out.push(button('pickArticle', t('Compare with another article…')));
  if (m.mode === 'article') {
    if (m.modelClause) out.push(button('openDiff', t('Open in diff editor')));
    out.push(button('switchMode', t('Compare with the Budapest Convention'), { mode: 'budapest' }));
  } else out.push(button('switchMode', t('Compare with Art. {0} of the UN Convention', a.number), { mode: 'article' }));
  out.push(button('openArticle', t('Open Art. {0}', a.number), { article: a.number }));
  out.push('</div></header>');

  // Element numbers, shared by the draft's highlights, the checklist and the model clause's highlights.
  const numberOf = new Map(m.elements.map((e, i) => [e.id, i + 1]));
  out.push('<main class="columns">');
  // Left: the draft (sticky beside the article when there is room for two columns).
  out.push('<section class="column draft" aria-labelledby="draft-heading">');
  out.push(`<h2 id="draft-heading">${escapeHtml(t('Your draft: {0}', provisionName(p)))}</h2>`);
  const marks: EvidenceMark[] = m.elements.filter((e) => e.present && e.span).map((e) => ({ start: e.span!.start, end: e.span!.end, label: e.label, n: numberOf.get(e.id)! }));
  out.push(`<pre class="provision" tabindex="0" aria-label="${escapeHtml(t('Text of the provision'))}">${highlightEvidence(p.text, marks)}</pre>`);
  if (marks.length) out.push(`<p class="hint">${escapeHtml(t('Highlighted and numbered: the words that show each element of the article, with the same number and colour as in the list on the right.'))}</p>`);
  else out.push(`<p class="hint">${escapeHtml(t('No words of this provision show an element of the article.'))}</p>`);
  out.push('</section>');

  // Right: the article (or its Budapest counterpart).
  out.push('<section class="column article" aria-labelledby="article-heading">');
  if (m.mode === 'budapest') {
    out.push(`<h2 id="article-heading">${escapeHtml(t('Budapest Convention (Council of Europe, ETS 185)'))}</h2>`);
    if (m.budapest.length === 0) out.push(`<p class="note">${escapeHtml(m.budapestNote ?? t('No counterpart in the Budapest Convention.'))}</p>`);
    for (const b of m.budapest) {
      out.push(`<h3>${escapeHtml(t('Budapest Art. {0}', b.article))}${b.title ? ' — ' + escapeHtml(b.title) : ''}</h3>`);
      out.push(`<p>${escapeHtml(b.summary || t('No summary in data/budapest.json.'))} <span class="tag">${escapeHtml(t('summary'))}</span></p>`);
    }
    if (m.budapest.length) out.push(`<p class="hint">${escapeHtml(t('Concordance has a summary of each Budapest article, not its elements: the elements below are those of the UN article, which the Budapest article covers in substance.'))}</p>`);
    out.push(elementsHtml(m, numberOf, t));
    out.push(`<h3>${escapeHtml(t('For reference: Art. {0} of the UN Convention', a.number))}</h3>`);
    out.push(paragraphsHtml(m, numberOf, t));
  } else {
    out.push(`<h2 id="article-heading">${escapeHtml(t('Art. {0} — {1}', a.number, a.title))}</h2>`);
    out.push(elementsHtml(m, numberOf, t));
    out.push(safeguardsHtml(m, t));
    out.push(`<h3>${escapeHtml(t('Model clause'))}</h3>`);
    if (m.modelClause) {
      const clauseMarks: EvidenceMark[] = (m.modelClause.marks ?? []).filter((k) => numberOf.has(k.element)).map((k) => ({ start: k.start, end: k.end, n: numberOf.get(k.element)!, label: m.elements[numberOf.get(k.element)! - 1].label }));
      out.push(`<pre class="model" tabindex="0" aria-label="${escapeHtml(t('Model clause'))}">${highlightEvidence(m.modelClause.text, clauseMarks)}</pre><p class="hint">${escapeHtml(t('Concordance\'s own model wording, not treaty text.'))}</p>`);
      out.push(`<section class="diff" aria-labelledby="diff-heading"><h3 id="diff-heading">${escapeHtml(t('Your draft against the model clause, word by word'))}</h3>`);
      if (!m.diff) out.push(`<p class="note">${escapeHtml(t('The texts are too long or too different for a word diff; use "Open in diff editor".'))}</p>`);
      else {
        const s = m.diffStats;
        if (s) out.push(`<p>${t('The draft adds {0} words (<ins>underlined</ins>) and omits {1} words of the model clause (<del>struck through</del>); {2} in common.', s.added, s.removed, s.same)}</p>`);
        out.push(`<pre class="worddiff" tabindex="0" aria-label="${escapeHtml(t('Word diff'))}">${diffHtml(m.diff, t)}</pre>`);
      }
      out.push('</section>');
    } else out.push(`<p class="note">${escapeHtml(t('Concordance has no model clause for this article.'))}</p>`);
    out.push(paragraphsHtml(m, numberOf, t));
    if (a.readWith.length) {
      out.push(`<h3>${escapeHtml(t('Read with'))}</h3><ul class="inline">`);
      for (const r of a.readWith) out.push(`<li>${linkButton('openArticle', `${t('Art. {0}', r.article)}${r.title ? ' ' + r.title : ''}`, { article: r.article })}</li>`);
      out.push('</ul>');
    }
    out.push(`<h3>${escapeHtml(t('Budapest Convention'))}</h3>`);
    if (m.budapest.length === 0) out.push(`<p class="note">${escapeHtml(m.budapestNote ?? t('No counterpart.'))}</p>`);
    else out.push(`<ul>${m.budapest.map((b) => `<li>${escapeHtml(t('Art. {0}', b.article))}${b.title ? ' — ' + escapeHtml(b.title) : ''}</li>`).join('')}</ul>`);
  }
  out.push('</section></main>');
  out.push(`<footer><p class="hint">${escapeHtml(t('Summaries and model clauses are Concordance\'s own paraphrases, not the text of the Convention.'))}</p></footer>`);
  return out.join('\n');
}

function paragraphsHtml(m: ComparisonModel, numberOf: Map<string, number>, t: Translate): string {
  const rows = m.article.paragraphs.map((p) => {
    const badges = m.elements.filter((e) => e.paragraph === p.n).map((e) => elementBadge(numberOf.get(e.id)!)).join('');
    return `<dt>${escapeHtml(t('Para. {0}', p.n))} <span class="obligation">(${escapeHtml(p.obligation)})</span>${badges ? ' ' + badges : ''}</dt><dd>${escapeHtml(p.summary)}</dd>`;
  });
  return `<h3>${escapeHtml(t('What the article asks'))} <span class="tag">${escapeHtml(t('summary'))}</span></h3><dl class="paragraphs">${rows.join('')}</dl>${m.article.options ? `<p class="hint">${escapeHtml(t('Options: {0}', m.article.options))}</p>` : ''}`;
}

function elementsHtml(m: ComparisonModel, numberOf: Map<string, number>, t: Translate): string {
  if (!m.elements.length) return `<h3>${escapeHtml(t('Elements'))}</h3><p class="note">${escapeHtml(t('The data lists no elements for this article.'))}</p>`;
  const items = m.elements.map(
    (e) =>
      `<li class="${e.present ? 'present' : 'absent'}">${elementBadge(numberOf.get(e.id)!)}${mark(e.present, t('present'), t('missing'))}${escapeHtml(e.label)}${e.required ? '' : ` <span class="tag">${escapeHtml(t('optional'))}</span>`}${e.paragraph ? ` <span class="obligation">(${escapeHtml(t('para. {0}', e.paragraph))})</span>` : ''}${e.evidence ? ` — “${escapeHtml(e.evidence.replace(/\s+/g, ' '))}”` : ''}</li>`,
  );
  const req = m.elements.filter((e) => e.required);
  return `<h3>${escapeHtml(t('Elements ({0}/{1} required found)', req.filter((e) => e.present).length, req.length))}</h3><ul class="checklist elements">${items.join('')}</ul>`;
}

function safeguardsHtml(m: ComparisonModel, t: Translate): string {
  if (!m.safeguards.length) return '';
  const items = m.safeguards.map(
    (s) =>
      `<li class="${s.present ? 'present' : 'absent'}">${mark(s.present, t('found'), t('not found'))}${escapeHtml(s.title)} <span class="obligation">(${escapeHtml(t('Art. {0}', s.citations.join(', ')))})</span>${s.basis === 'wording' ? ` <span class="tag" title="${escapeHtml(t('decided by looking for the safeguard\'s wording'))}">${escapeHtml(t('by wording'))}</span>` : ''}${s.foundIn ? ` <span class="hint">(${escapeHtml(t('in {0}', provisionName({ label: s.foundIn })))})</span>` : ''}<br><span class="hint">${escapeHtml(s.requirement)}</span></li>`,
  );
  return `<h3>${escapeHtml(t('Safeguards'))}</h3><ul class="checklist">${items.join('')}</ul>`;
}

// ------------------------------------------------------------------ concordance table

function statusText(st: CoverageStatus, t: Translate): string {
  return st === 'implemented' ? t('implemented') : st === 'partial' ? t('partial') : st === 'missing' ? t('missing') : t('not applicable');
}

const STATUSES: CoverageStatus[] = ['implemented', 'partial', 'missing', 'not-applicable'];

function baseName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

export interface TableViewOptions {
  scope: 'active' | 'workspace';
  /** Whether a workspace scope is possible (there is a workspace folder). */
  canShowWorkspace: boolean;
}

function statusCell(st: CoverageStatus, t: Translate): string {
  return `<span class="status status-${escapeHtml(st)}">${escapeHtml(statusText(st, t))}</span>`;
}

/**
 * The concordance table: one row per article; one status column per draft (the drafts are the
 * columns when there are several); what is still missing in one column, so that it reads in a split.
 */
export function tableBody(tb: ConcordanceTable, o: TableViewOptions, t: Translate = english): string {
  const out: string[] = [];
  const many = tb.files.length > 1;
  const s = tb.summary;
  out.push('<header>');
  out.push(`<h1>${escapeHtml(t('Concordance table'))}</h1>`);
  out.push(`<p class="meta">${tb.files.length === 0 ? escapeHtml(t('No draft.')) : escapeHtml(many ? t('Drafts: {0}', tb.files.map((f) => baseName(f)).join(', ')) : t('Draft: {0}', baseName(tb.files[0])))}</p>`);
  out.push(
    `<p class="summary">${escapeHtml(t('{0}/{1} mandatory articles implemented, {2} partly.', s.mandatoryImplemented, s.mandatoryTotal, s.mandatoryPartial))} ${escapeHtml(t('All articles: {0} implemented · {1} partial · {2} missing · {3} not applicable.', s.implemented, s.partial, s.missing, s.notApplicable))}</p>`,
  );
  out.push(`<div class="toolbar" role="toolbar" aria-label="${escapeHtml(t('Table actions'))}">`);
  if (o.canShowWorkspace) {
    out.push(o.scope === 'active' ? button('scope', t('Show all drafts in the workspace'), { scope: 'workspace' }) : button('scope', t('Show only the active draft'), { scope: 'active' }));
  }
  out.push(button('exportTable', t('Export…')));
  out.push(button('refresh', t('Refresh')));
  out.push('</div>');
  out.push('<div class="filters">');
  out.push(`<label for="filter-chapter">${escapeHtml(t('Chapter'))}</label> <select id="filter-chapter" data-filter="chapter"><option value="">${escapeHtml(t('All chapters'))}</option>`);
  for (const c of tb.chapters) out.push(`<option value="${escapeHtml(c.chapter)}">${escapeHtml(c.chapter)} — ${escapeHtml(c.title)}</option>`);
  out.push('</select>');
  out.push(` <label for="filter-status">${escapeHtml(t('Status'))}</label> <select id="filter-status" data-filter="status"><option value="">${escapeHtml(t('All statuses'))}</option>`);
  for (const st of STATUSES) out.push(`<option value="${st}">${escapeHtml(statusText(st, t))}</option>`);
  out.push('</select>');
  out.push(` <label for="filter-text">${escapeHtml(t('Search'))}</label> <input id="filter-text" type="search" data-filter="text" placeholder="${escapeHtml(t('article, title, provision'))}">`);
  out.push(` <span id="filter-count" class="hint" role="status" aria-live="polite" data-all="${escapeHtml(t('{0} articles'))}" data-some="${escapeHtml(t('{0} of {1} articles shown'))}"></span>`);
  out.push('</div></header>');

  const columns = 4 + (many ? tb.files.length : 1);
  out.push(`<main><table class="concordance${many ? ' many' : ''}">`);
  out.push('<thead><tr>');
  out.push(`<th scope="col" class="num">${escapeHtml(t('Art.'))}</th><th scope="col">${escapeHtml(t('Title'))}</th>`);
  if (many) for (const f of tb.files) out.push(`<th scope="col" class="file" title="${escapeHtml(f)}">${escapeHtml(baseName(f))}</th>`);
  else out.push(`<th scope="col">${escapeHtml(t('Status'))}</th>`);
  out.push(`<th scope="col">${escapeHtml(t('Implementing provisions'))}</th><th scope="col">${escapeHtml(t('Still missing'))}</th>`);
  out.push('</tr></thead>');
  for (const c of tb.chapters) {
    out.push(`<tbody data-chapter="${escapeHtml(c.chapter)}">`);
    out.push(`<tr class="chapter-row"><th colspan="${columns}" scope="rowgroup">${escapeHtml(t('Chapter {0}', c.chapter))} — ${escapeHtml(c.title)}</th></tr>`);
    for (const r of c.rows) {
      const search = [r.article, r.title, ...r.provisions.map((p) => `${p.label} ${p.heading ?? ''}`)].join(' ').toLowerCase();
      out.push(`<tr class="article-row" data-chapter="${escapeHtml(c.chapter)}" data-status="${escapeHtml(r.status)}" data-search="${escapeHtml(search)}">`);
      out.push(`<th scope="row" class="num">${linkButton('openArticle', String(r.article), { article: r.article }, t('Open Art. {0}', r.article))}</th>`);
      const budapest = r.budapest.length ? t('Budapest: {0}', r.budapest.join('; ')) : t('Budapest: no counterpart');
      out.push(`<td>${escapeHtml(r.title)}${r.obligation === 'optional' ? ` <span class="tag">${escapeHtml(t('optional'))}</span>` : ''}<br><span class="hint budapest">${escapeHtml(budapest)}</span></td>`);
      if (many) r.statusByFile.forEach((st) => out.push(`<td class="file">${statusCell(st, t)}</td>`));
      else out.push(`<td>${statusCell(r.status, t)}</td>`);
      out.push(`<td>${r.provisions.length ? `<ul class="plain">${r.provisions.map((p) => `<li>${provisionLink(p, many, t)}</li>`).join('')}</ul>` : '—'}</td>`);
      out.push(`<td>${missingHtml(r.missingElements, r.missingSafeguards, t)}</td>`);
      out.push('</tr>');
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  out.push(`<p id="no-rows" class="note" hidden>${escapeHtml(t('No article matches the filters.'))}</p>`);
  out.push('</main>');
  return out.join('\n');
}

function provisionLink(p: TableProvision, many: boolean, t: Translate): string {
  const label = `${many ? baseName(p.file) + ': ' : ''}${provisionName(p)}`;
  return `${linkButton('reveal', label, rangeData(p.file, p.range), t('Go to the provision'))}${p.strength ? ` <span class="hint">(${escapeHtml(p.strength)})</span>` : ''}`;
}

function missingHtml(elements: string[], safeguards: string[], t: Translate): string {
  if (!elements.length && !safeguards.length) return '—';
  const parts: string[] = [];
  if (elements.length) parts.push(`<span class="hint">${escapeHtml(t('Elements:'))}</span><ul class="plain">${elements.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
  if (safeguards.length) parts.push(`<span class="hint">${escapeHtml(t('Safeguards:'))}</span><ul class="plain">${safeguards.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
  return parts.join('');
}

// ------------------------------------------------------------------ version comparison

export interface VersionLabels {
  a: string;
  b: string;
  /** URIs to jump to (absent for a git revision, which cannot be edited). */
  uriA?: string;
  uriB?: string;
  /** Whether "Open in diff editor" is offered. */
  canDiff: boolean;
}

function changeText(c: ProvisionDelta['change'], t: Translate): string {
  return c === 'added' ? t('added') : c === 'removed' ? t('removed') : c === 'changed' ? t('changed') : c === 'renumbered' ? t('renumbered') : t('unchanged');
}

export function versionsBody(v: VersionComparison, l: VersionLabels, t: Translate = english): string {
  const out: string[] = [];
  const c = v.counts;
  out.push('<header>');
  out.push(`<h1>${escapeHtml(l.a)} <span class="vs">→</span> ${escapeHtml(l.b)}</h1>`);
  out.push(
    `<p class="summary">${escapeHtml(t('{0} added, {1} removed, {2} changed, {3} renumbered, {4} unchanged provisions.', c.added, c.removed, c.changed, c.renumbered, c.unchanged))} ${escapeHtml(t('Findings: {0} → {1} ({2} new, {3} resolved).', v.findings.before, v.findings.after, v.findings.added.length, v.findings.removed.length))}</p>`,
  );
  const sb = v.coverageSummary.before;
  const sa = v.coverageSummary.after;
  out.push(`<p class="summary">${escapeHtml(t('Coverage: implemented {0} → {1}, partial {2} → {3}, missing {4} → {5}.', sb.implemented, sa.implemented, sb.partial, sa.partial, sb.missing, sa.missing))}</p>`);
  out.push(`<div class="toolbar" role="toolbar" aria-label="${escapeHtml(t('Version comparison actions'))}">`);
  if (l.canDiff) out.push(button('openDiff', t('Open in diff editor')));
  out.push(button('refresh', t('Refresh')));
  out.push('</div></header><main>');

  out.push(`<section aria-labelledby="prov-heading"><h2 id="prov-heading">${escapeHtml(t('Provisions'))}</h2>`);
  const shown = v.provisions.filter((p) => p.change !== 'unchanged');
  if (!shown.length) out.push(`<p class="note">${escapeHtml(t('No provision changed.'))}</p>`);
  else {
    out.push(`<table class="versions"><thead><tr><th scope="col">${escapeHtml(t('Change'))}</th><th scope="col">${escapeHtml(t('Before'))}</th><th scope="col">${escapeHtml(t('After'))}</th><th scope="col">${escapeHtml(t('Articles'))}</th></tr></thead><tbody>`);
    for (const p of shown) {
      const before = p.a ? sideHtml(p.a, l.uriA, t) : '—';
      const after = p.b ? sideHtml(p.b, l.uriB, t) : '—';
      const arts = articlesDelta(p.a?.articles ?? [], p.b?.articles ?? [], t);
      out.push(`<tr class="change-${p.change}"><td><span class="status change-${p.change}">${escapeHtml(changeText(p.change, t))}</span></td><td>${before}</td><td>${after}</td><td>${arts}</td></tr>`);
      if (p.diff) out.push(`<tr class="diff-row"><td colspan="4"><details><summary>${escapeHtml(t('Word changes'))}</summary><pre class="worddiff" tabindex="0">${diffHtml(p.diff, t)}</pre></details></td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push(`<section aria-labelledby="cov-heading"><h2 id="cov-heading">${escapeHtml(t('Coverage of the Convention'))}</h2>`);
  if (!v.coverage.length) out.push(`<p class="note">${escapeHtml(t('Coverage did not change.'))}</p>`);
  else {
    out.push(`<table><thead><tr><th scope="col">${escapeHtml(t('Art.'))}</th><th scope="col">${escapeHtml(t('Title'))}</th><th scope="col">${escapeHtml(t('Before'))}</th><th scope="col">${escapeHtml(t('After'))}</th></tr></thead><tbody>`);
    for (const d of v.coverage) {
      const direction = d.direction === 'better' ? t('better') : d.direction === 'worse' ? t('worse') : d.direction;
      out.push(
        `<tr class="${d.direction}"><th scope="row">${linkButton('openArticle', String(d.article), { article: d.article }, t('Open Art. {0}', d.article))}</th><td>${escapeHtml(d.title)}</td><td>${statusCell(d.before, t)}</td><td>${statusCell(d.after, t)} <span class="sr-only">(${escapeHtml(direction)})</span><span aria-hidden="true">${d.direction === 'better' ? '▲' : d.direction === 'worse' ? '▼' : ''}</span></td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push(`<section aria-labelledby="find-heading"><h2 id="find-heading">${escapeHtml(t('Findings'))}</h2>`);
  out.push(findingList(t('New in the later version'), v.findings.added, l.uriB, t));
  out.push(findingList(t('Resolved (only in the earlier version)'), v.findings.removed, l.uriA, t));
  out.push('</section></main>');
  return out.join('\n');
}

function sideHtml(s: { label: string; heading?: string; range: Range }, uri: string | undefined, t: Translate): string {
  const name = provisionName(s);
  return uri ? linkButton('reveal', name, rangeData(uri, s.range), t('Go to the provision')) : escapeHtml(name);
}

function articlesDelta(a: number[], b: number[], t: Translate): string {
  const before = a.length ? a.map((n) => t('Art. {0}', n)).join(', ') : '—';
  const after = b.length ? b.map((n) => t('Art. {0}', n)).join(', ') : '—';
  return escapeHtml(before === after ? before : `${before} → ${after}`);
}

function severityText(s: string, t: Translate): string {
  return s === 'error' ? t('error') : s === 'warning' ? t('warning') : s === 'information' ? t('information') : s === 'hint' ? t('hint') : s;
}

function findingList(title: string, list: VersionComparison['findings']['added'], uri: string | undefined, t: Translate): string {
  if (!list.length) return `<h3>${escapeHtml(title)}</h3><p class="note">${escapeHtml(t('None.'))}</p>`;
  const items = list.map((f) => {
    const where = f.provision ? provisionName({ label: f.provision }) : t('line {0}', f.range.start.line + 1);
    const loc = uri ? linkButton('reveal', where, rangeData(uri, f.range)) : escapeHtml(where);
    return `<li><span class="sev sev-${escapeHtml(f.severity)}">${escapeHtml(severityText(f.severity, t))}</span> <code>${escapeHtml(f.code)}</code> ${loc}: ${escapeHtml(f.message)}</li>`;
  });
  return `<h3>${escapeHtml(title)} (${list.length})</h3><ul class="findings">${items.join('')}</ul>`;
}
