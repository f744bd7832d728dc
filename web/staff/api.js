/**
 * The staff JSON API (docs/staff-api.md). The HttpOnly cookie authenticates; the CSRF token lives
 * in sessionStorage (this tab only) and goes with every POST.
 */
const BASE = '/staff/api';
const CSRF_KEY = 'oxmailStaffCsrf';

/** A failed call: `status` and the server's `code` (e.g. owned_by_other), plus its body. */
export class ApiError extends Error {
  constructor(status, body) {
    super(`staff api ${status} ${body?.error ?? ''}`);
    this.status = status;
    this.code = body?.error ?? (status === 0 ? 'network' : 'unknown');
    this.body = body ?? {};
  }
}

export function conversationPath(id) {
  return `${BASE}/conversations/${encodeURIComponent(id)}`;
}

export function transcriptUrl(id) {
  return `${conversationPath(id)}/transcript`;
}

export function hasCsrfToken() {
  return Boolean(sessionStorage.getItem(CSRF_KEY));
}

async function call(method, path, body) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = sessionStorage.getItem(CSRF_KEY) ?? '';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const data = parseJson(await response.text());
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const post = (path, body) => call('POST', path, body);
const get = (path) => call('GET', path);
const act = (id, action, body) => post(`${conversationPath(id)}/${action}`, body);

export const api = {
  async login(username, password) {
    const answer = await post(`${BASE}/login`, { username, password });
    sessionStorage.setItem(CSRF_KEY, answer.csrfToken);
    return answer.staff;
  },
  async logout() {
    try {
      await post(`${BASE}/logout`);
    } finally {
      sessionStorage.removeItem(CSRF_KEY);
    }
  },
  forget: () => sessionStorage.removeItem(CSRF_KEY),
  me: () => get(`${BASE}/me`),
  setPresence: (status) => post(`${BASE}/presence`, { status }),
  staff: () => get(`${BASE}/staff`),
  queue: () => get(`${BASE}/queue`),
  conversations: () => get(`${BASE}/conversations`),
  conversation: (id) => get(conversationPath(id)),
  transcript: (id) => get(transcriptUrl(id)),
  accept: (id) => act(id, 'accept'),
  takeover: (id) => act(id, 'takeover'),
  send: (id, text) => act(id, 'messages', { text }),
  typing: (id) => act(id, 'typing'),
  note: (id, text) => act(id, 'notes', { text }),
  transfer: (id, to) => act(id, 'transfer', { to }),
  handback: (id, flow) => act(id, 'handback', { flow }),
  close: (id) => act(id, 'close'),
};
