import { PlaceholderPage } from '@zamio/ui';

export default function DisputesPage() {
  return (
    <PlaceholderPage title="Disputes">
      Open disputes on plays, with the amounts they hold, will appear here for resolution.
    </PlaceholderPage>
  );
}
