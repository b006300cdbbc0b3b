// Jobs: the list, and one job live (polled every two seconds while it runs): progress, the best score after each
// trial as a chart, the leaderboard with trainers and hyperparameters, the column decisions, cancel.
import { get, post, enc } from '../api.js';
import { h, fmt, when, table, problem, pagedList, facts, chart, confirmAction } from '../ui.js';

const pollMs = 2000;
const finalStatuses = ['succeeded', 'failed', 'cancelled'];

export function renderList(view) {
  view.append(h('h1', {}, 'Jobs'), h('p', { class: 'muted' }, 'Start a job from a dataset\'s page.'),
    pagedList(async (offset, limit) => (await get(`/api/jobs?offset=${offset}&limit=${limit}`)).items, items => items.length === 0
      ? h('p', { class: 'muted' }, 'No jobs yet.')
      : table([
        { title: 'Job', render: j => h('a', { href: `#/jobs/${enc(j.id)}` }, j.id.slice(0, 8)) },
        { title: 'Status', render: j => statusText(j) },
        { title: 'Model', key: 'modelName' },
        { title: 'Label', key: 'label' },
        { title: 'Task', key: 'task' },
        { title: 'Trials', render: j => fmt(j.progress.trialsDone) },
        { title: 'Best', render: j => fmt(j.progress.bestScore) },
        { title: 'Created', render: j => when(j.createdAt) },
      ], items, { id: 'job-list' })));
}

function statusText(job) {
  return h('span', { class: `status-${job.status}` }, job.status, job.cancelRequested && !finalStatuses.includes(job.status) ? ' (cancelling)' : '');
}

export async function renderOne(view, id) {
  const header = h('div');
  const scoreChart = chart({
    type: 'line',
    data: { datasets: [{ label: 'best score so far', data: [], stepped: true, borderColor: '#1f5fbf', pointRadius: 2 },
      { label: 'trial score', data: [], showLine: false, borderColor: '#9aa6b8', pointRadius: 3 }] },
    options: { parsing: false, scales: { x: { type: 'linear', title: { display: true, text: 'trial' } }, y: { title: { display: true, text: 'score' } } } },
  }, 'Best validation score after each trial');
  const leaderboard = h('div');
  const trainerTime = h('div');
  const parts = h('div');
  const columns = h('div');
  view.append(h('h1', {}, 'Job'), header, h('h2', {}, 'Best score over the search'), scoreChart.box, parts,
    h('h2', {}, 'Leaderboard'), leaderboard, h('h2', {}, 'Time by trainer'), trainerTime, h('h2', {}, 'Columns'), columns);
  let timer = null;
  let stopped = false;

  async function refresh() {
    let job;
    try { job = await get(`/api/jobs/${enc(id)}`); } catch (error) { header.replaceChildren(problem(error)); return; }
    if (stopped) return;
    header.replaceChildren(summary(job, refresh));
    drawScores(scoreChart.chart, job);
    leaderboard.replaceChildren(leaderboardTable(job));
    trainerTime.replaceChildren(trainerTimeTable(job));
    parts.replaceChildren(...partsSection(job));
    columns.replaceChildren(job.columns?.length
      ? table([{ title: 'Column', key: 'name' }, { title: 'Use', key: 'role' }, { title: 'Why', key: 'reason' }], job.columns)
      : h('p', { class: 'muted' }, 'Decided when the search starts.'));
    if (!finalStatuses.includes(job.status)) timer = setTimeout(refresh, pollMs);
  }

  await refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function summary(job, refresh) {
  const cancel = h('button', { type: 'button', id: 'job-cancel', class: 'secondary', onclick: async () => {
    if (!await confirmAction('Cancel this job? The best model so far is not registered.')) return;
    try { await post(`/api/jobs/${enc(job.id)}/cancel`); refresh(); } catch (error) { cancel.after(problem(error)); }
  } }, 'Cancel job');
  const done = job.status === 'succeeded' && job.model;
  return h('div', { class: 'card' },
    facts([
      ['Status', h('strong', { id: 'job-status' }, statusText(job))],
      ['Phase', job.progress.phase],
      ['Trials', h('span', { id: 'job-trials' }, fmt(job.progress.trialsDone))],
      ['Best score', job.progress.bestScore === undefined ? '—' : `${fmt(job.progress.bestScore)}${job.metric ? ` (${job.metric})` : ''}`],
      ['Best trainer', job.progress.bestTrainer ?? '—'],
      ['Elapsed', `${fmt(job.progress.elapsedSeconds, 1)} s of ${fmt(job.timeBudgetSeconds)} s`],
      ['Label', job.label], ['Task', job.task],
      job.parallelism > 1 ? ['Split into', `${job.parallelism} parts`] : null,
      ['Dataset', h('a', { href: `#/datasets/${enc(job.datasetId)}` }, `version ${job.datasetVersion}`)],
      job.progress.validation ? ['Validation', job.progress.validation] : null,
      job.error ? ['Error', h('span', { class: 'problem' }, job.error)] : null,
      done ? ['Model', h('a', { id: 'job-model-link', href: `#/models/${enc(job.model.modelName)}/versions/${job.model.version}` }, `${job.model.modelName} version ${job.model.version}`)] : null,
    ]),
    finalStatuses.includes(job.status) ? null : h('p', {}, cancel));
}

function drawScores(instance, job) {
  if (!instance) return;
  const trials = [...(job.leaderboard ?? [])].filter(t => t.score !== undefined && t.score !== null).sort((a, b) => a.number - b.number);
  const higher = !['logloss', 'rmse', 'mae'].includes(job.metric);
  let best = null;
  instance.data.datasets[0].data = trials.map(t => {
    best = best === null || (higher ? t.score > best : t.score < best) ? t.score : best;
    return { x: t.number, y: best };
  });
  instance.data.datasets[1].data = trials.map(t => ({ x: t.number, y: t.score }));
  instance.update();
}

// A split search (parallelism above 1): each part's trainers ran on whichever worker took it.
function partsSection(job) {
  if (!job.parts?.length) return [];
  return [h('h2', {}, 'Parts of the search'), table([
    { title: 'Part', key: 'index', num: true },
    { title: 'Status', render: p => h('span', { class: `status-${p.status}` }, p.status) },
    { title: 'Worker', render: p => p.worker ?? '—' },
    { title: 'Trials', render: p => fmt(p.trials) },
    { title: 'Best trainer', render: p => p.bestTrainer ?? '—' },
    { title: `Best score${job.metric ? ` (${job.metric})` : ''}`, render: p => fmt(p.bestScore) },
    { title: 'Note', render: p => p.error ? h('span', { class: p.status === 'failed' ? 'problem' : 'muted' }, p.error) : '' },
  ], job.parts, { id: 'job-parts' })];
}

function leaderboardTable(job) {
  const trials = job.leaderboard ?? [];
  if (!trials.length) return h('p', { class: 'muted' }, 'No trial has finished yet.');
  return table([
    { title: 'Rank', render: t => fmt(trials.indexOf(t) + 1) },
    { title: 'Trial', key: 'number', num: true },
    { title: 'Trainer', key: 'trainer' },
    { title: `Score${job.metric ? ` (${job.metric})` : ''}`, render: t => t.error ? h('span', { class: 'problem' }, t.error) : fmt(t.score) },
    { title: 'Seconds', render: t => fmt(t.durationSeconds, 2) },
    { title: 'Hyperparameters', render: t => h('span', { class: 'mono' }, Object.entries(t.hyperparameters ?? {}).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v, 4) : v}`).join(', ')) },
    { title: 'Why this trainer', render: t => h('span', { class: 'muted' }, t.selection ?? '') },
  ], trials, { id: 'leaderboard' });
}

// Where the search spent its time: per trainer, its trials, seconds and best score (from the leaderboard).
function trainerTimeTable(job) {
  const byTrainer = new Map();
  for (const t of job.leaderboard ?? []) {
    const row = byTrainer.get(t.trainer) ?? { trainer: t.trainer, trials: 0, seconds: 0, best: null };
    row.trials += 1;
    row.seconds += t.durationSeconds ?? 0;
    // The leaderboard is best first, so a trainer's first scored row is its best.
    if (row.best === null && t.score !== null && t.score !== undefined) row.best = t.score;
    byTrainer.set(t.trainer, row);
  }
  const rows = [...byTrainer.values()].sort((a, b) => b.seconds - a.seconds);
  if (!rows.length) return h('p', { class: 'muted' }, 'No trial has finished yet.');
  return table([
    { title: 'Trainer', key: 'trainer' },
    { title: 'Trials', key: 'trials', num: true },
    { title: 'Seconds', render: r => fmt(r.seconds, 1) },
    { title: `Best${job.metric ? ` (${job.metric})` : ''}`, render: r => fmt(r.best) },
  ], rows, { id: 'trainer-time' });
}
