/** @vitest-environment jsdom */
// The publisher's money and plays in jsdom against a local HTTP server: the
// payouts page's form refuses more than the available balance before sending
// and sends to the publisher's route; the plays page sends its filters and
// sort to the server. (The kit's shared payout form, dispute dialog and
// balance are tested for both roles in libs/ui/test/money-forms.test.tsx.)
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { useLocalBff } from '@zamio/ui/testing/local-bff';
import PayoutsPage from '../src/pages/PayoutsPage';
import PlaysPage from '../src/pages/PlaysPage';

const AMA = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const SIKA = '11111111-2222-4333-8444-555555555555';
const JOY = '22222222-3333-4444-8555-666666666666';

describe('publisher pages on a local bff', () => {
  const local = useLocalBff();
  const options = local.renderOptions;

  it('payouts: an over-committed balance reads GHS 0.00 and the form refuses any amount before sending', async () => {
    local.bff.routes.set('GET /publisher/earnings', () => ({
      status: 200,
      body: {
        balance: { earnedMinor: 0, heldMinor: 15, pendingMinor: 0, committedMinor: 15, availableMinor: -15 },
        cycles: [],
      },
    }));
    local.bff.routes.set('GET /publisher/payouts', () => ({
      status: 200,
      body: { items: [], nextCursor: null },
    }));
    const user = userEvent.setup();
    renderInPortal(<PayoutsPage />, options());
    const available = await screen.findByTestId('balance-available');
    expect(available.textContent?.replace(/\u00a0/g, ' ')).toBe('GHS 0.00');
    expect(screen.getByTestId('balance-overcommitted').textContent?.replace(/\u00a0/g, ' ')).toContain(
      'hold GHS 0.15 more than is left of your earnings',
    );
    await user.type(screen.getByTestId('payout-amount'), '1');
    await user.type(screen.getByTestId('payout-destination'), '024 123 4567');
    await user.click(screen.getByTestId('payout-submit'));
    expect(await screen.findByText(/^Nothing is available to pay out now/)).toBeTruthy();
    expect(local.bff.received.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(await screen.findByText('No payout requested yet.')).toBeTruthy();
  });

  it('sends the plays filters and sort to the server and charts plays per station', async () => {
    local.bff.routes.set('GET /publisher/roster', () => ({
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
    local.bff.routes.set('GET /publisher/catalog', () => ({
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
    local.bff.routes.set('GET /publisher/plays/summary', () => ({
      status: 200,
      body: { perStation: [{ stationId: JOY, station: 'Joy FM', plays: 3, seconds: 630 }] },
    }));
    local.bff.routes.set('GET /publisher/plays', () => ({
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
    const playRequests = () => local.bff.received.filter((r) => r.path === '/publisher/plays');
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
    const summary = local.bff.received.filter((r) => r.path === '/publisher/plays/summary').at(-1)!;
    expect(summary.query).toMatchObject({ artist: AMA, track: SIKA });
    expect(summary.query.station).toBeUndefined(); // the chart compares stations
  });
});
