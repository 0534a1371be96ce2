import { PlaceholderPage } from '@zamio/ui';

export default function EarningsPage() {
  return (
    <PlaceholderPage title="Earnings">
      Your royalty earnings per cycle, your statements, and amounts held by open disputes will appear here.
    </PlaceholderPage>
  );
}
