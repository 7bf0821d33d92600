// A film's page: live progress (polling the status route, so a reload carries on), approve or reject the storyboard,
// play and download the outputs, and the storyboard card by card: regenerate, edit or replace one shot.
import { api } from './api.js';
import { h, fill, money, actionKey } from './dom.js';
import { t } from './i18n.js';
import { badge } from './films.js';

export function filmView(view, state, go, id) {
  const head = h('div', { id: 'film-head' }, h('h1', {}, id));
  const progress = h('section', { id: 'film-progress', 'aria-labelledby': 'progress-title' });
  const approval = h('section', { id: 'film-approval' });
  const outputs = h('section', { id: 'film-outputs' });
  const board = h('section', { id: 'storyboard', 'aria-labelledby': 'storyboard-title' });
  view.append(head, progress, approval, outputs, board);

  let shown = {};
  const load = async () => {
    const [film, storyboard] = await Promise.all([api.film(id), api.storyboard(id)]);
    drawHead(head, film, storyboard);
    drawProgress(progress, film);
    const ended = ['completed', 'failed', 'cancelled'].includes(film.status);
    // Redraw what the person works in only when it changes, so a form being filled in is not wiped.
    const approvalKey = `${film.awaitingApproval}`;
    if (shown.approval !== approvalKey) { shown.approval = approvalKey; drawApproval(approval, film, load); }
    const outputsKey = film.outputs.map(o => o.name).join();
    if (shown.outputs !== outputsKey) { shown.outputs = outputsKey; drawOutputs(outputs, film); }
    const boardKey = JSON.stringify(storyboard.shots.map(s => [s.id, s.status, s.state, s.source, !!s.clipUrl])) + storyboard.canRetake;
    if (shown.board !== boardKey) { shown.board = boardKey; drawBoard(board, storyboard, go); }
    return ended ? 'stop' : undefined;
  };
  return { load, every: 1500 };
}

function drawHead(head, film, storyboard) {
  fill(head,
    h('p', { class: 'crumbs' }, h('a', { href: '#/films' }, t('back'))),
    h('h1', {}, storyboard.title, ' ', badge(film)),
    h('p', { class: 'id' }, film.id));
}

function drawProgress(section, film) {
  const tally = film.shots;
  const percent = tally.total ? Math.round(100 * tally.done / tally.total) : 0;
  const ended = ['completed', 'failed', 'cancelled'].includes(film.status);
  fill(section,
    h('h2', { id: 'progress-title' }, t('progress')),
    h('p', {}, h('span', { id: 'film-stage', 'data-stage': film.stage ?? '' }, film.stage ?? '—'), film.message ? ` · ${film.message}` : ''),
    h('progress', { max: 100, value: percent, 'aria-label': t('progress') }),
    h('p', { id: 'film-shots' }, t('shotsDone', tally),
      ended && film.status === 'completed' ? report(tally) : null),
    h('p', {}, `${t('cost')}: ${money(film.cost.actual, film.cost.currency)}`, film.cost.estimated != null ? ` / ${money(film.cost.estimated, film.cost.currency)}` : ''),
    film.error ? h('p', { class: 'error', role: 'alert' }, film.error) : null,
    film.links.cancel ? h('p', {}, h('button', { type: 'button', id: 'cancel-film', onclick: async () => { await api.cancel(film.id); } }, t('cancel'))) : null);
}

function report(tally) {
  const provided = tally.provided ?? 0;
  const generated = tally.done - tally.fromCache - provided;
  return h('span', { id: 'film-report', 'data-generated': generated, 'data-cache': tally.fromCache, 'data-provided': provided },
    ' · ', t('report', { generated, cache: tally.fromCache }), provided ? t('reportProvided', { provided }) : '');
}

function drawApproval(section, film, reload) {
  if (!film.awaitingApproval) { fill(section); return; }
  const name = h('input', { id: 'approve-by', autocomplete: 'name' });
  const comment = h('textarea', { id: 'approve-comment', rows: 3 });
  const answer = async approved => {
    await api.approve(film.id, approved, name.value.trim(), comment.value.trim());
    fill(section, h('p', { role: 'status' }, t(approved ? 'approved' : 'rejected')));
    await reload();
  };
  fill(section, h('div', { class: 'panel approval' },
    h('h2', {}, t('approval')), h('p', {}, t('approvalHelp')),
    h('label', { for: 'approve-by' }, t('yourName')), name,
    h('label', { for: 'approve-comment' }, t('comment')), comment,
    h('p', { class: 'row' },
      h('button', { type: 'button', id: 'approve', class: 'primary', onclick: () => answer(true) }, t('approve')),
      h('button', { type: 'button', id: 'reject', onclick: () => answer(false) }, t('reject')))));
}

function drawOutputs(section, film) {
  if (film.outputs.length === 0) { fill(section); return; }
  const videos = film.outputs.filter(o => o.name.endsWith('.mp4'));
  fill(section,
    h('h2', {}, t('outputs')),
    h('div', { class: 'players' }, videos.map(o => h('figure', { class: 'player' },
      h('video', { controls: true, preload: 'metadata', playsinline: true, src: o.url, 'data-output': o.name }),
      h('figcaption', {}, t('rendition', { name: o.name }))))),
    h('h3', {}, t('downloads')),
    h('ul', { class: 'downloads' }, film.outputs.map(o => h('li', {}, h('a', { href: o.url, download: o.name, 'data-output': o.name }, o.name)))));
}

function drawBoard(section, storyboard, go) {
  fill(section,
    h('h2', { id: 'storyboard-title' }, t('storyboard')),
    h('ol', { class: 'cards' }, storyboard.shots.map(shot => card(storyboard, shot, go))));
}

function card(storyboard, shot, go) {
  const tools = h('div', { class: 'tools' });
  const el = h('li', { class: 'card', 'data-shot': shot.id },
    shot.clipUrl
      ? h('video', { class: 'thumb', preload: 'metadata', muted: true, playsinline: true, controls: true, src: shot.clipUrl + '#t=0.1', 'aria-label': `${t('shot')} ${shot.id}` })
      : h('div', { class: 'thumb empty' }, shot.id),
    h('h3', {}, shot.id, ' ', shot.source ? h('span', { class: `badge ${shot.source}`, 'data-source': shot.source }, t(shot.source === 'cache' || shot.source === 'provided' ? shot.source : 'generated')) : null),
    h('p', { class: 'prompt' }, shot.prompt),
    h('dl', {},
      Object.entries(shot.captions).map(([language, text]) => [h('dt', {}, `${t('captions')} (${language})`), h('dd', {}, text)]),
      h('dt', {}, t('model')), h('dd', {}, shot.model === 'own-clip' ? t('provided') : shot.model ?? '—'),
      h('dt', {}, t('seconds')), h('dd', {}, shot.seconds),
      h('dt', {}, t('cost')), h('dd', {}, money(shot.cost)),
      h('dt', {}, t('state')), h('dd', { 'data-state': shot.status }, t(shot.status), shot.state ? ` (${shot.state})` : '')),
    shot.error ? h('p', { class: 'error' }, shot.error) : null,
    tools);
  if (storyboard.canRetake) {
    const open = form => { fill(tools, form); form.querySelector('input,textarea,select')?.focus(); };
    fill(tools,
      // A clip of one's own has no take to make again.
      shot.model === 'own-clip' ? null : h('button', { type: 'button', class: 'regenerate', onclick: async () => go(`#/films/${(await api.regenerate(storyboard.filmId, shot.id, actionKey())).id}`) }, t('regenerate')),
      h('button', { type: 'button', class: 'edit', onclick: () => open(editForm(storyboard, shot, go)) }, t('edit')),
      h('button', { type: 'button', class: 'replace', onclick: () => open(pictureForm(storyboard, shot, go)) }, t('replace')),
      h('button', { type: 'button', class: 'replace-clip', onclick: () => open(clipForm(storyboard, shot, go)) }, t('replaceClip')));
  }
  return el;
}

function editForm(storyboard, shot, go) {
  const key = actionKey();
  const prompt = h('textarea', { name: 'prompt', rows: 3 }); prompt.value = shot.prompt;
  const languages = [...new Set([...storyboard.languages, ...Object.keys(shot.captions)])];
  const captions = languages.map(language => {
    const input = h('input', { name: `caption-${language}`, 'data-language': language }); input.value = shot.captions[language] ?? '';
    return h('label', {}, `${t('captions')} (${language})`, input);
  });
  const seed = h('input', { name: 'seed', type: 'number', min: 0, max: 4294967295 }); seed.value = shot.seed ?? '';
  // The models this host can make shots with (GET /api/models), the shot's own first.
  const model = h('select', { name: 'model' }, h('option', { value: shot.model ?? '' }, shot.model ?? '—'));
  api.models().then(models => {
    for (const m of models.filter(m => m.configured && m.name !== shot.model)) model.append(h('option', { value: m.name }, `${m.name} (${m.provider})`));
  }).catch(() => {});
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', { class: 'edit-form', onsubmit: async event => {
    event.preventDefault();
    const edit = { prompt: prompt.value, captions: Object.fromEntries([...event.target.querySelectorAll('[data-language]')].map(i => [i.dataset.language, i.value])) };
    if (seed.value !== '' && Number(seed.value) !== shot.seed) edit.seed = Number(seed.value);
    if (model.value.trim() && model.value.trim() !== shot.model) edit.model = model.value.trim();
    try { go(`#/films/${(await api.edit(storyboard.filmId, shot.id, edit, key)).id}`); } catch (e) { error.textContent = e.message; }
  } },
  h('label', {}, t('prompt'), prompt), captions, h('label', {}, t('seed'), seed), h('label', {}, t('model'), model), error,
  h('p', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('makeAgain'))));
}

function pictureForm(storyboard, shot, go) {
  const key = actionKey();
  const file = h('input', { name: 'picture', type: 'file', accept: 'image/png,image/jpeg,image/webp', required: true });
  const still = h('input', { name: 'still', type: 'checkbox' });
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', { class: 'picture-form', onsubmit: async event => {
    event.preventDefault();
    try { go(`#/films/${(await api.picture(storyboard.filmId, shot.id, file.files[0], still.checked, key)).id}`); } catch (e) { error.textContent = e.message; }
  } },
  h('label', {}, t('picture'), file), h('label', { class: 'check' }, still, t('still')), error,
  h('p', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('makeAgain'))));
}

function clipForm(storyboard, shot, go) {
  const key = actionKey();
  const file = h('input', { name: 'clip', type: 'file', accept: 'video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm', required: true, 'aria-describedby': `clip-help-${shot.id}` });
  const error = h('p', { class: 'error', role: 'alert' });
  return h('form', { class: 'clip-form', onsubmit: async event => {
    event.preventDefault();
    try { go(`#/films/${(await api.clip(storyboard.filmId, shot.id, file.files[0], key)).id}`); } catch (e) { error.textContent = e.message; }
  } },
  h('label', {}, t('clip'), file), h('p', { class: 'help', id: `clip-help-${shot.id}` }, t('clipHelp')), error,
  h('p', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('makeAgain'))));
}
