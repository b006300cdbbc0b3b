// The console's shell: sign-in, the hash router and the navigation. Each page is a module exporting
// render(view, params) that may return a function to stop its polling when the user leaves.
import { bootstrapKeyFile, session, verifyKey } from './api.js';
import { h } from './ui.js';
import * as datasets from './pages/datasets.js';
import * as jobs from './pages/jobs.js';
import * as models from './pages/models.js';
import * as predict from './pages/predict.js';
import * as pipelines from './pages/pipelines.js';

const routes = [
  [/^#\/datasets\/([^/]+)$/, datasets.renderOne],
  [/^#\/datasets$/, datasets.renderList],
  [/^#\/jobs\/([^/]+)$/, jobs.renderOne],
  [/^#\/jobs$/, jobs.renderList],
  [/^#\/models\/([^/]+)\/versions\/(\d+)$/, models.renderVersion],
  [/^#\/models\/([^/]+)$/, models.renderOne],
  [/^#\/models$/, models.renderList],
  [/^#\/predict\/([^/]+)$/, predict.render],
  [/^#\/pipelines\/([^/]+)$/, pipelines.renderOne],
  [/^#\/pipelines$/, pipelines.renderList],
];

const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');
const nav = document.getElementById('nav');
let stop = null;

function showSignIn() {
  nav.hidden = true;
  view.replaceChildren();
  signIn.hidden = false;
  document.getElementById('api-key').focus();
  showKeyFile();
}

// Names this server's real key file (its data directory depends on where and how it was started); the page's own
// text, which names the file under "its data directory", stays when the server does not say (a remote browser).
async function showKeyFile() {
  const file = await bootstrapKeyFile();
  if (!file) return;
  document.getElementById('key-file').replaceChildren(...(file.exists
    ? ['Paste an API key. The first admin key of this platform is in ', h('code', {}, file.path), ' on the server\'s machine.']
    : ['Paste an API key. This platform has no key file at ', h('code', {}, file.path),
      ': its first admin key came from AUTOMLPLATFORM_BOOTSTRAP_KEY, or the file was removed after it was read.']));
}

async function route() {
  if (stop) { stop(); stop = null; }
  if (!session.key) { showSignIn(); return; }
  signIn.hidden = true;
  nav.hidden = false;
  const hash = location.hash || '#/datasets';
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', hash.startsWith(link.getAttribute('href')));
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  const match = routes.find(([pattern]) => pattern.test(hash));
  view.replaceChildren();
  if (!match) { view.append(h('p', {}, 'Nothing here. '), h('a', { href: '#/datasets' }, 'Go to datasets')); return; }
  const params = hash.match(match[0]).slice(1).map(decodeURIComponent);
  stop = (await match[1](view, ...params)) ?? null;
  document.getElementById('main').focus({ preventScroll: true });
}

document.getElementById('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('api-key');
  const error = document.getElementById('sign-in-error');
  error.hidden = true;
  const key = input.value.trim();
  try {
    await verifyKey(key);
  } catch (failure) {
    error.textContent = failure.status === 401
      ? 'Sign-in failed: the server did not accept this API key. It may be mistyped, revoked or expired; paste the whole key and try again.'
      : failure.status === 429
        ? `Too many failed sign-ins from this address; wait a moment and try again. ${failure.problem.detail ?? ''}`
      : failure.status === 403
        ? 'This key is valid but may not read datasets; sign in with a key that has the read scope.'
        : `Could not sign in: ${failure.message}`;
    error.hidden = false;
    input.select();
    return;
  }
  session.key = key;
  input.value = '';
  if (!location.hash) location.hash = '#/datasets'; else route();
});

document.getElementById('sign-out').addEventListener('click', () => { session.key = null; showSignIn(); });
window.addEventListener('hashchange', route);
route();
