// The results panel and the legend as HTML: what a diversion or a route answered, in tables people read.
// Every text from the server goes through escapeHTML.

import { CHANGE_CLASSES, GAINED, LOST } from './map.js';
import {
  MODES, MODE_NAMES, UNITS, escapeHTML, formatNumber, formatMinutes, signed, signedPercent,
} from './format.js';

/** Rows of the table of changes shown before "Show all". */
const TABLE_ROWS = 20;

/**
 * The diversion's results: title, trips forgone and deferred, the table of changes and the largest detours.
 *
 * @param report the API's `report` (`divert --format json`)
 * @param streamsDrawn how many streams the map draws
 * @param names `{place(id), crossing(id)}`: names to show for ids
 */
export function diversionHTML(report, streamsDrawn, names) {
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
    <td>${escapeHTML(names.place(d.origin))} → ${escapeHTML(names.place(d.destination))}<span class="id">${escapeHTML(MODE_NAMES[d.mode] ?? d.mode)}</span></td>
    <td class="num">${formatNumber(d.dailyTrips, 1)}</td>
    <td class="num">${signed(d.scenarioMinutes - d.baselineMinutes)} min</td>
    <td>${escapeHTML(d.baselineCrossing)} → ${escapeHTML(d.scenarioCrossing)}</td></tr>`).join('');

  return `
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

/**
 * A route's results: the best route and the table of the best route through each of the next crossings.
 *
 * @param route the API's answer (`route --format json`)
 * @param asked `{from, to, mode}` as the user asked, for the title when the answer leaves them out
 * @param names `{place(id), crossing(id)}`: names to show for ids
 */
export function routeHTML(route, asked, names) {
  const from = names.place(route.origin ?? asked.from);
  const to = names.place(route.destination ?? asked.to);
  const title = `${escapeHTML(from)} → ${escapeHTML(to)} by ${escapeHTML(MODE_NAMES[route.mode ?? asked.mode] ?? asked.mode)}`;
  if (!route.crossing) {
    return `<h2 id="route-title">${title}</h2><p id="route-summary">No open route${route.reason ? `: ${escapeHTML(route.reason)}` : ''}.</p>`;
  }
  const best = route.travelSeconds;
  const alternatives = route.alternatives ?? [];
  const rows = alternatives.map((a, i) => `<tr data-crossing="${escapeHTML(a.crossing)}">
      <td>${i + 1}</td>
      <th scope="row"><button type="button" class="link" data-show="${escapeHTML(a.crossing)}">${escapeHTML(names.crossing(a.crossing))}</button></th>
      <td class="num">${formatMinutes(a.travelSeconds / 60)}</td>
      <td class="num">${signed((a.travelSeconds - best) / 60)} min</td>
      <td class="num">${formatNumber(a.lengthMeters / 1000, 1)}</td></tr>`).join('');
  const detour = route.detourSeconds
    ? `, ${formatMinutes(route.detourSeconds / 60)} longer than with every crossing open (via ${escapeHTML(names.crossing(route.allOpenCrossing))})` : '';
  return `
    <h2 id="route-title">${title}</h2>
    <dl class="summary" id="route-summary" data-crossing="${escapeHTML(route.crossing)}">
      <dt>Crossing</dt><dd>${escapeHTML(names.crossing(route.crossing))}</dd>
      <dt>Time</dt><dd>${formatMinutes(route.travelSeconds / 60)}${detour}</dd>
      <dt>Distance</dt><dd>${formatNumber(route.lengthMeters / 1000, 1)} km</dd>
      <dt>Via</dt><dd>${(route.roads ?? []).map(escapeHTML).join(' → ')}</dd>
    </dl>
    ${rows ? `<table id="route-table" class="data"><caption>Best route through each of the next crossings</caption>
      <thead><tr><th scope="col">#</th><th scope="col">Crossing</th><th scope="col">Time</th><th scope="col">Extra</th><th scope="col">km</th></tr></thead>
      <tbody>${rows}</tbody></table>` : ''}
    <p class="muted">Map: the best route in red, the others in blue, the route with every crossing open dashed grey.</p>`;
}

/** A row's waits in minutes, before → after. */
export function waits(r) {
  if (r.waitMinutesBaseline === null && r.waitMinutesScenario === null) return '–';
  const after = r.status === 'closed' ? '–' : formatNumber(r.waitMinutesScenario);
  return `${formatNumber(r.waitMinutesBaseline)} → ${after}`;
}

/** The legend of the view: change classes and streams for a diversion, route lines for a route. */
export function legendHTML(view) {
  const closed = `<li><span class="swatch crossing closed"><span aria-hidden="true">×</span></span>closed</li>
      <li><span class="swatch crossing partly-closed"></span>partly closed</li>`;
  if (view === 'route') {
    return `
      <h2>Route</h2>
      <ul>
        <li><span class="line" style="background:#d7301f"></span>best route</li>
        <li><span class="line" style="background:#2166ac"></span>best through another crossing</li>
        <li><span class="line dashed"></span>with every crossing open</li>
        <li><span class="swatch" style="background:#4a6b8a"></span>crossing</li>
        ${closed}
      </ul>`;
  }
  const swatches = CHANGE_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.color}"></span>${c.label}</li>`).join('');
  return `
    <h2>Change in daily crossings</h2>
    <ul>${swatches}
      ${closed}
      <li><span class="line" style="background:${GAINED}"></span>stream gained</li>
      <li><span class="line" style="background:${LOST}"></span>stream lost</li>
    </ul>
    <p class="muted">Circles are sized by the change (before a run, by volume).</p>`;
}
