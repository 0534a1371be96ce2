import { RoleHomePage } from '@zamio/ui';

export default function HomePage() {
  return (
    <RoleHomePage heading="Administration">
      <p>Approve stations, maintain the rate table, run royalty cycles and resolve disputes.</p>
    </RoleHomePage>
  );
}
