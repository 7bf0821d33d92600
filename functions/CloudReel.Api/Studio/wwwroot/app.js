// The studio: a hash router over four pages (films, new film, a film, a batch), each drawn from the API and refreshed
// by polling while it is shown. The page address names the page, so a reload comes back to it and carries on.
import { ApiError, key } from './api.js';
import { t, lang, setLanguage, translate } from './i18n.js';
import { filmsView } from './films.js';
import { newFilmView } from './newfilm.js';
import { filmView } from './film.js';
import { batchView } from './batch.js';

const view = document.getElementById('view');
const live = document.getElementById('live');
const dialog = document.getElementById('key-dialog');
const state = {};
let timer = null;
let generation = 0;

const go = hash => { if (location.hash === hash) route(); else location.hash = hash; };

function pageFor(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'films' && parts.length === 1)) return { name: 'films', make: v => filmsView(v, state, go) };
  if (parts[0] === 'new') return { name: 'new', make: v => newFilmView(v, state, go) };
  if (parts[0] === 'films' && parts.length === 2) return { name: 'film', make: v => filmView(v, state, go, parts[1]) };
  if (parts[0] === 'batches' && parts.length === 2) return { name: 'batch', make: v => batchView(v, state, go, parts[1]) };
  return null;
}

async function route() {
  clearTimeout(timer);
  const mine = ++generation;
  const page = pageFor(location.hash);
  view.replaceChildren();
  delete view.dataset.loaded;
  document.body.dataset.page = page?.name ?? 'none';
  for (const link of document.querySelectorAll('nav a')) link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${page?.name === 'new' ? 'new' : 'films'}`);
  if (!page) { view.append(Object.assign(document.createElement('p'), { textContent: t('notFound') })); return; }
  const { load, every } = page.make(view);
  view.querySelector('h1')?.setAttribute('tabindex', '-1');
  view.focus({ preventScroll: true });
  if (!load) { view.dataset.loaded = 'true'; return; }
  const tick = async () => {
    if (mine !== generation) return;
    try {
      const done = await load();
      view.dataset.loaded = 'true';
      if (done !== 'stop' && mine === generation) timer = setTimeout(tick, every);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) { askKey(); return; }
      show(error.message);
      if (mine === generation) timer = setTimeout(tick, every * 2);
    }
  };
  await tick();
}

function show(message) {
  live.textContent = message;
  let banner = view.querySelector('.banner');
  if (!banner) { banner = Object.assign(document.createElement('p'), { className: 'banner error', role: 'alert' }); view.prepend(banner); }
  banner.textContent = message;
}

function askKey() {
  if (!dialog.open) dialog.showModal();
  document.getElementById('key-input').focus();
}

document.getElementById('key-form').addEventListener('submit', () => {
  key.set(document.getElementById('key-input').value.trim());
  document.getElementById('key-input').value = '';
  route();
});
document.getElementById('key-button').addEventListener('click', askKey);

const select = document.getElementById('lang');
select.value = lang;
select.addEventListener('change', () => { setLanguage(select.value); route(); });

translate(document);
window.addEventListener('hashchange', route);
if (!key.get()) askKey(); else route();
