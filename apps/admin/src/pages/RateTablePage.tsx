import { PlaceholderPage } from '@zamio/ui';

export default function RateTablePage() {
  return (
    <PlaceholderPage title="Rate table">
      The per-second base rate of each station class and the prime, regular and off-peak multipliers, with
      their effective dates, will appear here for editing.
    </PlaceholderPage>
  );
}
