import type { Capture } from '@zamio/contracts';
import { stationEndpoints } from '@zamio/api-client';
import { AudioPlayer, Button, Dialog, formatDateTime, useApiClient } from '@zamio/ui';

/** "Listen": the capture's own audio in a dialog (device captures keep their file; stream windows do not). */
export function CaptureAudioDialog({ capture }: { capture: Capture }) {
  const api = useApiClient();
  if (!capture.upload) return <span className="zamio-muted">No file kept</span>;
  return (
    <Dialog
      title="Capture audio"
      description={`${capture.chunkId} · on air ${formatDateTime(capture.startedAt)}`}
      trigger={
        <Button size="sm" data-testid="capture-listen">
          Listen
        </Button>
      }
      data-testid="capture-audio-dialog"
    >
      <AudioPlayer src={stationEndpoints.captureAudioUrl(api, capture.id)} label={capture.chunkId} />
    </Dialog>
  );
}
