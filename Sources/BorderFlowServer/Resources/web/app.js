// The page: closures and a diversion, or a route, on a map of the border. The state lives in the URL
// (state.js), the server's API in api.js and the map in map.js; this file wires the controls to them.

import { api } from './api.js';
import { readState, writeState, closureKey, closureLists } from './state.js';
import { BorderMap } from './map.js';
import { MODE_NAMES, escapeHTML, formatNumber, signed } from './format.js';
import { diversionHTML, routeHTML, legendHTML, waits } from './results.js';

const $ = (selector) => document.querySelector(selector);

const state = readState();
const dataset = { crossings: new Map(), ports: new Map(), sectors: new Map(), places: [], placeByLabel: new Map() };
/** Names for ids, as the results show them. */
const names = {
  place: (id) => dataset.places.find((p) => p.id === id)?.name ?? id,
  crossing: (id) => dataset.crossings.get(id)?.name ?? id ?? '–',
};
let lastReport = null; // the last diversion's report, for popups
let popupCrossing = null; // the crossing whose popup is open, refreshed when results arrive
let borderMap;

// The inputs a request's parameter or member comes from, to mark the one the server refused.
const INPUT_OF = {
  from: '#from', to: '#to', at: '#at', alternatives: '#alternatives', mode: '#route-mode',
  on: '#on', model: '#model', uncertainty: '#draws', scenario: '#scenario',
};

main().catch((error) => showError(error.message));

async function main() {
  borderMap = new BorderMap($('#map'), { onCrossingClick: showCrossing });
  $('#legend').innerHTML = legendHTML(state.view);
  bindControls();
  setStatus('Loading the border…');

  const [health, config, basemap, network, scenarios] = await Promise.all([
    api.health(), api.config(), api.basemap(), api.network(), api.scenarios(),
  ]);
  $('#dataset').textContent = `${health.dataset}: ${health.crossings} crossings, ${health.places} places`
    + (config.version ? ` · BorderFlow ${config.version}` : '');
  if (config.tiles) borderMap.addTiles(config.tiles);
  borderMap.drawBasemap(basemap);
  borderMap.drawNetwork(network);
  readDataset(network);
  fillChoices(scenarios);
  applyState();
  setStatus('');
  document.body.dataset.ready = 'true';
  window.addEventListener('popstate', restoreFromHistory);
  await rerunFromURL();
}

function readDataset(network) {
  for (const f of network.features) {
    const p = f.properties;
    if (p.layer === 'crossings') {
      dataset.crossings.set(p.id, p);
      const code = p.port_code ?? p.portCode;
      if (code && !dataset.ports.has(code)) dataset.ports.set(code, p.port);
    } else if (p.layer === 'sectors') {
      dataset.sectors.set(p.id, p.name);
    } else if (p.layer === 'places') {
      dataset.places.push(p);
    }
  }
  // Type-ahead labels "Name, ST"; the URL keeps the place's id.
  dataset.places.sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const options = [];
  for (const p of dataset.places) {
    const label = `${p.name}, ${p.state}`;
    dataset.placeByLabel.set(label.toLowerCase(), p);
    options.push(`<option value="${escapeHTML(label)}"></option>`);
  }
  $('#place-names').innerHTML = options.join('');
}

function fillChoices(scenarios) {
  const select = $('#scenario');
  for (const s of scenarios) {
    const option = new Option(`${s.title} (${s.date.slice(0, 10)})`, s.id);
    option.dataset.date = s.date.slice(0, 10);
    select.add(option);
  }
  fillTargets();
}

function fillTargets() {
  const kind = $('#close-kind').value;
  const entries = kind === 'crossing'
    ? [...dataset.crossings.values()].map((c) => [c.id, `${c.name} (${c.state})`])
    : kind === 'port'
      ? [...dataset.ports].map(([code, name]) => [code, `${name} (${code})`])
      : [...dataset.sectors];
  entries.sort((a, b) => a[1].localeCompare(b[1]));
  const select = $('#close-target');
  select.replaceChildren(...entries.map(([value, label]) => new Option(label, value)));
  // Modes close at a crossing or a port, not a whole sector.
  $('#close-mode').disabled = kind === 'sector';
  if (kind === 'sector') $('#close-mode').value = '';
}

// ---- controls ---------------------------------------------------------------------------------------------

function bindControls() {
  $('#tab-divert').addEventListener('click', () => setView('divert'));
  $('#tab-route').addEventListener('click', () => setView('route'));
  $('#close-kind').addEventListener('change', fillTargets);
  $('#closures-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = $('#close-kind').value;
    const id = $('#close-target').value;
    if (id) addClosure({ kind, id, mode: kind === 'sector' ? '' : $('#close-mode').value });
  });
  $('#clear-closures').addEventListener('click', () => { state.closures = []; closuresChanged(); });
  $('#scenario').addEventListener('change', (event) => {
    const option = event.target.selectedOptions[0];
    if (option?.dataset.date) $('#on').value = option.dataset.date;
  });
  $('#run').addEventListener('click', () => runDiversion());
  $('#route-run').addEventListener('click', () => runRoute());
  for (const input of ['#from', '#to']) {
    $(input).addEventListener('keydown', (event) => { if (event.key === 'Enter') runRoute(); });
  }
  $('#results').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-show]');
    if (button) {
      borderMap.focusCrossing(button.dataset.show);
      showCrossing(button.dataset.show);
    }
    const more = event.target.closest('button[data-more]');
    if (more) {
      for (const row of document.querySelectorAll(`#${more.dataset.more} tr[hidden]`)) row.hidden = false;
      more.remove();
    }
  });
}

function setView(view) {
  state.view = view;
  for (const name of ['divert', 'route']) {
    $(`#tab-${name}`).setAttribute('aria-selected', String(name === view));
    $(`#${name}-panel`).hidden = name !== view;
  }
  document.body.dataset.view = view;
  $('#legend').innerHTML = legendHTML(view);
}

/** Puts the state read from the URL into the controls. */
function applyState() {
  setView(state.view);
  $('#scenario').value = state.scenario;
  // A scenario's own date shows in the date field, as choosing the scenario there puts it.
  $('#on').value = state.on || ($('#scenario').selectedOptions[0]?.dataset.date ?? '');
  $('#model').value = state.model;
  $('#draws').value = state.draws;
  $('#top').value = state.top;
  $('#from').value = placeLabel(state.from);
  $('#to').value = placeLabel(state.to);
  $('#route-mode').value = state.mode;
  $('#at').value = state.at;
  $('#alternatives').value = state.alternatives;
  closuresChanged();
}

/** Reads the controls back into the state. */
function readControls() {
  state.scenario = $('#scenario').value;
  state.on = $('#on').value;
  state.model = $('#model').value;
  state.draws = Math.max(0, Number.parseInt($('#draws').value, 10) || 0);
  state.top = Math.max(0, Number.parseInt($('#top').value, 10) || 0);
  state.from = placeId($('#from').value);
  state.to = placeId($('#to').value);
  state.mode = $('#route-mode').value;
  state.at = $('#at').value;
  state.alternatives = Math.max(0, Number.parseInt($('#alternatives').value, 10) || 0);
}

function placeLabel(idOrText) {
  const place = dataset.places.find((p) => p.id === idOrText);
  return place ? `${place.name}, ${place.state}` : idOrText;
}

function placeId(text) {
  const typed = text.trim().toLowerCase();
  const named = dataset.places.filter((p) => p.name.toLowerCase() === typed || p.id === typed);
  const place = dataset.placeByLabel.get(typed) ?? (named.length === 1 ? named[0] : null);
  return place ? place.id : text.trim(); // the server resolves other names, and refuses what it cannot
}

async function rerunFromURL() {
  if (state.view === 'route' && state.from && state.to) await runRoute({ fromURL: true });
  else if (state.view === 'divert' && (state.closures.length || state.scenario)) await runDiversion({ fromURL: true });
}

/** Back and Forward: the view of that address, run again. */
function restoreFromHistory() {
  Object.assign(state, readState());
  lastReport = null;
  borderMap.clearResults();
  borderMap.setCrossingResults(null);
  borderMap.setSectorResults(null);
  $('#results').innerHTML = '';
  clearError();
  applyState();
  rerunFromURL();
}

// ---- closures ---------------------------------------------------------------------------------------------

function addClosure(closure) {
  const key = closureKey(closure);
  if (!state.closures.some((c) => closureKey(c) === key)) state.closures.push(closure);
  closuresChanged();
}

function removeClosure(key) {
  state.closures = state.closures.filter((c) => closureKey(c) !== key);
  closuresChanged();
}

function toggleCrossing(id, mode = '') {
  const key = closureKey({ kind: 'crossing', id, mode });
  if (state.closures.some((c) => closureKey(c) === key)) removeClosure(key);
  else addClosure({ kind: 'crossing', id, mode });
}

function closureLabel(c) {
  const what = c.kind === 'crossing'
    ? dataset.crossings.get(c.id)?.name ?? c.id
    : c.kind === 'port' ? `port of ${dataset.ports.get(c.id) ?? c.id} (${c.id})` : `${dataset.sectors.get(c.id) ?? c.id} Sector`;
  return c.mode ? `${what}: ${MODE_NAMES[c.mode] ?? c.mode} only` : what;
}

function closuresChanged() {
  const items = state.closures.map((c) => {
    const key = closureKey(c);
    return `<li data-closure="${escapeHTML(key)}"><span>${escapeHTML(closureLabel(c))}</span>`
      + `<button type="button" class="remove" data-remove="${escapeHTML(key)}" aria-label="Reopen ${escapeHTML(closureLabel(c))}">×</button></li>`;
  });
  $('#closures').innerHTML = items.join('') || '<li class="muted">Nothing closed yet.</li>';
  for (const button of document.querySelectorAll('#closures button[data-remove]')) {
    button.addEventListener('click', () => removeClosure(button.dataset.remove));
  }
  $('#clear-closures').hidden = state.closures.length === 0;
  borderMap?.setClosed(closedCrossings());
}

/** Every crossing a closure reaches, 'all' when all its modes close and 'partial' when some do. */
function closedCrossings() {
  const closed = new Map();
  for (const [id, c] of dataset.crossings) {
    const modes = Array.isArray(c.modes) ? c.modes : String(c.modes ?? '').split(',').filter(Boolean);
    const code = c.port_code ?? c.portCode;
    const hits = state.closures.filter((k) => (k.kind === 'crossing' && k.id === id)
      || (k.kind === 'port' && k.id === code) || (k.kind === 'sector' && k.id === c.sector));
    if (!hits.length) continue;
    const closedModes = new Set(hits.flatMap((k) => (k.mode ? [k.mode] : modes)).filter((m) => modes.includes(m)));
    if (closedModes.size) closed.set(id, closedModes.size === modes.length ? 'all' : 'partial');
  }
  return closed;
}

// ---- crossing popup -----------------------------------------------------------------------------------------

function showCrossing(id) {
  const c = dataset.crossings.get(id);
  if (!c) return;
  const modes = Array.isArray(c.modes) ? c.modes : String(c.modes ?? '').split(',').filter(Boolean);
  const closedWhole = state.closures.some((k) => k.kind === 'crossing' && k.id === id && !k.mode);
  const rows = lastReport
    ? lastReport.crossings.filter((r) => r.id === id).map((r) => `<tr><th scope="row">${escapeHTML(MODE_NAMES[r.mode] ?? r.mode)}</th>`
      + `<td>${formatNumber(r.baseline)} → ${r.status === 'closed' ? 'closed' : formatNumber(r.scenario)}</td>`
      + `<td>${signed(r.change)}</td><td>${waits(r)}</td></tr>`).join('')
    : modes.map((m) => `<tr><th scope="row">${escapeHTML(MODE_NAMES[m] ?? m)}</th><td>${formatNumber(c[`${m}_daily`])}</td>`
      + `<td>${escapeHTML(c[`${m}_hours`] ?? '')}</td></tr>`).join('');
  const head = lastReport
    ? '<tr><th></th><th scope="col">per day</th><th scope="col">change</th><th scope="col">wait, min</th></tr>'
    : '<tr><th></th><th scope="col">per day</th><th scope="col">hours</th></tr>';
  const modeButtons = modes.length > 1
    ? modes.map((m) => {
      const on = state.closures.some((k) => k.kind === 'crossing' && k.id === id && k.mode === m);
      return `<button type="button" data-toggle-mode="${m}" aria-pressed="${on}">${on ? 'Reopen' : 'Close'} ${escapeHTML(MODE_NAMES[m])}</button>`;
    }).join(' ')
    : '';
  const html = `<div class="popup" data-popup="${escapeHTML(id)}">
    <h3>${escapeHTML(c.name)}</h3>
    <p class="muted">${escapeHTML(c.port)} port (${escapeHTML(c.port_code ?? c.portCode)}), ${escapeHTML(c.state)} ·
      ${escapeHTML(c.mexican_city ?? c.mexicanCity ?? '')} across · ${escapeHTML(c.id)}</p>
    <table>${head}${rows}</table>
    <p><button type="button" class="primary" data-toggle-crossing aria-pressed="${closedWhole}">
      ${closedWhole ? 'Reopen' : 'Close'} ${escapeHTML(c.name)}</button></p>
    ${modeButtons ? `<p class="mode-buttons">${modeButtons}</p>` : ''}
  </div>`;
  const element = borderMap.openPopup(id, html, () => { if (popupCrossing === id) popupCrossing = null; });
  if (!element) return;
  popupCrossing = id;
  element.querySelector('[data-toggle-crossing]').addEventListener('click', () => { toggleCrossing(id); showCrossing(id); });
  for (const button of element.querySelectorAll('[data-toggle-mode]')) {
    button.addEventListener('click', () => { toggleCrossing(id, button.dataset.toggleMode); showCrossing(id); });
  }
}

// ---- diversion ----------------------------------------------------------------------------------------------

async function runDiversion({ fromURL = false } = {}) {
  readControls();
  if (!state.scenario && !state.closures.length) {
    showError('Close a crossing (click one on the map) or choose a scenario first.');
    return;
  }
  state.view = 'divert';
  writeState(state, { replace: fromURL });
  updateShareLink();
  const body = {
    ...closureLists(state.closures),
    model: state.model,
    minVolume: 1,
    // Only the streams the map draws: the rest would be traced, written and sent for nothing.
    maxStreams: state.top,
  };
  if (state.scenario) body.scenario = state.scenario;
  if (state.on) body.on = state.on;
  if (state.draws > 0) body.uncertainty = state.draws;
  await busy('#run', 'Running the diversion…', async () => {
    const { report, layers } = await api.divert(body);
    lastReport = report;
    borderMap.clearResults();
    const byId = new Map((layers.crossings?.features ?? []).map((f) => [f.properties.id, {
      change: f.properties.crossings_change, percent: f.properties.crossings_percent_change, status: f.properties.status,
    }]));
    borderMap.setCrossingResults(byId);
    borderMap.setSectorResults(layers.sectors);
    const drawn = borderMap.drawFlows(layers.flows, state.top);
    $('#results').innerHTML = diversionHTML(report, drawn, names);
    document.body.dataset.result = 'divert';
    markScenarioClosures(layers.crossings);
    if (popupCrossing) showCrossing(popupCrossing);
  });
}

/** A scenario's own closures show on the map as the report gives them. */
function markScenarioClosures(crossingLayer) {
  const closed = closedCrossings();
  for (const f of crossingLayer?.features ?? []) {
    if (f.properties.status === 'closed' && !closed.has(f.properties.id)) closed.set(f.properties.id, 'all');
    if (f.properties.status === 'partial' && !closed.has(f.properties.id)) closed.set(f.properties.id, 'partial');
  }
  borderMap.setClosed(closed);
}

// ---- route --------------------------------------------------------------------------------------------------

async function runRoute({ fromURL = false } = {}) {
  readControls();
  state.view = 'route';
  if (!state.from || !state.to) {
    showError('Choose where the trip starts and ends.');
    return;
  }
  writeState(state, { replace: fromURL });
  updateShareLink();
  // The route avoids every crossing a closure reaches: whole crossings, and those of a closed mode for this mode.
  const close = [];
  for (const [id, how] of closedCrossings()) {
    const modeClosed = state.closures.some((k) => k.mode === state.mode && reaches(k, id));
    if (how === 'all' || modeClosed) close.push(id);
  }
  const params = { from: state.from, to: state.to, mode: state.mode, alternatives: String(state.alternatives) };
  if (close.length) params.close = close.join(',');
  if (state.at) params.at = state.at;
  await busy('#route-run', 'Finding the route…', async () => {
    const route = await api.route(params);
    lastReport = null;
    borderMap.clearResults();
    borderMap.setCrossingResults(null);
    borderMap.setSectorResults(null);
    borderMap.setClosed(closedCrossings());
    if (route.geojson) borderMap.drawRoute(route.geojson);
    $('#results').innerHTML = routeHTML(route, state, names);
    document.body.dataset.result = 'route';
    if (popupCrossing) showCrossing(popupCrossing);
  });
}

function reaches(closure, id) {
  const c = dataset.crossings.get(id);
  return (closure.kind === 'crossing' && closure.id === id) || (closure.kind === 'port' && closure.id === (c?.port_code ?? c?.portCode))
    || (closure.kind === 'sector' && closure.id === c?.sector);
}

// ---- status, errors, legend ---------------------------------------------------------------------------------

async function busy(buttonSelector, message, work) {
  const button = $(buttonSelector);
  button.disabled = true;
  document.body.dataset.busy = 'true';
  clearError();
  setStatus(message);
  try {
    await work();
    setStatus('');
  } catch (error) {
    setStatus('');
    showError(error.message, error.detail);
  } finally {
    button.disabled = false;
    delete document.body.dataset.busy;
  }
}

function setStatus(message) { $('#status').textContent = message; }

function showError(message, field) {
  const box = $('#error');
  box.textContent = message;
  box.hidden = false;
  const input = field && INPUT_OF[field.replace(/\[.*$/, '')];
  if (input) $(input).setAttribute('aria-invalid', 'true');
}

function clearError() {
  $('#error').hidden = true;
  $('#error').textContent = '';
  for (const input of document.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

function updateShareLink() {
  const link = $('#share');
  link.href = location.href;
  link.hidden = false;
}
