import type { ApiParams } from '../requestParams.js';
import type { SandboxStore } from '../sandboxStore.js';

/** A WHMCS JSON answer; `result` is added by the dispatcher when a handler returns normally. */
export type ApiResponse = Record<string, unknown>;

export interface ActionContext {
  store: SandboxStore;
  params: ApiParams;
  /** The sandbox clock, read once per request. */
  now: Date;
}

/** Throws `SandboxApiError` for a business error (HTTP 200, `result=error`). */
export type ActionHandler = (context: ActionContext) => ApiResponse;
