import {api, el, follow, stateBadge, dateTime, short, liveRuns, bounded, runRow} from './app.js';

/** Rows kept while new runs arrive live; older pages load on request. */
const MAX_ROWS = 500;

const form = document.getElementById('filters');
const tbody = document.querySelector('#runs tbody');
const more = document.getElementById('more');
const params = new URLSearchParams(location.search);
const names = {};
for (const flow of await api('/flows')) {
  names[flow.id] = flow.name;
  document.getElementById('filter-flow').append(el('option', {value: flow.id}, flow.name));
}
for (const field of ['flow', 'state', 'subject']) form.elements[field].value = params.get(field) || '';

const rows = new Map();
let next = null;
let stream = null;

function row(run, fresh) {
  const state = el('td', {class: 'run-state'}, stateBadge(run.state));
  const tr = el('tr', {'data-run': run.id, class: fresh ? 'fresh' : null},
    el('td', {}, el('a', {href: `/ui/runs/${run.id}`}, short(run.id))),
    el('td', {}, names[run.flowId] ? el('a', {href: `/ui/flows/${encodeURIComponent(names[run.flowId])}`}, names[run.flowId]) : short(run.flowId)),
    state, el('td', {}, run.triggerKind || ''), el('td', {}, run.seriesKey || ''), el('td', {}, dateTime(run.createdAt)));
  rows.set(run.id, runRow(state, run.state));
  return tr;
}

function query(extra) {
  const q = new URLSearchParams();
  for (const field of ['flow', 'state', 'subject']) if (form.elements[field].value) q.set(field, form.elements[field].value);
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q;
}

/** Which reload is current: an answer to an earlier one (other filters) is dropped. */
let generation = 0;

async function loadPage() {
  const asked = generation;
  const page = await api(`/runs?${query({limit: 50, ...(next ? {cursor: next} : {})})}`);
  if (asked !== generation) return;
  page.items.filter(run => !rows.has(run.id)).forEach(run => tbody.append(row(run, false)));
  next = page.next;
  more.hidden = !next;
}

async function reload() {
  generation++;
  history.replaceState(null, '', `?${query()}`);
  tbody.replaceChildren();
  rows.clear();
  next = null;
  if (stream) stream.close();
  // Follow first, then read the page once the stream is subscribed: a change in between is shown either way.
  const live = query();
  live.delete('subject');
  const asked = generation;
  const arrived = liveRuns(query(), rows, run => {
    if (asked !== generation) return;
    tbody.prepend(row(run, true));
    bounded(tbody, rows, MAX_ROWS);
  });
  stream = follow(`/runs/stream?${live}`, {message: arrived});
  await stream.ready;
  await loadPage();
}

form.addEventListener('change', reload);
form.addEventListener('submit', e => { e.preventDefault(); reload(); });
more.addEventListener('click', loadPage);
await reload();
