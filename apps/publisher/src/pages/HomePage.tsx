import { RoleHomePage } from '@zamio/ui';

export default function HomePage() {
  return (
    <RoleHomePage heading="Publisher dashboard">
      <p>Manage the contributors signed to you and follow the royalties paid through you.</p>
    </RoleHomePage>
  );
}
