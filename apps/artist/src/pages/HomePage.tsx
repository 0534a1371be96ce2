import { RoleHomePage } from '@zamio/ui';

export default function HomePage() {
  return (
    <RoleHomePage heading="Artist dashboard">
      <p>Register your tracks, follow where they are played on radio, and see what you have earned.</p>
    </RoleHomePage>
  );
}
