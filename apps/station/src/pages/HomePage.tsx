import { RoleHomePage } from '@zamio/ui';

export default function HomePage() {
  return (
    <RoleHomePage heading="Station dashboard">
      <p>Send audio captures or playlogs from your station and review which tracks were recognised.</p>
    </RoleHomePage>
  );
}
