// The map: Leaflet with vector layers only (land, coasts, sectors, roads, places, crossings, results), so it
// works with no internet; an online tile layer is added only when the server was given one.

/* global L */

import { escapeHTML, formatNumber, formatMinutes, signed, signedPercent } from './format.js';

// ColorBrewer RdBu, the classes of the CLI's SimpleStyle.changeColor: reds for fewer crossings, blues for more.
export const CHANGE_CLASSES = [
  { upTo: -50, label: '−50 % or less', color: '#b2182b' },
  { upTo: -10, label: '−50 to −10 %', color: '#ef8a62' },
  { upTo: -1, label: '−10 to −1 %', color: '#fddbc7' },
  { upTo: 1, label: 'within ±1 %', color: '#d9d9d9' },
  { upTo: 10, label: '+1 to +10 %', color: '#d1e5f0' },
  { upTo: 50, label: '+10 to +50 %', color: '#67a9cf' },
  { upTo: Infinity, label: '+50 % or more', color: '#2166ac' },
];
export const GAINED = '#2166ac';
export const LOST = '#b2182b';
const OPEN_CROSSING = '#4a6b8a';

export function changeColor(percent) {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return CHANGE_CLASSES[3].color;
  // The CLI's classes: below −50, −50 up to −10, −10 up to −1, −1 to +1 inclusive, then up to +10, +50.
  if (percent < -50) return CHANGE_CLASSES[0].color;
  if (percent < -10) return CHANGE_CLASSES[1].color;
  if (percent < -1) return CHANGE_CLASSES[2].color;
  if (percent <= 1) return CHANGE_CLASSES[3].color;
  if (percent <= 10) return CHANGE_CLASSES[4].color;
  if (percent <= 50) return CHANGE_CLASSES[5].color;
  return CHANGE_CLASSES[6].color;
}

// Greys, so that no road is read as a change on the diverging scale.
const ROAD_STYLE = {
  motorway: { color: '#7d7d7d', weight: 1.7 },
  trunk: { color: '#8f8f8f', weight: 1.4 },
  primary: { color: '#a3a3a3', weight: 1.1 },
  secondary: { color: '#bdbdbd', weight: 0.8 },
  local: { color: '#c4c4c4', weight: 0.7 },
  rail: { color: '#4d4d4d', weight: 1.1, dashArray: '4 3' },
};

export class BorderMap {
  /**
   * @param {HTMLElement} element where the map goes
   * @param {{onCrossingClick: (id: string) => void}} handlers
   */
  constructor(element, handlers) {
    this.handlers = handlers;
    this.map = L.map(element, { zoomSnap: 0.25, minZoom: 4, maxZoom: 14, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Basemap: Natural Earth · Data: BorderFlow');
    const panes = [['land', 200], ['sectors', 250], ['roads', 300], ['boundary', 350], ['flows', 380],
      ['routes', 390], ['places', 420]];
    for (const [name, z] of panes) this.map.createPane(name).style.zIndex = String(z);
    this.map.setView([30.5, -106], 5);
    this.crossingMarkers = new Map(); // id → {marker, feature}
    this.results = L.layerGroup().addTo(this.map);
    this.renderer = L.svg({ padding: 0.5 });
  }

  /** An online tile layer (`serve --tiles URL`) under the vector layers, which then leave out land and sea. */
  addTiles(urlTemplate) {
    this.hasTiles = true;
    L.tileLayer(urlTemplate, { attribution: 'Tiles: as given to borderflow serve --tiles', opacity: 0.7 }).addTo(this.map);
  }

  drawBasemap(collection) {
    const byId = Object.fromEntries(collection.features.map((f) => [f.properties.id ?? f.id, f]));
    const styles = {
      land: { pane: 'land', stroke: false, fillColor: '#f6f3ea', fillOpacity: 1 },
      lakes: { pane: 'land', stroke: false, fillColor: '#c6dbe8', fillOpacity: 1 },
      coast: { pane: 'land', color: '#7f9fb3', weight: 0.8, fill: false },
      'state-lines': { pane: 'land', color: '#9e9e9e', weight: 0.8, dashArray: '3 3', fill: false },
    };
    const drawn = {};
    for (const [id, style] of Object.entries(styles)) {
      if (this.hasTiles && style.stroke === false) continue; // the tiles show land and water
      if (byId[id]) drawn[id] = L.geoJSON(byId[id], { style: () => style, interactive: false }).addTo(this.map);
    }
    // The sea is the basemap's extent (the land's, clipped to it) behind the land; beyond it the map is not drawn.
    if (drawn.land) {
      L.rectangle(drawn.land.getBounds(), { pane: 'land', stroke: false, fillColor: '#c6dbe8', fillOpacity: 1, interactive: false })
        .addTo(this.map).bringToBack();
    }
  }

  /** The dataset's layers: each feature of the FeatureCollection tagged with its `layer`. */
  drawNetwork(collection) {
    const layers = {};
    for (const feature of collection.features) {
      (layers[feature.properties.layer] ??= []).push(feature);
    }
    const fc = (name) => ({ type: 'FeatureCollection', features: layers[name] ?? [] });

    this.sectorLayer = L.geoJSON(fc('sectors'), {
      pane: 'sectors',
      style: () => ({ color: '#7a7a7a', weight: 1, fillColor: '#ffffff', fillOpacity: 0.0 }),
      onEachFeature: (f, layer) => {
        this.sectorLayers ??= new Map();
        this.sectorLayers.set(f.properties.id, layer);
        layer.bindTooltip(`${f.properties.name} Sector`, { sticky: true });
      },
    }).addTo(this.map);

    L.geoJSON(fc('roads'), {
      pane: 'roads',
      interactive: false,
      style: (f) => ({ opacity: 0.75, ...(ROAD_STYLE[f.properties.class] ?? ROAD_STYLE.local) }),
    }).addTo(this.map);

    const boundary = L.geoJSON(fc('boundary'), {
      pane: 'boundary', interactive: false, style: () => ({ color: '#3f007d', weight: 2.5, opacity: 0.9 }),
    }).addTo(this.map);

    L.geoJSON(fc('places'), {
      pane: 'places',
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        pane: 'places',
        radius: f.properties.population >= 500000 ? 3.5 : f.properties.population >= 100000 ? 2.5 : 1.6,
        color: '#555', weight: 0.5, fillColor: '#777', fillOpacity: 0.9,
      }),
      onEachFeature: (f, layer) => {
        const label = `${f.properties.name}, ${f.properties.state}`;
        if (f.properties.population >= 700000) {
          layer.bindTooltip(f.properties.name, { permanent: true, direction: 'right', className: 'place-label', offset: [4, 0] });
        } else {
          layer.bindTooltip(label, { direction: 'right' });
        }
      },
    }).addTo(this.map);

    this.largestVolume = Math.max(1, ...(layers.crossings ?? []).map((f) => f.properties.crossings_daily ?? 0));
    for (const f of layers.crossings ?? []) this.addCrossing(f);

    const bounds = boundary.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20], animate: false });
  }

  addCrossing(feature) {
    const [lon, lat] = feature.geometry.coordinates;
    const id = feature.properties.id;
    // A div icon from the start (styleCrossing sets its look), so Leaflet never fetches its default pin.
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ className: 'crossing' }), keyboard: true, riseOnHover: true, title: feature.properties.name,
    });
    const entry = { marker, feature, closed: false, result: null };
    this.crossingMarkers.set(id, entry);
    marker.on('click', () => this.handlers.onCrossingClick(id));
    marker.addTo(this.map);
    this.styleCrossing(id);
  }

  /** Sets a crossing's symbol: closed (black, crossed), or coloured and sized by its change, or by its volume. */
  styleCrossing(id) {
    const entry = this.crossingMarkers.get(id);
    if (!entry) return;
    const p = entry.feature.properties;
    let size; let color; let label;
    if (entry.result) {
      const change = entry.result.change;
      size = 9 + 20 * Math.sqrt(Math.abs(change) / Math.max(this.largestChange || 1, 1));
      color = changeColor(entry.result.percent);
      label = `${p.name}: ${signed(change)} a day`;
    } else {
      size = 7 + 13 * Math.sqrt((p.crossings_daily ?? 0) / (this.largestVolume || 1));
      color = OPEN_CROSSING;
      label = p.name;
    }
    const closed = entry.closed === 'all';
    const partial = entry.closed === 'partial';
    const classes = ['crossing'];
    if (closed) classes.push('closed');
    if (partial) classes.push('partly-closed');
    if (p.status === 'out-of-service') classes.push('out-of-service');
    size = Math.round(Math.max(size, closed ? 14 : 8));
    entry.marker.setIcon(L.divIcon({
      className: classes.join(' '),
      iconSize: [size, size],
      html: closed ? '<span aria-hidden="true">×</span>' : '',
    }));
    const element = entry.marker.getElement();
    if (!element) return;
    if (!closed) element.style.background = color;
    element.dataset.crossing = id;
    element.dataset.status = closed ? 'closed' : partial ? 'partial' : 'open';
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', closed ? `${label} (closed)` : partial ? `${label} (partly closed)` : label);
    element.onkeydown = (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.handlers.onCrossingClick(id);
      }
    };
  }

  /** Marks crossings closed ('all'), partly closed ('partial') or open (absent from the map given). */
  setClosed(closedById) {
    for (const [id, entry] of this.crossingMarkers) {
      const closed = closedById.get(id) ?? false;
      if (entry.closed !== closed) {
        entry.closed = closed;
        this.styleCrossing(id);
      }
    }
  }

  /** Colours and sizes crossings by their total change; null clears the results. */
  setCrossingResults(resultsById) {
    const changes = resultsById ? [...resultsById.values()].map((r) => Math.abs(r.change)) : [];
    this.largestChange = Math.max(1, ...changes);
    for (const [id, entry] of this.crossingMarkers) {
      entry.result = resultsById ? resultsById.get(id) ?? null : null;
      this.styleCrossing(id);
    }
  }

  setSectorResults(sectorCollection) {
    const byId = new Map((sectorCollection?.features ?? []).map((f) => [f.properties.id, f.properties]));
    for (const [id, layer] of this.sectorLayers ?? []) {
      const p = byId.get(id);
      const neutral = p && Math.abs(p.crossings_percent_change ?? 0) <= 1;
      layer.setStyle(p
        ? { fillColor: changeColor(p.crossings_percent_change), fillOpacity: neutral ? 0.1 : 0.45 }
        : { fillColor: '#ffffff', fillOpacity: 0 });
      const name = layer.feature.properties.name;
      layer.setTooltipContent(p
        ? `${name} Sector: ${signed(p.crossings_change)} a day (${signedPercent(p.crossings_percent_change)})`
        : `${name} Sector`);
    }
  }

  /** Opens a crossing's popup with the HTML given; `onClose` is called when the user closes it. */
  openPopup(id, html, onClose) {
    const entry = this.crossingMarkers.get(id);
    if (!entry) return null;
    entry.marker.off('popupclose');
    entry.marker.unbindPopup();
    entry.marker.bindPopup(html, { maxWidth: 360, minWidth: 220, className: 'crossing-popup', autoPan: true });
    entry.marker.openPopup();
    entry.marker.on('popupclose', onClose);
    return entry.marker.getPopup().getElement();
  }

  focusCrossing(id) {
    const entry = this.crossingMarkers.get(id);
    if (entry) this.map.panTo(entry.marker.getLatLng());
  }

  clearResults() {
    this.results.clearLayers();
  }

  /** The `top` streams that changed most, along their roads: blue where they gained, red where they lost. */
  drawFlows(flowCollection, top) {
    const streams = (flowCollection?.features ?? [])
      .filter((f) => f.properties.change !== 0)
      .sort((a, b) => Math.abs(b.properties.change) - Math.abs(a.properties.change))
      .slice(0, top);
    const largest = Math.max(1e-9, ...streams.map((f) => Math.abs(f.properties.change)));
    // The smallest first, so the largest are drawn on top.
    for (const f of streams.reverse()) {
      const p = f.properties;
      const layer = L.geoJSON(f, {
        pane: 'flows',
        style: () => ({
          color: p.change > 0 ? GAINED : LOST,
          weight: 1 + 7 * Math.sqrt(Math.abs(p.change) / largest),
          opacity: 0.7,
          lineCap: 'round',
        }),
      });
      layer.bindTooltip(`${escapeHTML(p.origin_name ?? p.origin)} → ${escapeHTML(p.crossing_name ?? p.crossing)} → `
        + `${escapeHTML(p.destination_name ?? p.destination)}, ${escapeHTML(p.mode)}: `
        + `${formatNumber(p.baseline)} → ${formatNumber(p.scenario)} ${escapeHTML(p.unit ?? '')} a day`, { sticky: true });
      this.results.addLayer(layer);
    }
    return streams.length;
  }

  /** A route's lines (route, alternatives, all-open) and points, as the API's `geojson` gives them. */
  drawRoute(collection) {
    const order = { 'all-open': 0, alternative: 1, route: 2 };
    const features = [...(collection?.features ?? [])];
    const lines = features.filter((f) => f.geometry.type.endsWith('LineString'))
      .sort((a, b) => (order[a.properties.role] ?? 1) - (order[b.properties.role] ?? 1)
        || (b.properties.rank ?? 0) - (a.properties.rank ?? 0));
    const points = features.filter((f) => f.geometry.type === 'Point');
    const group = L.featureGroup();
    for (const f of lines) {
      const p = f.properties;
      const style = p.role === 'route'
        ? { color: '#d7301f', weight: 6, opacity: 0.9 }
        : p.role === 'all-open'
          ? { color: '#5f5f5f', weight: 4, opacity: 0.8, dashArray: '8 6' }
          : { color: '#2166ac', weight: 3.5, opacity: 0.75 };
      const layer = L.geoJSON(f, { pane: 'routes', style: () => style });
      const what = p.role === 'route' ? 'Best route' : p.role === 'all-open' ? 'With every crossing open' : `Alternative ${p.rank}`;
      layer.bindTooltip(`${what} via ${escapeHTML(p.crossing)}: ${formatMinutes(p.travel_minutes)}, ${formatNumber(p.length_km, 1)} km`, { sticky: true });
      group.addLayer(layer);
    }
    for (const f of points) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      if (p.role === 'crossing') continue; // the crossing markers are on the map already
      const marker = L.circleMarker([lat, lon], {
        pane: 'routes', radius: 7, weight: 2, color: '#fff',
        fillColor: p.role === 'origin' ? '#1a9850' : '#762a83', fillOpacity: 1,
      });
      marker.bindTooltip(`${p.role === 'origin' ? 'From' : 'To'} ${escapeHTML(p.name ?? p.id)}`, { permanent: true, direction: 'top', className: 'route-end' });
      group.addLayer(marker);
    }
    this.results.addLayer(group);
    const bounds = group.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [40, 40], maxZoom: 9, animate: false });
  }
}
