import { PlaceholderPage } from '@zamio/ui';

export default function PlaysPage() {
  return (
    <PlaceholderPage title="Plays">
      Plays of your tracks detected on radio stations — station, start, end, duration and royalty amount —
      will appear here.
    </PlaceholderPage>
  );
}
