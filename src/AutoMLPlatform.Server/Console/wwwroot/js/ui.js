// Small DOM helpers: elements are built with h(), never from HTML strings, so no value from the API is ever parsed
// as markup and the Content-Security-Policy needs no inline script or style.

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function fmt(value, digits = 4) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(digits);
  return String(value);
}

export function when(value) { return value ? new Date(value).toLocaleString() : '—'; }

export function table(columns, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.title)))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => {
      const value = c.render ? c.render(row) : row[c.key];
      return h('td', { class: c.num ? 'num' : undefined }, value instanceof Node ? value : c.num ? fmt(value) : value ?? '—');
    })))));
}

/** Shows an API error: the problem's title, detail and field errors, as the server wrote them. */
export function problem(error) {
  const p = error?.problem ?? {};
  const fields = p.errors ? Object.entries(p.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`) : [];
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, p.title || 'Request failed'), p.status || error?.status ? ` (${p.status || error.status})` : '',
    p.detail ? h('div', { class: 'problem-detail' }, p.detail) : null,
    fields.length ? h('ul', {}, fields.map(f => h('li', {}, f))) : null,
    p.errorCode ? h('div', { class: 'muted mono' }, p.errorCode) : null);
}

/**
 * A pager for a list the server pages with ?offset=&limit=. `load(offset, limit)` returns the items; "Next" is
 * offered while a page comes back full.
 */
export function pagedList(load, render, limit = 20) {
  const container = h('div', { class: 'paged' });
  let offset = 0;
  async function show() {
    let items;
    try { items = await load(offset, limit); } catch (error) { container.replaceChildren(problem(error)); return; }
    const prev = h('button', { type: 'button', class: 'secondary', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - limit); show(); } }, 'Previous');
    const next = h('button', { type: 'button', class: 'secondary', disabled: items.length < limit, onclick: () => { offset += limit; show(); } }, 'Next');
    const range = items.length ? `${offset + 1}–${offset + items.length}` : 'none';
    container.replaceChildren(render(items), h('div', { class: 'pager' }, prev, h('span', { class: 'muted' }, range), next));
  }
  show();
  return container;
}

/** Asks for confirmation in a modal dialog (focus moves into it; Escape cancels). */
export function confirmAction(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/** Draws a Chart.js chart into a canvas; a short note replaces it if the library did not load. */
export function chart(config, label, boxClass = 'chart') {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const box = h('div', { class: boxClass }, canvas);
  if (!window.Chart) { box.replaceChildren(h('p', { class: 'muted' }, 'Charts are unavailable (the charting library did not load).')); return { box, chart: null }; }
  const instance = new window.Chart(canvas, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
  return { box, chart: instance };
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(p => p).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v instanceof Node ? v : fmt(v))]));
}
