/** @vitest-environment jsdom */
// The rate table editor in jsdom: the version in force shown, a new version
// prefilled from the latest, every bad field named on its field (nothing
// sent), the server's refusals mapped onto the fields they name, and the body
// it sends in the contract's units.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RateTableVersion } from '@zamio/contracts';
import { ApiError } from '@zamio/api-client';
import { apiClientAnswering, renderInPortal } from '@zamio/ui/testing/dom';
import RateTablePage from '../src/pages/RateTablePage';
import { checkRateTable, draftFrom, scaledToDecimal, serverRateErrors } from '../src/money/rate-table-form';

const rate = (baseRateMicro: number, primeBp: number) => ({
  baseRateMicro,
  primeBp,
  regularBp: 10_000,
  offPeakBp: 7_000,
});
const VERSION: RateTableVersion = {
  id: '0b6f3c1e-7a0d-4c53-9a8e-0d4b2c1a9e01',
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  note: 'Launch rates',
  createdAt: '2026-01-01T00:00:00.000Z',
  pricedPlays: 42,
  rates: {
    class_a: rate(15_000, 15_000),
    class_b: rate(12_000, 13_000),
    class_c: rate(8_000, 12_000),
    online: rate(10_000, 11_000),
    community: rate(5_000, 10_000),
  },
};

describe('rate table form rules', () => {
  it('shows scaled integers as the shortest decimals', () => {
    expect(scaledToDecimal(15_000, 6)).toBe('0.015');
    expect(scaledToDecimal(15_000, 4)).toBe('1.5');
    expect(scaledToDecimal(10_000, 4)).toBe('1');
    expect(scaledToDecimal(1, 6)).toBe('0.000001');
  });

  it('names every bad field and builds the body of a good draft', () => {
    const draft = draftFrom(VERSION, new Date(2026, 10, 5, 14, 0));
    expect(draft.effectiveFrom).toBe('2026-11-06T00:00');
    expect(draft.rates.class_a).toEqual({ baseRate: '0.015', prime: '1.5', regular: '1', offPeak: '0.7' });
    const bad = checkRateTable({
      ...draft,
      effectiveFrom: '',
      rates: { ...draft.rates, class_a: { ...draft.rates.class_a, baseRate: '0', prime: '1.23456' } },
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        effectiveFrom: 'Enter the date and time the new rates take effect',
        'rates.class_a.baseRate': 'A base rate must be above 0',
        'rates.class_a.prime': 'Enter a multiplier with at most 4 decimals, e.g. 1.5',
      },
    });
    const good = checkRateTable(draft);
    expect(good.ok && good.body.rates.online).toEqual({
      baseRate: '0.01',
      prime: '1.1',
      regular: '1',
      offPeak: '0.7',
    });
    expect(good.ok && good.body.effectiveFrom).toBe(new Date(2026, 10, 6).toISOString());
  });

  it('maps the server refusals onto their fields', () => {
    const refusal = (status: number, message: string) =>
      new ApiError({
        kind: 'http',
        status,
        message,
        method: 'POST',
        path: '/admin/rate-tables',
        requestId: 'r',
      });
    expect(
      serverRateErrors(
        refusal(
          400,
          'rates.class_b.multipliers.off_peak: too many decimals; rates.online.baseRate: must be positive',
        ),
      ),
    ).toEqual({
      fields: {
        'rates.class_b.offPeak': 'Too many decimals',
        'rates.online.baseRate': 'Must be positive',
      },
      form: undefined,
    });
    expect(
      serverRateErrors(refusal(400, 'body/rates/class_c/prime must match pattern "^\\d+$"')).fields,
    ).toEqual({
      'rates.class_c.prime': 'Must match pattern "^\\d+$"',
    });
    expect(
      serverRateErrors(refusal(409, 'plays from 2026-01-02T00:00:00.000Z on are already priced')).fields,
    ).toEqual({
      effectiveFrom: 'Plays from 2026-01-02T00:00:00.000Z on are already priced',
    });
  });
});

describe('RateTablePage', () => {
  it('refuses bad fields inline, then sends the new version and shows the server refusal on its field', async () => {
    const user = userEvent.setup();
    let conflict = true;
    const { api, calls } = apiClientAnswering((method) => {
      if (method === 'GET') return { status: 200, body: [VERSION] };
      if (conflict) {
        conflict = false;
        return {
          status: 409,
          body: {
            message:
              'plays from 2026-01-02T00:00:00.000Z on are already priced; choose a later effective date',
          },
        };
      }
      return {
        status: 201,
        body: { ...VERSION, id: '5d2c0e7b-1111-4a2b-9c3d-4e5f6a7b8c9d', pricedPlays: 0 },
      };
    });
    renderInPortal(<RateTablePage />, { apiClient: api });

    await screen.findByText(/42 \(frozen\)/);
    expect(screen.getByTestId('rate-table-current').textContent).toContain('GHS 0.015/s');
    await user.click(screen.getByTestId('rate-table-new'));
    const base = screen.getByTestId('rate-class_a-baseRate') as HTMLInputElement;
    expect(base.value).toBe('0.015');
    await user.clear(base);
    await user.type(base, 'abc');
    await user.clear(screen.getByTestId('rate-community-offPeak'));
    await user.click(screen.getByTestId('rate-table-save'));

    expect(screen.getByTestId('rate-table-problems').textContent).toContain('2 fields need attention');
    expect(base.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('rate-community-offPeak').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(base);
    await user.type(base, '0.02');
    await user.type(screen.getByTestId('rate-community-offPeak'), '1');
    await user.click(screen.getByTestId('rate-table-save'));
    await screen.findByText(/already priced; choose a later effective date/);
    expect(screen.getByTestId('rate-effective-from').getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByTestId('rate-table-save'));
    await waitFor(() => expect(screen.queryByTestId('rate-table-form')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect((posts[1]!.body as { rates: Record<string, unknown> }).rates.class_a).toEqual({
      baseRate: '0.02',
      prime: '1.5',
      regular: '1',
      offPeak: '0.7',
    });
  });
});
