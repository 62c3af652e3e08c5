// The server's JSON API. Every call resolves to parsed JSON or throws an ApiError with the server's message.

export class ApiError extends Error {
  constructor(message, detail) {
    super(message);
    this.detail = detail; // the "parameter" or "field" the server named, if any
  }
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  } catch (networkError) {
    throw new ApiError(`The server did not answer (${networkError.message}).`);
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* reported below */ }
  if (!response.ok) {
    const error = body && body.error;
    const where = error && (error.parameter || error.field);
    const message = error && error.message ? error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(message, where);
  }
  if (body === null) throw new ApiError(`The server's answer to ${path} was not JSON.`);
  return body;
}

export const api = {
  health: () => request('/api/health'),
  config: () => request('/api/config'),
  basemap: () => request('/api/basemap'),
  network: () => request('/api/network'),
  scenarios: () => request('/api/scenarios'),
  route: (params) => request(`/api/route?${new URLSearchParams(params)}`),
  divert: (body) => request('/api/divert', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }),
};
