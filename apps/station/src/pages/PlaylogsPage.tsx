import { PlaceholderPage } from '@zamio/ui';

export default function PlaylogsPage() {
  return (
    <PlaceholderPage title="Playlogs">
      Your playlog CSV uploads and the result of processing each one will appear here.
    </PlaceholderPage>
  );
}
