/** @vitest-environment jsdom */
// The upload form in jsdom against a local HTTP server: inline checks before
// anything is sent, the create body (ISRC normalised), the audio PUT to the new
// track with progress to 100 %, server refusals on the right field, and a
// retry after a failed transfer that reuses the track instead of creating
// another.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { TrackUploadForm } from '../src/tracks/TrackUploadForm';
import { startLocalBff, type LocalBff } from '@zamio/ui/testing/local-bff';

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

  it('registers the track, then uploads its audio with progress to 100 %', async () => {
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    bff.routes.set(`PUT /artist/tracks/${TRACK_ID}/audio`, () => ({
      status: 200,
      body: trackAnswer('uploaded'),
    }));
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), '  Sika ');
    await user.type(screen.getByTestId('track-isrc'), 'gh-a01-26-00001');
    await user.type(screen.getByTestId('track-album'), 'Accra Nights');
    await user.selectOptions(screen.getByTestId('track-genre'), 'Highlife');
    await user.type(screen.getByTestId('track-release-date'), '2026-03-06');
    await user.upload(screen.getByTestId('track-audio'), audio());
    await user.click(screen.getByTestId('track-upload-submit'));

    await waitFor(() => expect(onUploaded).toHaveBeenCalledTimes(1));
    expect(onUploaded.mock.calls[0]![0]).toMatchObject({ id: TRACK_ID, status: 'uploaded' });
    const [create, put] = bff.received;
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
    expect(put!.method).toBe('PUT');
    expect(put!.path).toBe(`/artist/tracks/${TRACK_ID}/audio`);
    expect(put!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(put!.text).toContain('name="file"; filename="sika.wav"');
    expect(put!.bytes).toBeGreaterThan(600_000);
    expect(screen.getByTestId('upload-progress').getAttribute('value')).toBe('100');
    expect(screen.getByTestId('upload-status').textContent).toContain('fingerprinting starts now');
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
    let puts = 0;
    bff.routes.set('POST /artist/tracks', () => ({ status: 201, body: trackAnswer('draft') }));
    bff.routes.set(`PUT /artist/tracks/${TRACK_ID}/audio`, () =>
      ++puts === 1
        ? { status: 503, body: { statusCode: 503, message: 'storage is unavailable, retry shortly' } }
        : { status: 200, body: trackAnswer('uploaded') },
    );
    const { user, onUploaded } = renderForm();
    await user.type(screen.getByTestId('track-title'), 'Sika');
    await user.upload(screen.getByTestId('track-audio'), audio());
    await user.click(screen.getByTestId('track-upload-submit'));

    expect(await screen.findByText('storage is unavailable, retry shortly')).toBeTruthy();
    expect(screen.getByTestId('upload-status').textContent).toBe('Failed');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onUploaded).toHaveBeenCalledTimes(1));
    expect(bff.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /artist/tracks',
      `PUT /artist/tracks/${TRACK_ID}/audio`,
      `PUT /artist/tracks/${TRACK_ID}/audio`,
    ]);
  });
});
