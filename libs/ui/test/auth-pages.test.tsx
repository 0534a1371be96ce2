/** @vitest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginPage, SessionGate, SignUpPage, sessionQueryKey } from '../src/index';
import { apiClientAnswering, renderInPortal } from './render-dom';

const user = (status: 'active' | 'pending', role = 'station') => ({
  id: '7b0c4c53-6a43-4b1c-9d1a-2f1f6f0e9a11',
  email: 'news@joy.example',
  displayName: 'Joy FM',
  role,
  status,
  createdAt: '2026-11-25T07:30:00.000Z',
  approvedAt: null,
  rejectionReason: null,
  rejectedAt: null,
});

async function fillSignUp(password = 'a long passphrase here') {
  await userEvent.type(screen.getByTestId('signup-name'), 'Joy FM');
  await userEvent.type(screen.getByTestId('signup-email'), 'news@joy.example');
  await userEvent.type(screen.getByTestId('signup-password'), password);
  await userEvent.click(screen.getByTestId('signup-submit'));
}

describe('SignUpPage', () => {
  it('checks inline before sending anything', async () => {
    const { api, calls } = apiClientAnswering(() => ({ status: 500 }));
    renderInPortal(<SignUpPage productName="ZamIO" roleLabel="Station" role="station" />, {
      apiClient: api,
      path: '/signup',
    });
    await userEvent.click(screen.getByTestId('signup-submit'));
    expect(await screen.findByText('Enter the station name')).toBeDefined();
    expect(screen.getByText('Enter your e-mail address')).toBeDefined();
    await userEvent.type(screen.getByTestId('signup-email'), 'not-an-email');
    await userEvent.type(screen.getByTestId('signup-password'), 'short');
    await userEvent.click(screen.getByTestId('signup-submit'));
    expect(await screen.findByText('Enter an e-mail address like name@example.com')).toBeDefined();
    expect(screen.getByText('The password needs: at least 12 characters')).toBeDefined();
    expect(calls).toEqual([]);
  });

  it('sends the role with the form and shows a pending station its state', async () => {
    const { api, calls } = apiClientAnswering(() => ({ status: 201, body: user('pending') }));
    renderInPortal(<SignUpPage productName="ZamIO" roleLabel="Station" role="station" />, {
      apiClient: api,
      path: '/signup',
    });
    await fillSignUp();
    expect(await screen.findByTestId('account-state')).toBeDefined();
    expect(screen.getByTestId('account-state-message').textContent).toBe(
      'Your station account news@joy.example is waiting for approval.',
    );
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/auth/signup',
        body: {
          displayName: 'Joy FM',
          email: 'news@joy.example',
          password: 'a long passphrase here',
          role: 'station',
        },
      },
    ]);
  });

  it('shows server refusals on their fields', async () => {
    const { api } = apiClientAnswering(() => ({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'an account with this e-mail already exists' },
    }));
    renderInPortal(<SignUpPage productName="ZamIO" roleLabel="Station" role="station" />, {
      apiClient: api,
      path: '/signup',
    });
    await fillSignUp();
    expect(await screen.findByText('An account with this e-mail already exists')).toBeDefined();
    expect(screen.getByTestId('signup-email').getAttribute('aria-invalid')).toBe('true');
  });

  it('signs an artist straight in and goes to the portal home', async () => {
    const session = { user: user('active', 'artist'), csrfToken: 'csrf' };
    const { api, calls } = apiClientAnswering((_method, path) =>
      path === '/auth/signup' ? { status: 201, body: session.user } : { status: 200, body: session },
    );
    const { queryClient } = renderInPortal(
      <SignUpPage productName="ZamIO" roleLabel="Artist" role="artist" />,
      {
        apiClient: api,
        path: '/signup',
        routes: { '/': <p>portal home</p> },
      },
    );
    await fillSignUp();
    expect(await screen.findByText('portal home')).toBeDefined();
    expect(calls.map((call) => call.path)).toEqual(['/auth/signup', '/auth/login']);
    expect(queryClient.getQueryData(sessionQueryKey)).toEqual(session);
  });
});

describe('LoginPage', () => {
  it('links to sign-up and says what went wrong', async () => {
    const { api } = apiClientAnswering(() => ({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'e-mail or password is wrong' },
    }));
    renderInPortal(
      <LoginPage productName="ZamIO" roleLabel="Station" signUpPath="/signup" onSignedIn={vi.fn()} />,
      {
        apiClient: api,
      },
    );
    expect(screen.getByTestId('sign-up-link').getAttribute('href')).toBe('/signup');
    await userEvent.type(screen.getByTestId('login-email'), 'news@joy.example');
    await userEvent.type(screen.getByTestId('login-password'), 'whatever it is');
    await userEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Email or password is wrong.');
  });

  it('shows a pending account its state instead of an error, and goes back to the form', async () => {
    const { api } = apiClientAnswering(() => ({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: 'this account is waiting for approval by an administrator',
      },
    }));
    const onSignedIn = vi.fn();
    renderInPortal(<LoginPage productName="ZamIO" roleLabel="Publisher" onSignedIn={onSignedIn} />, {
      apiClient: api,
    });
    expect(screen.queryByTestId('sign-up-link')).toBeNull();
    await userEvent.type(screen.getByTestId('login-email'), 'pub@example.com');
    await userEvent.type(screen.getByTestId('login-password'), 'a long passphrase here');
    await userEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('account-state-badge')).textContent).toBe('Waiting for approval');
    expect(screen.getByTestId('account-state-message').textContent).toContain('pub@example.com');
    await userEvent.click(screen.getByTestId('account-state-back'));
    await waitFor(() => expect(screen.getByTestId('login-page')).toBeDefined());
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("shows a rejected account the administrator's reason", async () => {
    const { api } = apiClientAnswering(() => ({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message:
          'this account was not approved by an administrator. Reason: No broadcasting licence was attached.',
      },
    }));
    const onSignedIn = vi.fn();
    renderInPortal(<LoginPage productName="ZamIO" roleLabel="Station" onSignedIn={onSignedIn} />, {
      apiClient: api,
    });
    await userEvent.type(screen.getByTestId('login-email'), 'news@joy.example');
    await userEvent.type(screen.getByTestId('login-password'), 'a long passphrase here');
    await userEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('account-state-badge')).textContent).toBe('Not approved');
    expect(screen.getByTestId('account-state-message').textContent).toBe(
      'Your station account news@joy.example was not approved.',
    );
    expect(screen.getByTestId('account-state-reason').textContent).toBe(
      'No broadcasting licence was attached.',
    );
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});

describe('SessionGate', () => {
  it('names the account of another role in plain English ("an artist account")', async () => {
    const { api } = apiClientAnswering(() => ({
      status: 200,
      body: {
        user: {
          id: '00000000-0000-4000-8000-000000000001',
          email: 'kofi@example.test',
          displayName: 'Kofi',
          role: 'artist',
          status: 'active',
          createdAt: '2025-01-01T00:00:00.000Z',
          approvedAt: null,
        },
        csrfToken: 't',
      },
    }));
    renderInPortal(
      <SessionGate productName="ZamIO" roleLabel="Station" role="station">
        <p>the portal</p>
      </SessionGate>,
      { apiClient: api },
    );
    expect((await screen.findByTestId('wrong-portal')).textContent).toContain(
      'kofi@example.test is an artist account.',
    );
  });

  it('offers a retry when the bff cannot be reached, then shows sign-in', async () => {
    let up = false;
    const { api } = apiClientAnswering(() =>
      up
        ? { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'sign in first' } }
        : { status: 502, body: { statusCode: 502, error: 'Bad Gateway', message: 'bff down' } },
    );
    renderInPortal(
      <SessionGate productName="ZamIO" roleLabel="Artist" role="artist">
        <p>the portal</p>
      </SessionGate>,
      { apiClient: api },
    );
    expect((await screen.findByTestId('session-error')).textContent).toContain(
      'The server could not be reached',
    );
    up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('login-page')).toBeDefined();
    expect(screen.queryByText('the portal')).toBeNull();
  });
});
