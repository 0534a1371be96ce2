import { PlaceholderPage } from '@zamio/ui';

export default function CyclesPage() {
  return (
    <PlaceholderPage title="Cycles">
      Royalty cycles — open, calculated, locked — and the statements they produced will appear here.
    </PlaceholderPage>
  );
}
