import { PlaceholderPage } from '@zamio/ui';

export default function CapturesPage() {
  return (
    <PlaceholderPage title="Captures">
      The 10-second audio captures your station sent, with their upload status and chunk id, will appear here.
    </PlaceholderPage>
  );
}
