// A version's live quality (docs/feedback.md): GET …/versions/{v}/quality?from=&to=&window= gives { total, windows },
// each window { from, to, predictions, labelled, labelledShare, metrics, predictionDistribution }, computed over the
// logged predictions that got feedback. The section charts each metric per window and lists the windows; a model
// that does not log says so (GET /api/models/{name}/prediction-log).
import { get, enc } from '../api.js';
import { h, fmt, table, problem, chart, facts } from '../ui.js';

const palette = ['#1f5fbf', '#d9730d', '#1d7a3a', '#a8261b', '#6f42c1', '#0f8b8d', '#b8860b', '#5b6472'];
const ranges = { day: { window: 'day', count: 7, unit: 86400e3 }, hour: { window: 'hour', count: 48, unit: 3600e3 } };

export function qualitySection(name, version) {
  const body = h('div', { id: 'quality-body' });
  const range = h('select', { id: 'quality-range', onchange: () => show(range.value) },
    h('option', { value: 'day' }, 'Last 7 days, by day'), h('option', { value: 'hour' }, 'Last 48 hours, by hour'));
  const section = h('section', { id: 'live-quality' }, h('h2', {}, 'Live quality'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'quality-range' }, 'Range'), range)), body);

  async function show(key) {
    const { window, count, unit } = ranges[key];
    // Whole UTC hours or days, the current one included, so windows line up with the clock.
    const to = new Date(Math.ceil((Date.now() + 1) / unit) * unit);
    const from = new Date(to.getTime() - count * unit);
    let quality, log;
    try {
      [quality, log] = await Promise.all([
        get(`/api/models/${enc(name)}/versions/${version}/quality?from=${from.toISOString()}&to=${to.toISOString()}&window=${window}`),
        get(`/api/models/${enc(name)}/prediction-log`),
      ]);
    } catch (error) {
      body.replaceChildren(problem(error));
      return;
    }
    body.replaceChildren(...qualityParts(quality, log, window));
  }

  show('day');
  return section;
}

function qualityParts(quality, log, window) {
  const total = quality.total;
  const parts = [];
  if (!log.sampleRate) {
    parts.push(h('p', { class: 'muted', id: 'quality-log-off' },
      'This model does not log its predictions, so nothing new is measured: switch its prediction log on (PUT /api/models/{name}/prediction-log, or ',
      h('span', { class: 'mono' }, 'automl feedback log --sample-rate 1'), ') and send outcomes to POST …/feedback.'));
  }
  parts.push(h('div', { class: 'card', id: 'quality-total' }, facts([
    ['Predictions logged', total.predictions],
    ['With feedback', `${fmt(total.labelled)} (${fmt(total.labelledShare * 100, 1)} %)`],
    ...Object.entries(total.metrics).map(([metric, value]) => [metric, value]),
  ])));
  const metrics = [...new Set(quality.windows.flatMap(w => Object.keys(w.metrics)))];
  if (metrics.length === 0) {
    parts.push(h('p', { class: 'muted', id: 'quality-none' }, 'No prediction in this range has feedback yet.'));
    return parts;
  }
  const label = w => window === 'hour'
    ? new Date(w.from).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : new Date(w.from).toLocaleDateString();
  const drawn = chart({
    type: 'line',
    data: {
      labels: quality.windows.map(label),
      datasets: metrics.map((metric, i) => ({
        label: metric, data: quality.windows.map(w => w.metrics[metric] ?? null), spanGaps: false,
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], pointRadius: 3,
      })),
    },
    options: { scales: { y: { title: { display: true, text: 'metric over predictions with feedback' } } } },
  }, `Live ${metrics.join(', ')} per ${window}`);
  drawn.box.id = 'quality-chart';
  parts.push(drawn.box, table([
    { title: window === 'hour' ? 'Hour' : 'Day', render: label },
    { title: 'Predictions', key: 'predictions', num: true },
    { title: 'With feedback', key: 'labelled', num: true },
    ...metrics.map(metric => ({ title: metric, num: true, render: w => w.metrics[metric] })),
  ], quality.windows.filter(w => w.predictions > 0), { id: 'quality-windows' }));
  return parts;
}
