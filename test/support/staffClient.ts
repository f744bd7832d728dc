import axios, { type AxiosResponse } from 'axios';

/** A staff member using the JSON API with a Bearer token. */
export class StaffClient {
  private token = '';

  constructor(private readonly botUrl: string) {}

  async login(username: string, password: string): Promise<AxiosResponse> {
    const response = await axios.post(
      `${this.botUrl}/staff/api/login`,
      { username, password },
      { validateStatus: () => true },
    );
    if (response.status === 200) this.token = (response.data as { token: string }).token;
    return response;
  }

  get bearer(): string {
    return this.token;
  }

  async online(): Promise<void> {
    const response = await this.post('/presence', { status: 'online' });
    if (response.status !== 200) throw new Error(`presence: ${response.status}`);
  }

  get(path: string): Promise<AxiosResponse> {
    return axios.get(`${this.botUrl}/staff/api${path}`, {
      headers: this.headers(),
      validateStatus: () => true,
    });
  }

  post(path: string, body: unknown = {}): Promise<AxiosResponse> {
    return axios.post(`${this.botUrl}/staff/api${path}`, body, {
      headers: this.headers(),
      validateStatus: () => true,
    });
  }

  conversation(id: string, action = ''): string {
    return `/conversations/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  }

  private headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }
}
