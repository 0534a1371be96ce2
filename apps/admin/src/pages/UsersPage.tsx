import { PlaceholderPage } from '@zamio/ui';

export default function UsersPage() {
  return (
    <PlaceholderPage title="Users">
      Accounts of every role, with their status, will appear here.
    </PlaceholderPage>
  );
}
