// Shared by the dashboard's pages: API calls that turn problem details into errors, live streams, DOM and chart
// helpers. Plain ES modules served by the orchestrator: no build step, nothing fetched from elsewhere.

/** Sent with every call: with the cookie session, a state-changing call is refused without it (CSRF). */
const DASHBOARD_HEADER = {'X-Tributary-Dashboard': '1'};

/** An RFC 9457 problem answered by the API. */
export class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
  /** The per-field errors of a validation problem, by field. */
  fieldErrors() {
    const errors = {};
    for (const e of this.body.errors || []) errors[e.field] = e.message;
    return errors;
  }
}

export async function api(path, options = {}) {
  const init = {...options, headers: {...DASHBOARD_HEADER, ...(options.headers || {})}};
  if (options.json !== undefined) {
    init.body = JSON.stringify(options.json);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    location.assign('/ui/login?next=' + encodeURIComponent(location.pathname + location.search));
    throw new Problem(401, {detail: 'Signed out'});
  }
  const text = await response.text();
  // A proxy's error page is not JSON: its status still makes the Problem.
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = {detail: `HTTP ${response.status}`}; }
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

let streamsLive = 0;
const streams = new Set();

// A browser holds at most six connections to a site over HTTP/1.1, and a page kept in the back/forward cache keeps
// its streams open: a few pages later the next page's requests wait for a free connection. Streams close when the
// page is left, and a page shown again from that cache starts afresh.
window.addEventListener('pagehide', () => streams.forEach(source => source.close()));
window.addEventListener('pageshow', e => { if (e.persisted) location.reload(); });

/**
 * Follows a Server-Sent Events stream; named events go to their handler. The browser reconnects by itself. Once the
 * stream's first event arrived, the server has subscribed it to what it follows: then its {@code ready} resolves (a
 * page reads what is kept only after that, so that nothing falls between the two), and the page's {@code data-live}
 * counts it (a test waits for that before it makes something happen).
 */
export function follow(path, handlers) {
  const source = new EventSource(path);
  streams.add(source);
  const close = source.close.bind(source);
  source.close = () => { streams.delete(source); close(); };
  const banner = document.getElementById('connection');
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, e => handler(JSON.parse(e.data), e));
  }
  let counted = false;
  let subscribed;
  // Resolved by the stream's first event (or, should none come, after a few seconds, so that the page still loads).
  source.ready = new Promise(resolve => { subscribed = resolve; setTimeout(resolve, 3000); });
  const live = () => {
    if (!counted) { counted = true; document.body.dataset.live = String(++streamsLive); subscribed(); }
  };
  for (const first of ['subscribed', 'rates', 'message']) source.addEventListener(first, live);
  source.onopen = () => { if (banner) banner.hidden = true; };
  source.onerror = () => {
    if (banner) { banner.textContent = 'Live updates interrupted; reconnecting…'; banner.hidden = false; }
  };
  return source;
}

/** Builds an element: el('td', {class: 'x'}, 'text', otherElement). Text is never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function time(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return d.toLocaleTimeString(undefined, {hour12: false}) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

export function dateTime(instant) {
  return instant ? new Date(instant).toLocaleString(undefined, {hour12: false}) : '';
}

export function seconds(s) {
  if (s === null || s === undefined) return '';
  return s < 1 ? `${Math.round(s * 1000)} ms` : s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`;
}

export function stateBadge(state) {
  return el('span', {class: `state ${state.type}`, title: state.message || ''}, state.name);
}

export function short(id) {
  return id ? String(id).slice(0, 8) : '';
}

export function json(value) {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

export const STATE_TYPES = ['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLING', 'CANCELLED',
  'CRASHED', 'PAUSED'];

/** Colours of chart lines, readable on light and dark. */
export const COLOURS = ['#2f6fdd', '#1f8a4c', '#c4372f', '#b7791f', '#8e44ad', '#16a2b8', '#d35400', '#7a8599'];

export const STATE_COLOURS = {COMPLETED: '#1f8a4c', FAILED: '#c4372f', CRASHED: '#8b1e17', RUNNING: '#2f6fdd',
  SCHEDULED: '#7a8599', PENDING: '#9aa5b8', CANCELLING: '#b7791f', CANCELLED: '#d39b3a', PAUSED: '#8e44ad'};

/** Waits for uPlot, loaded with defer. */
export function uplotReady() {
  return new Promise(resolve => {
    if (window.uPlot) resolve(window.uPlot);
    else window.addEventListener('DOMContentLoaded', () => resolve(window.uPlot));
  });
}

/** The chart's axis colours follow the page's light or dark. */
export function axes() {
  const style = getComputedStyle(document.documentElement);
  const fg = style.getPropertyValue('--muted').trim() || '#888';
  const grid = style.getPropertyValue('--line').trim() || '#ddd';
  // Clock times only: the charts span minutes, and uPlot's default puts a date under the first tick that runs into the
  // next one's label.
  const clock = (u, ticks) => ticks.map(t =>
    new Date(t * 1000).toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false}));
  return [{stroke: fg, grid: {stroke: grid}, ticks: {stroke: grid}, values: clock, space: 80},
          {stroke: fg, grid: {stroke: grid}, ticks: {stroke: grid}, size: 50}];
}

export function chartWidth(container) {
  return Math.max(240, container.clientWidth || container.parentElement.clientWidth - 32);
}

/** Re-sizes charts with their containers (a phone turned, a window resized). */
export function resizing(chart, container, height) {
  new ResizeObserver(() => chart.setSize({width: chartWidth(container), height})).observe(container);
}

export function flowNames() {
  return api('/flows').then(flows => {
    const names = {};
    for (const f of flows) names[f.id] = f.name;
    return names;
  });
}

export function canOperate() {
  return document.body.dataset.operator === 'true';
}

/**
 * Keeps a table of runs live: a change of a run already shown updates its state; runs not shown yet are read as
 * the newest page of the list (one request for however many arrived within half a second), so that each row says
 * what it is without a request per run. A state only replaces an older one, whatever order the change and the
 * page's reads arrive in.
 *
 * @param query the list's filters, as URLSearchParams of GET /runs
 * @param rows the runs shown, by id: {state: <the cell holding the state>, at: <the state's time in ms>}
 * @param add called with each run not shown yet, oldest first; it puts the run's row in {@code rows}
 */
export function liveRuns(query, rows, add) {
  let timer = null;
  const early = new Map();
  const show = (row, state) => {
    const at = Date.parse(state.timestamp);
    if (at < row.at) return;
    row.at = at;
    row.state.replaceChildren(stateBadge(state));
  };
  const readNewest = async () => {
    timer = null;
    const page = await api(`/runs?${query}&limit=50`);
    for (const run of page.items.reverse()) {
      if (!rows.has(run.id)) add(run);
      const row = rows.get(run.id);
      if (row) {
        show(row, run.state);
        if (early.has(run.id)) show(row, early.get(run.id));
      }
      early.delete(run.id);
    }
    if (early.size > 1000) early.clear();
  };
  return change => {
    if (change.taskRunId) return;
    const row = rows.get(change.flowRunId);
    if (row) {
      show(row, change);
      return;
    }
    const before = early.get(change.flowRunId);
    if (!before || Date.parse(change.timestamp) >= Date.parse(before.timestamp)) early.set(change.flowRunId, change);
    if (!timer) timer = setTimeout(readNewest, 500);
  };
}

/** A row's entry for {@link liveRuns}. */
export function runRow(stateCell, state) {
  return {state: stateCell, at: Date.parse(state.timestamp)};
}

/** An Idempotency-Key; crypto.randomUUID exists only on HTTPS pages (and localhost). */
export function randomKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** Drops the oldest rows of a live table beyond a bound, so that a busy page does not grow without end. */
export function bounded(tbody, rows, max) {
  while (tbody.children.length > max) {
    const last = tbody.lastElementChild;
    rows.delete(last.dataset.run);
    last.remove();
  }
}
