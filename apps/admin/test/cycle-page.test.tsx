/** @vitest-environment jsdom */
// A cycle in jsdom: the period rules (first and last day, the exclusive end
// the bff takes), the progress bar following the cycle's progress while it
// calculates (polled), and lock only once calculated, after a confirmation.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Cycle } from '@zamio/contracts';
import { Navigate } from 'react-router';
import { apiClientAnswering, renderInPortal } from '@zamio/ui/testing/dom';
import CyclePage from '../src/pages/CyclePage';
import { checkCycle, lastMonthDraft, nextDay, progressPercent } from '../src/money/cycle-rules';

const CYCLE_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const cycle = (over: Partial<Cycle>): Cycle => ({
  id: CYCLE_ID,
  name: 'November 2026',
  periodStart: '2026-11-01',
  periodEnd: '2026-12-01',
  status: 'open',
  progress: { done: 0, total: 0 },
  lastError: null,
  openedAt: '2026-12-01T08:00:00.000Z',
  calculatedAt: null,
  lockedAt: null,
  ...over,
});

describe('cycle rules', () => {
  it('turns first and last day into the exclusive end', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(checkCycle({ name: ' Nov ', firstDay: '2026-11-01', lastDay: '2026-11-30' })).toEqual({
      ok: true,
      body: { name: 'Nov', periodStart: '2026-11-01', periodEnd: '2026-12-01' },
    });
    expect(checkCycle({ name: '', firstDay: '2026-11-02', lastDay: '2026-11-01' })).toEqual({
      ok: false,
      errors: {
        name: 'Name the cycle, e.g. "November 2026"',
        lastDay: 'The last day must be on or after the first day',
      },
    });
    expect(lastMonthDraft(new Date('2026-12-01T10:00:00Z'))).toEqual({
      name: 'November 2026',
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
    });
  });

  it('reports progress in whole percent', () => {
    expect(progressPercent(cycle({ status: 'calculating', progress: { done: 1, total: 3 } }))).toBe(33);
    expect(progressPercent(cycle({ status: 'calculating', progress: { done: 0, total: 0 } }))).toBe(0);
    expect(progressPercent(cycle({ status: 'calculated', progress: { done: 0, total: 0 } }))).toBe(100);
  });
});

describe('CyclePage', () => {
  it('calculates with a progress bar driven by the cycle, then locks after confirming', async () => {
    const user = userEvent.setup();
    const states: Cycle[] = [
      cycle({ status: 'calculating', progress: { done: 0, total: 400 } }),
      cycle({ status: 'calculating', progress: { done: 200, total: 400 } }),
      cycle({
        status: 'calculated',
        progress: { done: 400, total: 400 },
        calculatedAt: '2026-12-01T08:05:00.000Z',
      }),
    ];
    let current = cycle({});
    const { api, calls } = apiClientAnswering((method, path) => {
      if (method === 'POST' && path.endsWith('/calculate')) {
        current = states.shift()!;
        return { status: 202, body: current };
      }
      if (method === 'POST' && path.endsWith('/lock')) {
        current = cycle({ ...current, status: 'locked', lockedAt: '2026-12-01T09:00:00.000Z' });
        return { status: 200, body: current };
      }
      if (path.endsWith('/recipients'))
        return {
          status: 200,
          body: [
            {
              kind: 'user',
              id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
              name: 'Ama Serwaa',
              amountMinor: 47_200,
              heldMinor: 0,
            },
          ],
        };
      if (path.includes('/usage')) return { status: 200, body: [] };
      if (current.status === 'calculating' && states.length > 0) {
        const shown = current;
        current = states.shift()!;
        return { status: 200, body: shown };
      }
      return { status: 200, body: current };
    });
    renderInPortal(<Navigate to={`/cycles/${CYCLE_ID}`} />, {
      apiClient: api,
      routes: { '/cycles/:id': <CyclePage /> },
    });

    await screen.findByText('Not calculated yet.');
    expect(screen.queryByTestId('cycle-lock')).toBeNull();
    await user.click(screen.getByTestId('cycle-calculate'));
    await screen.findByText('0 of 400 plays priced (0 %)');
    await screen.findByText('200 of 400 plays priced (50 %)', undefined, { timeout: 3_000 });
    expect(screen.getByTestId('cycle-progress-bar').getAttribute('value')).toBe('50');
    await screen.findByText('400 of 400 plays priced.', undefined, { timeout: 3_000 });
    expect(screen.getByTestId('cycle-progress-bar').getAttribute('value')).toBe('100');
    await within(await screen.findByTestId('cycle-recipients')).findByText('Ama Serwaa');
    expect(screen.getByTestId('cycle-recipients').textContent).toMatch(/GHS\s472\.00/);

    await user.click(screen.getByTestId('cycle-lock'));
    await user.click(
      within(screen.getByTestId('cycle-lock-dialog')).getByRole('button', { name: 'Lock cycle' }),
    );
    await waitFor(() => expect(within(screen.getByTestId('cycle-status')).getByText('Locked')).toBeTruthy());
    expect(screen.queryByTestId('cycle-calculate')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      `/admin/cycles/${CYCLE_ID}/calculate`,
      `/admin/cycles/${CYCLE_ID}/lock`,
    ]);
  }, 15_000);
});
