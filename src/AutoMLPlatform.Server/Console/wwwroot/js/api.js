// Every call the console makes goes through here: the same public HTTP API any client uses, with the key the user
// signed in with. Errors come back as the server's RFC 7807 problem details, wrapped in ApiError.

const keyStorage = 'automlplatform.key';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export const session = {
  get key() { return sessionStorage.getItem(keyStorage); },
  set key(value) { value ? sessionStorage.setItem(keyStorage, value) : sessionStorage.removeItem(keyStorage); },
};

function headers(extra = {}) {
  return { Authorization: `Bearer ${session.key}`, Accept: 'application/json', ...extra };
}

async function problemOf(response) {
  const text = await response.text();
  try { return JSON.parse(text); } catch { return { title: response.statusText, detail: text || undefined }; }
}

async function send(method, path, body, extraHeaders) {
  const init = { method, headers: headers(extraHeaders) };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    if (!(body instanceof Blob) && !init.headers['Content-Type']) init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

/**
 * Where the server keeps its first admin key, {path, exists}, or null when it will not say (it tells callers on its own
 * machine only). Asked before sign-in, so without a key: a stale key in the header would count as a failed sign-in.
 */
export async function bootstrapKeyFile() {
  try {
    const response = await fetch('/api/bootstrap-key-file', { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

export async function get(path) { return (await send('GET', path)).json(); }

/** A GET that also returns the response headers (X-Total-Count of a paged list). */
export async function getWithHeaders(path) {
  const response = await send('GET', path);
  return { body: await response.json(), headers: response.headers };
}

export async function post(path, body) {
  const response = await send('POST', path, body);
  return response.status === 204 ? null : response.json();
}

/** A GET of a file (e.g. an ONNX model) as a Blob; errors are the server's problem details, as for JSON calls. */
export async function getBlob(path) { return (await send('GET', path, undefined, { Accept: 'application/octet-stream, application/problem+json' })).blob(); }

export async function put(path, body) { return (await send('PUT', path, body)).json(); }

/** Sends a CSV file and returns the CSV the server streams back, as a Blob. */
export async function postCsv(path, file) {
  const response = await send('POST', path, file, { 'Content-Type': 'text/csv', Accept: 'text/csv' });
  return response.blob();
}

/** Checks a key with the cheapest call every key may make; throws ApiError (401) for a wrong one. */
export async function verifyKey(key) {
  const response = await fetch('/api/datasets?limit=1', { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
}

/** Uploads a dataset with XMLHttpRequest, the one browser API that reports upload progress. */
export function uploadDataset(form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/datasets');
    request.setRequestHeader('Authorization', `Bearer ${session.key}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    request.onload = () => {
      let body;
      try { body = JSON.parse(request.responseText); } catch { body = { title: request.statusText, detail: request.responseText }; }
      request.status >= 200 && request.status < 300 ? resolve(body) : reject(new ApiError(request.status, body));
    };
    request.onerror = () => reject(new ApiError(0, { title: 'Network error', detail: 'The upload did not reach the server.' }));
    request.send(form);
  });
}

export const enc = encodeURIComponent;
