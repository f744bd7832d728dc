/** A business error answered as HTTP 200 `{"result":"error","message":...}`. */
export class SandboxApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxApiError';
  }
}
