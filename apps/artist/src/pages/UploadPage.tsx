import { Card, notify } from '@zamio/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { TrackUploadForm } from '../tracks/TrackUploadForm';
import { tracksQueryKey } from '../tracks/track-queries';

export default function UploadPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <h1>Upload a track</h1>
      <p className="zamio-muted">
        Register a recording with its facts and audio. ZamIO fingerprints the audio so radio plays can be
        recognised; the track page shows when it is ready and lets you set the contributors' splits.
      </p>
      <Card>
        <TrackUploadForm
          onUploaded={(track) => {
            void queryClient.invalidateQueries({ queryKey: tracksQueryKey });
            notify.success(`${track.title} uploaded`, { description: 'Fingerprinting has started.' });
            void navigate(`/tracks/${track.id}`);
          }}
        />
      </Card>
    </>
  );
}
