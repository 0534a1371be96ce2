import { PlaceholderPage } from '@zamio/ui';

export default function DetectionsPage() {
  return (
    <PlaceholderPage title="Detections">
      Tracks recognised in your captures, with their confidence, will appear here for you to confirm or flag.
    </PlaceholderPage>
  );
}
