import { PlaceholderPage } from '@zamio/ui';

export default function UploadPage() {
  return (
    <PlaceholderPage title="Upload">
      The upload form will appear here: a track's audio with its title, ISRC and duration, and contributor
      splits that must total 100 %.
    </PlaceholderPage>
  );
}
