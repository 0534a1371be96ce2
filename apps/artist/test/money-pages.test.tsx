/** @vitest-environment jsdom */
// The artist's money pages in jsdom: the payout request checked against the
// available balance in words (and the server's overdraft refusal shown on the
// amount), payouts through a publisher instead of a form, and a dispute that
// needs a reason, sent to the artist's route. (The kit's shared form, dialog
// and balance are tested for both roles in libs/ui/test/money-forms.test.tsx.)
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Earnings, PublisherRelationship } from '@zamio/contracts';
import { apiClientAnswering, renderInPortal } from '@zamio/ui/testing/dom';
import PayoutsPage from '../src/pages/PayoutsPage';
import { ArtistDisputeDialog } from '../src/money/ArtistDisputeDialog';
import { activePublisherOf } from '../src/money/money-rules';

const nbsp = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');
const EARNINGS: Earnings = {
  balance: {
    earnedMinor: 12_000,
    heldMinor: 500,
    pendingMinor: 300,
    committedMinor: 1_500,
    availableMinor: 10_000,
  },
  cycles: [
    {
      cycleId: 'a1',
      cycleName: 'Nov A',
      periodStart: '2026-11-01',
      status: 'locked',
      amountMinor: 7_000,
      heldMinor: 0,
    },
    {
      cycleId: 'a2',
      cycleName: 'Oct',
      periodStart: '2026-10-01',
      status: 'locked',
      amountMinor: 5_000,
      heldMinor: 500,
    },
    {
      cycleId: 'a3',
      cycleName: 'Nov B',
      periodStart: '2026-11-16',
      status: 'calculated',
      amountMinor: 300,
      heldMinor: 0,
    },
  ],
};
const relationship = (over: Partial<PublisherRelationship>): PublisherRelationship => ({
  id: '3c2b1a09-8f7e-4d6c-9b5a-493827161504',
  publisherId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  publisherName: 'Akwaaba Music Publishing',
  artistId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  artistName: 'Ama Serwaa',
  splitBp: 2_000,
  status: 'active',
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  invitedAt: '2025-12-20T00:00:00.000Z',
  acceptedAt: '2025-12-21T00:00:00.000Z',
  endedAt: null,
  ...over,
});

describe('money rules', () => {
  it('finds the publisher that pays the artist now', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(activePublisherOf([relationship({})], now)?.publisherName).toBe('Akwaaba Music Publishing');
    expect(activePublisherOf([relationship({ status: 'invited' })], now)).toBeUndefined();
    expect(activePublisherOf([relationship({ endedAt: '2026-05-01T00:00:00.000Z' })], now)).toBeUndefined();
    expect(
      activePublisherOf([relationship({ effectiveFrom: '2026-07-01T00:00:00.000Z' })], now),
    ).toBeUndefined();
  });
});

describe('PayoutsPage', () => {
  it('checks the amount against the balance and shows the server refusal of a raced overdraft', async () => {
    const user = userEvent.setup();
    const { api, calls } = apiClientAnswering((method, path) => {
      if (path === '/artist/earnings') return { status: 200, body: EARNINGS };
      if (path === '/artist/publisher-invitations') return { status: 200, body: [] };
      if (method === 'GET') return { status: 200, body: { items: [], nextCursor: null } };
      return {
        status: 409,
        body: { message: 'GHS 90.00 exceeds the available balance of GHS 20.00' },
      };
    });
    renderInPortal(<PayoutsPage />, { apiClient: api });

    const form = await screen.findByTestId('payout-form');
    expect(nbsp(screen.getByTestId('balance-available').textContent)).toBe('GHS 100.00');
    await user.type(screen.getByTestId('payout-amount'), '150');
    await user.type(screen.getByTestId('payout-destination'), '0241234567');
    await user.click(screen.getByTestId('payout-submit'));
    expect(nbsp(within(form).getByText(/more than your available balance/).textContent)).toBe(
      'GHS 150.00 is more than your available balance of GHS 100.00',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(screen.getByTestId('payout-amount'));
    await user.type(screen.getByTestId('payout-amount'), '90');
    await user.click(screen.getByTestId('payout-submit'));
    await within(form).findByText('GHS 90.00 exceeds the available balance of GHS 20.00');
    expect(screen.getByTestId('payout-amount').getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      amountMinor: 9_000,
      method: 'mobile_money',
      destination: '0241234567',
    });
  });

  it('sends an artist signed to a publisher to the publisher instead of a form', async () => {
    const { api } = apiClientAnswering((method, path) => {
      if (path === '/artist/earnings')
        return { status: 200, body: { ...EARNINGS, balance: { ...EARNINGS.balance, availableMinor: 0 } } };
      if (path === '/artist/publisher-invitations') return { status: 200, body: [relationship({})] };
      return { status: 200, body: { items: [], nextCursor: null } };
    });
    renderInPortal(<PayoutsPage />, { apiClient: api });
    const notice = await screen.findByTestId('payout-through-publisher');
    expect(notice.textContent).toContain('You are paid through Akwaaba Music Publishing');
    expect(screen.queryByTestId('payout-form')).toBeNull();
  });
});

describe('ArtistDisputeDialog', () => {
  it('needs a reason, then sends the dispute of that play', async () => {
    const user = userEvent.setup();
    const { api, calls } = apiClientAnswering(() => ({
      status: 201,
      body: { id: 'd1', status: 'open' },
    }));
    let open = true;
    renderInPortal(
      <ArtistDisputeDialog
        play={{
          playId: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
          trackTitle: 'Sika',
          stationName: 'Joy FM',
          startedAt: '2026-11-03T07:30:00.000Z',
        }}
        onOpenChange={(next: boolean) => {
          open = next;
        }}
      />,
      { apiClient: api },
    );
    const dialog = await screen.findByTestId('dispute-dialog');
    expect(dialog.textContent).toContain('Sika on Joy FM');
    await user.click(screen.getByTestId('dispute-submit'));
    await within(dialog).findByText('Say what is wrong with this play (at least 3 characters)');
    expect(calls).toHaveLength(0);
    await user.type(screen.getByTestId('dispute-reason'), 'The station played a cover version');
    await user.click(screen.getByTestId('dispute-submit'));
    await waitFor(() => expect(open).toBe(false));
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/artist/disputes',
        body: {
          playId: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
          reason: 'The station played a cover version',
        },
      },
    ]);
  });
});
