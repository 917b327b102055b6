import {api, follow, el, seconds, axes, chartWidth, resizing, uplotReady, COLOURS, STATE_COLOURS, STATE_TYPES}
  from './app.js';

const HEIGHT = 150;
/** The sparklines: which rate series each shows, and how a series is labelled there. */
const GROUPS = [
  {id: 'chart-events', prefix: 'events ', label: name => name.slice('events '.length)},
  {id: 'chart-runs', prefix: 'runs ', label: name => name.slice('runs '.length)},
  {id: 'chart-results', prefix: 'results', label: () => 'results'},
  {id: 'chart-dead-letters', prefix: 'dead letters', label: () => 'dead letters'},
];

class Sparklines {
  constructor(group, uPlot, length) {
    this.group = group;
    this.uPlot = uPlot;
    this.length = length;
    this.container = document.getElementById(group.id);
    this.x = [];
    this.series = new Map();
  }

  load(start, series) {
    const length = Object.values(series)[0]?.length || 0;
    this.x = Array.from({length}, (_, i) => start + i);
    for (const [name, counts] of Object.entries(series)) {
      if (name.startsWith(this.group.prefix)) this.series.set(name, counts.slice());
    }
    this.draw(true);
  }

  add(second, counts) {
    if (this.x.length && second <= this.x[this.x.length - 1]) return;
    this.x.push(second);
    let added = false;
    for (const [name, count] of Object.entries(counts)) {
      if (!name.startsWith(this.group.prefix)) continue;
      if (!this.series.has(name)) {
        this.series.set(name, new Array(this.x.length - 1).fill(0));
        added = true;
      }
      this.series.get(name).push(count);
    }
    for (const values of this.series.values()) {
      while (values.length < this.x.length) values.push(0);
    }
    if (this.x.length > this.length) {
      this.x.shift();
      for (const values of this.series.values()) values.shift();
    }
    this.draw(added);
  }

  draw(rebuild) {
    const names = [...this.series.keys()].sort();
    const data = [this.x, ...names.map(n => this.series.get(n))];
    if (this.chart && !rebuild) {
      this.chart.setData(data);
      return;
    }
    if (this.chart) this.chart.destroy();
    this.container.replaceChildren();
    const series = [{}, ...names.map((name, i) => {
      const label = this.group.label(name);
      return {label, stroke: STATE_COLOURS[label] || COLOURS[i % COLOURS.length], width: 1.5,
        value: (u, v) => v === null ? '' : `${v}/s`};
    })];
    this.chart = new this.uPlot({width: chartWidth(this.container), height: HEIGHT, series, axes: axes(),
      cursor: {drag: {x: false, y: false}}, scales: {y: {range: (u, min, max) => [0, Math.max(1, max)]}}},
      data, this.container);
    if (!this.resized) {
      resizing(this.chart, this.container, HEIGHT);
      this.resized = true;
    }
    this.container.dataset.points = String(this.x.length);
  }
}

function counts(byState) {
  const cards = document.getElementById('counts');
  cards.replaceChildren(...STATE_TYPES.map(type =>
    el('div', {class: 'card', 'data-state': type}, el('small', {}, type), el('b', {}, byState[type] ?? 0))));
}

function flows(overview) {
  document.getElementById('window').textContent = `(runs ended in the last ${seconds(overview.flowStatsWindowSeconds)})`;
  const slowest = [...overview.flows].sort((a, b) => b.p95Seconds - a.p95Seconds).slice(0, 5);
  const failing = overview.flows.filter(f => f.failed > 0).sort((a, b) => b.failed - a.failed).slice(0, 5);
  const link = f => el('a', {href: `/ui/flows/${encodeURIComponent(f.flow)}`}, f.flow);
  document.querySelector('#slowest tbody').replaceChildren(...slowest.map(f =>
    el('tr', {}, el('td', {}, link(f)), el('td', {}, seconds(f.p95Seconds)), el('td', {}, seconds(f.meanSeconds)),
      el('td', {}, f.ended))));
  document.querySelector('#failing tbody').replaceChildren(...(failing.length ? failing.map(f =>
    el('tr', {}, el('td', {}, link(f)), el('td', {class: 'error'}, f.failed), el('td', {}, f.ended)))
    : [el('tr', {}, el('td', {colspan: 3, class: 'muted'}, 'No failed runs.'))]));
}

async function refresh() {
  const overview = await api('/dashboard/overview');
  counts(overview.runsByState);
  flows(overview);
  return overview;
}

const uPlot = await uplotReady();
const overview = await refresh();
const length = Object.values(overview.rates.series)[0]?.length || 300;
const charts = GROUPS.map(group => new Sparklines(group, uPlot, length));
charts.forEach(chart => chart.load(overview.rates.start, overview.rates.series));
follow('/dashboard/stream?kind=rates', {rates: r => charts.forEach(chart => chart.add(r.second, r.counts))});
setInterval(() => refresh().catch(() => {}), 5000);
