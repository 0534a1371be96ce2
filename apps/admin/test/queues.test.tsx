/** @vitest-environment jsdom */
// The admin's disputes and payouts queues in jsdom: a dispute resolved with
// its note, a payout approved and then marked paid only with a reference.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dispute, Payout } from '@zamio/contracts';
import { apiClientAnswering, renderInPortal } from '@zamio/ui/testing/dom';
import DisputesPage from '../src/pages/DisputesPage';
import PayoutsPage from '../src/pages/PayoutsPage';

const DISPUTE: Dispute = {
  id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
  playId: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
  trackTitle: 'Sika',
  stationName: 'Joy FM',
  playStartedAt: '2026-11-03T07:30:00.000Z',
  raisedBy: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  raisedByName: 'Ama Serwaa',
  reason: 'A cover version, not my recording',
  evidenceUploadId: null,
  status: 'open',
  resolvedAt: null,
  resolutionNote: null,
  createdAt: '2026-11-04T09:00:00.000Z',
};
const PAYOUT: Payout = {
  id: '4d5e6f70-8192-4a3b-8c4d-5e6f70819203',
  userId: DISPUTE.raisedBy,
  userName: 'Ama Serwaa',
  amountMinor: 12_345,
  method: 'mobile_money',
  destination: '0241234567',
  status: 'requested',
  requestedAt: '2026-12-01T09:00:00.000Z',
  approvedAt: null,
  paidAt: null,
  externalReference: null,
  rejectedReason: null,
};

describe('DisputesPage', () => {
  it('lists open disputes and resolves one as upheld with a note', async () => {
    const user = userEvent.setup();
    let dispute = DISPUTE;
    const { api, calls } = apiClientAnswering((method) => {
      if (method === 'POST') {
        dispute = {
          ...dispute,
          status: 'upheld',
          resolutionNote: 'Confirmed with the station',
          resolvedAt: '2026-12-01T10:00:00.000Z',
        };
        return { status: 200, body: { dispute, reversedInCycleId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' } };
      }
      return { status: 200, body: { items: dispute.status === 'open' ? [dispute] : [], nextCursor: null } };
    });
    renderInPortal(<DisputesPage />, { apiClient: api });
    const table = await screen.findByTestId('admin-disputes-table');
    await within(table).findByText('A cover version, not my recording');
    expect(calls[0]!.path).toBe('/admin/disputes');

    await user.click(within(table).getByTestId('dispute-upheld'));
    const dialog = await screen.findByTestId('dispute-resolve-dialog');
    await user.type(within(dialog).getByTestId('dispute-note'), 'Confirmed with the station');
    await user.click(within(dialog).getByRole('button', { name: 'Uphold' }));
    await within(table).findByText('No open disputes.');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: `/admin/disputes/${DISPUTE.id}/resolve`,
      body: { outcome: 'upheld', note: 'Confirmed with the station' },
    });
  });
});

describe('PayoutsPage', () => {
  it('approves a request, then marks it paid only with the external reference', async () => {
    const user = userEvent.setup();
    let payout = PAYOUT;
    const { api, calls } = apiClientAnswering((method, path) => {
      if (method === 'POST' && path.endsWith('/approve')) payout = { ...payout, status: 'approved' };
      if (method === 'POST' && path.endsWith('/paid'))
        payout = { ...payout, status: 'paid', externalReference: 'MM-778899' };
      if (method === 'POST') return { status: 200, body: payout };
      return { status: 200, body: { items: [payout], nextCursor: null } };
    });
    renderInPortal(<PayoutsPage />, { apiClient: api });
    const table = await screen.findByTestId('admin-payouts-table');
    await within(table).findByText(/GHS\s123\.45/);

    await user.click(within(table).getByTestId('payout-approve'));
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    await within(table).findByTestId('payout-paid');

    await user.click(within(table).getByTestId('payout-paid'));
    await user.click(await screen.findByRole('button', { name: 'Mark paid' }));
    await screen.findByText('Enter the mobile money or bank reference');
    expect(calls.filter((c) => c.path.endsWith('/paid'))).toHaveLength(0);
    await user.type(screen.getByTestId('payout-reference'), 'MM-778899');
    await user.click(screen.getByRole('button', { name: 'Mark paid' }));
    await within(table).findByText('Reference MM-778899');
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
        [`/admin/payouts/${PAYOUT.id}/approve`, undefined],
        [`/admin/payouts/${PAYOUT.id}/paid`, { externalReference: 'MM-778899' }],
      ]),
    );
  });
});
