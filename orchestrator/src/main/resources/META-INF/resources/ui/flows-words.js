// Flows in words: what starts a flow, said the way its author would say it.

function matching(t) {
  const parts = [];
  parts.push(t.type ? `${t.type} events` : 'events');
  if (t.source) parts.push(`from ${t.source}`);
  if (t.subject) parts.push(`about ${t.subject}`);
  if (t.filter) parts.push(`where ${t.filter}`);
  return parts.join(' ');
}

function per(t) {
  return t.forEach ? `, per ${t.forEach}` : '';
}

function span(s) {
  if (s % 86400 === 0) return `${s / 86400} d`;
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/** One trigger as a sentence. */
export function triggerInWords(t) {
  switch (t.kind) {
    case 'event':
      return `On each of ${matching(t)}`;
    case 'schedule':
      return t.cron ? `On the schedule “${t.cron}”${t.timezone ? ` (${t.timezone})` : ''}`
        : `Every ${span(t.everySeconds)}`;
    case 'threshold':
      return `When ${t.count} of ${matching(t)} arrive within ${span(t.withinSeconds)}${per(t)}`;
    case 'proactive':
      return `When no ${matching(t)} arrives for ${span(t.withinSeconds)}${per(t)}`;
    case 'compound': {
      const need = t.require === 'all' ? 'all' : t.require === 'any' ? 'any' : `at least ${t.require}`;
      return `When ${need} of [${t.triggers.map(matching).join('; ')}] happen within ${span(t.withinSeconds)}${per(t)}`;
    }
    case 'sequence':
      return `When [${t.steps.map(matching).join(', then ')}] happen in order within ${span(t.withinSeconds)}${per(t)}`;
    default:
      return JSON.stringify(t);
  }
}

export function triggersInWords(flow) {
  return flow.triggers && flow.triggers.length ? flow.triggers.map(triggerInWords) : ['Only by hand'];
}

/** The tasks in layers: each task one layer right of its latest dependency. */
export function layers(tasks) {
  const depth = {};
  const byName = Object.fromEntries(tasks.map(t => [t.name, t]));
  const visit = name => {
    if (depth[name] !== undefined) return depth[name];
    depth[name] = 0;
    const deps = byName[name]?.dependsOn || [];
    depth[name] = deps.length ? 1 + Math.max(...deps.map(visit)) : 0;
    return depth[name];
  };
  tasks.forEach(t => visit(t.name));
  const result = [];
  for (const t of tasks) (result[depth[t.name]] ||= []).push(t);
  return result;
}
