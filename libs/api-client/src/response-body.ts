// Parses a successful response: JSON when the server says so, text otherwise,
// and `undefined` for empty bodies (204, or a 200 without content).
export async function readResponseBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || response.status === 304) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  return /[/+]json\b/i.test(contentType) ? (JSON.parse(text) as unknown) : text;
}
