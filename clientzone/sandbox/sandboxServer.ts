import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdminRequest } from './adminRoutes.js';
import { handleApiRequest, type ApiEndpointDeps } from './apiEndpoint.js';
import { BodyTooLargeError, sendHtml, sendJson } from './httpUtils.js';
import { renderNotFound } from './invoicePages.js';
import { handleClientArea, handleInvoicePage } from './pageRoutes.js';

export type SandboxServerDeps = ApiEndpointDeps;

async function route(
  deps: SandboxServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  if (url.pathname === '/includes/api.php') return handleApiRequest(deps, req, res, url);
  if (url.pathname === '/viewinvoice.php') return handleInvoicePage(deps, req, res, url);
  if (url.pathname === '/clientarea.php') return handleClientArea(deps, res, url);
  if (url.pathname.startsWith('/__sandbox/')) return handleAdminRequest(deps, req, res, url);
  sendHtml(res, 404, renderNotFound('Halaman tidak ditemukan.'));
}

/** The sandbox HTTP server, not yet listening. */
export function createSandboxServer(deps: SandboxServerDeps): Server {
  return createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { result: 'error', message: error.message });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      deps.log('sandbox internal error', { url: req.url, message });
      sendHtml(
        res,
        500,
        '<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>',
      );
    });
  });
}
