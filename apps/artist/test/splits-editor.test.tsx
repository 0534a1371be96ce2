/** @vitest-environment jsdom */
// The splits editor in jsdom: the live total while typing (exact basis
// points: 33.33 + 33.33 + 33.34 is 100), saving only at exactly 100 %, the
// body it saves (registered accounts by id, outside parties by name), inline
// problems per row, and a refusal from the server shown, not swallowed.
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Split } from '@zamio/contracts';
import { ApiError } from '@zamio/api-client';
import { renderInPortal } from '@zamio/ui/testing/dom';
import { SplitsEditor } from '../src/tracks/SplitsEditor';
import { equalShares, totalState } from '../src/tracks/splits-rules';

const ARTIST_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const uploaderOnly: Split[] = [
  {
    contributorId: '11111111-2222-4333-8444-555555555555',
    userId: ARTIST_ID,
    name: 'Ama Serwaa',
    role: 'artist',
    shareBp: 10_000,
    publisherUserId: null,
  },
];

const total = () => screen.getByTestId('splits-total').textContent?.replace(/\u00a0/g, ' ');
const save = () => screen.getByTestId('splits-save') as HTMLButtonElement;

describe('splits rules', () => {
  it('sums in basis points and says what is left or too much', () => {
    expect(totalState([{ share: '33.33' }, { share: '33.33' }, { share: '33.34' }])).toMatchObject({
      totalBp: 10_000,
      complete: true,
    });
    expect(totalState([{ share: '60' }, { share: '30' }]).message.replace(/\u00a0/g, ' ')).toBe(
      '10.00 % left to assign',
    );
    expect(totalState([{ share: '60' }, { share: '45.5' }]).message.replace(/\u00a0/g, ' ')).toBe(
      '5.50 % too much',
    );
    expect(totalState([{ share: 'abc' }, { share: '100' }]).totalBp).toBe(10_000);
  });

  it('splits equally into shares that total exactly 100 %', () => {
    expect(equalShares(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(equalShares(7).reduce((sum, share) => sum + Math.round(Number(share) * 100), 0)).toBe(10_000);
  });
});

describe('SplitsEditor', () => {
  it('checks the total live and saves only at exactly 100 %', async () => {
    const onSave = vi.fn(async () => undefined);
    const user = userEvent.setup();
    renderInPortal(<SplitsEditor current={uploaderOnly} onSave={onSave} />);

    expect(total()).toContain('Total 100.00 %');
    expect(total()).toContain('All 100 % assigned');
    expect(screen.getByTestId('split-row-0').textContent).toContain('Ama Serwaa');

    // A second contributor: the total goes over, and saving is blocked.
    await user.click(screen.getByTestId('split-add'));
    await user.type(screen.getByTestId('split-name-1'), 'Kofi Mensah');
    await user.selectOptions(screen.getByTestId('split-role-1'), 'producer');
    await user.type(screen.getByTestId('split-share-1'), '25');
    expect(total()).toContain('Total 125.00 %');
    expect(total()).toContain('25.00 % too much');
    expect(save().disabled).toBe(true);

    // Lowering the first share: under, then exact.
    await user.clear(screen.getByTestId('split-share-0'));
    await user.type(screen.getByTestId('split-share-0'), '70');
    expect(total()).toContain('5.00 % left to assign');
    expect(save().disabled).toBe(true);
    await user.clear(screen.getByTestId('split-share-0'));
    await user.type(screen.getByTestId('split-share-0'), '75');
    expect(total()).toContain('All 100 % assigned');
    expect(save().disabled).toBe(false);

    await user.click(save());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]).toEqual([
      {
        splits: [
          { contributor: { userId: ARTIST_ID }, role: 'artist', shareBp: 7_500 },
          { contributor: { name: 'Kofi Mensah' }, role: 'producer', shareBp: 2_500 },
        ],
      },
    ]);
    expect(await screen.findByTestId('splits-saved')).toBeTruthy();
  });

  it('splits three ways exactly and names a missing name or a bad share inline', async () => {
    const onSave = vi.fn(async () => undefined);
    const user = userEvent.setup();
    renderInPortal(<SplitsEditor current={uploaderOnly} onSave={onSave} />);
    await user.click(screen.getByTestId('split-add'));
    await user.click(screen.getByTestId('split-add'));
    await user.click(screen.getByRole('button', { name: 'Split equally' }));
    expect((screen.getByTestId('split-share-0') as HTMLInputElement).value).toBe('33.34');
    expect(total()).toContain('All 100 % assigned');

    // The outside parties have no names yet: saving names the problem on each row.
    await user.click(save());
    expect(await screen.findAllByText("Enter the contributor's name")).toHaveLength(2);
    expect(onSave).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId('split-share-2'));
    await user.type(screen.getByTestId('split-share-2'), '33.333');
    expect(await screen.findByText('Enter a percentage with at most two decimals, e.g. 33.33')).toBeTruthy();
    expect(save().disabled).toBe(true);

    // Removing a row updates the total at once.
    await user.click(screen.getByTestId('split-remove-2'));
    expect(total()).toContain('33.33 % left to assign');
  });

  it("shows the server's refusal and keeps the rows", async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({
        kind: 'http',
        status: 400,
        message: 'shares must total exactly 10000 bp (100 %)',
        method: 'PUT',
        path: '/artist/tracks/x/splits',
        requestId: 'req-9',
      });
    });
    const user = userEvent.setup();
    renderInPortal(<SplitsEditor current={uploaderOnly} onSave={onSave} />);
    await user.clear(screen.getByTestId('split-share-0'));
    await user.type(screen.getByTestId('split-share-0'), '100.00');
    await user.click(save());
    expect(await screen.findByText('The splits were not saved')).toBeTruthy();
    expect(screen.getByText('shares must total exactly 10000 bp (100 %)')).toBeTruthy();
    expect(screen.getByText('req-9')).toBeTruthy();
    expect((screen.getByTestId('split-share-0') as HTMLInputElement).value).toBe('100.00');
  });
});
