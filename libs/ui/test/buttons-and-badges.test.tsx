/** @vitest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button, StatusBadge, buttonClassName, labelOfStatus, toneOfStatus } from '../src/index';

describe('Button', () => {
  it('has a variant and size class, and never submits a form by default', () => {
    render(
      <form onSubmit={() => expect.unreachable('submitted')}>
        <Button variant="danger" size="sm">
          Reject
        </Button>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Reject' });
    expect(button.className).toBe('zamio-button zamio-button--danger zamio-button--sm');
    expect(button.getAttribute('type')).toBe('button');
    expect(buttonClassName({ variant: 'primary', block: true })).toBe(
      'zamio-button zamio-button--primary zamio-button--block',
    );
  });

  it('while loading: busy, disabled, shows the loading label and ignores clicks', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <Button loading loadingLabel="Saving…" onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Saving…' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();

    rerender(<Button onClick={onClick}>Save</Button>);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClick).toHaveBeenCalledOnce();
  });
});

describe('StatusBadge', () => {
  it('gives every domain status a tone and a readable label', () => {
    expect(['uploaded', 'processing', 'ready', 'failed'].map(toneOfStatus)).toEqual([
      'info',
      'info',
      'ok',
      'danger',
    ]);
    expect(['up', 'down'].map(toneOfStatus)).toEqual(['ok', 'danger']);
    expect(['pending', 'approved', 'rejected'].map(toneOfStatus)).toEqual(['warn', 'ok', 'danger']);
    expect(toneOfStatus('something-new')).toBe('neutral');
    expect(labelOfStatus('dead_letter')).toBe('Dead letter');
    expect(labelOfStatus('up')).toBe('Up');
  });

  it('says the state in text, with the reason for screen readers', () => {
    render(<StatusBadge status="failed" title="The audio could not be decoded" />);
    const badge = screen.getByText('Failed', { exact: false });
    expect(badge.className).toBe('zamio-badge zamio-badge--danger');
    expect(badge.textContent).toBe('Failed: The audio could not be decoded');
  });
});
