// Numbers, times and text as the page shows them, and the names of modes.

export const MODES = ['pedestrian', 'pov', 'bus', 'truck', 'rail'];
export const MODE_NAMES = { pedestrian: 'pedestrians', pov: 'personal vehicles', bus: 'buses', truck: 'trucks', rail: 'rail' };
export const UNITS = { pedestrian: 'persons', pov: 'vehicles', bus: 'buses', truck: 'trucks', rail: 'railcars' };

export function escapeHTML(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function formatNumber(value, decimals = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

export function signed(value, decimals = 0) {
  if (value === null || value === undefined) return '–';
  const rounded = Number(Number(value).toFixed(decimals));
  if (rounded === 0) return '0';
  return (rounded > 0 ? '+' : '−') + formatNumber(Math.abs(rounded), decimals);
}

export function signedPercent(value) {
  if (value === null || value === undefined) return '–';
  return `${signed(value, Math.abs(value) < 10 ? 1 : 0)} %`;
}

export function formatMinutes(minutes) {
  if (minutes === null || minutes === undefined) return '–';
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
