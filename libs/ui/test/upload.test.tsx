/** @vitest-environment jsdom */
// uploadFile against a real local HTTP server: multipart body, progress events,
// cancel, and server errors as ApiError. jsdom's XMLHttpRequest does real
// network I/O (and CORS, hence the headers below).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isApiError } from '@zamio/api-client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import {
  DEFAULT_RUNTIME_CONFIG,
  FileUpload,
  isAbortError,
  uploadFile,
  type UploadProgress,
} from '../src/index';
import { renderInPortal } from './render-dom';

interface Received {
  contentType: string;
  bytes: number;
  csrf: string | undefined;
  requestId: string | undefined;
  body: string;
}

describe('uploadFile', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
      response.setHeader('Access-Control-Allow-Headers', 'x-csrf-token, x-request-id, accept');
      response.setHeader('Access-Control-Allow-Methods', 'POST, PUT');
      response.setHeader('Access-Control-Expose-Headers', 'x-request-id');
      response.setHeader('Access-Control-Allow-Credentials', 'true');
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push({
          contentType: request.headers['content-type'] ?? '',
          bytes: body.length,
          csrf: request.headers['x-csrf-token'] as string | undefined,
          requestId: request.headers['x-request-id'] as string | undefined,
          body: body.subarray(0, 2000).toString('latin1'),
        });
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-request-id', 'server-id-1');
        if (request.url === '/too-large')
          return void response
            .writeHead(413)
            .end(JSON.stringify({ statusCode: 413, message: 'the file is larger than 1 MB' }));
        response.writeHead(201).end(JSON.stringify({ id: 'upload-1', size: body.length }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends fields first, then the file, with the CSRF header, and reports progress up to 100 %', async () => {
    const file = new File([new Uint8Array(3_000_000).fill(65)], 'take 1.wav', { type: 'audio/wav' });
    const progress: UploadProgress[] = [];
    const result = await uploadFile<{ id: string; size: number }>({
      url: `${base}/tracks`,
      file,
      fields: { title: 'Sika', isrc: 'GHA012600001' },
      headers: { 'X-CSRF-Token': 'csrf-1' },
      onProgress: (step) => progress.push(step),
    });
    expect(result.id).toBe('upload-1');
    const request = received.at(-1)!;
    expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.csrf).toBe('csrf-1');
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.bytes).toBeGreaterThan(3_000_000);
    const titleAt = request.body.indexOf('name="title"');
    const fileAt = request.body.indexOf('name="file"; filename="take 1.wav"');
    expect(titleAt).toBeGreaterThan(-1);
    expect(fileAt).toBeGreaterThan(titleAt);
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(progress.at(-1)?.total).toBe(request.bytes);
    expect(progress.every((step, index) => index === 0 || step.loaded >= progress[index - 1]!.loaded)).toBe(
      true,
    );
  });

  it('turns an HTTP error into an ApiError with the server message and request id', async () => {
    const error = await uploadFile({ url: `${base}/too-large`, file: new File(['abc'], 'a.wav') }).catch(
      (e: unknown) => e,
    );
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 413,
      message: 'the file is larger than 1 MB',
      requestId: 'server-id-1',
    });
  });

  it('cancels on abort with an AbortError, before or during the transfer', async () => {
    const early = new AbortController();
    early.abort();
    const before = await uploadFile({
      url: `${base}/x`,
      file: new File(['a'], 'a'),
      signal: early.signal,
    }).catch((e: unknown) => e);
    expect(isAbortError(before)).toBe(true);

    const during = new AbortController();
    const big = new File([new Uint8Array(20_000_000)], 'big.wav');
    const pending = uploadFile({
      url: `${base}/x`,
      file: big,
      signal: during.signal,
      onProgress: () => during.abort(),
    }).catch((e: unknown) => e);
    setTimeout(() => during.abort(), 50);
    expect(isAbortError(await pending)).toBe(true);
  });

  it('FileUpload: refuses a wrong file inline, uploads a good one with progress to "Uploaded"', async () => {
    const onUploaded = vi.fn();
    renderInPortal(
      createElement(FileUpload<{ id: string }>, {
        label: 'Upload a track',
        path: '/tracks',
        accept: '.wav,audio/wav',
        maxBytes: 5_000_000,
        fields: { title: 'Sika' },
        onUploaded,
      }),
      { config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: base } },
    );
    const input = screen.getByLabelText('Upload a track');
    await userEvent.upload(input, new File(['x'], 'notes.txt', { type: 'text/plain' }), {
      applyAccept: false,
    });
    expect(screen.getByRole('alert').textContent).toContain('notes.txt is not an accepted file type');
    const count = received.length;

    const file = new File([new Uint8Array(400_000)], 'sika.wav', { type: 'audio/wav' });
    await userEvent.upload(input, file);
    await waitFor(() => expect(screen.getByTestId('upload-status').textContent).toBe('Uploaded · 400 KB'));
    expect(screen.getByTestId('upload-progress').getAttribute('value')).toBe('100');
    expect(onUploaded).toHaveBeenCalledWith({ id: 'upload-1', size: received.at(-1)!.bytes }, file);
    expect(received.length).toBe(count + 1);
    expect(received.at(-1)!.body).toContain('name="title"');
  });

  it('says the server is unreachable as a network error', async () => {
    const error = await uploadFile({ url: 'http://127.0.0.1:9/nothing', file: new File(['a'], 'a') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'network', status: 0 });
  });
});
