/** @vitest-environment jsdom */
// The roster page in jsdom against a local HTTP server: the invitation form
// checks e-mail and split inline before sending, sends the split in basis
// points and the start day as an instant, shows "no such artist" on the
// e-mail field, lists the pending invitation afterwards, and ends an active
// deal only after the confirmation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublisherRelationship } from '@zamio/contracts';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { startLocalBff, type LocalBff } from '@zamio/ui/testing/local-bff';
import RosterPage from '../src/pages/RosterPage';
import { inviteBodyOf, splitProblem } from '../src/roster/invite-rules';

const relationship = (over: Partial<PublisherRelationship>): PublisherRelationship => ({
  id: '0b7f5a52-6d0e-4c4b-9a53-1f1c3d2a7e01',
  publisherId: '1d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  publisherName: 'Gold Publishing',
  artistId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  artistName: 'Ama Serwaa',
  splitBp: 2050,
  status: 'invited',
  effectiveFrom: '2026-12-01T00:00:00.000Z',
  invitedAt: '2026-12-01T10:00:00.000Z',
  acceptedAt: null,
  endedAt: null,
  ...over,
});

describe('invite rules', () => {
  it('parses the split exactly into basis points and names a bad one', () => {
    expect(inviteBodyOf({ artistEmail: ' AMA@Example.com ', split: '20.5', effectiveFrom: '' })).toEqual({
      artistEmail: 'ama@example.com',
      splitBp: 2050,
    });
    expect(inviteBodyOf({ artistEmail: 'a@b.co', split: '33.33', effectiveFrom: '2026-12-01' })).toEqual({
      artistEmail: 'a@b.co',
      splitBp: 3333,
      effectiveFrom: '2026-12-01T00:00:00.000Z',
    });
    expect(splitProblem('120')).toBe('A share cannot exceed 100 %');
    expect(splitProblem('12.345')).toContain('at most two decimals');
    expect(splitProblem('')).toContain('Enter your share');
  });
});

describe('RosterPage', () => {
  let bff: LocalBff;
  let roster: PublisherRelationship[];
  beforeAll(async () => {
    bff = await startLocalBff();
  });
  afterAll(() => bff.close());
  beforeEach(() => {
    bff.received.length = 0;
    roster = [];
    bff.routes.set('GET /publisher/roster', () => ({ status: 200, body: roster }));
  });

  const render = () =>
    renderInPortal(<RosterPage />, {
      apiClient: createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 }),
      config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
    });
  const invites = () => bff.received.filter((r) => r.method === 'POST' && r.path === '/publisher/roster');

  it('checks the form inline, sends the invitation in basis points and lists it as pending', async () => {
    bff.routes.set('POST /publisher/roster', (request) => {
      const body = request.json as { artistEmail: string };
      if (body.artistEmail !== 'ama@example.com')
        return {
          status: 404,
          body: { statusCode: 404, message: `no artist account with e-mail ${body.artistEmail}` },
        };
      roster = [relationship({})];
      return { status: 201, body: roster[0] };
    });
    const user = userEvent.setup();
    render();
    expect(await screen.findByText(/No artists yet/)).toBeTruthy();

    await user.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText("Enter the artist's e-mail address")).toBeTruthy();
    expect(screen.getByText(/Enter your share/)).toBeTruthy();
    await user.type(screen.getByTestId('invite-email'), 'not-an-email');
    await user.type(screen.getByTestId('invite-split'), '150');
    await user.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText(/Enter a valid e-mail address/)).toBeTruthy();
    expect(screen.getByText('A share cannot exceed 100 %')).toBeTruthy();
    expect(invites()).toHaveLength(0);

    await user.clear(screen.getByTestId('invite-email'));
    await user.type(screen.getByTestId('invite-email'), 'kofi@example.com');
    await user.clear(screen.getByTestId('invite-split'));
    await user.type(screen.getByTestId('invite-split'), '20.5');
    await user.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText('No artist account with e-mail kofi@example.com')).toBeTruthy();
    expect(screen.getByTestId('invite-email').getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByTestId('invite-email'));
    await user.type(screen.getByTestId('invite-email'), 'Ama@Example.com');
    await user.type(screen.getByTestId('invite-effective-from'), '2026-12-01');
    await user.click(screen.getByTestId('invite-submit'));
    await waitFor(() => expect(invites()).toHaveLength(2));
    expect(invites()[1]!.json).toEqual({
      artistEmail: 'ama@example.com',
      splitBp: 2050,
      effectiveFrom: '2026-12-01T00:00:00.000Z',
    });
    const table = within(await screen.findByTestId('roster-table'));
    expect(await table.findByText('Ama Serwaa')).toBeTruthy();
    expect(table.getByTestId('roster-status').textContent).toBe('Invitation pending');
    expect((screen.getByTestId('invite-email') as HTMLInputElement).value).toBe('');
  });

  it('ends an active deal only after the confirmation', async () => {
    roster = [relationship({ status: 'active', acceptedAt: '2026-12-01T11:00:00.000Z' })];
    bff.routes.set(`POST /publisher/roster/${roster[0]!.id}/end`, () => {
      roster = [{ ...roster[0]!, status: 'ended', endedAt: '2026-12-02T09:00:00.000Z' }];
      return { status: 200, body: roster[0] };
    });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByTestId('roster-end'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('End the deal with Ama Serwaa?');
    expect(bff.received.some((r) => r.path.endsWith('/end'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'End the deal' }));
    await waitFor(() => expect(screen.getByTestId('roster-status').textContent).toBe('Ended'));
    expect(bff.received.filter((r) => r.path.endsWith('/end'))).toHaveLength(1);
    expect(screen.queryByTestId('roster-end')).toBeNull();
  });
});
