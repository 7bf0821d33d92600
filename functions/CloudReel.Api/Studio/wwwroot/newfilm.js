// The new film page: paste or open an order, see every error at its line (as `cloudreel validate` prints them), estimate, start.
import { api, ApiError } from './api.js';
import { h, fill, money, actionKey } from './dom.js';
import { t } from './i18n.js';

export function newFilmView(view, state, go) {
  const text = h('textarea', { id: 'order-text', rows: 18, spellcheck: false, 'aria-describedby': 'order-help' });
  text.value = state.order ?? '';
  text.addEventListener('input', () => { state.order = text.value; });
  const file = h('input', { type: 'file', id: 'order-file', accept: '.yaml,.yml,.json' });
  file.addEventListener('change', async () => { if (file.files[0]) { text.value = state.order = await file.files[0].text(); } });
  const assets = h('input', { type: 'file', id: 'order-assets', multiple: true, accept: 'image/*,audio/*,.fountain,.txt,.md,.json' });
  assets.addEventListener('change', () => { key = actionKey(); });
  const draft = h('input', { type: 'checkbox', id: 'order-draft' });
  const result = h('section', { id: 'order-result', 'aria-live': 'polite' });
  let key = actionKey();
  text.addEventListener('input', () => { key = actionKey(); });

  const send = async dryRun => {
    fill(result, h('p', {}, t('loading')));
    const body = text.value;
    const type = body.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
    try {
      const answer = await api.submit(body, type, { dryRun, draft: draft.checked, idempotencyKey: dryRun ? undefined : key, files: [...assets.files] });
      if (dryRun) fill(result, estimate(answer));
      else { state.order = ''; go(`#/films/${answer.id}`); }
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.problem.errors)) fill(result, located(body, error.problem));
      else fill(result, h('p', { class: 'error', role: 'alert' }, error.message));
    }
  };

  view.append(
    h('h1', {}, t('newFilm')),
    h('p', { class: 'row' }, h('label', { for: 'order-file' }, t('orderFile')), file),
    h('label', { for: 'order-text' }, t('order')),
    text,
    h('label', { for: 'order-assets' }, t('orderAssets')),
    assets,
    h('p', { class: 'row' },
      h('label', { class: 'check' }, draft, t('draft')),
      h('button', { type: 'button', id: 'estimate', onclick: () => send(true) }, t('estimate')),
      h('button', { type: 'button', id: 'start', class: 'primary', onclick: () => send(false) }, t('start'))),
    result);
  return {};
}

/** The order line by line, each error under the line it is on (file:line:column: field: message). */
function located(body, problem) {
  const byLine = new Map();
  for (const e of problem.errors) byLine.set(e.line ?? 0, [...(byLine.get(e.line ?? 0) ?? []), e]);
  const lines = body.split('\n');
  const message = e => `${e.file ?? 'order'}:${e.line ?? '?'}:${e.column ?? '?'}: ${e.field ? e.field + ': ' : ''}${e.message}`;
  return h('div', { class: 'errors' },
    h('h2', { role: 'alert' }, t('errorsFound', { n: problem.errorCount ?? problem.errors.length })),
    (byLine.get(0) ?? []).map(e => h('p', { class: 'error' }, message(e))),
    h('ol', { class: 'listing' }, lines.map((line, i) => h('li', { class: byLine.has(i + 1) ? 'bad' : '', 'data-line': i + 1 },
      h('code', {}, line || ' '),
      (byLine.get(i + 1) ?? []).map(e => h('p', { class: 'error', 'data-line': e.line, 'data-column': e.column }, message(e)))))));
}

function estimate(answer) {
  return h('div', { class: 'estimate', id: 'estimate-result' },
    h('h2', {}, t('estimateTitle')),
    h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, [t('shot'), t('model'), t('seconds'), t('cost')].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, answer.shots.map(s => h('tr', {},
        h('td', { 'data-label': t('shot') }, s.id),
        h('td', { 'data-label': t('model') }, s.ownClip ? t('provided') : [s.model, ...s.fallbacks].filter(Boolean).join(' → ')),
        h('td', { 'data-label': t('seconds') }, s.seconds),
        h('td', { 'data-label': t('cost') }, s.cached ? `${money(0, answer.currency)} (${t('fromCache')})` : money(s.estimatedCost, answer.currency)))))),
    h('p', { class: 'total' }, `${t('total')}: `, h('strong', { id: 'estimate-total' }, money(answer.estimatedCost, answer.currency)),
      answer.budget != null ? ` · ${t('budget')}: ${money(answer.budget, answer.currency)}` : ''),
    answer.overBudget ? h('p', { class: 'error' }, t('overBudget')) : null,
    answer.notes.map(n => h('p', { class: 'note' }, n)));
}
