// Dispute one play: a reason and, optionally, evidence (an image or PDF,
// uploaded first as an account document). The play's royalties are held from
// statements until an admin resolves the dispute.
import type { Dispute, UploadResult } from '@zamio/contracts';
import { publisherEndpoints } from '@zamio/api-client';
import {
  Button,
  Dialog,
  ErrorBanner,
  Field,
  FileField,
  UploadProgressPanel,
  formatDateTime,
  useApiClient,
  useFileUpload,
} from '@zamio/ui';
import { useState, type FormEvent } from 'react';
import { EVIDENCE_ACCEPT, reasonProblem } from './dispute-rules';

export interface DisputedPlay {
  playId: string;
  trackTitle: string;
  stationName: string;
  startedAt: string;
}

export interface DisputePlayDialogProps {
  play: DisputedPlay | undefined;
  onOpenChange: (open: boolean) => void;
  onDisputed: (dispute: Dispute) => void;
}

export function DisputePlayDialog({ play, onOpenChange, onDisputed }: DisputePlayDialogProps) {
  const api = useApiClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [file, setFile] = useState<File | undefined>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const upload = useFileUpload<UploadResult>({ path: publisherEndpoints.evidenceUploadPath });

  const close = (open: boolean) => {
    if (!open) {
      setReason('');
      setReasonError(undefined);
      setFile(undefined);
      setError(undefined);
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
    setError(undefined);
    try {
      let evidenceUploadId: string | undefined;
      if (file) {
        const uploaded = upload.result ?? (await upload.start(file));
        if (!uploaded) return; // the upload panel shows why, with retry
        evidenceUploadId = uploaded.id;
      }
      const dispute = await publisherEndpoints.raiseDispute(api, {
        playId: play.playId,
        reason: reason.trim(),
        ...(evidenceUploadId ? { evidenceUploadId } : {}),
      });
      onDisputed(dispute);
      close(false);
    } catch (failure) {
      setError(failure);
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
          ? `${play.trackTitle} on ${play.stationName}, ${formatDateTime(play.startedAt)}. Its royalties are held until an admin decides.`
          : undefined
      }
    >
      <form
        className="zamio-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        data-testid="dispute-form"
      >
        <Field
          label="Reason"
          required
          error={reasonError}
          hint="e.g. the track was not played, or another recording was."
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
          hint="A playlist, screenshot or letter: PDF, PNG, JPEG or WebP."
          accept={EVIDENCE_ACCEPT}
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
        {error ? <ErrorBanner title="The dispute was not sent" error={error} /> : null}
        <div className="zamio-button-row">
          <Button type="submit" variant="primary" loading={sending} data-testid="dispute-submit">
            Send dispute
          </Button>
          <Button onClick={() => close(false)}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}
