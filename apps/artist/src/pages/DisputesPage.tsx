import { PlaceholderPage } from '@zamio/ui';

export default function DisputesPage() {
  return (
    <PlaceholderPage title="Disputes">
      Disputes you raised on plays, with their status and resolution, will appear here.
    </PlaceholderPage>
  );
}
