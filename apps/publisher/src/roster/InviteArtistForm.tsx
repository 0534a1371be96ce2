// Invite an artist by the e-mail of their ZamIO account, with the publisher's
// split % and the day the deal starts. The artist accepts or declines in the
// artist portal; until then the invitation is pending on the roster.
import type { PublisherRelationship } from '@zamio/contracts';
import { isApiError, publisherEndpoints } from '@zamio/api-client';
import {
  Button,
  DateField,
  ErrorBanner,
  PercentField,
  TextField,
  serverFormErrors,
  useApiClient,
} from '@zamio/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { emailProblem, inviteBodyOf, splitProblem, type InviteValues } from './invite-rules';

type FieldName = keyof InviteValues;

export interface InviteArtistFormProps {
  onInvited: (relationship: PublisherRelationship) => void;
}

export function InviteArtistForm({ onInvited }: InviteArtistFormProps) {
  const api = useApiClient();
  const [formError, setFormError] = useState<string | undefined>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<InviteValues>({
    mode: 'onTouched',
    defaultValues: { artistEmail: '', split: '', effectiveFrom: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      const relationship = await publisherEndpoints.inviteArtist(api, inviteBodyOf(values));
      reset();
      onInvited(relationship);
    } catch (error) {
      // 404: no artist account with that e-mail; 409: already invited or signed.
      if (isApiError(error) && (error.status === 404 || error.status === 409)) {
        const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
        setError('artistEmail', { type: 'server', message }, { shouldFocus: true });
        return;
      }
      const mapped = serverFormErrors<FieldName>(error, {
        fields: ['artistEmail', 'split', 'effectiveFrom'],
        humanise: (_field, message) => message,
      });
      for (const [field, message] of Object.entries(mapped.fields) as [FieldName, string][])
        setError(field, { type: 'server', message }, { shouldFocus: true });
      setFormError(mapped.form);
    }
  });

  return (
    <form className="zamio-form" onSubmit={submit} noValidate data-testid="invite-form">
      <div className="zamio-grid">
        <TextField
          label="Artist's e-mail"
          type="email"
          required
          autoComplete="off"
          hint="The e-mail of their ZamIO artist account."
          error={errors.artistEmail?.message}
          data-testid="invite-email"
          {...register('artistEmail', { validate: (value) => emailProblem(value) ?? true })}
        />
        <PercentField
          label="Your split"
          required
          hint="The part of the artist's royalties you keep (up to two decimals); you owe them the rest."
          error={errors.split?.message}
          data-testid="invite-split"
          {...register('split', { validate: (value) => splitProblem(value) ?? true })}
        />
        <DateField
          label="Deal starts"
          hint="Plays from this day on are paid through you. Empty: from acceptance."
          error={errors.effectiveFrom?.message}
          data-testid="invite-effective-from"
          {...register('effectiveFrom')}
        />
      </div>
      {formError ? <ErrorBanner title="The invitation was not sent" error={formError} /> : null}
      <div className="zamio-button-row">
        <Button type="submit" variant="primary" loading={isSubmitting} data-testid="invite-submit">
          Send invitation
        </Button>
      </div>
    </form>
  );
}
