import {api, el, follow, stateBadge, dateTime, time, json, short, Problem, canOperate} from './app.js';

const id = document.getElementById('run-id').dataset.run;
let run;
let flowName = '';

/**
 * The Gantt: one bar for the flow run and one per task run, each a row of segments, one per state it was in, from
 * the state's time to the next one's (or now, while it lasts); a retry shows as its own Running segment.
 */
function timeline(history) {
  const byOwner = new Map([['run', []]]);
  for (const task of run.taskRuns || []) byOwner.set(task.id, []);
  for (const change of history) {
    const owner = change.taskRunId || 'run';
    if (!byOwner.has(owner)) byOwner.set(owner, []);
    byOwner.get(owner).push(change);
  }
  const times = history.map(h => Date.parse(h.state.timestamp));
  const start = Math.min(...times);
  const ended = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(run.state.type);
  const end = Math.max(...times, ended ? 0 : Date.now()) + 1;
  const span = Math.max(1, end - start);
  const names = Object.fromEntries((run.taskRuns || []).map(t => [t.id, t.name]));
  const rows = [];
  for (const [owner, changes] of byOwner) {
    const bar = el('div', {class: 'bar', 'data-owner': owner});
    changes.forEach((change, i) => {
      const from = Date.parse(change.state.timestamp);
      const to = i + 1 < changes.length ? Date.parse(changes[i + 1].state.timestamp) : (ended ? from : end);
      const left = ((from - start) / span) * 100;
      const width = Math.max(0.4, ((to - from) / span) * 100);
      bar.append(el('div', {class: `segment ${change.state.type}`,
        style: `left:${left}%;width:${width}%`,
        title: `${change.state.name}${change.attempt ? ` (attempt ${change.attempt})` : ''} at ${time(change.state.timestamp)}` +
          `${change.state.message ? ': ' + change.state.message : ''}`}));
    });
    rows.push(el('span', {}, owner === 'run' ? el('b', {}, 'flow run') : names[owner] || short(owner)), bar);
  }
  rows.push(el('div', {class: 'axis'}, el('span', {}, time(new Date(start).toISOString())),
    el('span', {}, `${((end - start) / 1000).toFixed(2)} s`), el('span', {}, time(new Date(end).toISOString()))));
  document.getElementById('timeline').replaceChildren(...rows);
}

function render() {
  document.getElementById('run-state').replaceChildren(stateBadge(run.state));
  document.getElementById('run-flow').replaceChildren('Flow ',
    el('a', {href: `/ui/flows/${encodeURIComponent(flowName)}`}, flowName || short(run.flowId)),
    ` v${run.flowVersion} · started by ${run.triggerKind} · ${run.seriesKey} · created ${dateTime(run.createdAt)}`);
  document.getElementById('trigger').textContent = json(run.trigger);
  document.getElementById('parameters').textContent = json(run.parameters);
  document.getElementById('result').textContent = json(run.result);
  document.getElementById('tasks').replaceChildren(...(run.taskRuns || []).map(task =>
    el('details', {'data-task': task.name, open: task.error ? true : null},
      el('summary', {}, el('b', {}, task.name), ' ', stateBadge(task.state), ` attempt ${task.attempt}`),
      task.error ? el('p', {class: 'error'}, task.error) : null,
      el('small', {}, 'Parameters'), el('pre', {}, json(task.parameters)),
      task.input ? [el('small', {}, 'Input'), el('pre', {}, json(task.input))] : null,
      el('small', {}, 'Result'), el('pre', {}, json(task.result)))));
  const names = Object.fromEntries((run.taskRuns || []).map(t => [t.id, t.name]));
  document.querySelector('#history tbody').replaceChildren(...run.history.map(h =>
    el('tr', {}, el('td', {}, time(h.state.timestamp)), el('td', {}, h.taskRunId ? names[h.taskRunId] || short(h.taskRunId) : 'flow run'),
      el('td', {}, stateBadge(h.state)), el('td', {}, h.state.message || ''))));
  timeline(run.history);
  const ended = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(run.state.type);
  document.getElementById('cancel').disabled = !canOperate() || ended || run.state.type === 'CANCELLING';
  document.getElementById('retry').disabled = !canOperate() || !['FAILED', 'CANCELLED', 'CRASHED'].includes(run.state.type);
}

async function load() {
  run = await api(`/runs/${id}`);
  render();
}

async function act(action) {
  const out = document.getElementById('action-result');
  try {
    const answer = await api(`/runs/${id}/${action}`, {method: 'POST'});
    if (action === 'retry' && answer && answer.id && answer.id !== id) {
      out.replaceChildren(el('span', {class: 'ok'}, 'Re-run as '), el('a', {href: `/ui/runs/${answer.id}`}, short(answer.id)));
    } else {
      out.replaceChildren(el('span', {class: 'ok'}, action === 'cancel' ? 'Cancelling…' : 'Retrying…'));
    }
    await load();
  } catch (problem) {
    if (!(problem instanceof Problem)) throw problem;
    out.replaceChildren(el('span', {class: 'error'}, problem.message));
  }
}

document.getElementById('cancel').addEventListener('click', () => act('cancel'));
document.getElementById('retry').addEventListener('click', () => act('retry'));
await load();
api('/flows').then(flows => { flowName = flows.find(f => f.id === run.flowId)?.name || ''; render(); });
// Each change of the run reloads it: the history and the tasks' results are the database's, not the event's.
// Changes that arrive during a reload are read by one more reload after it.
let loading = false;
let dirty = false;
function changed() {
  if (loading) { dirty = true; return; }
  loading = true;
  load().finally(() => { loading = false; if (dirty) { dirty = false; changed(); } });
}
follow(`/runs/${id}/events`, {message: changed});
setInterval(() => { if (!['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(run.state.type)) timeline(run.history); }, 1000);
