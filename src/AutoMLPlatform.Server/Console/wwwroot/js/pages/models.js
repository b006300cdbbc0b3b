// Models: the registry list; one model's versions with their metrics side by side, lineage, and aliases with promote
// and roll back (each asks first); one version with its evaluation report when the server has one.
import { get, getWithHeaders, put, post, enc } from '../api.js';
import { h, fmt, when, table, problem, pagedList, facts, confirmAction } from '../ui.js';
import { reportSection } from './report.js';
import { qualitySection } from './quality.js';

export function renderList(view) {
  view.append(h('h1', {}, 'Models'),
    pagedList(async (offset, limit) => (await get(`/api/models?offset=${offset}&limit=${limit}`)).items, items => items.length === 0
      ? h('p', { class: 'muted' }, 'No models yet: train one from a dataset.')
      : table([
        { title: 'Model', render: m => h('a', { href: `#/models/${enc(m.name)}` }, m.name) },
        { title: 'Newest version', key: 'latestVersion', num: true },
        { title: 'Aliases', render: m => aliasBadges(m.aliases) },
        { title: 'Created', render: m => when(m.createdAt) },
        { title: '', render: m => h('a', { href: `#/predict/${enc(m.name)}` }, 'Predict') },
      ], items, { id: 'model-list' })));
}

function aliasBadges(aliases) {
  return h('span', {}, Object.entries(aliases ?? {}).map(([alias, version]) => h('span', { class: 'badge' }, `${alias} → v${version}`)));
}

export async function renderOne(view, name) {
  const heading = h('div');
  const versions = h('div');
  view.append(h('h1', {}, `Model ${name}`), heading, h('h2', {}, 'Versions'), versions);
  const aliasInput = h('input', { id: 'alias-name', value: 'production', size: 14 });

  async function refresh() {
    let model;
    try { model = await get(`/api/models/${enc(name)}`); } catch (error) { heading.replaceChildren(problem(error)); return; }
    heading.replaceChildren(h('div', { class: 'card' },
      facts([['Newest version', model.latestVersion], ['Created', when(model.createdAt)]]),
      h('h2', {}, 'Aliases'),
      Object.keys(model.aliases).length === 0 ? h('p', { class: 'muted' }, 'No aliases.') : table([
        { title: 'Alias', render: a => a[0] }, { title: 'Version', render: a => `v${a[1]}` },
        { title: '', render: a => h('button', { type: 'button', class: 'secondary', id: `rollback-${a[0]}`, onclick: () => rollback(a[0]) }, `Roll back ${a[0]}`) },
      ], Object.entries(model.aliases), { id: 'aliases' }),
      h('p', {}, h('a', { href: `#/predict/${enc(name)}` }, 'Predict with this model'))));
    versions.replaceChildren(h('div', { class: 'row' }, h('div', {}, h('label', { for: 'alias-name' }, 'Alias that “Promote” moves'), aliasInput)),
      pagedList(async (offset, limit) => (await getWithHeaders(`/api/models/${enc(name)}/versions?offset=${offset}&limit=${limit}`)).body,
        items => versionsTable(items), 20));
  }

  async function act(text, call) {
    if (!await confirmAction(text)) return;
    try { await call(); await refresh(); } catch (error) { heading.prepend(problem(error)); }
  }

  function promote(version) {
    const alias = aliasInput.value.trim() || 'production';
    return act(`Point alias “${alias}” of ${name} at version ${version}? Predictions through it switch at once.`,
      () => put(`/api/models/${enc(name)}/aliases/${enc(alias)}`, { version }));
  }

  function rollback(alias) {
    return act(`Roll alias “${alias}” of ${name} back to the version it pointed at before?`,
      () => post(`/api/models/${enc(name)}/aliases/${enc(alias)}/rollback`));
  }

  function versionsTable(items) {
    if (!items.length) return h('p', { class: 'muted' }, 'No versions.');
    const metricNames = [...new Set(items.flatMap(v => Object.keys(v.metrics)))];
    return table([
      { title: 'Version', render: v => h('a', { href: `#/models/${enc(name)}/versions/${v.version}` }, `v${v.version}`) },
      { title: 'Aliases', render: v => v.aliases.map(a => h('span', { class: 'badge' }, a)) },
      ...metricNames.map(m => ({ title: m, render: v => h('span', { class: m === v.metric ? 'strong' : undefined }, fmt(v.metrics[m])) })),
      { title: 'Trainer', render: v => v.lineage.trainer },
      { title: 'Data', render: v => h('a', { href: `#/datasets/${enc(v.lineage.datasetId)}` }, `dataset v${v.lineage.datasetVersion}`) },
      { title: 'Job', render: v => v.lineage.jobId ? h('a', { href: `#/jobs/${enc(v.lineage.jobId)}` }, v.lineage.jobId.slice(0, 8)) : '—' },
      { title: 'Created', render: v => when(v.createdAt) },
      { title: '', render: v => v.deletedAt ? 'deleted' : h('button', { type: 'button', id: `promote-${v.version}`, onclick: () => promote(v.version) }, 'Promote') },
    ], items, { id: 'versions' });
  }

  await refresh();
}

export async function renderVersion(view, name, number) {
  let version;
  try { version = await get(`/api/models/${enc(name)}/versions/${number}`); } catch (error) { view.append(problem(error)); return; }
  view.append(h('h1', {}, `${name} version ${version.version}`),
    h('p', {}, h('a', { href: `#/models/${enc(name)}` }, 'All versions'), ' · ', h('a', { href: `#/predict/${enc(name)}?version=${version.version}` }, 'Predict with this version')),
    h('div', { class: 'card' }, facts([
      ['Task', version.task], ['Label', version.label], ['Optimised metric', version.metric],
      ['Aliases', version.aliases.length ? version.aliases.join(', ') : '—'],
      ['Classes', version.classes.length ? version.classes.join(', ') : '—'],
      ['Trainer', version.lineage.trainer],
      ['Trained on', h('a', { href: `#/datasets/${enc(version.lineage.datasetId)}` }, `dataset version ${version.lineage.datasetVersion}`)],
      ['Job', version.lineage.jobId ? h('a', { href: `#/jobs/${enc(version.lineage.jobId)}` }, version.lineage.jobId) : '—'],
      ['Artifact', `${version.artifactSha256.slice(0, 16)}… (${fmt(version.artifactSizeBytes)} bytes)`],
      ['Created', when(version.createdAt)],
    ])),
    h('h2', {}, 'Metrics'),
    table([{ title: 'Metric', render: m => m[0] }, { title: 'Value', render: m => fmt(m[1]) }], Object.entries(version.metrics), { id: 'metrics' }),
    h('h2', {}, 'Hyperparameters'),
    h('p', { class: 'mono' }, Object.entries(version.lineage.hyperparameters ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '—'),
    h('h2', {}, 'Inputs'),
    table([{ title: 'Column', key: 'name' }, { title: 'Type', key: 'type' }, { title: 'May be missing', render: c => c.allowMissing ? 'yes' : 'no' }], version.inputs, { id: 'inputs' }),
    await reportSection(name, version.version),
    qualitySection(name, version.version));
}

