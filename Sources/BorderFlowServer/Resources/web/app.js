// The page: closures and a diversion, or a route, on a map of the border. The state lives in the URL
// (state.js), the server's API in api.js and the map in map.js; this file wires the controls to them.

import { api } from './api.js';
import { readState, writeState, closureKey, closureLists } from './state.js';
import {
  BorderMap, CHANGE_CLASSES, GAINED, LOST, escapeHTML, formatNumber, signed, signedPercent, formatMinutes,
} from './map.js';

const $ = (selector) => document.querySelector(selector);
const MODES = ['pedestrian', 'pov', 'bus', 'truck', 'rail'];
const MODE_NAMES = { pedestrian: 'pedestrians', pov: 'personal vehicles', bus: 'buses', truck: 'trucks', rail: 'rail' };
const UNITS = { pedestrian: 'persons', pov: 'vehicles', bus: 'buses', truck: 'trucks', rail: 'railcars' };
const TABLE_ROWS = 20;

const state = readState();
const dataset = { crossings: new Map(), ports: new Map(), sectors: new Map(), places: [], placeByLabel: new Map() };
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
  drawLegend(state.view);
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
  drawLegend(view);
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
  if (state.view === 'route' && state.from && state.to) await runRoute();
  else if (state.view === 'divert' && (state.closures.length || state.scenario)) await runDiversion();
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

function waits(r) {
  if (r.waitMinutesBaseline === null && r.waitMinutesScenario === null) return '–';
  const after = r.status === 'closed' ? '–' : formatNumber(r.waitMinutesScenario);
  return `${formatNumber(r.waitMinutesBaseline)} → ${after}`;
}

// ---- diversion ----------------------------------------------------------------------------------------------

async function runDiversion() {
  readControls();
  state.view = 'divert';
  writeState(state);
  updateShareLink();
  const body = {
    ...closureLists(state.closures),
    model: state.model,
    minVolume: 1,
  };
  if (state.scenario) body.scenario = state.scenario;
  if (state.on) body.on = state.on;
  if (state.draws > 0) body.uncertainty = state.draws;
  if (!state.scenario && !state.closures.length) {
    showError('Close a crossing (click one on the map) or choose a scenario first.');
    return;
  }
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
    showDiversion(report, drawn);
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

function showDiversion(report, streamsDrawn) {
  const withBands = report.crossings.some((r) => r.changeBand);
  const rows = report.crossings
    .filter((r) => r.status === 'closed' || Math.abs(r.change) >= 0.05)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const body = rows.map((r, i) => `<tr data-crossing="${escapeHTML(r.id)}" data-mode="${escapeHTML(r.mode)}"
      data-status="${escapeHTML(r.status)}"${i >= TABLE_ROWS ? ' hidden' : ''}>
    <th scope="row"><button type="button" class="link" data-show="${escapeHTML(r.id)}">${escapeHTML(r.name)}</button>
      <span class="id">${escapeHTML(MODE_NAMES[r.mode] ?? r.mode)} · ${escapeHTML(r.id)}</span></th>
    <td class="num">${formatNumber(r.baseline)}</td>
    <td class="num">${r.status === 'closed' ? '<span class="closed-tag">closed</span>' : formatNumber(r.scenario)}</td>
    <td class="num change ${r.change > 0 ? 'gain' : r.change < 0 ? 'loss' : ''}">${signed(r.change, Math.abs(r.change) < 10 ? 1 : 0)}
      <span class="id">${signedPercent(r.percentChange)}</span>
      ${withBands && r.status !== 'closed' ? `<span class="band" data-band title="10–90 % range">${band(r.changeBand)}</span>` : ''}</td>
    <td class="num">${waits(r)}</td>
  </tr>`).join('');
  const more = rows.length > TABLE_ROWS
    ? `<button type="button" class="link" data-more="changes">Show all ${rows.length} rows</button>` : '';

  // With uncertainty, each total's 10–90 % range where the draws disagree.
  const perMode = (values, ranges) => MODES.filter((m) => values?.[m] >= 0.05)
    .map((m) => {
      const r = ranges?.[m];
      const range = r && formatNumber(r.p10) !== formatNumber(r.p90) ? ` <span class="band">(${formatNumber(r.p10)}–${formatNumber(r.p90)})</span>` : '';
      return `${formatNumber(values[m])} ${UNITS[m]}${range}`;
    })
    .join(', ') || 'none';
  const hours = MODES.filter((m) => report.extraHours?.[m] >= 0.05)
    .map((m) => `${formatNumber(report.extraHours[m], 1)} ${m === 'pov' ? 'vehicle' : m === 'pedestrian' ? 'person' : m === 'rail' ? 'railcar' : m}-hours`)
    .join(', ') || 'none';
  const model = report.model ?? {};
  const detours = (report.largestDetours ?? []).slice(0, 5).map((d) => `<tr>
    <td>${escapeHTML(placeName(d.origin))} → ${escapeHTML(placeName(d.destination))}<span class="id">${escapeHTML(MODE_NAMES[d.mode] ?? d.mode)}</span></td>
    <td class="num">${formatNumber(d.dailyTrips, 1)}</td>
    <td class="num">${signed(d.scenarioMinutes - d.baselineMinutes)} min</td>
    <td>${escapeHTML(d.baselineCrossing)} → ${escapeHTML(d.scenarioCrossing)}</td></tr>`).join('');

  $('#results').innerHTML = `
    <h2 id="report-title">${escapeHTML(reportTitle(report.title))}</h2>
    <dl class="summary">
      <dt>Trips forgone a day</dt><dd id="forgone">${perMode(report.forgone, report.uncertainty?.forgone)}</dd>
      <dt>Freight deferred a day</dt><dd id="deferred">${perMode(report.deferred, report.uncertainty?.deferred)}</dd>
      <dt>Extra time a day</dt><dd>${hours}</dd>
      ${report.walkedInstead >= 0.5 ? `<dt>Walked instead of driving</dt><dd>${formatNumber(report.walkedInstead)} persons</dd>` : ''}
    </dl>
    <table id="changes" class="data">
      <caption>Daily crossings: every closed crossing and the open ones that changed most${withBands ? `; under each change, its 10–90 % range over ${report.uncertainty?.draws ?? ''} draws of the behaviour` : ''}</caption>
      <thead><tr><th scope="col">Crossing and mode</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">Scenario</th>
        <th scope="col" class="num">Change</th><th scope="col" class="num">Wait, min</th></tr></thead>
      <tbody>${body || '<tr><td colspan="5">No crossing changed.</td></tr>'}</tbody>
    </table>
    ${more}
    ${detours ? `<table class="data" id="detours"><caption>Largest detours</caption>
      <thead><tr><th scope="col">Trip</th><th scope="col" class="num">Trips/day</th><th scope="col" class="num">Extra</th><th scope="col">Crossing before → after</th></tr></thead>
      <tbody>${detours}</tbody></table>` : ''}
    <p class="muted">Map: ${streamsDrawn} streams that changed most (blue gained, red lost). Model ${escapeHTML(model.name ?? '')}${model.season ? `, demand at ${escapeHTML(model.season)}'s level` : ''}.</p>`;
  document.body.dataset.result = 'divert';
}

/** The report's title; one that is only a phrase ("with lukeville closed", as the CLI prints it) gets a subject. */
function reportTitle(title) {
  if (!title) return 'Diversion';
  return /^[a-z]/.test(title) ? `Diversion ${title}` : title;
}

function band(b) {
  if (!b) return '';
  return `${signed(b.p10, 1)}…${signed(b.p90, 1)}`;
}

function placeName(id) {
  return dataset.places.find((p) => p.id === id)?.name ?? id;
}

// ---- route --------------------------------------------------------------------------------------------------

async function runRoute() {
  readControls();
  state.view = 'route';
  if (!state.from || !state.to) {
    showError('Choose where the trip starts and ends.');
    return;
  }
  writeState(state);
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
    showRoute(route);
    if (popupCrossing) showCrossing(popupCrossing);
  });
}

function reaches(closure, id) {
  const c = dataset.crossings.get(id);
  return (closure.kind === 'crossing' && closure.id === id) || (closure.kind === 'port' && closure.id === (c?.port_code ?? c?.portCode))
    || (closure.kind === 'sector' && closure.id === c?.sector);
}

function showRoute(route) {
  const from = placeName(route.origin ?? state.from);
  const to = placeName(route.destination ?? state.to);
  const title = `${escapeHTML(from)} → ${escapeHTML(to)} by ${escapeHTML(MODE_NAMES[route.mode ?? state.mode] ?? state.mode)}`;
  if (!route.crossing) {
    $('#results').innerHTML = `<h2 id="route-title">${title}</h2><p id="route-summary">No open route${route.reason ? `: ${escapeHTML(route.reason)}` : ''}.</p>`;
    document.body.dataset.result = 'route';
    return;
  }
  const best = route.travelSeconds;
  const alternatives = route.alternatives ?? [];
  const rows = alternatives.map((a, i) => `<tr data-crossing="${escapeHTML(a.crossing)}">
      <td>${i + 1}</td>
      <th scope="row"><button type="button" class="link" data-show="${escapeHTML(a.crossing)}">${escapeHTML(crossingName(a.crossing))}</button></th>
      <td class="num">${formatMinutes(a.travelSeconds / 60)}</td>
      <td class="num">${signed((a.travelSeconds - best) / 60)} min</td>
      <td class="num">${formatNumber(a.lengthMeters / 1000, 1)}</td></tr>`).join('');
  const detour = route.detourSeconds
    ? `, ${formatMinutes(route.detourSeconds / 60)} longer than with every crossing open (via ${escapeHTML(crossingName(route.allOpenCrossing))})` : '';
  $('#results').innerHTML = `
    <h2 id="route-title">${title}</h2>
    <dl class="summary" id="route-summary" data-crossing="${escapeHTML(route.crossing)}">
      <dt>Crossing</dt><dd>${escapeHTML(crossingName(route.crossing))}</dd>
      <dt>Time</dt><dd>${formatMinutes(route.travelSeconds / 60)}${detour}</dd>
      <dt>Distance</dt><dd>${formatNumber(route.lengthMeters / 1000, 1)} km</dd>
      <dt>Via</dt><dd>${(route.roads ?? []).map(escapeHTML).join(' → ')}</dd>
    </dl>
    ${rows ? `<table id="route-table" class="data"><caption>Best route through each of the next crossings</caption>
      <thead><tr><th scope="col">#</th><th scope="col">Crossing</th><th scope="col">Time</th><th scope="col">Extra</th><th scope="col">km</th></tr></thead>
      <tbody>${rows}</tbody></table>` : ''}
    <p class="muted">Map: the best route in red, the others in blue, the route with every crossing open dashed grey.</p>`;
  document.body.dataset.result = 'route';
}

function crossingName(id) {
  return dataset.crossings.get(id)?.name ?? id ?? '–';
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

function drawLegend(view) {
  const closed = `<li><span class="swatch crossing closed"><span aria-hidden="true">×</span></span>closed</li>
      <li><span class="swatch crossing partly-closed"></span>partly closed</li>`;
  if (view === 'route') {
    $('#legend').innerHTML = `
      <h2>Route</h2>
      <ul>
        <li><span class="line" style="background:#d7301f"></span>best route</li>
        <li><span class="line" style="background:#2166ac"></span>best through another crossing</li>
        <li><span class="line dashed"></span>with every crossing open</li>
        <li><span class="swatch" style="background:#4a6b8a"></span>crossing</li>
        ${closed}
      </ul>`;
    return;
  }
  const swatches = CHANGE_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.color}"></span>${c.label}</li>`).join('');
  $('#legend').innerHTML = `
    <h2>Change in daily crossings</h2>
    <ul>${swatches}
      ${closed}
      <li><span class="line" style="background:${GAINED}"></span>stream gained</li>
      <li><span class="line" style="background:${LOST}"></span>stream lost</li>
    </ul>
    <p class="muted">Circles are sized by the change (before a run, by volume).</p>`;
}
