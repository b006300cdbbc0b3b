// A model version's insight (docs/insight.md): GET /api/models/{name}/versions/{v}/report gives
// { model, version, task, validation?, evaluation?, importance? } (parts not computed are left out). The page shows the
// user's latest dataset evaluation when there is one, else the engine's validation report; permutation importance;
// a form that evaluates the version on a dataset (POST …/evaluate) and a button that downloads it as ONNX (GET …/onnx).
import { get, getBlob, post, enc } from '../api.js';
import { h, fmt, when, table, problem, chart, facts } from '../ui.js';

const palette = ['#1f5fbf', '#d9730d', '#1d7a3a', '#a8261b', '#6f42c1', '#0f8b8d', '#b8860b', '#5b6472'];
const colour = i => palette[i % palette.length];

export async function reportSection(name, version) {
  const section = h('section', { id: 'report' }, h('h2', {}, 'Evaluation report'));
  const base = `/api/models/${enc(name)}/versions/${version}`;
  let report;
  try {
    report = await get(`${base}/report`);
  } catch (error) {
    section.append(problem(error));
    return section;
  }
  const body = h('div', { id: 'report-body' });
  const redraw = () => body.replaceChildren(...reportParts(report).filter(part => part));
  redraw();
  section.append(body, evaluateCard(base, evaluated => { report.evaluation = evaluated; redraw(); }), exportCard(base, name, version));
  return section;
}

function reportParts(report) {
  const evaluation = report.evaluation ?? report.validation;
  if (!evaluation && !report.importance) return [h('p', { class: 'muted', id: 'no-report' }, 'No report for this version.')];
  const parts = [];
  if (evaluation) parts.push(...evaluationParts(evaluation, report.evaluation && report.validation ? report.validation : null));
  else parts.push(h('p', { class: 'muted' }, 'No evaluation report for this version.'));
  if (report.importance) parts.push(...importanceParts(report.importance));
  return parts;
}

function evaluationParts(evaluation, validation) {
  const parts = [
    h('p', { id: 'report-source' }, evaluation.source === 'dataset' ? 'On a dataset you evaluated it on: ' : 'On the engine\'s validation rows: ',
      h('strong', {}, evaluation.description), ` (${fmt(evaluation.rows)} rows, computed ${when(evaluation.computedAt)}).`),
  ];
  if (validation) {
    parts.push(h('p', { class: 'muted' }, `The training job's report (${validation.description}, ${fmt(validation.rows)} rows) had `,
      validation.classification ? `accuracy ${fmt(validation.classification.accuracy)}` : `RMSE ${fmt(validation.regression?.rmse)}`, '.'));
  }
  if (evaluation.classification) parts.push(...classificationParts(evaluation.classification));
  if (evaluation.regression) parts.push(...regressionParts(evaluation.regression));
  return parts;
}

function metricsTable(rows) {
  return table([{ title: 'Metric', render: m => m[0] }, { title: 'Value', num: true, render: m => m[1] }], rows, { id: 'report-metrics' });
}

function classificationParts(c) {
  const classes = c.classes.map(k => k.class);
  return [
    metricsTable([['Accuracy', c.accuracy], ['Macro precision', c.macroPrecision], ['Macro recall', c.macroRecall],
      ['Macro F1', c.macroF1], ['AUC', c.auc], ['Log loss', c.logLoss]]),
    h('h3', {}, 'Per class'),
    table([{ title: 'Class', key: 'class' }, { title: 'Support', key: 'support', num: true }, { title: 'Precision', key: 'precision', num: true },
      { title: 'Recall', key: 'recall', num: true }, { title: 'F1', key: 'f1', num: true }, { title: 'AUC', key: 'auc', num: true }],
    c.classes, { id: 'report-classes' }),
    h('h3', {}, 'Confusion matrix'),
    h('p', { class: 'muted' }, 'Rows are the true class, columns the predicted one.'),
    h('div', { class: 'scroll' }, matrixTable(classes, c.confusionMatrix)),
    h('div', { class: 'charts' },
      h('div', {}, h('h3', {}, 'ROC curve'), curveChart(c.curves, 'roc', 'False-positive rate', 'True-positive rate', 'ROC curve per class', 'roc-chart')),
      h('div', {}, h('h3', {}, 'Precision-recall curve'), curveChart(c.curves, 'precisionRecall', 'Recall', 'Precision', 'Precision-recall curve per class', 'pr-chart'))),
    c.curves.length === 1 && classes.length === 2 ? h('p', { class: 'muted' }, `Binary: the curves are of the positive class, ${c.curves[0].class}.`) : null,
    h('h3', {}, 'Calibration'),
    table([{ title: 'Probability', render: b => `${fmt(b.lower, 1)}–${fmt(b.upper, 1)}` }, { title: 'Rows', key: 'count', num: true },
      { title: 'Mean predicted', key: 'meanPredicted', num: true }, { title: 'Observed rate', key: 'observedRate', num: true }],
    c.calibration.filter(b => b.count > 0), { id: 'calibration' }),
  ];
}

function matrixTable(classes, counts) {
  return h('table', { id: 'confusion-matrix', class: 'cm' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'actual \\ predicted'), classes.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, counts.map((row, i) => h('tr', {}, h('th', { scope: 'row' }, classes[i] ?? String(i)),
      row.map((count, j) => h('td', { class: i === j ? 'num hit' : 'num' }, fmt(count)))))));
}

function curveChart(curves, kind, xTitle, yTitle, label, id) {
  const datasets = curves.map((curve, i) => ({
    label: curve.class, data: curve[kind].map(p => ({ x: p.x, y: p.y })), showLine: true, pointRadius: 0, borderWidth: 2,
    borderColor: colour(i), backgroundColor: colour(i),
  }));
  if (kind === 'roc') datasets.push({ label: 'chance', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, pointRadius: 0, borderDash: [4, 4], borderColor: '#9aa3ad' });
  const drawn = chart({
    type: 'scatter', data: { datasets },
    options: { scales: { x: { min: 0, max: 1, title: { display: true, text: xTitle } }, y: { min: 0, max: 1, title: { display: true, text: yTitle } } } },
  }, label);
  drawn.box.id = id;
  return drawn.box;
}

function regressionParts(r) {
  const values = r.points.flatMap(p => [p.predicted, p.actual]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const scatter = chart({
    type: 'scatter',
    data: {
      datasets: [
        { label: 'rows', data: r.points.map(p => ({ x: p.actual, y: p.predicted })), pointRadius: 2, backgroundColor: colour(0) },
        { label: 'predicted = actual', data: [{ x: low, y: low }, { x: high, y: high }], showLine: true, pointRadius: 0, borderDash: [4, 4], borderColor: '#9aa3ad' },
      ],
    },
    options: { scales: { x: { title: { display: true, text: 'Actual' } }, y: { title: { display: true, text: 'Predicted' } } } },
  }, 'Predicted against actual');
  scatter.box.id = 'predicted-actual';
  return [
    metricsTable([['RMSE', r.rmse], ['MAE', r.mae], ['R²', r.r2]]),
    h('h3', {}, 'Predicted against actual'),
    h('p', { class: 'muted' }, `${fmt(r.points.length)} evenly spaced rows.`),
    scatter.box,
    h('h3', {}, 'Residuals (actual − predicted)'),
    table([{ title: 'Quantile', render: q => q.quantile === undefined ? '—' : `${fmt(q.quantile * 100, 0)} %` }, { title: 'Residual', key: 'value', num: true }],
      r.residualQuantiles, { id: 'residual-quantiles' }),
  ];
}

function importanceParts(importance) {
  const top = importance.columns.slice(0, 20);
  const drawn = chart({
    type: 'bar',
    data: { labels: top.map(c => c.column), datasets: [{ label: `worsening of ${importance.metric}`, data: top.map(c => c.mean), backgroundColor: colour(0) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { title: { display: true, text: `worsening of ${importance.metric}` } } } },
  }, 'Permutation feature importance, most important first');
  drawn.box.id = 'importance-chart';
  drawn.box.style.height = `${Math.max(150, 70 + 30 * top.length)}px`; // a bar's height whatever the column count (CSSOM, allowed by the CSP)
  return [
    h('h3', {}, 'Feature importance'),
    h('p', { class: 'muted', id: 'importance-note' }, `How much ${importance.metric} worsens when one column is shuffled, on ${importance.description} `,
      `(${fmt(importance.rows)} rows, ${fmt(importance.repeats)} repeat${importance.repeats === 1 ? '' : 's'}, baseline ${fmt(importance.baseline)}).`),
    drawn.box,
    table([{ title: 'Column', key: 'column' }, { title: 'Mean worsening', key: 'mean', num: true }, { title: 'Standard deviation', key: 'standardDeviation', num: true }],
      importance.columns, { id: 'importance' }),
  ];
}

function evaluateCard(base, onEvaluated) {
  const dataset = h('select', { id: 'evaluate-dataset', required: true }, h('option', { value: '' }, 'Loading datasets…'));
  const version = h('select', { id: 'evaluate-version' });
  const button = h('button', { type: 'submit', id: 'evaluate-submit' }, 'Evaluate');
  const result = h('div', { id: 'evaluate-result' });
  let datasets = [];
  const fillVersions = () => {
    const chosen = datasets.find(d => d.id === dataset.value);
    version.replaceChildren(h('option', { value: '' }, 'newest'),
      ...(chosen ? Array.from({ length: chosen.version }, (_, i) => chosen.version - i).map(v => h('option', { value: String(v) }, `v${v}`)) : []));
  };
  dataset.addEventListener('change', fillVersions);
  get('/api/datasets?limit=500').then(page => {
    datasets = page.items;
    dataset.replaceChildren(h('option', { value: '' }, datasets.length ? 'Choose a dataset' : 'No datasets'),
      ...datasets.map(d => h('option', { value: d.id }, `${d.name} (v${d.version}, ${fmt(d.rowCount)} rows)`)));
    fillVersions();
  }, error => result.replaceChildren(problem(error)));
  const form = h('form', { class: 'card', id: 'evaluate-form' }, h('h3', {}, 'Evaluate on a dataset'),
    h('p', { class: 'muted' }, 'Scores this version on a labelled dataset with the model\'s columns; the report above shows the result.'),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'evaluate-dataset' }, 'Dataset'), dataset),
      h('div', {}, h('label', { for: 'evaluate-version' }, 'Version'), version), button), result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!dataset.value) return;
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Evaluating…'));
    try {
      const body = { datasetId: dataset.value };
      if (version.value) body.datasetVersion = Number(version.value);
      const report = await post(`${base}/evaluate`, body);
      result.replaceChildren(h('p', { class: 'ok' }, `Evaluated on ${fmt(report.rows)} rows.`));
      onEvaluated(report);
    } catch (error) {
      result.replaceChildren(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function exportCard(base, name, version) {
  const result = h('div', { id: 'onnx-result' });
  const button = h('button', { type: 'button', id: 'export-onnx', class: 'secondary' }, 'Export ONNX');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, 'Converting and checking against ML.NET…'));
    try {
      const blob = await getBlob(`${base}/onnx`);
      const fileName = `${name}-v${version}.onnx`;
      const link = h('a', { href: URL.createObjectURL(blob), download: fileName, id: 'onnx-download' }, `Download ${fileName}`);
      result.replaceChildren(h('p', { class: 'ok' }, `${fmt(blob.size)} bytes. `, link));
      link.click();
    } catch (error) {
      result.replaceChildren(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'card', id: 'onnx-export' }, h('h3', {}, 'ONNX'),
    h('p', { class: 'muted' }, 'The version as an ONNX file, proven to answer as the platform does; a model with a step ONNX cannot express is refused, naming the step.'),
    button, result);
}
