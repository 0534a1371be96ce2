import { PlaceholderPage } from '@zamio/ui';

export default function EarningsPage() {
  return (
    <PlaceholderPage title="Earnings">
      Royalties paid through you, per cycle and per contributor, with statements, will appear here.
    </PlaceholderPage>
  );
}
