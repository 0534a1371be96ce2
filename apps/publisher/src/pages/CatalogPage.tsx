import { PlaceholderPage } from '@zamio/ui';

export default function CatalogPage() {
  return (
    <PlaceholderPage title="Catalog">
      The tracks your roster contributed to, with their splits and plays, will appear here.
    </PlaceholderPage>
  );
}
