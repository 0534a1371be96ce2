// A station device posting one 10 s capture, as the device agent does:
// POST /api/station/captures with the device's bearer token. A 503 (the bff
// shedding load on a busy machine, with Retry-After) is retried with the same
// chunk id, which the bff takes once.
export interface PostedCapture {
  status: number;
  /** The answer's JSON (the capture on 202; the error otherwise). */
  body: { id: string; chunkId: string; status: string };
  /** The answer as text, for a failing expectation's message. */
  text: string;
}

const MAX_RETRIES = 20;

function parseBody(text: string): PostedCapture['body'] {
  try {
    return JSON.parse(text) as PostedCapture['body'];
  } catch {
    return { id: '', chunkId: '', status: text };
  }
}

export async function postDeviceCapture(
  bffUrl: string,
  token: string,
  chunkId: string,
  startedAt: Date,
  wav: Buffer,
): Promise<PostedCapture> {
  for (let attempt = 0; ; attempt++) {
    const form = new FormData();
    form.append('chunk_id', chunkId);
    form.append('started_at', startedAt.toISOString());
    form.append('duration', '10');
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), `${chunkId}.wav`);
    const response = await fetch(`${bffUrl}/api/station/captures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await response.text();
    if (response.status !== 503 || attempt >= MAX_RETRIES) {
      return { status: response.status, body: parseBody(text), text };
    }
    const wait = Number(response.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 1), 5) * 1000));
  }
}
