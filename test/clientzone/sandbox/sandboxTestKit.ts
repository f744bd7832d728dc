import axios, { type AxiosResponse } from 'axios';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_SECRET,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from '../../../clientzone/sandbox/index.js';

/** 10:00 in Jakarta on 1 March 2025: Sari's monthly service is due on 21 March (28-day period). */
export const TEST_NOW = new Date('2025-03-01T03:00:00Z');

export type FormValue = string | number;

export interface ApiError {
  result: 'error';
  message: string;
}

export interface SandboxRecords {
  now: string;
  orders: { id: number; userid: number; invoiceid: number }[];
  upgrades: { id: number; relid: number; type: string; status: string; paid: string }[];
  invoices: { id: number; userid: number; status: string; total: number; balance: number }[];
  tickets: { id: number; tid: string; userid: number; deptid: number; subject: string }[];
  services: {
    id: number;
    pid: number;
    amount: number;
    nextduedate: string;
    configQty: Record<string, number>;
  }[];
}

const http = axios.create({ validateStatus: () => true, maxRedirects: 0 });

/** A sandbox on a random port, driven over real HTTP like any WHMCS client. */
export class TestSandbox {
  constructor(readonly sandbox: RunningSandbox) {}

  static async start(options: SandboxOptions = {}): Promise<TestSandbox> {
    return new TestSandbox(await startSandbox({ port: 0, now: () => TEST_NOW, ...options }));
  }

  /** Posts a WHMCS API call as a form body; `configoptions[77]` style keys pass through. */
  api<T = Record<string, unknown>>(
    action: string,
    params: Record<string, FormValue> = {},
  ): Promise<AxiosResponse<T>> {
    const form = new URLSearchParams({
      identifier: SANDBOX_IDENTIFIER,
      secret: SANDBOX_SECRET,
      responsetype: 'json',
      action,
    });
    for (const [key, value] of Object.entries(params)) form.set(key, String(value));
    return http.post<T>(this.sandbox.apiUrl, form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  postForm<T = Record<string, unknown>>(form: URLSearchParams): Promise<AxiosResponse<T>> {
    return http.post<T>(this.sandbox.apiUrl, form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  get<T = string>(path: string): Promise<AxiosResponse<T>> {
    return http.get<T>(`${this.sandbox.url}${path}`);
  }

  send<T = Record<string, unknown>>(
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<AxiosResponse<T>> {
    return http.request<T>({ method, url: `${this.sandbox.url}${path}`, data: body });
  }

  async records(): Promise<SandboxRecords> {
    return (await this.get<SandboxRecords>('/__sandbox/records')).data;
  }

  async moveClock(now: Date): Promise<void> {
    await this.send('POST', '/__sandbox/clock', { now: now.toISOString() });
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }
}

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}
