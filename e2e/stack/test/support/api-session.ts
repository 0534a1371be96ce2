// A browser stand-in for API tests: keeps the session cookie and echoes the
// CSRF token the way the portals' api-client does.
export interface ApiAnswer {
  status: number;
  body: unknown;
}

export class ApiSession {
  private cookie = '';
  private csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const init: RequestInit & { headers: Record<string, string> } = {
      method,
      headers: { origin: this.baseUrl, ...headers },
    };
    if (this.cookie) init.headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') init.headers['x-csrf-token'] = this.csrfToken;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    // Load shedding (503 + Retry-After) is retried as the portals' api-client does:
    // the shared CI machine can lag the event loop past the shedding threshold.
    let response = await fetch(`${this.baseUrl}${path}`, init);
    for (let retry = 0; response.status === 503 && retry < 20; retry++) {
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await fetch(`${this.baseUrl}${path}`, init);
    }
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) this.cookie = setCookie.map((line) => line.split(';')[0]).join('; ');
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  get = <T = unknown>(path: string) => this.request('GET', path).then((r) => r.body as T);

  async login(email: string, password: string): Promise<string> {
    const answer = await this.request('POST', '/api/auth/login', { email, password });
    if (answer.status !== 200)
      throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const session = answer.body as { csrfToken: string; user: { id: string } };
    this.csrfToken = session.csrfToken;
    return session.user.id;
  }
}
