/** @vitest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { AppShell } from '../src/index';
import { renderInPortal } from './render-dom';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

describe('AppShell navigation drawer', () => {
  it('opens from the menu button as a labelled modal with the navigation and account, and a link closes it', async () => {
    renderInPortal(
      <AppShell
        productName="ZamIO"
        roleLabel="Station"
        navigation={[
          { to: '/', label: 'Home' },
          { to: '/captures', label: 'Captures' },
        ]}
        account={<span>Joy FM</span>}
      >
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </AppShell>,
      { path: '/*' },
    );
    const menu = screen.getByRole('button', { name: 'Open navigation' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(menu);
    const drawer = screen.getByRole('dialog', { name: 'ZamIO · Station' });
    expect(within(drawer).getByRole('navigation', { name: 'Station navigation' })).toBeDefined();
    expect(within(drawer).getByText('Joy FM')).toBeDefined();
    await userEvent.click(within(drawer).getByRole('link', { name: 'Captures' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('where').textContent).toBe('/captures');

    await userEvent.click(menu);
    await userEvent.click(screen.getByRole('button', { name: 'Close navigation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(menu);
  });
});
