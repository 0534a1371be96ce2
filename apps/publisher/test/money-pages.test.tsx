/** @vitest-environment jsdom */
// The publisher's money and plays in jsdom against a local HTTP server: the
// payout form refuses more than the available balance before sending and
// shows the bff's no-overdraft refusal (two requests racing) in words on the
// amount; the plays page sends its filters and sort to the server; earnings
// per cycle add up per month for the chart.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApiClient } from '@zamio/api-client';
import { DEFAULT_RUNTIME_CONFIG } from '@zamio/ui';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { startLocalBff, type LocalBff } from '@zamio/ui/testing/local-bff';
import { earningsPerMonth } from '../src/money/earnings-rules';
import { PayoutRequestForm } from '../src/money/PayoutRequestForm';
import PlaysPage from '../src/pages/PlaysPage';
import { amountProblem } from '../src/money/payout-rules';
import { BalanceFacts } from '../src/money/BalanceFacts';

const AMA = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const SIKA = '11111111-2222-4333-8444-555555555555';
const JOY = '22222222-3333-4444-8555-666666666666';

describe('earnings per month', () => {
  it('adds the cycles of one month and orders the months', () => {
    const cycle = (periodStart: string, amountMinor: number) => ({
      cycleId: AMA,
      cycleName: periodStart,
      periodStart,
      status: 'locked',
      amountMinor,
      heldMinor: 0,
    });
    expect(
      earningsPerMonth([cycle('2026-02-01', 150), cycle('2026-01-16', 472), cycle('2026-01-01', 28)]),
    ).toEqual([
      { month: '2026-01', pesewas: 500 },
      { month: '2026-02', pesewas: 150 },
    ]);
  });
});

describe('balance and payout amount', () => {
  const text = (el: HTMLElement) => el.textContent?.replace(/\u00a0/g, ' ') ?? '';
  it('checks the amount in exact pesewas against the balance', () => {
    expect(amountProblem('12.345', 5000)).toBe('Use at most two decimal places (pesewas)');
    expect(amountProblem('0', 5000)).toBe('Enter an amount above GHS 0.00');
    expect(amountProblem('50.00', 5000)).toBeUndefined();
    expect(amountProblem('1', -15)).toBe('Nothing is available to request now');
  });

  it('shows an over-committed balance as nothing available, with the reason', () => {
    renderInPortal(
      <BalanceFacts
        balance={{ earnedMinor: 0, heldMinor: 15, pendingMinor: 0, committedMinor: 15, availableMinor: -15 }}
      />,
    );
    expect(text(screen.getByTestId('balance-available'))).toContain('GHS 0.00');
    expect(text(screen.getByTestId('balance-overcommitted'))).toBe(
      'Open disputes now hold GHS 0.15 more than is left after your payout requests.',
    );
  });
});

describe('publisher pages on a local bff', () => {
  let bff: LocalBff;
  beforeAll(async () => {
    bff = await startLocalBff();
  });
  afterAll(() => bff.close());
  beforeEach(() => {
    bff.received.length = 0;
    bff.routes.clear();
  });
  const options = () => ({
    apiClient: createApiClient({ baseUrl: bff.apiBaseUrl, breaker: false, retries: 0 }),
    config: { ...DEFAULT_RUNTIME_CONFIG, apiBaseUrl: bff.apiBaseUrl },
  });

  it('refuses an overdraft before sending and shows the server refusal in words', async () => {
    bff.routes.set('POST /publisher/payouts', () => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'GHS 40.00 exceeds the available balance of GHS 15.00',
      },
    }));
    const onRequested = vi.fn();
    const user = userEvent.setup();
    renderInPortal(<PayoutRequestForm availableMinor={5000} onRequested={onRequested} />, options());

    await user.type(screen.getByTestId('payout-amount'), '50.01');
    await user.selectOptions(screen.getByTestId('payout-method'), 'mobile_money');
    await user.type(screen.getByTestId('payout-destination'), '024 123 4567');
    await user.click(screen.getByTestId('payout-submit'));
    expect((await screen.findByText(/You can request at most/)).textContent?.replace(/\u00a0/g, ' ')).toBe(
      'You can request at most GHS 50.00 (your available balance)',
    );
    expect(bff.received).toHaveLength(0);

    // Within the balance the page knows, but another request got there first.
    await user.clear(screen.getByTestId('payout-amount'));
    await user.type(screen.getByTestId('payout-amount'), '40');
    await user.click(screen.getByTestId('payout-submit'));
    expect(
      await screen.findByText(
        'GHS 40.00 exceeds the available balance of GHS 15.00. Request at most the available balance.',
      ),
    ).toBeTruthy();
    expect(bff.received[0]!.json).toEqual({
      amountMinor: 4000,
      method: 'mobile_money',
      destination: '024 123 4567',
    });
    expect(screen.getByTestId('payout-amount').getAttribute('aria-invalid')).toBe('true');
    expect(onRequested).not.toHaveBeenCalled();
  });

  it('sends the plays filters and sort to the server and charts plays per station', async () => {
    bff.routes.set('GET /publisher/roster', () => ({
      status: 200,
      body: [
        {
          id: '0b7f5a52-6d0e-4c4b-9a53-1f1c3d2a7e01',
          publisherId: JOY,
          publisherName: 'Gold',
          artistId: AMA,
          artistName: 'Ama Serwaa',
          splitBp: 2000,
          status: 'active',
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          invitedAt: '2026-01-01T00:00:00.000Z',
          acceptedAt: '2026-01-01T00:00:00.000Z',
          endedAt: null,
        },
      ],
    }));
    bff.routes.set('GET /publisher/catalog', () => ({
      status: 200,
      body: {
        items: [
          {
            trackId: SIKA,
            title: 'Sika',
            isrc: null,
            status: 'ready',
            artistId: AMA,
            artistName: 'Ama Serwaa',
          },
        ],
        nextCursor: null,
      },
    }));
    bff.routes.set('GET /publisher/plays/summary', () => ({
      status: 200,
      body: { perStation: [{ stationId: JOY, station: 'Joy FM', plays: 3, seconds: 630 }] },
    }));
    bff.routes.set('GET /publisher/plays', () => ({
      status: 200,
      body: {
        items: [
          {
            playId: '33333333-4444-4555-8666-777777777777',
            trackId: SIKA,
            trackTitle: 'Sika',
            artistId: AMA,
            artistName: 'Ama Serwaa',
            stationId: JOY,
            stationName: 'Joy FM',
            startedAt: '2026-11-30T07:30:00.000Z',
            seconds: 210,
            status: 'active',
          },
        ],
        nextCursor: null,
      },
    }));
    const user = userEvent.setup();
    renderInPortal(<PlaysPage />, options());
    // The first render loads the page's data and the chart module (Recharts): allow a loaded machine time.
    expect(await screen.findByText('3 min 30 s', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByText(/Plays per station/, {}, { timeout: 10_000 })).toBeTruthy();
    const playRequests = () => bff.received.filter((r) => r.path === '/publisher/plays');
    expect(playRequests()[0]!.query).toMatchObject({ sort: 'startedAt', order: 'desc', limit: '25' });
    expect(playRequests()[0]!.query.from).toMatch(/T00:00:00.000Z$/);

    await waitFor(() =>
      expect(screen.getByTestId('plays-artist-filter').querySelectorAll('option')).toHaveLength(2),
    );
    await user.selectOptions(screen.getByTestId('plays-artist-filter'), AMA);
    await waitFor(() => expect(playRequests().at(-1)!.query.artist).toBe(AMA));
    await waitFor(() =>
      expect(screen.getByTestId('plays-track-filter').querySelectorAll('option')).toHaveLength(2),
    );
    await user.selectOptions(screen.getByTestId('plays-track-filter'), SIKA);
    await user.selectOptions(screen.getByTestId('plays-station-filter'), JOY);
    await waitFor(() =>
      expect(playRequests().at(-1)!.query).toMatchObject({ artist: AMA, track: SIKA, station: JOY }),
    );
    await user.click(screen.getByRole('button', { name: /Duration/ }));
    await waitFor(() =>
      expect(playRequests().at(-1)!.query).toMatchObject({ sort: 'seconds', station: JOY }),
    );
    const summary = bff.received.filter((r) => r.path === '/publisher/plays/summary').at(-1)!;
    expect(summary.query).toMatchObject({ artist: AMA, track: SIKA });
    expect(summary.query.station).toBeUndefined(); // the chart compares stations
  });
});
