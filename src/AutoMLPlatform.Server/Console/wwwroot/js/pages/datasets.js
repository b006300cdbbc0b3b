// Datasets: upload (drag and drop, progress), the list, and one dataset's schema, profile, versions and preview,
// with the form that starts a training job on it.
import { get, post, uploadDataset, enc } from '../api.js';
import { h, fmt, when, table, problem, pagedList, facts, chart } from '../ui.js';

export function renderList(view) {
  view.append(h('h1', {}, 'Datasets'), uploadCard(), h('h2', {}, 'All datasets'),
    pagedList(async (offset, limit) => (await get(`/api/datasets?offset=${offset}&limit=${limit}`)).items, items => items.length === 0
      ? h('p', { class: 'muted' }, 'No datasets yet: upload a CSV or TSV file above.')
      : table([
        { title: 'Name', render: d => h('a', { href: `#/datasets/${enc(d.id)}` }, d.name) },
        { title: 'Version', key: 'version', num: true },
        { title: 'Rows', key: 'rowCount', num: true },
        { title: 'Columns', render: d => fmt(d.schema.columns.length) },
        { title: 'Size', render: d => bytes(d.sizeBytes) },
        { title: 'Uploaded', render: d => when(d.createdAt) },
      ], items, { id: 'dataset-list' })));
}

function bytes(n) {
  return n < 1024 ? `${n} B` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KB` : `${(n / (1 << 20)).toFixed(1)} MB`;
}

function uploadCard() {
  const file = h('input', { type: 'file', id: 'upload-file', name: 'file', accept: '.csv,.tsv,.txt,text/csv', required: true });
  const name = h('input', { id: 'upload-name', name: 'name', placeholder: 'from the file name' });
  const mode = h('select', { id: 'upload-mode', name: 'mode' }, h('option', { value: 'replace' }, 'replace (new version is the file)'), h('option', { value: 'append' }, 'append rows to the newest version'));
  const progress = h('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true });
  const result = h('div', { id: 'upload-result' });
  const drop = h('div', { class: 'drop', id: 'drop-zone' }, 'Drop a CSV or TSV file here, or choose one below.');
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) { file.files = e.dataTransfer.files; drop.textContent = `Ready: ${file.files[0].name}`; }
  });
  const button = h('button', { type: 'submit', id: 'upload-submit' }, 'Upload');
  const form = h('form', { class: 'card', id: 'upload-form' }, h('h2', {}, 'Upload a table'), drop,
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'upload-file' }, 'File'), file),
      h('div', {}, h('label', { for: 'upload-name' }, 'Dataset name'), name),
      h('div', {}, h('label', { for: 'upload-mode' }, 'If the name exists'), mode),
      button),
    progress, result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!file.files.length) return;
    const chosen = file.files[0];
    const data = new FormData();
    data.append('name', name.value.trim() || chosen.name.replace(/\.[^.]+$/, ''));
    data.append('mode', mode.value);
    data.append('file', chosen);
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    result.replaceChildren(h('p', { class: 'muted' }, `Uploading ${chosen.name}…`));
    try {
      const dataset = await uploadDataset(data, share => { progress.value = share; });
      progress.value = 1;
      location.hash = `#/datasets/${enc(dataset.id)}`;
    } catch (error) {
      progress.hidden = true;
      result.replaceChildren(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

export async function renderOne(view, id) {
  let dataset;
  try { dataset = await get(`/api/datasets/${enc(id)}`); } catch (error) { view.append(problem(error)); return; }
  view.append(h('h1', {}, `Dataset ${dataset.name}`),
    facts([['Id', h('span', { class: 'mono' }, dataset.id)], ['Newest version', dataset.version], ['Rows', dataset.rowCount],
      ['Format', dataset.format], ['Size', bytes(dataset.sizeBytes)], ['SHA-256', h('span', { class: 'mono' }, dataset.sha256.slice(0, 16) + '…')]]),
    trainForm(dataset),
    h('h2', {}, 'Schema and column profile'), profileTable(dataset, await histogramsOf(dataset)),
    h('h2', {}, 'Versions'), table([
      { title: 'Version', key: 'version', num: true }, { title: 'Rows', key: 'rowCount', num: true },
      { title: 'Size', render: v => bytes(v.sizeBytes) }, { title: 'SHA-256', render: v => h('span', { class: 'mono' }, v.sha256.slice(0, 12)) },
      { title: 'Uploaded', render: v => when(v.createdAt) }], dataset.versions ?? [], { id: 'dataset-versions' }),
    h('h2', {}, 'First rows'), await previewTable(dataset));
}

async function histogramsOf(dataset) {
  try {
    const result = await get(`/api/datasets/${enc(dataset.id)}/versions/${dataset.version}/histograms`);
    return new Map(result.columns.map(c => [c.name, c]));
  } catch {
    return new Map(); // the profile still shows without its histograms
  }
}

function histogram(column) {
  if (!column) return '—';
  return chart({
    type: 'bar',
    data: { labels: column.labels, datasets: [{ data: column.counts, backgroundColor: '#1f5fbf', barPercentage: 1, categoryPercentage: 0.95 }] },
    options: { plugins: { legend: { display: false } }, scales: { x: { display: false }, y: { display: false, beginAtZero: true } } },
  }, `Distribution of ${column.name}`, 'spark').box;
}

function profileTable(dataset, histograms) {
  const rows = Math.max(1, dataset.rowCount);
  return table([
    { title: 'Column', key: 'name' },
    { title: 'Type', render: c => c.type.toLowerCase() },
    { title: 'Missing', render: c => `${(100 * c.missingCount / rows).toFixed(1)} %` },
    { title: 'Distinct', render: c => `${fmt(c.distinctCount)}${c.distinctCountCapped ? '+' : ''}` },
    { title: 'Min', render: c => fmt(c.numeric?.min) },
    { title: 'Mean', render: c => fmt(c.numeric?.mean) },
    { title: 'Max', render: c => fmt(c.numeric?.max) },
    { title: 'Distribution', render: c => histogram(histograms.get(c.name)) },
    { title: 'Sensitive', render: c => c.sensitive ? `${c.sensitive.kind.toLowerCase()}: ${c.sensitive.handling.toLowerCase()}` : '' },
  ], dataset.schema.columns, { id: 'schema' });
}

async function previewTable(dataset) {
  try {
    const preview = await get(`/api/datasets/${enc(dataset.id)}/versions/${dataset.version}/preview?rows=10`);
    return h('div', { class: 'scroll' }, table(preview.columns.map((c, i) => ({ title: c, render: r => r[i] ?? '' })), preview.rows, { id: 'preview' }));
  } catch (error) {
    return problem(error);
  }
}

function trainForm(dataset) {
  const columns = dataset.schema.columns.filter(c => !c.sensitive);
  const label = h('select', { id: 'job-label', required: true }, columns.map(c => h('option', { value: c.name }, `${c.name} (${c.type.toLowerCase()})`)));
  const guess = columns.findLast(c => c.type === 'categorical' || c.type === 'boolean') ?? columns.at(-1);
  if (guess) label.value = guess.name;
  const task = h('select', { id: 'job-task' }, ['auto', 'binary', 'multiclass', 'regression'].map(t => h('option', { value: t }, t)));
  const budget = h('input', { id: 'job-budget', type: 'number', min: 1, max: 86400, value: 60, required: true });
  const model = h('input', { id: 'job-model', value: dataset.name, required: true });
  const parallelism = h('select', { id: 'job-parallelism' }, [1, 2, 3, 4, 5, 6, 7].map(n => h('option', { value: n }, n === 1 ? '1 (one worker)' : `${n} parts`)));
  const result = h('div');
  const form = h('form', { class: 'card', id: 'train-form' }, h('h2', {}, 'Train a model on this dataset'),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'job-label' }, 'Column to predict'), label),
      h('div', {}, h('label', { for: 'job-task' }, 'Task'), task),
      h('div', {}, h('label', { for: 'job-budget' }, 'Time budget (seconds)'), budget),
      h('div', {}, h('label', { for: 'job-model' }, 'Model name'), model),
      h('div', {}, h('label', { for: 'job-parallelism', title: 'Split the search over free workers, by trainer' }, 'Split the search'), parallelism),
      h('button', { type: 'submit', id: 'job-submit' }, 'Start training')),
    result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const job = await post('/api/jobs', {
        datasetId: dataset.id, datasetVersion: dataset.version, label: label.value, task: task.value,
        timeBudgetSeconds: Number(budget.value), modelName: model.value.trim(), parallelism: Number(parallelism.value),
      });
      location.hash = `#/jobs/${enc(job.id)}`;
    } catch (error) {
      result.replaceChildren(problem(error));
    }
  });
  return form;
}
