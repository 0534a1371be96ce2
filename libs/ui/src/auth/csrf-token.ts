// The session's CSRF token lives in memory only (never in storage a script
// could read later); the API client adds it to every state-changing request.
let token: string | undefined;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const rememberCsrfToken = (value: string | undefined) => {
  token = value;
};

export const csrfHeadersFor = (method: string): Record<string, string> =>
  token && !SAFE_METHODS.has(method) ? { 'X-CSRF-Token': token } : {};
