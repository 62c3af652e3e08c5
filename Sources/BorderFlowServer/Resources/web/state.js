// The page's state in the URL's query, so that a view can be shared: opening the link restores it and reruns.
//
// ?view=divert&close=lukeville&closePorts=2303&closeSectors=yuma&closeModes=rail:eagle-pass-rail
//   &scenario=dec-2023&on=2023-12-20&model=equilibrium&draws=0&top=40
// ?view=route&from=sonoyta&to=phoenix&mode=pov&at=2023-12-20T08:00&alternatives=3&close=lukeville

const list = (value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
const integer = (value, fallback) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** A closure: `kind` crossing, port or sector; `id` a crossing id, port code or sector id; `mode` '' for all. */
export function closureKey(c) { return `${c.kind}:${c.id}:${c.mode}`; }

export function readState(search = location.search) {
  const q = new URLSearchParams(search);
  const closures = [
    ...list(q.get('close')).map((id) => ({ kind: 'crossing', id, mode: '' })),
    ...list(q.get('closePorts')).map((id) => ({ kind: 'port', id, mode: '' })),
    ...list(q.get('closeSectors')).map((id) => ({ kind: 'sector', id, mode: '' })),
    ...list(q.get('closeModes')).map((item) => {
      const [mode, id = ''] = item.split(':');
      return { kind: /^\d{4}$/.test(id) ? 'port' : 'crossing', id, mode };
    }),
  ];
  return {
    view: q.get('view') === 'route' ? 'route' : 'divert',
    closures,
    scenario: q.get('scenario') ?? '',
    on: q.get('on') ?? '',
    model: q.get('model') ?? 'equilibrium',
    draws: integer(q.get('draws'), 0),
    top: integer(q.get('top'), 40),
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    mode: q.get('mode') ?? 'pov',
    at: q.get('at') ?? '',
    alternatives: integer(q.get('alternatives'), 3),
  };
}

/** The closures as the API's lists: close, closePorts, closeSectors, closeModes. */
export function closureLists(closures) {
  const lists = { close: [], closePorts: [], closeSectors: [], closeModes: [] };
  for (const c of closures) {
    if (c.mode) lists.closeModes.push(`${c.mode}:${c.id}`);
    else if (c.kind === 'crossing') lists.close.push(c.id);
    else if (c.kind === 'port') lists.closePorts.push(c.id);
    else lists.closeSectors.push(c.id);
  }
  return lists;
}

export function stateQuery(state) {
  const q = new URLSearchParams();
  q.set('view', state.view);
  for (const [name, values] of Object.entries(closureLists(state.closures))) {
    if (values.length) q.set(name, values.join(','));
  }
  if (state.view === 'divert') {
    if (state.scenario) q.set('scenario', state.scenario);
    if (state.on) q.set('on', state.on);
    if (state.model !== 'equilibrium') q.set('model', state.model);
    if (state.draws) q.set('draws', String(state.draws));
    if (state.top !== 40) q.set('top', String(state.top));
  } else {
    q.set('from', state.from);
    q.set('to', state.to);
    if (state.mode !== 'pov') q.set('mode', state.mode);
    if (state.at) q.set('at', state.at);
    q.set('alternatives', String(state.alternatives));
  }
  return `?${q}`;
}

/**
 * Puts the state in the address. A run the user asked for is a new history entry when the state changed, so
 * Back returns to the view before; a rerun of the address opened (or gone back to) replaces its entry.
 */
export function writeState(state, { replace = false } = {}) {
  const query = stateQuery(state);
  if (replace) history.replaceState(null, '', query);
  else if (query !== location.search) history.pushState(null, '', query);
}
