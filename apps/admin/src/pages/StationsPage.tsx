import { PlaceholderPage } from '@zamio/ui';

export default function StationsPage() {
  return (
    <PlaceholderPage title="Stations">
      Stations awaiting approval and approved stations, with class, region and timezone, will appear here.
    </PlaceholderPage>
  );
}
