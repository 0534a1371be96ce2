import { ComponentGallery } from '@zamio/ui/gallery';

export default function UiKitPage() {
  return <ComponentGallery />;
}
