import {api, el, stateBadge, dateTime} from './app.js';
import {triggersInWords} from './flows-words.js';

const flows = await api('/flows');
document.getElementById('empty').hidden = flows.length > 0;
const body = document.querySelector('#flows tbody');
for (const flow of flows) {
  const last = el('td', {class: 'last-runs'}, '…');
  body.append(el('tr', {'data-flow': flow.name},
    el('td', {}, el('a', {href: `/ui/flows/${encodeURIComponent(flow.name)}`}, flow.name),
      flow.description ? el('div', {class: 'muted'}, flow.description) : null,
      (flow.tags || []).length ? el('small', {}, flow.tags.join(', ')) : null),
    el('td', {}, el('ul', {}, triggersInWords(flow).map(words => el('li', {}, words)))),
    el('td', {}, `v${flow.version}`, el('div', {}, el('small', {}, dateTime(flow.updatedAt)))),
    last));
  api(`/runs?flow=${flow.id}&limit=5`).then(page => last.replaceChildren(...(page.items.length
    ? page.items.map(run => el('a', {href: `/ui/runs/${run.id}`, title: dateTime(run.createdAt)}, stateBadge(run.state), ' '))
    : ['none'])));
}
