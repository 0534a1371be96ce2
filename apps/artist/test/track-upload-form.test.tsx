/** @vitest-environment jsdom */
// The upload form in jsdom against a local HTTP server: inline checks before
// anything is sent, the create body (ISRC normalised), the audio sent to the
// new track over tus in parts with progress to 100 %, a dropped part resumed
// by itself (HEAD for the offset, PATCH from there), a reload resumed into
// the same track, a rejected file in words, server refusals on the right
// field, and a retry after a failed transfer that reuses the track.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { TrackUploadForm } from '../src/tracks/TrackUploadForm';
import { startLocalBff, type Answer, type LocalBff } from '@zamio/ui/testing/local-bff';

const TRACK_ID = '0b6f7a39-3a6e-4a57-9d0e-0d1c9f0f2a11';
const trackAnswer = (status: string) => ({
  id: TRACK_ID,
  title: 'Sika',
  isrc: 'GHA012600001',
  status,
  audio: null,
  createdAt: '2026-12-01T10:00:00.000Z',
});

describe('TrackUploadForm', () => {
  let bff: LocalBff;

  beforeAll(async () => {
    bff = await startLocalBff();
  });
  afterAll(() => bff.close());
  beforeEach(() => {
    bff.received.length = 0;
    bff.routes.clear();
    localStorage.clear();
    sessionStorage.clear();
  });

  const renderForm = () => {
    const onUploaded = vi.fn();
    const api = createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 });
    renderInPortal(<TrackUploadForm onUploaded={onUploaded} />, {
      apiClient: api,
      config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
    });
    // applyAccept off: the form's own check must refuse a wrong file, not the picker.
    return { onUploaded, user: userEvent.setup({ applyAccept: false }) };
  };
  const audio = () => new File([new Uint8Array(600_000).fill(7)], 'sika.wav', { type: 'audio/wav' });

  it('names every problem inline and sends nothing', async () => {
    const { user } = renderForm();
    await user.click(screen.getByTestId('track-upload-submit'));
    expect(await screen.findByText('Enter the track title')).toBeTruthy();
    expect(screen.getByText("Choose the track's audio file")).toBeTruthy();

    await user.type(screen.getByTestId('track-isrc'), 'GH-A01-26');
    await user.tab();
    expect(await screen.findByText(/An ISRC has 12 characters .* this one has 7/)).toBeTruthy();
    await user.clear(screen.getByTestId('track-isrc'));
    await user.type(screen.getByTestId('track-isrc'), 'GH-A01-2X-00001');
    await user.tab();
    expect(await screen.findByText(/2 digits of year and 5 digits/)).toBeTruthy();

    await user.type(screen.getByTestId('track-release-date'), '2999-01-01');
    await user.tab();
    expect(await screen.findByText('The release date cannot be in the future')).toBeTruthy();

    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await user.upload(screen.getByTestId('track-audio'), text);
    expect(await screen.findByText(/notes.txt is not an accepted file type/)).toBeTruthy();
    expect(screen.getByTestId('track-isrc').getAttribute('aria-invalid')).toBe('true');
    expect(bff.received).toEqual([]);
  });

  const MiB = 1024 * 1024;
  const UPLOAD = `/artist/tracks/${TRACK_ID}/audio/uploads/0123456789abcdef0123456789abcdef`;

  /** A tus server for the track's audio in the local bff; `patch` may refuse a part instead. */
  function tusServer(patch?: (offset: number, bytes: number) => Answer | undefined) {
    const state = { length: 0, offset: 0 };
    bff.routes.set(`POST /artist/tracks/${TRACK_ID}/audio/uploads`, (request) => {
      state.length = Number(request.headers['upload-length']);
      return { status: 201, headers: { location: `/api${UPLOAD}`, 'tus-resumable': '1.0.0' } };
    });
    bff.routes.set(`HEAD ${UPLOAD}`, () => ({
      status: 200,
      headers: {
        'upload-offset': String(state.offset),
        'upload-length': String(state.length),
        'tus-resumable': '1.0.0',
        'cache-control': 'no-store',
      },
    }));
    bff.routes.set(`PATCH ${UPLOAD}`, (request) => {
      const offset = Number(request.headers['upload-offset']);
      const refused = patch?.(offset, request.bytes);
      if (refused) return refused;
      if (offset !== state.offset) return { status: 409, body: { message: 'Upload-Offset conflict' } };
      state.offset += request.bytes;
      const headers = { 'upload-offset': String(state.offset), 'tus-resumable': '1.0.0' };
      return state.offset === state.length
        ? { status: 200, headers, body: trackAnswer('uploaded') }
        : { status: 204, headers };
    });
    return state;
  }
  const bigAudio = () => new File([new Uint8Array(7 * MiB).fill(7)], 'sika.wav', { type: 'audio/wav' });
  const sent = () => bff.received.map((request) => `${request.method} ${request.path}`);

  it('registers the track, then sends its audio over tus in parts with progress to 100 %', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    tusServer();
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), '  Sika ');
    await user.type(screen.getByTestId('track-isrc'), 'gh-a01-26-00001');
    await user.type(screen.getByTestId('track-album'), 'Accra Nights');
    await user.selectOptions(screen.getByTestId('track-genre'), 'Highlife');
    await user.type(screen.getByTestId('track-release-date'), '2026-03-06');
    await user.upload(screen.getByTestId('track-audio'), bigAudio());
    await user.click(screen.getByTestId('track-upload-submit'));

    await waitFor(() => expect(onUploaded).toHaveBeenCalledTimes(1));
    expect(onUploaded.mock.calls[0]![0]).toMatchObject({ id: TRACK_ID, status: 'uploaded' });
    const [create, creation, first, second] = bff.received;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/artist/tracks',
      json: {
        title: 'Sika',
        isrc: 'GHA012600001',
        album: 'Accra Nights',
        genre: 'Highlife',
        releaseDate: '2026-03-06',
      },
    });
    expect(creation).toMatchObject({ method: 'POST', path: `/artist/tracks/${TRACK_ID}/audio/uploads` });
    expect(creation!.headers['upload-length']).toBe(String(7 * MiB));
    expect(creation!.headers['tus-resumable']).toBe('1.0.0');
    expect(creation!.headers['upload-metadata']).toContain(`filename ${btoa('sika.wav')}`);
    // Two parts of at most 6 MiB, each with the session's CSRF token and its offset.
    expect(
      [first, second].map((part) => [part!.method, part!.headers['upload-offset'], part!.bytes]),
    ).toEqual([
      ['PATCH', '0', 6 * MiB],
      ['PATCH', String(6 * MiB), MiB],
    ]);
    expect(first!.contentType).toBe('application/offset+octet-stream');
    expect(screen.getByTestId('upload-progress').getAttribute('value')).toBe('100');
    expect(screen.getByTestId('upload-status').textContent).toContain('fingerprinting starts now');
  });

  it('resumes by itself after a dropped part: HEAD for the offset, then PATCH from there', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    let failures = 0;
    // The second part fails once mid-way (the server kept 1 MiB of it), as a dropped connection would.
    const state = tusServer((offset) => {
      if (offset !== 6 * MiB || failures++ > 0) return undefined;
      state.offset += 1024 * 1024 - 512 * 1024;
      return { status: 502, body: { message: 'bad gateway' } };
    });
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.upload(screen.getByTestId('track-audio'), bigAudio());
    await user.click(screen.getByTestId('track-upload-submit'));

    await waitFor(() => expect(onUploaded).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual([
      'POST /artist/tracks',
      `POST /artist/tracks/${TRACK_ID}/audio/uploads`,
      `PATCH ${UPLOAD}`,
      `PATCH ${UPLOAD}`,
      `HEAD ${UPLOAD}`,
      `PATCH ${UPLOAD}`,
    ]);
    expect(bff.received.at(-1)!.headers['upload-offset']).toBe(String(6 * MiB + 512 * 1024));
    expect(bff.received.at(-1)!.bytes).toBe(512 * 1024);
  });

  it('continues after a reload: the same facts and file go on into the same track from its offset', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    // The first visit ends after one part (the second is refused, as if the tab closed).
    let leave = true;
    tusServer((offset) =>
      leave && offset > 0 ? { status: 400, body: { message: 'the tab was closed' } } : undefined,
    );
    const file = bigAudio();
    const first = renderForm();
    await first.user.type(screen.getByTestId('track-title'), 'Sika');
    await first.user.upload(screen.getByTestId('track-audio'), file);
    await first.user.click(screen.getByTestId('track-upload-submit'));
    expect(await screen.findByText('the tab was closed')).toBeTruthy();
    cleanup();

    leave = false;
    bff.received.length = 0;
    const second = renderForm();
    await second.user.type(screen.getByTestId('track-title'), 'Sika');
    await second.user.upload(screen.getByTestId('track-audio'), file);
    await second.user.click(screen.getByTestId('track-upload-submit'));
    await waitFor(() => expect(second.onUploaded).toHaveBeenCalledTimes(1));
    // No second track, no new upload: HEAD of the remembered one, then the rest.
    expect(sent()).toEqual([`HEAD ${UPLOAD}`, `PATCH ${UPLOAD}`]);
    expect(bff.received[1]!.headers['upload-offset']).toBe(String(6 * MiB));
    expect(sessionStorage.length).toBe(0);
  });

  it('cancels: sending stops and the partial upload is dropped on the server (DELETE)', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    let release: () => void = () => {};
    tusServer();
    const patch = bff.routes.get(`PATCH ${UPLOAD}`)!;
    // The first part is held until the test lets it go, so Cancel lands mid-upload.
    bff.routes.set(`PATCH ${UPLOAD}`, async (request) => {
      await new Promise<void>((resolve) => (release = resolve));
      return patch(request);
    });
    bff.routes.set(`DELETE ${UPLOAD}`, () => ({ status: 204, headers: { 'tus-resumable': '1.0.0' } }));
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.upload(screen.getByTestId('track-audio'), bigAudio());
    await user.click(screen.getByTestId('track-upload-submit'));
    await waitFor(() => expect(sent()).toContain(`POST /artist/tracks/${TRACK_ID}/audio/uploads`));
    await user.click(await screen.findByRole('button', { name: 'Cancel upload' }));
    await waitFor(() => expect(sent()).toContain(`DELETE ${UPLOAD}`));
    release();
    expect(screen.getByTestId('upload-status').textContent).toBe('Cancelled');
    expect(onUploaded).not.toHaveBeenCalled();
    // Nothing is remembered for resuming.
    expect(Object.keys(localStorage).filter((key) => key.startsWith('tus::'))).toEqual([]);
  });

  it('says in words why a finished file was refused', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    tusServer((offset) =>
      offset === 6 * MiB
        ? {
            status: 415,
            body: { statusCode: 415, message: 'file type application/x-msdownload is not allowed' },
          }
        : undefined,
    );
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.upload(screen.getByTestId('track-audio'), bigAudio());
    await user.click(screen.getByTestId('track-upload-submit'));
    expect(await screen.findByText('file type application/x-msdownload is not allowed')).toBeTruthy();
    expect(screen.getByTestId('upload-status').textContent).toBe('Failed');
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it("puts the server's refusal of the ISRC on the ISRC field and sends no audio", async () => {
    bff.routes.set('POST /artist/tracks', () => ({
      status: 409,
      body: { statusCode: 409, message: 'a track with ISRC GHA012600001 is already registered' },
    }));
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.type(screen.getByTestId('track-isrc'), 'GHA012600001');
    await user.upload(screen.getByTestId('track-audio'), audio());
    await user.click(screen.getByTestId('track-upload-submit'));

    expect(await screen.findByText(/already registered/)).toBeTruthy();
    expect(screen.getByTestId('track-isrc').getAttribute('aria-invalid')).toBe('true');
    expect(bff.received.map((request) => request.method)).toEqual(['POST']);
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it('retries a failed transfer into the same track', async () => {
    let creations = 0;
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    tusServer();
    const create = bff.routes.get(`POST /artist/tracks/${TRACK_ID}/audio/uploads`)!;
    bff.routes.set(`POST /artist/tracks/${TRACK_ID}/audio/uploads`, (request) =>
      ++creations === 1
        ? { status: 403, body: { statusCode: 403, message: 'missing or invalid X-CSRF-Token' } }
        : create(request),
    );
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.upload(screen.getByTestId('track-audio'), audio());
    await user.click(screen.getByTestId('track-upload-submit'));

    expect(await screen.findByText('missing or invalid X-CSRF-Token')).toBeTruthy();
    expect(screen.getByTestId('upload-status').textContent).toBe('Failed');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onUploaded).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual([
      'POST /artist/tracks',
      `POST /artist/tracks/${TRACK_ID}/audio/uploads`,
      `POST /artist/tracks/${TRACK_ID}/audio/uploads`,
      `PATCH ${UPLOAD}`,
    ]);
  });
});
