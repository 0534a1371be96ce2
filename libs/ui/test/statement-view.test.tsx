/** @vitest-environment jsdom */
// The statement as the portals show it: the period as first and last day,
// totals in GHS, held lines marked, the downloads pointing at the files of
// the same statement, and the per-line action (the artist's "Dispute").
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Statement } from '@zamio/contracts';
import { renderInPortal } from '../testing/dom';
import { StatementView } from '../src/money/StatementView';

const line = (playId: string, amountMinor: number, held: boolean): Statement['lines'][number] => ({
  playId,
  startedAt: '2026-11-03T07:30:00.000Z',
  seconds: 210,
  trackTitle: 'Sika',
  isrc: 'GHA012600001',
  trackId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  stationId: '9f8e7d6c-5b4a-4392-8170-6e5d4c3b2a19',
  stationName: 'Joy FM',
  contributorName: null,
  amountMinor,
  held,
});
const STATEMENT: Statement = {
  cycle: {
    id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'November 2026',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-01',
    status: 'locked',
  },
  recipient: { kind: 'user', id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', name: 'Ama Serwaa' },
  totals: { payableMinor: 472, heldMinor: 315, totalMinor: 787, plays: 2 },
  byTrack: [],
  byStation: [],
  lines: [
    line('0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b', 472, false),
    line('1a9e8d7c-6b5a-4493-8271-605f4e3d2c1b', 315, true),
  ],
};
const nbsp = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

describe('StatementView', () => {
  it('shows totals, held lines, the period and the downloads of the same statement', () => {
    renderInPortal(
      <StatementView
        statement={STATEMENT}
        csvUrl="/api/artist/statements/x?format=csv"
        pdfUrl="/api/artist/statements/x?format=pdf"
        lineAction={(l) => <button type="button">Dispute {l.amountMinor}</button>}
      />,
    );
    expect(nbsp(screen.getByTestId('statement-payable').textContent)).toBe('GHS 4.72');
    expect(nbsp(screen.getByTestId('statement-totals').textContent)).toContain('GHS 3.15');
    expect(screen.getByTestId('statement-facts').textContent).toContain('1 Nov 2026 – 30 Nov 2026');
    expect(screen.getByTestId('statement-csv').getAttribute('href')).toBe(
      '/api/artist/statements/x?format=csv',
    );
    expect(screen.getByTestId('statement-pdf').hasAttribute('download')).toBe(true);
    const rows = within(screen.getByTestId('statement-lines')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).queryByText('Held')).toBeNull();
    expect(within(rows[1]!).getByText('Held')).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Dispute 315' })).toBeTruthy();
  });
});
