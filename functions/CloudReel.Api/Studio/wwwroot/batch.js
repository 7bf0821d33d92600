// A batch's page: where it stands row by row (GET /api/batches/{id}), each row's film one click away, the counts
// and cost so far, cancel while it runs, and its reports once written. Refreshes itself until the batch ends.
import { api, ApiError } from './api.js';
import { h, fill, money } from './dom.js';
import { t } from './i18n.js';

const ended = ['completed', 'failed', 'cancelled'];

export function batchView(view, state, go, id) {
  const head = h('div', { id: 'batch-head' }, h('h1', {}, id));
  const summary = h('section', { id: 'batch-summary', class: 'panel' });
  const rows = h('section', { id: 'batch-rows', 'aria-labelledby': 'batch-rows-title' });
  view.append(head, summary, rows);

  const load = async () => {
    const batch = await api.batch(id);
    drawHead(head, batch);
    drawSummary(summary, batch, load);
    drawRows(rows, batch);
    return ended.includes(batch.status) ? 'stop' : undefined;
  };
  return { load, every: 1500 };
}

function drawHead(head, batch) {
  fill(head,
    h('p', { class: 'crumbs' }, h('a', { href: '#/films' }, t('back'))),
    h('h1', {}, batch.name, ' ', h('span', { class: `badge ${batch.status}`, 'data-status': batch.status }, t(batch.status))),
    h('p', { class: 'id' }, batch.id));
}

function drawSummary(section, batch, reload) {
  const { total, done, running, failed, waiting } = batch.rows;
  const cancel = batch.links.cancel
    ? h('button', { type: 'button', id: 'cancel-batch', onclick: async event => {
      event.currentTarget.disabled = true;
      try { await api.cancelBatch(batch.id); } catch (error) { if (!(error instanceof ApiError && error.status === 409)) throw error; }
      await reload();
    } }, t('cancelBatch'))
    : null;
  fill(section,
    h('progress', { max: total, value: done + failed, 'aria-label': t('progress') }),
    h('p', { id: 'batch-tally', 'data-done': done, 'data-total': total }, t('batchTally', { total, done, running, failed, waiting })),
    h('p', { id: 'batch-cost' }, `${t('costSoFar')}: ${money(batch.cost.actual, batch.cost.currency)} · ${t('estimateTitle')}: ${money(batch.cost.estimated, batch.cost.currency)}`,
      batch.cost.budget === null || batch.cost.budget === undefined ? null : ` · ${t('budget')}: ${money(batch.cost.budget, batch.cost.currency)}`),
    batch.stage && !ended.includes(batch.status) ? h('p', { class: 'note' }, `${t('stage')}: ${batch.stage}`) : null,
    batch.error ? h('p', { class: 'error', role: 'alert' }, batch.error) : null,
    cancel ? h('p', { class: 'row' }, cancel) : null,
    batch.reports.length
      ? [h('h2', {}, t('batchReports')), h('ul', { class: 'downloads', id: 'batch-reports' }, batch.reports.map(r => h('li', {}, h('a', { href: r.url, download: r.name, 'data-report': r.name }, r.name))))]
      : null);
}

function drawRows(section, batch) {
  const columns = [t('row'), t('rowKey'), t('film'), t('status'), t('cost'), t('error')];
  fill(section,
    h('h2', { id: 'batch-rows-title' }, t('batchRows')),
    h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, batch.rowDetails.map(r => h('tr', { 'data-row': r.row, 'data-status': r.status },
        h('td', { 'data-label': t('row') }, r.row),
        h('td', { 'data-label': t('rowKey') }, r.key),
        h('td', { 'data-label': t('film') }, h('a', { href: `#/films/${encodeURIComponent(r.filmId)}`, 'data-film': r.filmId }, r.filmId)),
        h('td', { 'data-label': t('status') }, h('span', { class: `badge ${r.status}` }, t(r.status))),
        h('td', { 'data-label': t('cost') }, money(r.cost, batch.cost.currency)),
        h('td', { 'data-label': t('error') }, r.error ? h('span', { class: 'error' }, r.error) : t('none')))))));
}
