// The films page: every film with status, stage, shots and cost; filter by status, search by title or id; open a
// batch by its id; refreshes itself.
import { api } from './api.js';
import { h, fill, money, when } from './dom.js';
import { t } from './i18n.js';

const statuses = ['pending', 'running', 'completed', 'failed', 'cancelled'];

export function filmsView(view, state, go) {
  const search = h('input', { type: 'search', id: 'film-search', placeholder: t('search'), 'aria-label': t('search'), value: state.search ?? '' });
  const filter = h('select', { id: 'film-filter', 'aria-label': t('status') },
    h('option', { value: '' }, t('allStatuses')), statuses.map(s => h('option', { value: s }, t(s))));
  filter.value = state.status ?? '';
  const body = h('div', { class: 'films' }, h('p', {}, t('loading')));
  view.append(h('h1', {}, t('films')), h('div', { class: 'row filters' }, search, filter), openBatch(go), body);

  let films = [];
  const draw = () => {
    state.search = search.value; state.status = filter.value;
    const needle = search.value.trim().toLowerCase();
    const shown = films.filter(f => (!filter.value || f.status === filter.value)
      && (!needle || f.title.toLowerCase().includes(needle) || f.id.includes(needle)));
    fill(body, shown.length === 0 ? h('p', {}, t('noFilms')) : table(shown));
  };
  search.addEventListener('input', draw);
  filter.addEventListener('change', draw);

  const load = async () => { films = await api.films(); draw(); };
  return { load, every: 3000 };
}

/** A batch is found by the id POST /api/batches answered (or `cloudreel batch` printed). */
function openBatch(go) {
  const input = h('input', { type: 'text', id: 'batch-id', name: 'batch', required: true, autocomplete: 'off', spellcheck: false, placeholder: t('batchIdHint') });
  return h('form', { class: 'row open-batch', id: 'open-batch', onsubmit: event => {
    event.preventDefault();
    const id = input.value.trim();
    if (id) go(`#/batches/${encodeURIComponent(id)}`);
  } }, h('label', { for: 'batch-id' }, t('openBatchLabel')), input, h('button', { type: 'submit', id: 'open-batch-button' }, t('openBatch')));
}

function table(films) {
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, [t('title'), t('status'), t('stage'), t('shots'), t('cost'), t('created')].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, films.map(f => h('tr', { 'data-film': f.id },
      h('td', { 'data-label': t('title') }, h('a', { href: `#/films/${f.id}` }, f.title), h('small', { class: 'id' }, f.id)),
      h('td', { 'data-label': t('status') }, badge(f)),
      h('td', { 'data-label': t('stage') }, f.stage ?? '—'),
      h('td', { 'data-label': t('shots') }, `${f.shotsDone}/${f.shotsTotal}`),
      h('td', { 'data-label': t('cost') }, money(f.estimatedCost, f.currency)),
      h('td', { 'data-label': t('created') }, when(f.createdUtc))))));
}

export function badge(film) {
  const word = film.awaitingApproval ? 'awaitingApproval' : film.status;
  return h('span', { class: `badge ${film.awaitingApproval ? 'approval' : film.status}`, 'data-status': word }, t(word));
}
