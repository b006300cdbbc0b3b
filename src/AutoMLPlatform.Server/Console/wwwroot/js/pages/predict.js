// Predict: a form generated from a model version's input schema, the answer with class probabilities and, when asked,
// each input column's contribution to it (the server's Shapley values); and a CSV batch that comes back as a file.
import { get, post, postCsv, enc } from '../api.js';
import { h, fmt, table, problem, chart } from '../ui.js';

export async function render(view, target) {
  const [name, query] = target.split('?');
  const requested = new URLSearchParams(query ?? '').get('version');
  let model;
  try { model = await get(`/api/models/${enc(name)}`); } catch (error) { view.append(problem(error)); return; }
  const number = requested ?? model.aliases.production ?? model.latestVersion;
  let version;
  try { version = await get(`/api/models/${enc(name)}/versions/${number}`); } catch (error) { view.append(problem(error)); return; }
  const selector = requested ? `version=${version.version}` : model.aliases.production ? 'alias=production' : `version=${version.version}`;
  view.append(h('h1', {}, `Predict with ${name}`),
    h('p', { class: 'muted', id: 'predict-target' }, requested || !model.aliases.production
      ? `Version ${version.version}.` : `The production alias: version ${version.version}.`),
    singleForm(name, version, selector), batchForm(name, selector));
}

// Inputs are found by position, never by the column's name: names may hold spaces, dots or brackets, differ only in
// case or look like another input's id; data-column carries the name for people and tests.
function field(column, index) {
  const id = `in-${index}`;
  const optional = column.allowMissing ? ' (optional)' : '';
  const input = column.type === 'boolean'
    ? h('select', { id, 'data-column': column.name }, h('option', { value: '' }, '—'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'))
    : h('input', { id, 'data-column': column.name, type: column.type === 'numeric' ? 'number' : 'text', step: column.type === 'numeric' ? 'any' : undefined,
      required: !column.allowMissing, placeholder: column.allowMissing ? 'may be left empty' : undefined });
  return { input, element: h('div', {}, h('label', { for: id }, `${column.name} · ${column.type}${optional}`), input) };
}

function singleForm(name, version, selector) {
  const answer = h('div', { id: 'prediction' });
  const explain = h('input', { type: 'checkbox', id: 'explain-toggle', checked: true });
  const fields = version.inputs.map(field);
  const form = h('form', { class: 'card', id: 'predict-form' }, h('h2', {}, 'One row'),
    h('div', { class: 'grid' }, fields.map(f => f.element)),
    h('p', { class: 'row' }, h('button', { type: 'submit', id: 'predict-submit' }, 'Predict'),
      h('label', { for: 'explain-toggle', class: 'check' }, explain, ' Explain: how much each column moved the answer')), answer);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    // No prototype: a column named "__proto__" is a field like any other.
    const row = Object.create(null);
    version.inputs.forEach((column, i) => {
      const value = fields[i].input.value;
      row[column.name] = value === '' ? null : column.type === 'numeric' ? Number(value) : column.type === 'boolean' ? value === 'true' : value;
    });
    try {
      const query = explain.checked ? `${selector}&explain=true` : selector;
      answer.replaceChildren(showAnswer(await post(`/api/predict/${enc(name)}?${query}`, row)));
    } catch (error) {
      answer.replaceChildren(problem(error));
    }
  });
  return form;
}

function showAnswer(result) {
  const parts = [h('p', {}, 'Answer of version ', fmt(result.version), ': ',
    h('strong', { id: 'predicted' }, result.predictedLabel ?? fmt(result.predictedValue ?? result.score)))];
  if (result.probabilities) {
    const entries = Object.entries(result.probabilities).sort((a, b) => b[1] - a[1]);
    parts.push(table([{ title: 'Class', render: p => p[0] }, { title: 'Probability', render: p => fmt(p[1]) }], entries, { id: 'probabilities' }),
      chart({ type: 'bar', data: { labels: entries.map(p => p[0]), datasets: [{ label: 'probability', data: entries.map(p => p[1]), backgroundColor: '#1f5fbf' }] },
        options: { indexAxis: 'y', scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } } }, 'Class probabilities').box);
  }
  if (result.explanation) parts.push(showExplanation(result.explanation));
  return h('div', {}, parts);
}

// The explanation as served: base + the contributions = the explained number (docs/insight.md), largest effect first.
function showExplanation(explanation) {
  const entries = Object.entries(explanation.contributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const method = explanation.method === 'exact-shapley' ? 'exact Shapley values' : 'sampled Shapley values';
  return h('section', { id: 'explanation' }, h('h3', {}, 'Why'),
    h('p', { class: 'muted', id: 'explanation-sum' }, `${explanation.explains}: `, h('span', { class: 'mono' }, fmt(explanation.score)),
      ` = base ${fmt(explanation.base)} (every column missing) + the contributions below (${method}).`),
    table([{ title: 'Column', render: c => c[0] }, { title: 'Contribution', num: true, render: c => c[1] }], entries, { id: 'contributions' }),
    chart({ type: 'bar', data: { labels: entries.map(c => c[0]), datasets: [{ label: 'contribution', data: entries.map(c => c[1]),
      backgroundColor: entries.map(c => c[1] >= 0 ? '#1f7a3f' : '#b3261e') }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } } }, 'Contribution of each column').box);
}

function batchForm(name, selector) {
  const file = h('input', { type: 'file', id: 'batch-file', accept: '.csv,text/csv', required: true });
  const result = h('div', { id: 'batch-result' });
  const form = h('form', { class: 'card', id: 'batch-form' }, h('h2', {}, 'A CSV file'),
    h('p', { class: 'muted' }, 'Every row comes back with the prediction columns added.'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'batch-file' }, 'CSV with a header row'), file),
      h('button', { type: 'submit', id: 'batch-submit' }, 'Score file')), result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!file.files.length) return;
    result.replaceChildren(h('p', { class: 'muted' }, 'Scoring…'));
    try {
      const blob = await postCsv(`/api/predict/${enc(name)}/batch?${selector}`, file.files[0]);
      const rows = (await blob.text()).split('\n').filter(line => line.length > 0).length - 1;
      const fileName = `${name}-predictions.csv`;
      const link = h('a', { href: URL.createObjectURL(blob), download: fileName, id: 'batch-download' }, `Download ${fileName}`);
      result.replaceChildren(h('p', { class: 'ok' }, `${fmt(rows)} rows scored. `, link));
      link.click();
    } catch (error) {
      result.replaceChildren(problem(error));
    }
  });
  return form;
}
