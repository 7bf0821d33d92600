// The only way the studio talks to CloudReel: the public HTTP API, with the key the person typed (kept in this tab).
const keyName = 'cloudreel.key';
const base = new URL('/api/', location.origin);

export const key = {
  get: () => sessionStorage.getItem(keyName),
  set: value => sessionStorage.setItem(keyName, value),
  clear: () => sessionStorage.removeItem(keyName),
};

/** A refused request: the problem details the API answered (status, title, detail, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** Calls a route; resolves to its JSON (or null), rejects with ApiError. */
export async function call(method, path, { body, type, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  const k = key.get();
  if (k) init.headers['x-functions-key'] = k;
  if (body instanceof FormData) init.body = body; // the browser writes the multipart boundary
  else if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    init.headers['content-type'] = type ?? (body instanceof Blob ? body.type : 'application/json');
  }
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}

export const api = {
  films: () => call('GET', 'films'),
  film: id => call('GET', `films/${encodeURIComponent(id)}`),
  storyboard: id => call('GET', `films/${encodeURIComponent(id)}/storyboard`),
  models: () => call('GET', 'models'),
  batch: id => call('GET', `batches/${encodeURIComponent(id)}`),
  cancelBatch: id => call('POST', `batches/${encodeURIComponent(id)}/cancel`),
  /** An order (its text), alone or with the files it names (pictures, music, a logo) as multipart/form-data. */
  submit: (text, type, { dryRun = false, draft = false, idempotencyKey, files = [] } = {}) => {
    let body = text;
    if (files.length > 0) {
      body = new FormData();
      body.append('order', new Blob([text], { type }), type === 'application/json' ? 'order.json' : 'order.yaml');
      for (const file of files) body.append(file.name, file, file.name);
    }
    return call('POST', `films?dryRun=${dryRun}&draft=${draft}`, { body, type, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} });
  },
  approve: (id, approved, by, comment) => call('POST', `films/${encodeURIComponent(id)}/approve`, { body: { approved, by: by || null, comment: comment || null } }),
  cancel: id => call('POST', `films/${encodeURIComponent(id)}/cancel`),
  regenerate: (id, shot, idempotencyKey) => call('POST', `films/${encodeURIComponent(id)}/shots/${encodeURIComponent(shot)}/regenerate`, { headers: { 'Idempotency-Key': idempotencyKey } }),
  edit: (id, shot, edit, idempotencyKey) => call('POST', `films/${encodeURIComponent(id)}/shots/${encodeURIComponent(shot)}/edit`, { body: edit, headers: { 'Idempotency-Key': idempotencyKey } }),
  picture: (id, shot, file, still, idempotencyKey) =>
    call('POST', `films/${encodeURIComponent(id)}/shots/${encodeURIComponent(shot)}/picture?still=${still}`, { body: file, type: file.type, headers: { 'Idempotency-Key': idempotencyKey } }),
  clip: (id, shot, file, idempotencyKey) =>
    call('POST', `films/${encodeURIComponent(id)}/shots/${encodeURIComponent(shot)}/clip`, { body: file, type: file.type || 'video/mp4', headers: { 'Idempotency-Key': idempotencyKey } }),
};
