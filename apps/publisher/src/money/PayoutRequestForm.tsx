// Request a payout from the available balance, to mobile money or a bank
// account. The bff refuses an amount above the balance (also when two
// requests race); that refusal is shown on the amount, in words.
import type { Payout } from '@zamio/contracts';
import { isApiError, publisherEndpoints } from '@zamio/api-client';
import {
  Button,
  ErrorBanner,
  MoneyField,
  SelectField,
  TextField,
  formatGhs,
  serverFormErrors,
  useApiClient,
} from '@zamio/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { amountProblem, destinationProblem, payoutBodyOf, type PayoutValues } from './payout-rules';

export interface PayoutRequestFormProps {
  availableMinor: number | undefined;
  onRequested: (payout: Payout) => void;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function PayoutRequestForm({ availableMinor, onRequested }: PayoutRequestFormProps) {
  const api = useApiClient();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<PayoutValues>({
    mode: 'onTouched',
    defaultValues: { amount: '', method: '', destination: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const payout = await publisherEndpoints.requestPayout(api, payoutBodyOf(values));
      reset();
      onRequested(payout);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        // No overdraft: "GHS 50.00 exceeds the available balance of GHS 20.00".
        setError(
          'amount',
          { type: 'server', message: `${sentence(error.message)}. Request at most the available balance.` },
          { shouldFocus: true },
        );
        return;
      }
      const mapped = serverFormErrors<'amount' | 'method' | 'destination'>(error, {
        fields: ['amount', 'method', 'destination'],
      });
      for (const [field, message] of Object.entries(mapped.fields) as [keyof PayoutValues, string][])
        setError(field, { type: 'server', message }, { shouldFocus: true });
      setFormError(mapped.form);
    }
  });

  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="payout-form">
      <div className="zamio-grid">
        <MoneyField
          label="Amount"
          required
          hint={
            availableMinor !== undefined ? `Available: ${formatGhs(Math.max(0, availableMinor))}` : undefined
          }
          error={errors.amount?.message}
          data-testid="payout-amount"
          {...register('amount', { validate: (value) => amountProblem(value, availableMinor) ?? true })}
        />
        <SelectField
          label="Paid to"
          required
          placeholder="Choose"
          options={[
            { value: 'mobile_money', label: 'Mobile money' },
            { value: 'bank', label: 'Bank account' },
          ]}
          error={errors.method?.message}
          data-testid="payout-method"
          {...register('method', { validate: (value) => (value ? true : 'Choose how to be paid') })}
        />
        <TextField
          label="Number or account"
          required
          autoComplete="off"
          hint="Mobile money number, or bank and account number."
          error={errors.destination?.message}
          data-testid="payout-destination"
          {...register('destination', {
            validate: (value) => destinationProblem(getValues('method'), value) ?? true,
          })}
        />
      </div>
      {formError ? <ErrorBanner title="The payout was not requested" error={formError} /> : null}
      <div className="zamio-button-row">
        <Button type="submit" variant="primary" loading={isSubmitting} data-testid="payout-submit">
          Request payout
        </Button>
      </div>
    </form>
  );
}
