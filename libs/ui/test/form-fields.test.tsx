/** @vitest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  DateRangeField,
  FileField,
  PasswordField,
  PercentField,
  SelectField,
  TextField,
  MoneyField,
  passwordProblem,
  passwordRulesOf,
  serverFormErrors,
  SERVER_PASSWORD_POLICY,
  type DateRange,
} from '../src/index';
import { ApiError } from '@zamio/api-client';
import { NewPassword } from '@zamio/contracts';

describe('TextField', () => {
  it('ties label, hint and inline error to the input', () => {
    render(
      <TextField
        label="E-mail"
        type="email"
        hint="We never share it."
        error="Enter an e-mail address"
        required
      />,
    );
    const input = screen.getByLabelText(/E-mail/);
    expect(input.getAttribute('type')).toBe('email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((input as HTMLInputElement).required).toBe(true);
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Enter an e-mail address', 'We never share it.']);
    expect(screen.getByRole('alert').textContent).toBe('Enter an e-mail address');
  });

  it('is not invalid without an error', () => {
    render(<TextField label="Title" />);
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('PasswordField', () => {
  it('ticks the policy rules while typing and can show the password', async () => {
    render(<PasswordField label="Password" rules={passwordRulesOf({ minLength: 12, maxLength: 20 })} />);
    const input = screen.getByLabelText('Password');
    const minRule = screen.getByTestId('password-rule-min-length');
    expect(minRule.dataset.met).toBe('false');
    await userEvent.type(input, 'correct horse');
    expect(minRule.dataset.met).toBe('true');
    expect(minRule.textContent).toContain('(met)');
    expect(input.getAttribute('type')).toBe('password');
    await userEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(input.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide password' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('follows the server policy from the contracts', () => {
    const schema = NewPassword as { minLength?: number; maxLength?: number };
    expect(SERVER_PASSWORD_POLICY).toEqual({ minLength: schema.minLength, maxLength: schema.maxLength });
    expect(passwordProblem('short')).toBe('The password needs: at least 12 characters');
    expect(passwordProblem('twelve chars')).toBeUndefined();
    expect(passwordProblem('x'.repeat(257))).toBe('The password needs: at most 256 characters');
  });
});

describe('SelectField, number fields', () => {
  it('offers a placeholder and the options', async () => {
    const onChange = vi.fn();
    render(
      <SelectField
        label="Station"
        placeholder="All stations"
        options={[
          { value: 'joy', label: 'Joy FM' },
          { value: 'peace', label: 'Peace FM' },
        ]}
        onChange={(event) => onChange(event.target.value)}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('Station'), 'peace');
    expect(onChange).toHaveBeenCalledWith('peace');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All stations',
      'Joy FM',
      'Peace FM',
    ]);
  });

  it('keeps numbers as typed text with a decimal keypad and a unit', () => {
    render(
      <>
        <PercentField label="Share" defaultValue="33.33" />
        <MoneyField label="Amount" />
      </>,
    );
    const share = screen.getByLabelText('Share') as HTMLInputElement;
    expect(share.value).toBe('33.33');
    expect(share.inputMode).toBe('decimal');
    expect(share.parentElement?.textContent).toContain('%');
    expect(screen.getByLabelText('Amount').parentElement?.textContent).toContain('GHS');
  });
});

describe('DateRangeField', () => {
  function Range({ initial }: { initial: DateRange }) {
    const [range, setRange] = useState(initial);
    return <DateRangeField label="Played between" value={range} onChange={setRange} />;
  }

  it('limits each end by the other and reports a reversed range inline', () => {
    const { unmount } = render(<Range initial={{ from: '2026-11-01', to: '2026-11-30' }} />);
    expect(screen.getByLabelText('From').getAttribute('max')).toBe('2026-11-30');
    expect(screen.getByLabelText('To').getAttribute('min')).toBe('2026-11-01');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    render(<Range initial={{ from: '2026-12-05', to: '2026-11-30' }} />);
    expect(screen.getByRole('alert').textContent).toBe('The start date must be on or before the end date');
    expect(screen.getByRole('group', { name: 'Played between' })).toBeDefined();
  });
});

describe('FileField', () => {
  it('refuses a file of the wrong type or over the size limit, inline', async () => {
    const onFile = vi.fn();
    render(<FileField label="Licence" accept=".pdf,application/pdf" maxBytes={1000} onFileChange={onFile} />);
    const input = screen.getByLabelText('Licence') as HTMLInputElement;
    await userEvent.upload(input, new File(['x'.repeat(10)], 'photo.png', { type: 'image/png' }), {
      applyAccept: false,
    });
    expect(screen.getByRole('alert').textContent).toContain('photo.png is not an accepted file type');
    expect(onFile).toHaveBeenLastCalledWith(undefined);
    await userEvent.upload(input, new File(['x'.repeat(2000)], 'big.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert').textContent).toBe('big.pdf is 2 KB; the limit is 1 KB');
    const good = new File(['%PDF'], 'licence.pdf', { type: 'application/pdf' });
    await userEvent.upload(input, good);
    expect(onFile).toHaveBeenLastCalledWith(good);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('file-chosen').textContent).toBe('licence.pdf · 4 B');
  });
});

describe('serverFormErrors', () => {
  const apiError = (status: number, message: string) =>
    new ApiError({ kind: 'http', status, message, method: 'POST', path: '/auth/signup', requestId: 'r1' });
  const fields = ['displayName', 'email', 'password'] as const;

  it('puts validation failures on their fields, in words people use', () => {
    const mapped = serverFormErrors(
      apiError(
        400,
        'body/password must NOT have fewer than 12 characters, body/email must match format "email"',
      ),
      { fields },
    );
    expect(mapped.fields).toEqual({
      password: 'Must be at least 12 characters long',
      email: 'Must be a valid e-mail address',
    });
    expect(mapped.form).toBeUndefined();
  });

  it('puts a conflict on the conflict field, and everything else on the form', () => {
    expect(
      serverFormErrors(apiError(409, 'an account with this e-mail already exists'), {
        fields,
        conflictField: 'email',
      }),
    ).toEqual({ fields: { email: 'An account with this e-mail already exists' }, form: undefined });
    expect(serverFormErrors(apiError(400, 'body must NOT have additional properties'), { fields }).form).toBe(
      'Body must NOT have additional properties',
    );
    expect(serverFormErrors(apiError(429, 'slow down'), { fields }).form).toMatch(/Too many attempts/);
    expect(serverFormErrors(new Error('boom'), { fields }).form).toMatch(/Something went wrong/);
  });
});
