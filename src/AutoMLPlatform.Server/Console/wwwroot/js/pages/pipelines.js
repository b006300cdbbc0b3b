// Pipelines: their definitions and next run, and each pipeline's history of runs with the champion's and the
// challenger's scores and the decision.
import { get, post, enc } from '../api.js';
import { h, fmt, when, table, problem, pagedList, facts } from '../ui.js';

export function renderList(view) {
  view.append(h('h1', {}, 'Retraining pipelines'),
    pagedList(async (offset, limit) => (await get(`/api/pipelines?offset=${offset}&limit=${limit}`)).items, items => items.length === 0
      ? h('p', { class: 'muted' }, 'No pipelines. Add one with POST /api/pipelines or a file under pipelines/.')
      : table([
        { title: 'Pipeline', render: p => h('a', { href: `#/pipelines/${enc(p.name)}` }, p.name) },
        { title: 'Dataset', key: 'dataset' }, { title: 'Label', key: 'label' },
        { title: 'Model', render: p => h('a', { href: `#/models/${enc(p.modelName)}` }, `${p.modelName} (${p.alias})`) },
        { title: 'Schedule', render: p => `${p.schedule.cron} ${p.schedule.timeZone ?? ''}` },
        { title: 'Next run', render: p => when(p.nextRunAt) },
      ], items, { id: 'pipeline-list' })));
}

export async function renderOne(view, name) {
  let pipeline;
  try { pipeline = await get(`/api/pipelines/${enc(name)}`); } catch (error) { view.append(problem(error)); return; }
  const runs = h('div');
  const message = h('div');
  const runNow = h('button', { type: 'button', id: 'pipeline-run', onclick: async () => {
    try { await post(`/api/pipelines/${enc(name)}/run`); message.replaceChildren(h('p', { class: 'ok' }, 'Run started.')); show(); }
    catch (error) { message.replaceChildren(problem(error)); }
  } }, 'Run now');
  view.append(h('h1', {}, `Pipeline ${name}`), h('div', { class: 'card' }, facts([
    ['Dataset', pipeline.dataset], ['Label', pipeline.label], ['Task', pipeline.task], ['Metric', pipeline.metric ?? 'default'],
    ['Budget', `${fmt(pipeline.timeBudgetSeconds)} s`], ['Model', `${pipeline.modelName}, alias ${pipeline.alias}`],
    ['Schedule', `${pipeline.schedule.cron} (${pipeline.schedule.timeZone ?? 'UTC'})`], ['Next run', when(pipeline.nextRunAt)],
    ['Promotion', Object.entries(pipeline.promotion ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')],
    ['Source', pipeline.source], ['Updated', when(pipeline.updatedAt)],
  ]), h('p', {}, runNow), message), h('h2', {}, 'Runs'), runs);
  function show() {
    runs.replaceChildren(pagedList(async (offset, limit) => (await get(`/api/pipelines/${enc(name)}/runs?offset=${offset}&limit=${limit}`)).items,
      items => items.length === 0 ? h('p', { class: 'muted' }, 'No runs yet.') : table([
        { title: 'Started', render: r => when(r.startedAt ?? r.createdAt) },
        { title: 'Trigger', key: 'trigger' }, { title: 'Status', key: 'status' },
        { title: 'Champion', render: r => r.decision?.champion ? `v${r.decision.champion.version}: ${fmt(r.decision.champion.score)}` : '—' },
        { title: 'Challenger', render: r => r.decision ? `v${r.decision.challenger.version}: ${fmt(r.decision.challenger.score)}` : '—' },
        { title: 'Decision', render: r => r.decision ? `${r.decision.promoted ? 'promoted' : 'kept champion'}: ${r.decision.reason}` : r.error ?? '—' },
        { title: 'Job', render: r => r.jobId ? h('a', { href: `#/jobs/${enc(r.jobId)}` }, r.jobId.slice(0, 8)) : '—' },
      ], items, { id: 'runs' })));
  }
  show();
}
