/** @vitest-environment jsdom */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button, ConfirmDialog, Dialog, Tabs, Toaster, notify } from '../src/index';

describe('Dialog', () => {
  it('opens from its trigger, is a labelled modal, and Escape closes it with focus back on the trigger', async () => {
    render(
      <Dialog
        title="Add a contributor"
        description="Shares must total 100 %."
        trigger={<Button>Add</Button>}
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Add' });
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Add a contributor' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(trigger);
  });
});

describe('ConfirmDialog', () => {
  it('runs the action, busy meanwhile, and closes when it succeeds', async () => {
    let finish!: () => void;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(
      <ConfirmDialog
        title="Lock this cycle?"
        description="Corrections after locking become adjusting entries."
        confirmLabel="Lock cycle"
        tone="danger"
        trigger={<Button>Lock…</Button>}
        onConfirm={onConfirm}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lock…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lock cycle' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.getByTestId('confirm-action').getAttribute('aria-busy')).toBe('true');
    await act(async () => finish());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('stays open and shows the error when the action fails', async () => {
    render(
      <ConfirmDialog
        title="Reject?"
        description="The station sees the reason."
        confirmLabel="Reject"
        trigger={<Button>Reject…</Button>}
        onConfirm={() => Promise.reject(new Error('the account was already approved'))}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reject…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the account was already approved');
    expect(screen.getByRole('dialog')).toBeDefined();
  });
});

describe('Tabs', () => {
  it('switches panels by click and arrow keys, skipping disabled tabs', async () => {
    render(
      <Tabs
        label="Track sections"
        tabs={[
          { value: 'details', label: 'Details', content: <p>details panel</p> },
          { value: 'splits', label: 'Splits', content: <p>splits panel</p> },
          { value: 'disputes', label: 'Disputes', content: <p>disputes panel</p>, disabled: true },
        ]}
      />,
    );
    expect(screen.getByRole('tablist', { name: 'Track sections' })).toBeDefined();
    expect(screen.getByRole('tabpanel').textContent).toBe('details panel');
    await userEvent.click(screen.getByRole('tab', { name: 'Splits' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('splits panel');
    screen.getByRole('tab', { name: 'Splits' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('notify', () => {
  it('shows toasts in the Toaster, errors until dismissed', async () => {
    render(<Toaster />);
    act(() => {
      notify.success('Track uploaded', { description: 'Fingerprinting has started.' });
      notify.error('Upload failed');
    });
    expect(await screen.findByText('Track uploaded')).toBeDefined();
    expect(screen.getByText('Fingerprinting has started.')).toBeDefined();
    expect(screen.getByText('Upload failed').closest('[data-type]')?.getAttribute('data-type')).toBe('error');
    act(() => notify.dismiss());
    await waitFor(() => expect(screen.queryByText('Upload failed')).toBeNull(), { timeout: 3_000 });
  });
});
