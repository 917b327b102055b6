import {api, el, follow, time, axes, chartWidth, resizing, uplotReady, COLOURS} from './app.js';

const HEIGHT = 320;
const seriesSelect = document.getElementById('series');
const metricSelect = document.getElementById('metric');
const container = document.getElementById('chart');
const params = new URLSearchParams(location.search);
const uPlot = await uplotReady();

let known = {};
let points = [];
let results = [];
let chart = null;
let stream = null;

/** The latest window statistics of the metric (a window-stats result) and the anomalies flagged for it. */
function overlays() {
  const metric = metricSelect.value;
  const ofMetric = results.filter(r => r.data && r.data.metric === metric);
  const stats = ofMetric.find(r => typeof r.data.mean === 'number' && typeof r.data.stddev === 'number');
  const anomalies = new Map();
  for (const r of ofMetric) {
    if (r.data.anomaly === true && typeof r.data.value === 'number') {
      const at = Date.parse(r.extensions?.windowend || r.at);
      anomalies.set(at, r.data.value);
    }
  }
  return {stats: stats && stats.data, anomalies};
}

function draw() {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const x = sorted.map(p => p[0] / 1000);
  const values = sorted.map(p => p[1]);
  const {stats, anomalies} = overlays();
  const band = (offset) => x.map(() => stats ? stats.mean + offset * stats.stddev : null);
  const flagged = sorted.map(p => anomalies.has(p[0]) ? p[1] : null);
  const data = [x, values, band(0), band(1), band(-1), flagged];
  container.dataset.points = String(x.length);
  container.dataset.results = String(results.length);
  document.getElementById('caption').textContent = stats
    ? `Values; latest window: mean ${stats.mean.toFixed(3)} ± ${stats.stddev.toFixed(3)} over ${stats.count} values`
    : 'Values (no window statistics for this metric yet)';
  if (chart) { chart.setData(data); return; }
  container.replaceChildren();
  chart = new uPlot({
    width: chartWidth(container), height: HEIGHT, axes: axes(),
    series: [{}, {label: metricSelect.value, stroke: COLOURS[0], width: 2},
      {label: 'mean', stroke: COLOURS[1], dash: [6, 4]},
      {label: '+1 sd', stroke: COLOURS[3], dash: [2, 4]},
      {label: '−1 sd', stroke: COLOURS[3], dash: [2, 4]},
      {label: 'anomaly', stroke: COLOURS[2], width: 0, points: {show: true, size: 10, fill: COLOURS[2]}}],
    bands: [{series: [3, 4], fill: 'rgba(183,121,31,0.12)'}],
  }, data, container);
  resizing(chart, container, HEIGHT);
}

function resultRow(r) {
  const window = r.extensions?.windowstart ? `${time(r.extensions.windowstart)} – ${time(r.extensions.windowend)}` : '';
  return el('tr', {}, el('td', {}, time(r.at)), el('td', {}, window), el('td', {}, el('pre', {}, JSON.stringify(r.data))));
}

function showResults() {
  document.querySelector('#results tbody').replaceChildren(...results.slice(0, 20).map(resultRow));
}

/** Which series is current: what an earlier choice still receives is dropped. */
let generation = 0;

async function open() {
  const asked = ++generation;
  const key = seriesSelect.value;
  const metric = metricSelect.value;
  if (!key || !metric) return;
  history.replaceState(null, '', `?series=${encodeURIComponent(key)}&metric=${encodeURIComponent(metric)}`);
  if (chart) { chart.destroy(); chart = null; }
  if (stream) stream.close();
  const [source, ...rest] = key.split('|');
  const subject = rest.join('|');
  points = [];
  results = [];
  // Follow first, then read what is kept once the stream is subscribed: a value in between may be drawn twice, at the
  // same place.
  stream = follow(`/dashboard/stream?kind=event,result&subject=${encodeURIComponent(subject)}`, {
    event: e => {
      if (asked !== generation) return;
      if (e.source !== source || e.subject !== subject) return;
      const value = e.data?.metrics?.[metric];
      if (typeof value === 'number') { points.push([Date.parse(e.time || e.at), value]); trim(); draw(); }
    },
    result: r => {
      if (asked !== generation || r.subject !== key) return;
      results.unshift(r);
      results.length = Math.min(results.length, 50);
      showResults();
      draw();
    },
  });
  await stream.ready;
  const view = await api(`/dashboard/series/values?key=${encodeURIComponent(key)}&metric=${encodeURIComponent(metric)}`);
  if (asked !== generation) return;
  points = view.points.concat(points);
  results = view.results.concat(results);
  showResults();
  draw();
}

function trim() {
  if (points.length > 600) points.splice(0, points.length - 600);
}

function fillMetrics() {
  const metrics = known[seriesSelect.value] || [];
  const previous = metricSelect.value || params.get('metric');
  metricSelect.replaceChildren(...metrics.map(m => el('option', {}, m)));
  if (metrics.includes(previous)) metricSelect.value = previous;
}

async function loadSeries() {
  known = await api('/dashboard/series');
  const keys = Object.keys(known);
  const current = seriesSelect.value || params.get('series');
  seriesSelect.replaceChildren(...keys.map(k => el('option', {value: k}, k)));
  if (keys.includes(current)) seriesSelect.value = current;
  return keys.length > 0;
}

seriesSelect.addEventListener('change', () => { fillMetrics(); open(); });
metricSelect.addEventListener('change', open);
if (await loadSeries()) { fillMetrics(); await open(); }
else {
  container.replaceChildren(el('p', {class: 'muted'}, 'No series seen yet; waiting for events…'));
  const wait = setInterval(async () => {
    if (await loadSeries()) { clearInterval(wait); fillMetrics(); open(); }
  }, 2000);
}
