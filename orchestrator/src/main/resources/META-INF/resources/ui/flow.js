import {api, el, follow, stateBadge, dateTime, short, Problem, canOperate, liveRuns, bounded, runRow, randomKey} from './app.js';
import {triggerInWords, layers} from './flows-words.js';

const name = document.getElementById('flow-name').dataset.flow;
const flow = await api(`/flows/${encodeURIComponent(name)}`);
document.getElementById('version').textContent = `v${flow.version} · ${flow.origin}`;
document.getElementById('description').textContent = flow.description || '';
document.getElementById('triggers').replaceChildren(...(flow.triggers?.length
  ? flow.triggers.map(t => el('li', {}, triggerInWords(t))) : [el('li', {}, 'Only by hand')]));

document.getElementById('dag').replaceChildren(...layers(flow.tasks).map(layer =>
  el('div', {class: 'layer'}, layer.map(task => el('div', {class: 'task', 'data-task': task.name},
    el('b', {}, task.name), el('small', {}, task.type),
    task.dependsOn?.length ? el('small', {}, `after ${task.dependsOn.join(', ')}`) : null)))));

// Run now: one field per parameter, its default shown; the API's validation errors beside the fields.
const fields = document.getElementById('parameters');
const params = Object.entries(flow.parameters || {});
for (const [param, spec] of params) {
  const input = spec.type === 'boolean'
    ? el('select', {name: param, id: `param-${param}`}, el('option', {value: ''}, 'default'),
        el('option', {}, 'true'), el('option', {}, 'false'))
    : el('input', {name: param, id: `param-${param}`, placeholder: spec.default !== undefined ? JSON.stringify(spec.default) : ''});
  fields.append(el('div', {class: 'field'},
    el('label', {for: `param-${param}`}, `${param} (${spec.type})`), input,
    spec.description ? el('small', {}, spec.description) : null,
    el('span', {class: 'error', 'data-error-for': `parameters.${param}`})));
}

function value(spec, text) {
  if (spec.type === 'string') return text;
  try { return JSON.parse(text); } catch { return text; }
}

document.getElementById('run-now').addEventListener('submit', async e => {
  e.preventDefault();
  const out = document.getElementById('run-now-result');
  fields.querySelectorAll('.error').forEach(n => n.textContent = '');
  const parameters = {};
  for (const [param, spec] of params) {
    const text = document.getElementById(`param-${param}`).value;
    if (text !== '') parameters[param] = value(spec, text);
  }
  try {
    const run = await api(`/flows/${encodeURIComponent(name)}/runs`,
      {method: 'POST', json: {parameters}, headers: {'Idempotency-Key': randomKey()}});
    out.replaceChildren(el('span', {class: 'ok'}, 'Started '), el('a', {href: `/ui/runs/${run.id}`, id: 'started-run'}, short(run.id)));
    addRun(run, true);
  } catch (problem) {
    if (!(problem instanceof Problem)) throw problem;
    const errors = problem.fieldErrors();
    let shown = false;
    for (const [field, message] of Object.entries(errors)) {
      const slot = fields.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
      if (slot) { slot.textContent = message; shown = true; }
    }
    out.replaceChildren(el('span', {class: 'error'}, shown ? 'Some parameters are not valid.' : problem.message,
      ...(!shown ? Object.entries(errors).map(([f, m]) => ` ${f}: ${m}`) : [])));
  }
});
if (!canOperate()) document.getElementById('run-now-submit').disabled = true;

// Recent runs, kept live.
const rows = new Map();
const tbody = document.querySelector('#runs tbody');
function addRun(run, fresh) {
  if (rows.has(run.id)) return;
  const state = el('td', {class: 'run-state'}, stateBadge(run.state));
  const row = el('tr', {'data-run': run.id, class: fresh ? 'fresh' : null},
    el('td', {}, el('a', {href: `/ui/runs/${run.id}`}, short(run.id))), state, el('td', {}, run.triggerKind),
    el('td', {}, run.seriesKey), el('td', {}, dateTime(run.createdAt)));
  rows.set(run.id, runRow(state, run.state));
  if (fresh) tbody.prepend(row); else tbody.append(row);
  bounded(tbody, rows, 20);
}
// Follow first, then read the recent runs once the stream is subscribed: a run in between is shown either way.
const runs = follow(`/runs/stream?flow=${flow.id}`,
  {message: liveRuns(new URLSearchParams({flow: flow.id}), rows, run => addRun(run, true))});
await runs.ready;
const page = await api(`/runs?flow=${flow.id}&limit=20`);
page.items.filter(run => !rows.has(run.id)).forEach(run => addRun(run, false));

const versions = await api(`/flows/${encodeURIComponent(name)}/versions`);
document.getElementById('versions').replaceChildren(...versions.map(v =>
  el('li', {}, `v${v.version} — ${dateTime(v.createdAt)} — ${v.tasks.length} task(s)`)));
