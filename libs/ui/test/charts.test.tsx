/** @vitest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EarningsPerMonthChart, PlaysPerDayChart, PlaysPerStationChart } from '../src/charts/index';
import { axisCedisFor } from '../src/charts/EarningsPerMonthChart';

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/gu, ' ');

describe('charts', () => {
  // jsdom lays nothing out; give the responsive container the size a browser would.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 0, width: 600, height: 300 }),
    );
    return () => vi.restoreAllMocks();
  });

  it('plays per day: an SVG plot, a spoken summary and the numbers as a table', () => {
    render(
      <PlaysPerDayChart
        data={[
          { day: '2026-11-01', plays: 4 },
          { day: '2026-11-02', plays: 12 },
          { day: '2026-11-03', plays: 7 },
        ]}
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Plays per day' });
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Plays per day from 1 Nov to 3 Nov: 23 plays in total, at most 12 on one day.',
    );
    expect(figure.querySelector('svg.recharts-surface')).not.toBeNull();
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => plain(row.textContent))).toEqual(['1 Nov4', '2 Nov12', '3 Nov7']);
  });

  it('plays per station: most played first, top N only, one bar each', () => {
    const data = Array.from({ length: 12 }, (_, index) => ({
      station: `Station ${index}`,
      plays: index * 10,
    }));
    const { container } = render(<PlaysPerStationChart data={data} limit={5} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.firstElementChild?.textContent)).toEqual([
      'Station 11',
      'Station 10',
      'Station 9',
      'Station 8',
      'Station 7',
    ]);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(5);
  });

  it('earnings per month: GHS from integer pesewas, exact in the table', () => {
    render(
      <EarningsPerMonthChart
        data={[
          { month: '2026-10', pesewas: 47_250 },
          { month: '2026-11', pesewas: 5 },
        ]}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => plain(row.textContent))).toEqual(['Oct 2026GHS 472.50', 'Nov 2026GHS 0.05']);
    expect(plain(screen.getByRole('img').getAttribute('aria-label'))).toBe(
      'Earnings per month (GHS) from Oct 2026 to Nov 2026: GHS 472.55 in total.',
    );
  });

  it('says so when there is nothing to draw', () => {
    render(<PlaysPerDayChart data={[]} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No data for this period.')).toBeDefined();
  });
});

describe('earnings axis ticks', () => {
  it('keeps pesewas on small amounts and goes compact on large ones', () => {
    const small = axisCedisFor(180);
    expect([0, 45, 90, 135, 180].map(small)).toEqual(['0', '0.45', '0.9', '1.35', '1.8']);
    const large = axisCedisFor(1_250_000);
    expect([0, 125_000, 1_250_000].map(large)).toEqual(['0', '1.3K', '12.5K']);
  });
});
