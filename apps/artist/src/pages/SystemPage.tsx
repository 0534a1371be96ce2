import { SystemStatusPage } from '@zamio/ui';

export default function SystemPage() {
  return <SystemStatusPage heading="System" />;
}
