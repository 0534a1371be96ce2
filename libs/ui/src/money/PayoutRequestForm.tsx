// Request a payout from the available balance, to mobile money or a bank
// account: the artist's and the publisher's form (the same route under each
// role). Every problem is named on its field before sending; the bff's
// no-overdraft refusal (two requests racing) lands on the amount in words.
import type { Payout } from '@zamio/contracts';
import { isApiError, moneyEndpoints, type MoneyRole } from '@zamio/api-client';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useApiClient } from '../api/api-client-context';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatGhs } from '../format/money';
import { MoneyField } from '../forms/NumberField';
import { SelectField } from '../forms/SelectField';
import { serverFormErrors } from '../forms/server-errors';
import { TextField } from '../forms/TextField';
import { notify } from '../overlays/toasts';
import {
  PAYOUT_METHOD_LABEL,
  amountProblem,
  destinationProblem,
  methodProblem,
  payoutBodyOf,
  type PayoutValues,
} from './payout-rules';

export interface PayoutRequestFormProps {
  role: MoneyRole;
  /** The balance's availableMinor (may be negative); undefined while it loads. */
  availableMinor: number | undefined;
  /** After the request is recorded (refresh the balance and the history). */
  onRequested?: (payout: Payout) => void;
  /** After the bff refused an overdraft: the balance the page shows is out of date. */
  onRefused?: () => void;
}

const METHOD_OPTIONS = Object.entries(PAYOUT_METHOD_LABEL).map(([value, label]) => ({ value, label }));
const FIELDS = ['amountMinor', 'method', 'destination'] as const;
const FIELD_OF = { amountMinor: 'amount', method: 'method', destination: 'destination' } as const;

export function PayoutRequestForm({ role, availableMinor, onRequested, onRefused }: PayoutRequestFormProps) {
  const api = useApiClient();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PayoutValues>({
    mode: 'onTouched',
    defaultValues: { amount: '', method: 'mobile_money', destination: '' },
  });
  const method = watch('method');

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const payout = await moneyEndpoints(role).requestPayout(api, payoutBodyOf(values));
      notify.success('Payout requested', {
        description: `${formatGhs(payout.amountMinor)} by ${PAYOUT_METHOD_LABEL[payout.method].toLowerCase()} to ${payout.destination}; an admin approves it.`,
      });
      reset();
      onRequested?.(payout);
    } catch (error) {
      // 409: "GHS 50.00 exceeds the available balance of GHS 20.00" (another request got there first).
      const mapped = serverFormErrors(error, { fields: FIELDS, conflictField: 'amountMinor' });
      for (const field of FIELDS) {
        const message = mapped.fields[field];
        if (message) setError(FIELD_OF[field], { type: 'server', message }, { shouldFocus: true });
      }
      setFormError(mapped.form);
      if (isApiError(error) && error.status === 409) onRefused?.();
    }
  });

  const available = availableMinor === undefined ? undefined : Math.max(0, availableMinor);
  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="payout-form">
      {formError ? <ErrorBanner title="The payout was not requested" error={formError} /> : null}
      <div className="zamio-grid">
        <MoneyField
          label="Amount"
          required
          hint={available === undefined ? undefined : `Up to ${formatGhs(available)}`}
          error={errors.amount?.message}
          data-testid="payout-amount"
          {...register('amount', { validate: (value) => amountProblem(value, availableMinor) ?? true })}
        />
        <SelectField
          label="Paid by"
          required
          options={METHOD_OPTIONS}
          error={errors.method?.message}
          data-testid="payout-method"
          {...register('method', { validate: (value) => methodProblem(value) ?? true })}
        />
        <TextField
          label={method === 'bank' ? 'Bank and account number' : 'Mobile money number'}
          required
          autoComplete="off"
          maxLength={120}
          error={errors.destination?.message}
          data-testid="payout-destination"
          {...register('destination', {
            validate: (value, all) => destinationProblem(all.method, value) ?? true,
          })}
        />
      </div>
      <div className="zamio-button-row">
        <Button type="submit" variant="primary" loading={isSubmitting} data-testid="payout-submit">
          Request payout
        </Button>
      </div>
    </form>
  );
}
