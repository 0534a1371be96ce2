// Disputes one play: a reason and, optionally, an uploaded document as
// evidence (POST /api/account/documents first, then the dispute names it).
// While the dispute is open the play's earnings are held.
import type { UploadResult } from '@zamio/contracts';
import { artistMoneyEndpoints } from './artist-money-endpoints';
import {
  Button,
  Dialog,
  DialogClose,
  ErrorBanner,
  Field,
  FileUpload,
  formatDateTime,
  notify,
  serverFormErrors,
  useApiClient,
} from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { disputesQueryKey, earningsQueryKey } from './money-queries';

export interface DisputablePlay {
  id: string;
  trackTitle: string;
  stationName: string;
  startedAt: string;
}

export interface DisputePlayDialogProps {
  play: DisputablePlay | undefined;
  onOpenChange: (open: boolean) => void;
}

const EVIDENCE_TYPES = 'application/pdf,image/png,image/jpeg';
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const reasonProblem = (reason: string) =>
  reason.trim().length < 3 ? 'Say what is wrong with this play (at least 3 characters)' : undefined;

export function DisputePlayDialog({ play, onOpenChange }: DisputePlayDialogProps) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<{ id: string; name: string }>();
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<{ reason?: string; form?: string }>({});

  const close = (open: boolean) => {
    if (busy) return;
    if (!open) {
      setReason('');
      setEvidence(undefined);
      setTouched(false);
      setServerError({});
    }
    onOpenChange(open);
  };

  const problem = touched ? (reasonProblem(reason) ?? serverError.reason) : serverError.reason;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!play || reasonProblem(reason)) return;
    setBusy(true);
    setServerError({});
    try {
      await artistMoneyEndpoints.raiseDispute(api, {
        playId: play.id,
        reason: reason.trim(),
        ...(evidence ? { evidenceUploadId: evidence.id } : {}),
      });
      setBusy(false);
      notify.success('Dispute sent', {
        description: `${play.trackTitle} on ${play.stationName}: its earnings are held until an admin decides.`,
      });
      void queryClient.invalidateQueries({ queryKey: disputesQueryKey });
      void queryClient.invalidateQueries({ queryKey: earningsQueryKey });
      close(false);
    } catch (error) {
      setBusy(false);
      const mapped = serverFormErrors(error, { fields: ['reason'] as const });
      setServerError({ reason: mapped.fields.reason, form: mapped.form });
    }
  };

  return (
    <Dialog
      open={play !== undefined}
      onOpenChange={close}
      title="Dispute this play"
      description={
        play ? `${play.trackTitle} on ${play.stationName}, ${formatDateTime(play.startedAt)}` : undefined
      }
      data-testid="dispute-dialog"
    >
      <form className="zamio-form" onSubmit={submit} noValidate>
        {serverError.form ? <ErrorBanner title="The dispute was not sent" error={serverError.form} /> : null}
        <Field
          label="What is wrong?"
          hint="E.g. the station played another recording, or the play is shorter than shown."
          error={problem}
          required
        >
          {(wiring) => (
            <textarea
              className="zamio-input"
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onBlur={() => setTouched(true)}
              data-testid="dispute-reason"
              {...wiring}
            />
          )}
        </Field>
        {evidence ? (
          <p className="zamio-muted" data-testid="dispute-evidence">
            Evidence attached: {evidence.name}{' '}
            <Button variant="ghost" size="sm" onClick={() => setEvidence(undefined)}>
              Remove
            </Button>
          </p>
        ) : (
          <FileUpload<UploadResult>
            path="/account/documents"
            label="Evidence (optional)"
            hint="A PDF or a picture, up to 10 MB — e.g. the station's own log."
            accept={EVIDENCE_TYPES}
            maxBytes={EVIDENCE_MAX_BYTES}
            onUploaded={(result, file) => setEvidence({ id: result.id, name: file.name })}
            data-testid="dispute-evidence-upload"
          />
        )}
        <div className="zamio-dialog__actions">
          <DialogClose asChild>
            <Button variant="secondary" disabled={busy}>
              Cancel
            </Button>
          </DialogClose>
          <Button type="submit" variant="primary" loading={busy} data-testid="dispute-submit">
            Send dispute
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
