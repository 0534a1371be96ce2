/** @vitest-environment jsdom */
// The earner's money parts shared by the artist and the publisher portals:
// the balance (a negative available balance shown as GHS 0.00 with how much
// the disputes hold beyond it), the payout form (checked against the balance
// in words before sending, the bff's raced-overdraft refusal on the amount,
// each role's own route) and the dispute dialog (a reason first, evidence
// uploaded before the dispute names it). Against a local HTTP server.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BalanceSummary } from '../src/money/BalanceSummary';
import { DisputePlayDialog } from '../src/money/DisputePlayDialog';
import { EarnerDisputesTable } from '../src/money/EarnerDisputesTable';
import { EarnerPayoutsTable } from '../src/money/EarnerPayoutsTable';
import { PayoutRequestForm } from '../src/money/PayoutRequestForm';
import { earningsPerMonth } from '../src/money/earnings-rules';
import { amountProblem, destinationProblem, payoutBodyOf } from '../src/money/payout-rules';
import { reasonProblem } from '../src/money/dispute-rules';
import { renderInPortal } from './render-dom';
import { useLocalBff } from '../testing/local-bff';

const spaces = (words: string | null | undefined) => (words ?? '').replace(/\u00a0/g, ' ');
const text = (element: HTMLElement | null) => spaces(element?.textContent);
const PLAY = {
  playId: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
  trackTitle: 'Sika',
  stationName: 'Joy FM',
  startedAt: '2026-11-03T07:30:00.000Z',
};
// A 1×1 PNG: real magic bytes.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('money rules', () => {
  it('sums cycles per month of their first day, oldest first', () => {
    expect(
      earningsPerMonth([
        { periodStart: '2026-11-01', amountMinor: 7_000 },
        { periodStart: '2026-10-01', amountMinor: 5_000 },
        { periodStart: '2026-11-16', amountMinor: 300 },
      ]),
    ).toEqual([
      { month: '2026-10', pesewas: 5_000 },
      { month: '2026-11', pesewas: 7_300 },
    ]);
  });

  it('checks a payout amount in exact pesewas against the balance, in words', () => {
    expect(amountProblem('12.345', 5000)).toBe('Use at most two decimal places (pesewas)');
    expect(amountProblem('0', 5000)).toBe('Enter an amount above GHS 0.00');
    expect(amountProblem('50.00', 5000)).toBeUndefined();
    expect(spaces(amountProblem('100.01', 10_000))).toBe(
      'GHS 100.01 is more than your available balance of GHS 100.00',
    );
    expect(amountProblem('1', -15)).toMatch(/^Nothing is available to pay out now/);
    expect(amountProblem('1', undefined)).toBeUndefined();
    expect(destinationProblem('bank', ' ')).toBe('Enter the bank and account number');
    expect(destinationProblem('mobile_money', '02')).toBe('Enter the mobile money number, e.g. 024 123 4567');
    expect(payoutBodyOf({ amount: '99.5', method: 'bank', destination: ' GCB 1234 ' })).toEqual({
      amountMinor: 9_950,
      method: 'bank',
      destination: 'GCB 1234',
    });
    expect(reasonProblem('no')).toBe('Say what is wrong with this play (at least 3 characters)');
    expect(reasonProblem('x'.repeat(2001))).toBe('A reason has at most 2000 characters');
  });
});

describe('BalanceSummary', () => {
  it('shows an over-committed balance as nothing available, with how much the disputes hold beyond it', () => {
    renderInPortal(
      <BalanceSummary
        balance={{ earnedMinor: 0, heldMinor: 15, pendingMinor: 0, committedMinor: 15, availableMinor: -15 }}
      />,
    );
    expect(text(screen.getByTestId('balance-available'))).toBe('GHS 0.00');
    expect(text(screen.getByTestId('balance-overcommitted'))).toBe(
      'Nothing can be paid out until GHS 0.15 is covered' +
        'Disputes raised after your payout requests hold GHS 0.15 more than is left of your earnings. ' +
        'Your next earnings cover it first; if an admin rejects a dispute, its amount comes back.',
    );
  });

  it('says nothing more when the balance is positive', () => {
    renderInPortal(
      <BalanceSummary
        balance={{
          earnedMinor: 12_000,
          heldMinor: 500,
          pendingMinor: 300,
          committedMinor: 1_500,
          availableMinor: 10_500,
        }}
      />,
    );
    expect(text(screen.getByTestId('balance-available'))).toBe('GHS 105.00');
    expect(screen.queryByTestId('balance-overcommitted')).toBeNull();
  });
});

describe('payout form and dispute dialog on a local bff', () => {
  const local = useLocalBff();
  const options = local.renderOptions;

  for (const role of ['artist', 'publisher'] as const)
    it(`refuses an overdraft before sending and shows the server's refusal on the amount (${role})`, async () => {
      local.bff.routes.set(`POST /${role}/payouts`, () => ({
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'GHS 40.00 exceeds the available balance of GHS 15.00',
        },
      }));
      const onRequested = vi.fn();
      const onRefused = vi.fn();
      const user = userEvent.setup();
      renderInPortal(
        <PayoutRequestForm
          role={role}
          availableMinor={5000}
          onRequested={onRequested}
          onRefused={onRefused}
        />,
        options(),
      );
      const form = screen.getByTestId('payout-form');
      expect(text(within(form).getByText(/^Up to/))).toBe('Up to GHS 50.00');

      await user.type(screen.getByTestId('payout-amount'), '50.01');
      await user.type(screen.getByTestId('payout-destination'), '024 123 4567');
      await user.click(screen.getByTestId('payout-submit'));
      expect(text(await within(form).findByText(/is more than your available balance/))).toBe(
        'GHS 50.01 is more than your available balance of GHS 50.00',
      );
      expect(local.bff.received).toHaveLength(0);

      // Within the balance the page knows, but another request got there first.
      await user.clear(screen.getByTestId('payout-amount'));
      await user.type(screen.getByTestId('payout-amount'), '40');
      await user.click(screen.getByTestId('payout-submit'));
      await within(form).findByText('GHS 40.00 exceeds the available balance of GHS 15.00');
      expect(local.bff.received[0]!.path).toBe(`/${role}/payouts`);
      expect(local.bff.received[0]!.json).toEqual({
        amountMinor: 4000,
        method: 'mobile_money',
        destination: '024 123 4567',
      });
      expect(screen.getByTestId('payout-amount').getAttribute('aria-invalid')).toBe('true');
      expect(onRefused).toHaveBeenCalledTimes(1);
      expect(onRequested).not.toHaveBeenCalled();
    });

  it('names the destination by the method and sends a bank request', async () => {
    local.bff.routes.set('POST /publisher/payouts', (request) => ({
      status: 201,
      body: {
        id: 'p1',
        status: 'requested',
        ...(request.json as object),
      },
    }));
    const onRequested = vi.fn();
    const user = userEvent.setup();
    renderInPortal(
      <PayoutRequestForm role="publisher" availableMinor={-20} onRequested={onRequested} />,
      options(),
    );
    // A negative balance (disputes after a request) reads as nothing available.
    expect(text(screen.getByText(/^Up to/))).toBe('Up to GHS 0.00');
    await user.selectOptions(screen.getByTestId('payout-method'), 'bank');
    expect(screen.getByLabelText(/Bank and account number/)).toBe(screen.getByTestId('payout-destination'));
    await user.type(screen.getByTestId('payout-amount'), '1');
    await user.click(screen.getByTestId('payout-submit'));
    expect(await screen.findByText(/^Nothing is available to pay out now/)).toBeTruthy();
    expect(await screen.findByText('Enter the bank and account number')).toBeTruthy();
    expect(local.bff.received).toHaveLength(0);
  });

  for (const role of ['artist', 'publisher'] as const)
    it(`needs a reason, uploads the evidence, then sends the dispute of that play (${role})`, async () => {
      local.bff.routes.set('POST /account/documents', () => ({
        status: 201,
        body: { id: 'e1e2e3e4-0000-4000-8000-000000000001', size: PNG.length },
      }));
      local.bff.routes.set(`POST /${role}/disputes`, () => ({
        status: 201,
        body: { id: 'd1', status: 'open', trackTitle: 'Sika' },
      }));
      const onDisputed = vi.fn();
      let open = true;
      const user = userEvent.setup();
      renderInPortal(
        <DisputePlayDialog
          role={role}
          play={PLAY}
          onOpenChange={(next) => {
            open = next;
          }}
          onDisputed={onDisputed}
        />,
        options(),
      );
      const dialog = await screen.findByTestId('dispute-dialog');
      expect(dialog.textContent).toContain('Sika on Joy FM');
      await user.click(within(dialog).getByTestId('dispute-submit'));
      await within(dialog).findByText('Say what is wrong with this play (at least 3 characters)');
      expect(local.bff.received).toHaveLength(0);

      await user.type(within(dialog).getByTestId('dispute-reason'), 'The station played a cover version');
      await user.upload(
        within(dialog).getByTestId('dispute-evidence'),
        new File([PNG], 'log.png', { type: 'image/png' }),
      );
      await user.click(within(dialog).getByTestId('dispute-submit'));
      await waitFor(() => expect(open).toBe(false));
      expect(local.bff.received.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /account/documents',
        `POST /${role}/disputes`,
      ]);
      expect(local.bff.received[1]!.json).toEqual({
        playId: PLAY.playId,
        reason: 'The station played a cover version',
        evidenceUploadId: 'e1e2e3e4-0000-4000-8000-000000000001',
      });
      expect(onDisputed).toHaveBeenCalledTimes(1);
    });

  it("lists an earner's payouts and disputes from the role's routes, with the state filter sent", async () => {
    local.bff.routes.set('GET /publisher/payouts', () => ({
      status: 200,
      body: {
        items: [
          {
            id: 'p1',
            amountMinor: 1250,
            method: 'bank',
            destination: 'GCB 1234',
            status: 'paid',
            requestedAt: '2026-11-01T09:00:00.000Z',
            approvedAt: '2026-11-02T09:00:00.000Z',
            paidAt: '2026-11-03T09:00:00.000Z',
            externalReference: 'TRX-9',
            rejectedReason: null,
          },
        ],
        nextCursor: null,
      },
    }));
    local.bff.routes.set('GET /artist/disputes', (request) => ({
      status: 200,
      body: {
        items:
          request.query.status === 'rejected'
            ? []
            : [
                {
                  id: 'd1',
                  playId: PLAY.playId,
                  trackTitle: 'Sika',
                  stationName: 'Joy FM',
                  playStartedAt: PLAY.startedAt,
                  reason: 'Another recording',
                  evidenceUploadId: null,
                  status: 'open',
                  createdAt: '2026-11-04T09:00:00.000Z',
                  resolvedAt: null,
                  resolutionNote: null,
                },
              ],
        nextCursor: null,
      },
    }));
    const user = userEvent.setup();
    renderInPortal(
      <>
        <EarnerPayoutsTable role="publisher" queryKey={['publisher', 'payouts']} />
        <EarnerDisputesTable role="artist" queryKey={['artist', 'disputes']} empty="No disputes yet." />
      </>,
      options(),
    );
    const payouts = screen.getByTestId('payouts-table');
    expect(text(await within(payouts).findByText(/^Reference TRX-9, paid/))).toMatch(
      /^Reference TRX-9, paid /,
    );
    expect(within(payouts).getByText('Bank transfer · GCB 1234')).toBeTruthy();
    expect(text(within(payouts).getByTestId('payout-state'))).toBe('Paid');
    const disputes = screen.getByTestId('disputes-table');
    expect(text(await within(disputes).findByTestId('dispute-state'))).toBe('Open');
    expect(within(disputes).getByText('Waiting for an admin')).toBeTruthy();
    await user.selectOptions(within(disputes).getByTestId('disputes-status-filter'), 'rejected');
    expect(await within(disputes).findByText('No disputes in this state.')).toBeTruthy();
    const disputeRequests = local.bff.received.filter((r) => r.path === '/artist/disputes');
    expect(disputeRequests.at(-1)!.query).toMatchObject({ status: 'rejected', order: 'desc' });
    expect(local.bff.received.find((r) => r.path === '/publisher/payouts')!.query).toMatchObject({
      sort: 'requestedAt',
      order: 'desc',
    });
  });
});
