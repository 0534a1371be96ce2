import { PlaceholderPage } from '@zamio/ui';

export default function RosterPage() {
  return (
    <PlaceholderPage title="Roster">
      The artists and contributors signed to your publishing company will appear here.
    </PlaceholderPage>
  );
}
