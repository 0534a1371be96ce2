// Dispute one play, for an artist or a publisher (the same route under each
// role): a reason and, optionally, evidence (an image or PDF, uploaded first
// as an account document when the dispute is sent, with its progress shown).
// While the dispute is open the play's earnings are held.
import type { Dispute, UploadResult } from '@zamio/contracts';
import { moneyEndpoints, type MoneyRole } from '@zamio/api-client';
import { useState, type FormEvent } from 'react';
import { useApiClient } from '../api/api-client-context';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatDateTime } from '../format/dates';
import { Field } from '../forms/Field';
import { FileField } from '../forms/FileField';
import { serverFormErrors } from '../forms/server-errors';
import { Dialog } from '../overlays/Dialog';
import { notify } from '../overlays/toasts';
import { UploadProgressPanel } from '../upload/UploadProgressPanel';
import { useFileUpload } from '../upload/use-file-upload';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, reasonProblem } from './dispute-rules';

export interface DisputedPlay {
  playId: string;
  trackTitle: string;
  stationName: string;
  startedAt: string;
}

export interface DisputePlayDialogProps {
  role: MoneyRole;
  /** The play to dispute; undefined keeps the dialog closed. */
  play: DisputedPlay | undefined;
  onOpenChange: (open: boolean) => void;
  /** After the dispute is recorded (refresh the lists and balances that show it). */
  onDisputed?: (dispute: Dispute) => void;
}

export function DisputePlayDialog({ role, play, onOpenChange, onDisputed }: DisputePlayDialogProps) {
  const api = useApiClient();
  const endpoints = moneyEndpoints(role);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [file, setFile] = useState<File | undefined>();
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();
  const upload = useFileUpload<UploadResult>({ path: endpoints.evidenceUploadPath });

  const close = (open: boolean) => {
    if (sending) return;
    if (!open) {
      setReason('');
      setReasonError(undefined);
      setFile(undefined);
      setFormError(undefined);
      upload.reset();
    }
    onOpenChange(open);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!play) return;
    const problem = reasonProblem(reason);
    setReasonError(problem);
    if (problem) return;
    setSending(true);
    setFormError(undefined);
    try {
      let evidenceUploadId: string | undefined;
      if (file) {
        const uploaded = upload.result ?? (await upload.start(file));
        if (!uploaded) return; // the upload panel says why, with retry
        evidenceUploadId = uploaded.id;
      }
      const dispute = await endpoints.raiseDispute(api, {
        playId: play.playId,
        reason: reason.trim(),
        ...(evidenceUploadId ? { evidenceUploadId } : {}),
      });
      notify.success('Dispute sent', {
        description: `${play.trackTitle} on ${play.stationName}: its earnings are held until an admin decides.`,
      });
      onDisputed?.(dispute);
      close(false); // this render's `sending` is false: the guard lets it close
    } catch (error) {
      const mapped = serverFormErrors(error, { fields: ['reason'] as const });
      setReasonError(mapped.fields.reason);
      setFormError(mapped.form);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog
      open={play !== undefined}
      onOpenChange={close}
      title="Dispute this play"
      description={
        play
          ? `${play.trackTitle} on ${play.stationName}, ${formatDateTime(play.startedAt)}. Its earnings are held until an admin decides.`
          : undefined
      }
      data-testid="dispute-dialog"
    >
      <form
        className="zamio-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        data-testid="dispute-form"
      >
        {formError ? <ErrorBanner title="The dispute was not sent" error={formError} /> : null}
        <Field
          label="What is wrong?"
          required
          error={reasonError}
          hint="E.g. the station played another recording, or the play is shorter than shown."
        >
          {(wiring) => (
            <textarea
              className="zamio-input"
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                // Once shown, the problem follows the text (and goes when it is fixed).
                if (reasonError) setReasonError(reasonProblem(event.target.value));
              }}
              data-testid="dispute-reason"
              {...wiring}
            />
          )}
        </Field>
        <FileField
          label="Evidence (optional)"
          hint="The station's own log, a playlist, a screenshot or a letter: PDF, PNG, JPEG or WebP, up to 10 MB."
          accept={EVIDENCE_ACCEPT}
          maxBytes={EVIDENCE_MAX_BYTES}
          onFileChange={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
          data-testid="dispute-evidence"
        />
        <UploadProgressPanel upload={upload} doneLabel="Evidence uploaded" />
        {upload.phase === 'failed' ? (
          <ErrorBanner title="The evidence was not uploaded" error={upload.error} />
        ) : null}
        <div className="zamio-dialog__actions">
          <Button variant="secondary" disabled={sending} onClick={() => close(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={sending} data-testid="dispute-submit">
            Send dispute
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
