// Script of the Concordance webviews (comparison, concordance table, version comparison).
// Loaded with the page's nonce; the page has no inline script or event-handler attributes.
// Buttons carry data-action and data-* values: a click becomes a message to the extension.
// The table's filters (chapter, status, search) run here, in the page.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const body = document.body;

  // Remember what the panel shows so that VS Code can restore it after a reload.
  let state = null;
  try {
    state = JSON.parse(body.dataset.state || 'null');
  } catch (e) {
    state = null;
  }
  const previous = vscode.getState() || {};
  if (state) vscode.setState(Object.assign({}, state, { filters: previous.filters || (state && state.filters) || {} }));

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) return;
    event.preventDefault();
    const data = Object.assign({}, target.dataset);
    const type = data.action;
    delete data.action;
    vscode.postMessage({ type: type, data: data });
  });

  if (body.dataset.view !== 'table') return;

  // ---- concordance table filters
  const chapter = document.getElementById('filter-chapter');
  const status = document.getElementById('filter-status');
  const text = document.getElementById('filter-text');
  const count = document.getElementById('filter-count');
  const none = document.getElementById('no-rows');
  const saved = (vscode.getState() || {}).filters || {};
  if (chapter && saved.chapter) chapter.value = saved.chapter;
  if (status && saved.status) status.value = saved.status;
  if (text && saved.text) text.value = saved.text;

  // The page carries its messages translated, with {0}-style placeholders.
  function fill(message, args) {
    return message.replace(/\{(\d+)\}/g, function (all, i) {
      return i < args.length ? String(args[i]) : all;
    });
  }

  function apply() {
    const ch = chapter ? chapter.value : '';
    const st = status ? status.value : '';
    const q = text ? text.value.trim().toLowerCase() : '';
    let shown = 0;
    let total = 0;
    document.querySelectorAll('tbody[data-chapter]').forEach(function (group) {
      let visibleInGroup = 0;
      group.querySelectorAll('tr.article-row').forEach(function (row) {
        total++;
        const ok = (!ch || row.dataset.chapter === ch) && (!st || row.dataset.status === st) && (!q || (row.dataset.search || '').indexOf(q) >= 0);
        row.hidden = !ok;
        if (ok) {
          shown++;
          visibleInGroup++;
        }
      });
      group.hidden = visibleInGroup === 0;
    });
    if (count) count.textContent = shown === total ? fill(count.dataset.all || '{0} articles', [total]) : fill(count.dataset.some || '{0} of {1} articles shown', [shown, total]);
    if (none) none.hidden = shown !== 0;
    const s = vscode.getState() || {};
    s.filters = { chapter: ch, status: st, text: q };
    vscode.setState(s);
  }
  [chapter, status].forEach(function (el) {
    if (el) el.addEventListener('change', apply);
  });
  if (text) text.addEventListener('input', apply);
  apply();
})();
