import { PlaceholderPage } from '@zamio/ui';

export default function TracksPage() {
  return (
    <PlaceholderPage title="Tracks">
      Your registered tracks — title, ISRC, duration, fingerprinting status and contributor splits — will
      appear here.
    </PlaceholderPage>
  );
}
