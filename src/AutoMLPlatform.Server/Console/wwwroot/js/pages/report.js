// A model version's evaluation report (GET /api/models/{name}/versions/{v}/report): metrics, confusion matrix and
// feature importance. The endpoint is newer than the console; where it answers 404 the page says "No report".
// Field names are read tolerantly (classes/labels, matrix/counts, importance/permutationImportance…) so the page
// keeps working while the report's shape settles.
import { get, enc } from '../api.js';
import { h, fmt, table, problem, chart } from '../ui.js';

export async function reportSection(name, version) {
  const section = h('section', { id: 'report' }, h('h2', {}, 'Evaluation report'));
  let report;
  try {
    report = await get(`/api/models/${enc(name)}/versions/${version}/report`);
  } catch (error) {
    section.append(error.status === 404 || error.status === 405
      ? h('p', { class: 'muted', id: 'no-report' }, 'No report for this version.')
      : problem(error));
    return section;
  }

  const metrics = report.metrics ?? report.evaluation?.metrics;
  if (metrics && typeof metrics === 'object') {
    section.append(h('h3', {}, 'Metrics on held-out rows'),
      table([{ title: 'Metric', render: m => m[0] }, { title: 'Value', render: m => fmt(typeof m[1] === 'object' ? m[1]?.value : m[1]) }],
        Object.entries(metrics), { id: 'report-metrics' }));
  }

  const matrix = confusionMatrixOf(report);
  if (matrix) section.append(h('h3', {}, 'Confusion matrix'), matrixTable(matrix));

  const importance = importanceOf(report);
  if (importance.length) {
    const top = importance.slice(0, 20);
    section.append(h('h3', {}, 'Feature importance'),
      chart({
        type: 'bar',
        data: { labels: top.map(i => i.name), datasets: [{ label: 'importance', data: top.map(i => i.value), backgroundColor: '#1f5fbf' }] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } } },
      }, 'Feature importance, largest first').box,
      table([{ title: 'Column', key: 'name' }, { title: 'Importance', render: i => fmt(i.value) }], top, { id: 'importance' }));
  }

  if (!matrix && !importance.length && !metrics) section.append(h('p', { class: 'muted', id: 'no-report' }, 'No report for this version.'));
  return section;
}

function confusionMatrixOf(report) {
  const raw = report.confusionMatrix ?? report.evaluation?.confusionMatrix;
  if (!raw) return null;
  const counts = Array.isArray(raw) ? raw : raw.counts ?? raw.matrix ?? raw.values ?? raw.rows;
  if (!Array.isArray(counts)) return null;
  const classes = (!Array.isArray(raw) && (raw.classes ?? raw.labels)) || report.classes || counts.map((_, i) => `class ${i}`);
  return { classes, counts };
}

function matrixTable({ classes, counts }) {
  return h('table', { id: 'confusion-matrix', class: 'cm' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'actual \\ predicted'), classes.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, counts.map((row, i) => h('tr', {}, h('th', { scope: 'row' }, classes[i] ?? i),
      row.map((count, j) => h('td', { class: i === j ? 'num hit' : 'num' }, fmt(count)))))));
}

function importanceOf(report) {
  const raw = report.permutationImportance ?? report.featureImportance ?? report.importance ?? report.features;
  const list = Array.isArray(raw) ? raw.map(item => ({
    name: item.column ?? item.feature ?? item.name,
    value: item.importance ?? item.meanDecrease ?? item.drop ?? item.score ?? item.value ?? item.mean,
  })) : raw && typeof raw === 'object' ? Object.entries(raw).map(([name, value]) => ({ name, value: typeof value === 'object' ? value?.mean ?? value?.importance : value })) : [];
  return list.filter(i => i.name !== undefined && typeof i.value === 'number').sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}
