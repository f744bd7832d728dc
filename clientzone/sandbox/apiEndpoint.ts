import type { IncomingMessage, ServerResponse } from 'node:http';
import { findActionHandler, normaliseAction } from './actions/actionRegistry.js';
import type { ApiResponse } from './actions/actionTypes.js';
import { SandboxApiError } from './apiError.js';
import type { FaultInjector, FaultRule } from './faults.js';
import { delay, readBody, sendHtml, sendJson } from './httpUtils.js';
import { parseParams, stringParam, type ApiParams } from './requestParams.js';
import type { SandboxClock } from './sandboxClock.js';
import type { SandboxLog, SandboxStore } from './sandboxStore.js';

export interface ApiEndpointDeps {
  store: SandboxStore;
  clock: SandboxClock;
  faults: FaultInjector;
  identifier: string;
  secret: string;
  log: SandboxLog;
}

interface ApiAnswer {
  status: number;
  body: ApiResponse;
}

const ERROR_PAGE = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>The server encountered an error.</p></body></html>`;

function authenticate(deps: ApiEndpointDeps, params: ApiParams): ApiAnswer | null {
  const identifier = stringParam(params, 'identifier') || stringParam(params, 'username');
  const secret = stringParam(params, 'secret') || stringParam(params, 'password');
  if (!identifier || !secret) {
    return { status: 403, body: { result: 'error', message: 'Invalid or missing credentials' } };
  }
  if (identifier !== deps.identifier || secret !== deps.secret) {
    return { status: 403, body: { result: 'error', message: 'Authentication Failed' } };
  }
  return null;
}

/** Authentication, then the action; business errors are HTTP 200 with `result=error`. */
function answer(deps: ApiEndpointDeps, params: ApiParams, action: string): ApiAnswer {
  const refused = authenticate(deps, params);
  if (refused) return refused;
  const handler = findActionHandler(action);
  if (!handler) return { status: 200, body: { result: 'error', message: 'Command Not Found' } };
  try {
    const result = handler({ store: deps.store, params, now: deps.clock.now() });
    return { status: 200, body: { result: 'success', ...result } };
  } catch (error) {
    if (error instanceof SandboxApiError) {
      return { status: 200, body: { result: 'error', message: error.message } };
    }
    throw error;
  }
}

/** Faults that act before the action runs; true when the request is finished. */
async function faultBefore(fault: FaultRule, req: IncomingMessage, res: ServerResponse) {
  switch (fault.mode) {
    case 'delay':
      await delay(fault.ms);
      return false;
    case 'status500':
      sendHtml(res, 500, ERROR_PAGE('500 Internal Server Error'));
      return true;
    case 'html':
      sendHtml(res, 200, ERROR_PAGE('Oops! Something went wrong.'));
      return true;
    case 'reset-before':
      req.socket.destroy();
      return true;
    default:
      return false;
  }
}

/** `POST /includes/api.php`: the WHMCS API. */
export async function handleApiRequest(
  deps: ApiEndpointDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const params = parseParams(url.searchParams, await readBody(req));
  const action = normaliseAction(stringParam(params, 'action'));
  const fault = deps.faults.take(action, (name) => stringParam(params, name));
  if (fault) deps.log('sandbox fault', { action, mode: fault.mode, ms: fault.ms });
  if (fault && (await faultBefore(fault, req, res))) return;
  const { status, body } = answer(deps, params, action);
  deps.log('sandbox api', { action, status, result: body.result });
  if (fault?.mode === 'reset-after-commit') {
    req.socket.destroy();
    return;
  }
  if (fault?.mode === 'slow-after-commit') await delay(fault.ms);
  sendJson(res, status, body);
}
