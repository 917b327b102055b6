import {api, el, follow, time} from './app.js';

const MAX_ROWS = 100;
const form = document.getElementById('filters');
const events = document.querySelector('#events tbody');
const deadLetters = document.querySelector('#dead-letters tbody');
let streams = [];

function eventRow(e) {
  return el('tr', {class: 'fresh', 'data-id': e.id},
    el('td', {title: `written ${time(e.at)}`}, time(e.time || e.at)), el('td', {}, e.source), el('td', {}, e.subject),
    el('td', {}, el('pre', {}, JSON.stringify(e.data?.metrics ?? e.data))));
}

/** A dead letter with why it was refused and the payload as received (base64 when it was not text). */
function deadLetterRow(d) {
  const letter = d.data || {};
  return el('tr', {class: 'fresh', 'data-reason': d.type},
    el('td', {}, time(letter.receivedAt || d.at)), el('td', {}, d.source, el('div', {}, el('small', {}, letter.origin || ''))),
    el('td', {}, el('b', {class: 'error'}, d.type)),
    el('td', {}, el('div', {}, letter.detail || ''),
      el('pre', {class: 'raw'}, letter.rawEncoding ? `(${letter.rawEncoding}) ${letter.raw}` : letter.raw ?? '')));
}

/** Ids shown, so that an item both read back and received live is shown once. */
const shown = new Set();

function add(tbody, row, item, live) {
  const key = `${item.kind}:${item.id}`;
  if (shown.has(key) || (live && form.elements.paused.checked)) return;
  if (shown.size > 10000) shown.clear();
  shown.add(key);
  tbody.prepend(row);
  while (tbody.children.length > MAX_ROWS) tbody.lastElementChild.remove();
}

function filter() {
  const q = new URLSearchParams();
  for (const field of ['source', 'type', 'subject']) if (form.elements[field].value) q.set(field, form.elements[field].value);
  return q;
}

/** Which reload is current: what an earlier one (other filters) still receives is dropped. */
let generation = 0;

async function reload() {
  const asked = ++generation;
  streams.forEach(s => s.close());
  const q = filter();
  // Dead letters are few and each one matters: their own list, filtered by source alone (their type is a reason).
  const dq = new URLSearchParams(q);
  dq.delete('type');
  dq.delete('subject');
  events.replaceChildren();
  deadLetters.replaceChildren();
  shown.clear();
  // Follow first, then read what is kept once the streams are subscribed: what arrives meanwhile waits, and is shown
  // above it, once.
  let waiting = [];
  const live = (tbody, rowOf) => item => {
    if (asked !== generation) return;
    if (waiting) waiting.push(() => add(tbody, rowOf(item), item, true));
    else add(tbody, rowOf(item), item, true);
  };
  streams = [
    follow(`/dashboard/stream?kind=event&${q}`, {event: live(events, eventRow)}),
    follow(`/dashboard/stream?kind=dead-letter&${dq}`, {'dead-letter': live(deadLetters, deadLetterRow)}),
  ];
  await Promise.all(streams.map(stream => stream.ready));
  const [recentEvents, recentLetters] = await Promise.all([
    api(`/dashboard/recent?kind=event&limit=${MAX_ROWS}&${q}`),
    api(`/dashboard/recent?kind=dead-letter&limit=${MAX_ROWS}&${dq}`)]);
  if (asked !== generation) return;
  recentEvents.reverse().forEach(e => add(events, eventRow(e), e, false));
  recentLetters.reverse().forEach(d => add(deadLetters, deadLetterRow(d), d, false));
  const arrived = waiting;
  waiting = null;
  arrived.forEach(show => show());
}

let typing = null;
form.addEventListener('input', e => {
  if (e.target.name === 'paused') return;
  clearTimeout(typing);
  typing = setTimeout(reload, 300);
});
form.addEventListener('submit', e => e.preventDefault());
await reload();
