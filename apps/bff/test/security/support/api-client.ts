// A minimal browser stand-in: keeps cookies, sends the portal's Origin and
// echoes the CSRF token the way the portals' api-client does.
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  userId: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly origin: string | undefined,
  ) {}

  async request(
    method: string,
    path: string,
    init: {
      body?: unknown;
      headers?: Record<string, string>;
      raw?: RequestInit['body'];
      csrf?: boolean;
    } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = {
      ...(this.origin ? { origin: this.origin } : {}),
      ...init.headers,
    };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.csrf !== false && this.csrfToken && !['GET', 'HEAD'].includes(method))
      headers['x-csrf-token'] = this.csrfToken;
    let body: RequestInit['body'] | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0\b/i.test(a.trim()),
      );
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, { body });

  async login(email: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status === 200) {
      const session = response.body as { csrfToken: string; user: { id: string } };
      this.csrfToken = session.csrfToken;
      this.userId = session.user.id;
    }
    return response;
  }

  upload(
    method: string,
    path: string,
    form: FormData,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    return this.request(method, path, { raw: form, headers });
  }
}
