/** @vitest-environment jsdom */
// The artist's publishing panel in jsdom against a local HTTP server: a
// pending invitation shows the publisher's split and start, "Accept" posts to
// the invitation and the panel then shows the active deal; "Decline" sends
// decline; a refusal (e.g. already signed elsewhere) is shown, not swallowed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublisherRelationship } from '@zamio/contracts';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG, Toaster } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { startLocalBff, type LocalBff } from '@zamio/ui/testing/local-bff';
import { PublisherInvitations } from '../src/publishing/PublisherInvitations';

const invitation = (id: string, publisherName: string): PublisherRelationship => ({
  id,
  publisherId: '1d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  publisherName,
  artistId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  artistName: 'Ama Serwaa',
  splitBp: 2050,
  status: 'invited',
  effectiveFrom: '2026-12-01T00:00:00.000Z',
  invitedAt: '2026-12-01T10:00:00.000Z',
  acceptedAt: null,
  endedAt: null,
});
const GOLD = '0b7f5a52-6d0e-4c4b-9a53-1f1c3d2a7e01';
const SILVER = '0b7f5a52-6d0e-4c4b-9a53-1f1c3d2a7e02';

describe('PublisherInvitations', () => {
  let bff: LocalBff;
  let list: PublisherRelationship[];
  beforeAll(async () => {
    bff = await startLocalBff();
  });
  afterAll(() => bff.close());
  beforeEach(() => {
    bff.received.length = 0;
    bff.routes.clear();
    list = [];
    bff.routes.set('GET /artist/publisher-invitations', () => ({ status: 200, body: list }));
  });
  const render = () =>
    renderInPortal(
      <>
        <PublisherInvitations />
        <Toaster />
      </>,
      {
        apiClient: createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 }),
        config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
      },
    );
  const text = (el: HTMLElement) => el.textContent?.replace(/\u00a0/g, ' ') ?? '';

  it('says the artist is self-published when nobody invited them', async () => {
    render();
    expect(await screen.findByText(/You are self-published/)).toBeTruthy();
  });

  it('accepts an invitation and then shows the active deal', async () => {
    list = [invitation(GOLD, 'Gold Publishing')];
    bff.routes.set(`POST /artist/publisher-invitations/${GOLD}/accept`, () => {
      list = [{ ...list[0]!, status: 'active', acceptedAt: '2026-12-01T12:00:00.000Z' }];
      return { status: 200, body: list[0] };
    });
    const user = userEvent.setup();
    render();
    const item = await screen.findByTestId('invitation');
    expect(text(item)).toContain('Gold Publishing');
    expect(text(item)).toContain('and to keep 20.50 %; the publisher owes you the rest');
    await user.click(screen.getByTestId('invitation-accept'));
    await waitFor(() => expect(screen.getByTestId('invitation-state').textContent).toBe('Active'));
    expect(text(screen.getByTestId('invitation'))).toContain('and keeps 20.50 %');
    expect(screen.queryByTestId('invitation-accept')).toBeNull();
    expect(screen.getByTestId('invitation-end')).toBeTruthy();
    expect(bff.received.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/artist/publisher-invitations/${GOLD}/accept`,
    ]);
  });

  it('declines one invitation and shows a refusal of another', async () => {
    list = [invitation(GOLD, 'Gold Publishing'), invitation(SILVER, 'Silver Songs')];
    bff.routes.set(`POST /artist/publisher-invitations/${GOLD}/decline`, () => {
      list = [{ ...list[0]!, status: 'declined' }, list[1]!];
      return { status: 200, body: list[0] };
    });
    bff.routes.set(`POST /artist/publisher-invitations/${SILVER}/accept`, () => ({
      status: 409,
      body: {
        statusCode: 409,
        message: 'the artist is already signed to a publisher; end that relationship first',
      },
    }));
    const user = userEvent.setup();
    render();
    await waitFor(() => expect(screen.getAllByTestId('invitation')).toHaveLength(2));
    await user.click(screen.getAllByTestId('invitation-decline')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('invitation')).toHaveLength(1));
    expect(screen.getByText(/Past invitations and deals \(1\)/)).toBeTruthy();
    await user.click(screen.getByTestId('invitation-accept'));
    expect(await screen.findByText(/already signed to a publisher/)).toBeTruthy();
    expect(screen.getByTestId('invitation-state').textContent).toBe('Waiting for your answer');
  });
});
