// HTML of the Concordance webviews (comparison, concordance table, version comparison).
// Pure functions with no `vscode` import, so they are unit-tested outside the editor
// (server/test/unit/html.test.ts). Every piece of draft or data text goes through escapeHtml;
// the page has a strict CSP, loads one nonce'd script and one stylesheet, and has no inline
// scripts, inline styles or event-handler attributes.
import type { ComparisonModel, DiffPart } from '../../server/src/analysis/compare';
import type { ConcordanceTable, TableProvision } from '../../server/src/analysis/table';
import type { CoverageStatus, Range } from '../../server/src/analysis/types';
import type { ProvisionDelta, VersionComparison } from '../../server/src/analysis/versionCompare';

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
}

export function page(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
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

/** A message page (nothing to show, an error). */
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

function mark(ok: boolean, yes = 'present', no = 'missing'): string {
  return `<span class="mark ${ok ? 'ok' : 'no'}" aria-hidden="true">${ok ? '✓' : '✗'}</span><span class="sr-only">${ok ? yes : no}: </span>`;
}

// ------------------------------------------------------------------ comparison

/** The provision text with each element's evidence marked; everything escaped. */
export function highlightEvidence(text: string, marks: { start: number; end: number; label: string }[]): string {
  const sorted = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping evidence: keep the first
    out += escapeHtml(text.slice(at, m.start));
    out += `<mark class="evidence" title="${escapeHtml(m.label)}">${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(text.slice(at));
}

export function diffHtml(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.kind === 'added'
        ? `<ins title="only in the draft"><span class="sr-only">[draft adds: </span>${escapeHtml(p.text)}<span class="sr-only">]</span></ins>`
        : p.kind === 'removed'
          ? `<del title="only in the model clause"><span class="sr-only">[draft omits: </span>${escapeHtml(p.text)}<span class="sr-only">]</span></del>`
          : escapeHtml(p.text),
    )
    .join('');
}

function provisionName(p: { label: string; heading?: string }): string {
  return `${/^\d/.test(p.label) ? 'Section ' : ''}${p.label}${p.heading ? ' — ' + p.heading : ''}`;
}

export function comparisonTitle(m: ComparisonModel): string {
  const target = m.mode === 'budapest' ? `Budapest (Art. ${m.article.number} UN)` : `Art. ${m.article.number}`;
  return `${m.provision.label} ↔ ${target}`;
}

export function comparisonBody(m: ComparisonModel): string {
  const p = m.provision;
  const a = m.article;
  const out: string[] = [];
  const matchWords = m.match
    ? `${m.match.strength} match (score ${m.match.score.toFixed(2)})${m.match.rank > 0 ? `, proposal no. ${m.match.rank + 1}` : ', best match'}`
    : 'not proposed by the matcher for this provision: elements found by their wording only';
  out.push('<header>');
  out.push(
    `<h1>${escapeHtml(provisionName(p))} <span class="vs">compared with</span> ${m.mode === 'budapest' ? 'the Budapest Convention counterpart of ' : ''}Art. ${escapeHtml(a.number)} — ${escapeHtml(a.title)}</h1>`,
  );
  out.push(`<p class="meta">${escapeHtml(matchWords)} · Chapter ${escapeHtml(a.chapter)}${a.chapterTitle ? ' (' + escapeHtml(a.chapterTitle) + ')' : ''} · ${escapeHtml(a.obligation)}${a.verified ? '' : ' · data not yet verified'}</p>`);
  if (m.match?.reasons.length) out.push(`<p class="meta">Why: ${escapeHtml(m.match.reasons.join('; '))}</p>`);
  out.push('<div class="toolbar" role="toolbar" aria-label="Comparison actions">');
  out.push(button('reveal', 'Go to the provision', rangeData(m.uri, p.range)));
  out.push(button('pickArticle', 'Compare with another article…'));
  if (m.mode === 'article') {
    if (m.modelClause) out.push(button('openDiff', 'Open in diff editor'));
    out.push(button('switchMode', 'Compare with the Budapest Convention', { mode: 'budapest' }));
  } else out.push(button('switchMode', `Compare with Art. ${a.number} of the UN Convention`, { mode: 'article' }));
  out.push(button('openArticle', `Open Art. ${a.number}`, { article: a.number }));
  out.push('</div></header>');

  out.push('<main class="columns">');
  // Left: the draft.
  out.push('<section class="column" aria-labelledby="draft-heading">');
  out.push(`<h2 id="draft-heading">The draft: ${escapeHtml(provisionName(p))}</h2>`);
  const marks = m.elements.filter((e) => e.present && e.span).map((e) => ({ start: e.span!.start, end: e.span!.end, label: e.label }));
  out.push(`<pre class="provision" tabindex="0" aria-label="Text of the provision">${highlightEvidence(p.text, marks)}</pre>`);
  if (marks.length) out.push('<p class="hint">Highlighted: the words that show an element of the article (hover for which).</p>');
  out.push('</section>');

  // Right: the article or its Budapest counterpart.
  out.push('<section class="column" aria-labelledby="article-heading">');
  if (m.mode === 'budapest') {
    out.push(`<h2 id="article-heading">Budapest Convention (ETS 185) counterpart of Art. ${escapeHtml(a.number)}</h2>`);
    if (m.budapest.length === 0) out.push(`<p class="note" role="note">${escapeHtml(m.budapestNote ?? 'No counterpart in the Budapest Convention.')}</p>`);
    for (const b of m.budapest) {
      out.push(`<h3>Budapest Art. ${escapeHtml(b.article)}${b.title ? ' — ' + escapeHtml(b.title) : ''}</h3>`);
      out.push(`<p>${escapeHtml(b.summary || 'No summary in data/budapest.json.')} <span class="tag">summary</span></p>`);
    }
    out.push(`<h3>For reference: Art. ${escapeHtml(a.number)} of the UN Convention</h3>`);
    out.push(paragraphsHtml(m));
    out.push(elementsHtml(m));
  } else {
    out.push(`<h2 id="article-heading">Art. ${escapeHtml(a.number)} — ${escapeHtml(a.title)}</h2>`);
    out.push(paragraphsHtml(m));
    out.push(elementsHtml(m));
    out.push(safeguardsHtml(m));
    if (a.readWith.length) {
      out.push('<h3>Read with</h3><ul class="inline">');
      for (const r of a.readWith) out.push(`<li>${linkButton('openArticle', `Art. ${r.article}${r.title ? ' ' + r.title : ''}`, { article: r.article })}</li>`);
      out.push('</ul>');
    }
    out.push('<h3>Budapest Convention</h3>');
    if (m.budapest.length === 0) out.push(`<p class="note">${escapeHtml(m.budapestNote ?? 'No counterpart.')}</p>`);
    else out.push(`<ul>${m.budapest.map((b) => `<li>Art. ${escapeHtml(b.article)}${b.title ? ' — ' + escapeHtml(b.title) : ''}</li>`).join('')}</ul>`);
    out.push('<h3>Model clause</h3>');
    if (m.modelClause) out.push(`<pre class="model" tabindex="0" aria-label="Model clause">${escapeHtml(m.modelClause.text)}</pre><p class="hint">Concordance's own model wording, not treaty text.</p>`);
    else out.push('<p class="note">Concordance has no model clause for this article.</p>');
  }
  out.push('</section></main>');

  if (m.mode === 'article') {
    out.push('<section class="diff" aria-labelledby="diff-heading">');
    out.push('<h2 id="diff-heading">The draft against the model clause, word by word</h2>');
    if (!m.modelClause) out.push('<p class="note">No model clause to compare with.</p>');
    else if (!m.diff) out.push('<p class="note">The texts are too long or too different for a word diff; use "Open in diff editor".</p>');
    else {
      const s = m.diffStats;
      if (s) out.push(`<p>The draft adds ${s.added} word${s.added === 1 ? '' : 's'} (<ins>underlined</ins>) and omits ${s.removed} word${s.removed === 1 ? '' : 's'} of the model clause (<del>struck through</del>); ${s.same} in common.</p>`);
      out.push(`<pre class="worddiff" tabindex="0" aria-label="Word diff">${diffHtml(m.diff)}</pre>`);
    }
    out.push('</section>');
  }
  out.push('<footer><p class="hint">Summaries and model clauses are Concordance\'s own paraphrases, not the text of the Convention.</p></footer>');
  return out.join('\n');
}

function paragraphsHtml(m: ComparisonModel): string {
  const rows = m.article.paragraphs.map((p) => `<dt>Para. ${escapeHtml(p.n)} <span class="obligation">(${escapeHtml(p.obligation)})</span></dt><dd>${escapeHtml(p.summary)}</dd>`);
  return `<h3>What the article asks <span class="tag">summary</span></h3><dl class="paragraphs">${rows.join('')}</dl>${m.article.options ? `<p class="hint">Options: ${escapeHtml(m.article.options)}</p>` : ''}`;
}

function elementsHtml(m: ComparisonModel): string {
  if (!m.elements.length) return '<h3>Elements</h3><p class="note">The data lists no elements for this article.</p>';
  const items = m.elements.map(
    (e) =>
      `<li class="${e.present ? 'present' : 'absent'}">${mark(e.present)}${escapeHtml(e.label)}${e.required ? '' : ' <span class="tag">optional</span>'}${e.paragraph ? ` <span class="obligation">(para. ${escapeHtml(e.paragraph)})</span>` : ''}${e.evidence ? ` — “${escapeHtml(e.evidence.replace(/\s+/g, ' '))}”` : ''}</li>`,
  );
  const req = m.elements.filter((e) => e.required);
  return `<h3>Elements (${req.filter((e) => e.present).length}/${req.length} required found)</h3><ul class="checklist">${items.join('')}</ul>`;
}

function safeguardsHtml(m: ComparisonModel): string {
  if (!m.safeguards.length) return '';
  const items = m.safeguards.map(
    (s) =>
      `<li class="${s.present ? 'present' : 'absent'}">${mark(s.present, 'found', 'not found')}${escapeHtml(s.title)} <span class="obligation">(Art. ${escapeHtml(s.citations.join(', '))})</span>${s.basis === 'wording' ? ' <span class="tag" title="decided by looking for the safeguard\'s wording">by wording</span>' : ''}${s.foundIn ? ` <span class="hint">(in ${escapeHtml(provisionName({ label: s.foundIn }))})</span>` : ''}<br><span class="hint">${escapeHtml(s.requirement)}</span></li>`,
  );
  return `<h3>Safeguards</h3><ul class="checklist">${items.join('')}</ul>`;
}

// ------------------------------------------------------------------ concordance table

const STATUS_TEXT: Record<CoverageStatus, string> = { implemented: 'implemented', partial: 'partial', missing: 'missing', 'not-applicable': 'not applicable' };

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

export function tableBody(t: ConcordanceTable, o: TableViewOptions): string {
  const out: string[] = [];
  const many = t.files.length > 1;
  const s = t.summary;
  out.push('<header>');
  out.push(`<h1>Concordance table</h1>`);
  out.push(`<p class="meta">${t.files.length === 0 ? 'No draft.' : `Draft${many ? 's' : ''}: ${t.files.map((f) => escapeHtml(baseName(f))).join(', ')}`}</p>`);
  out.push(
    `<p class="summary">${escapeHtml(`${s.mandatoryImplemented}/${s.mandatoryTotal} mandatory articles implemented, ${s.mandatoryPartial} partly. Overall: ${s.implemented} implemented, ${s.partial} partial, ${s.missing} missing, ${s.notApplicable} not applicable.`)}</p>`,
  );
  out.push('<div class="toolbar" role="toolbar" aria-label="Table actions">');
  if (o.canShowWorkspace) {
    out.push(o.scope === 'active' ? button('scope', 'Show all drafts in the workspace', { scope: 'workspace' }) : button('scope', 'Show only the active draft', { scope: 'active' }));
  }
  out.push(button('exportTable', 'Export…'));
  out.push(button('refresh', 'Refresh'));
  out.push('</div>');
  out.push('<div class="filters">');
  out.push('<label for="filter-chapter">Chapter</label> <select id="filter-chapter" data-filter="chapter"><option value="">All chapters</option>');
  for (const c of t.chapters) out.push(`<option value="${escapeHtml(c.chapter)}">${escapeHtml(c.chapter)} — ${escapeHtml(c.title)}</option>`);
  out.push('</select>');
  out.push(' <label for="filter-status">Status</label> <select id="filter-status" data-filter="status"><option value="">All statuses</option>');
  for (const st of Object.keys(STATUS_TEXT) as CoverageStatus[]) out.push(`<option value="${st}">${STATUS_TEXT[st]}</option>`);
  out.push('</select>');
  out.push(' <label for="filter-text">Search</label> <input id="filter-text" type="search" data-filter="text" placeholder="article, title, provision">');
  out.push(' <span id="filter-count" class="hint" role="status" aria-live="polite"></span>');
  out.push('</div></header>');

  out.push('<main><table class="concordance">');
  out.push('<thead><tr><th scope="col">Art.</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Implementing provisions</th><th scope="col">Missing elements</th><th scope="col">Missing safeguards</th><th scope="col">Budapest</th></tr></thead>');
  for (const c of t.chapters) {
    out.push(`<tbody data-chapter="${escapeHtml(c.chapter)}">`);
    out.push(`<tr class="chapter-row"><th colspan="7" scope="rowgroup">Chapter ${escapeHtml(c.chapter)} — ${escapeHtml(c.title)}</th></tr>`);
    for (const r of c.rows) {
      const search = [r.article, r.title, ...r.provisions.map((p) => `${p.label} ${p.heading ?? ''}`)].join(' ').toLowerCase();
      out.push(`<tr class="article-row" data-chapter="${escapeHtml(c.chapter)}" data-status="${escapeHtml(r.status)}" data-search="${escapeHtml(search)}">`);
      out.push(`<th scope="row">${linkButton('openArticle', String(r.article), { article: r.article }, `Open Art. ${r.article}`)}</th>`);
      out.push(`<td>${escapeHtml(r.title)}${r.obligation === 'optional' ? ' <span class="tag">optional</span>' : ''}</td>`);
      const perFile = many ? `<br><span class="hint">${r.statusByFile.map((st, i) => `${escapeHtml(baseName(t.files[i]))}: ${STATUS_TEXT[st]}`).join('; ')}</span>` : '';
      out.push(`<td><span class="status status-${escapeHtml(r.status)}">${STATUS_TEXT[r.status]}</span>${perFile}</td>`);
      out.push(`<td>${r.provisions.length ? `<ul class="plain">${r.provisions.map((p) => `<li>${provisionLink(p, many)}</li>`).join('')}</ul>` : '—'}</td>`);
      out.push(`<td>${listOrDash(r.missingElements)}</td>`);
      out.push(`<td>${listOrDash(r.missingSafeguards)}</td>`);
      out.push(`<td>${r.budapest.length ? listOrDash(r.budapest) : '<span class="hint">no counterpart</span>'}</td>`);
      out.push('</tr>');
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  out.push('<p id="no-rows" class="note" hidden>No article matches the filters.</p>');
  out.push('</main>');
  return out.join('\n');
}

function provisionLink(p: TableProvision, many: boolean): string {
  const label = `${many ? baseName(p.file) + ': ' : ''}${provisionName(p)}`;
  return `${linkButton('reveal', label, rangeData(p.file, p.range), 'Go to the provision')}${p.strength ? ` <span class="hint">(${escapeHtml(p.strength)})</span>` : ''}`;
}

function listOrDash(items: string[]): string {
  return items.length ? `<ul class="plain">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '—';
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

const CHANGE_TEXT: Record<ProvisionDelta['change'], string> = { added: 'added', removed: 'removed', changed: 'changed', renumbered: 'renumbered', unchanged: 'unchanged' };

export function versionsBody(v: VersionComparison, l: VersionLabels): string {
  const out: string[] = [];
  const c = v.counts;
  out.push('<header>');
  out.push(`<h1>${escapeHtml(l.a)} <span class="vs">→</span> ${escapeHtml(l.b)}</h1>`);
  out.push(`<p class="summary">${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.renumbered} renumbered, ${c.unchanged} unchanged provisions. Findings: ${v.findings.before} → ${v.findings.after} (${v.findings.added.length} new, ${v.findings.removed.length} resolved).</p>`);
  const sb = v.coverageSummary.before;
  const sa = v.coverageSummary.after;
  out.push(`<p class="summary">Coverage: implemented ${sb.implemented} → ${sa.implemented}, partial ${sb.partial} → ${sa.partial}, missing ${sb.missing} → ${sa.missing}.</p>`);
  out.push('<div class="toolbar" role="toolbar" aria-label="Version comparison actions">');
  if (l.canDiff) out.push(button('openDiff', 'Open in diff editor'));
  out.push(button('refresh', 'Refresh'));
  out.push('</div></header><main>');

  out.push('<section aria-labelledby="prov-heading"><h2 id="prov-heading">Provisions</h2>');
  const shown = v.provisions.filter((p) => p.change !== 'unchanged');
  if (!shown.length) out.push('<p class="note">No provision changed.</p>');
  else {
    out.push('<table class="versions"><thead><tr><th scope="col">Change</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Articles</th></tr></thead><tbody>');
    for (const p of shown) {
      const before = p.a ? sideHtml(p.a, l.uriA) : '—';
      const after = p.b ? sideHtml(p.b, l.uriB) : '—';
      const arts = articlesDelta(p.a?.articles ?? [], p.b?.articles ?? []);
      out.push(`<tr class="change-${p.change}"><td><span class="status change-${p.change}">${CHANGE_TEXT[p.change]}</span></td><td>${before}</td><td>${after}</td><td>${arts}</td></tr>`);
      if (p.diff) out.push(`<tr class="diff-row"><td colspan="4"><details><summary>Word changes</summary><pre class="worddiff" tabindex="0">${diffHtml(p.diff)}</pre></details></td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section aria-labelledby="cov-heading"><h2 id="cov-heading">Coverage of the Convention</h2>');
  if (!v.coverage.length) out.push('<p class="note">Coverage did not change.</p>');
  else {
    out.push('<table><thead><tr><th scope="col">Art.</th><th scope="col">Title</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>');
    for (const d of v.coverage) {
      out.push(
        `<tr class="${d.direction}"><th scope="row">${linkButton('openArticle', String(d.article), { article: d.article }, `Open Art. ${d.article}`)}</th><td>${escapeHtml(d.title)}</td><td><span class="status status-${d.before}">${STATUS_TEXT[d.before]}</span></td><td><span class="status status-${d.after}">${STATUS_TEXT[d.after]}</span> <span class="sr-only">(${d.direction})</span><span aria-hidden="true">${d.direction === 'better' ? '▲' : d.direction === 'worse' ? '▼' : ''}</span></td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section aria-labelledby="find-heading"><h2 id="find-heading">Findings</h2>');
  out.push(findingList('New in the later version', v.findings.added, l.uriB));
  out.push(findingList('Resolved (only in the earlier version)', v.findings.removed, l.uriA));
  out.push('</section></main>');
  return out.join('\n');
}

function sideHtml(s: { label: string; heading?: string; range: Range }, uri: string | undefined): string {
  const name = provisionName(s);
  return uri ? linkButton('reveal', name, rangeData(uri, s.range), 'Go to the provision') : escapeHtml(name);
}

function articlesDelta(a: number[], b: number[]): string {
  const before = a.length ? a.map((n) => `Art. ${n}`).join(', ') : '—';
  const after = b.length ? b.map((n) => `Art. ${n}`).join(', ') : '—';
  return escapeHtml(before === after ? before : `${before} → ${after}`);
}

function findingList(title: string, list: VersionComparison['findings']['added'], uri: string | undefined): string {
  if (!list.length) return `<h3>${escapeHtml(title)}</h3><p class="note">None.</p>`;
  const items = list.map((f) => {
    const where = f.provision ? provisionName({ label: f.provision }) : `line ${f.range.start.line + 1}`;
    const loc = uri ? linkButton('reveal', where, rangeData(uri, f.range)) : escapeHtml(where);
    return `<li><span class="sev sev-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</span> <code>${escapeHtml(f.code)}</code> ${loc}: ${escapeHtml(f.message)}</li>`;
  });
  return `<h3>${escapeHtml(title)} (${list.length})</h3><ul class="findings">${items.join('')}</ul>`;
}
