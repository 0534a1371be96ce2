import { RoleHomePage, buttonClassName } from '@zamio/ui';
import { Link } from 'react-router';
import { PublisherInvitations } from '../publishing/PublisherInvitations';

export default function HomePage() {
  return (
    <RoleHomePage heading="Artist dashboard">
      <p>Register your tracks, follow where they are played on radio, and see what you have earned.</p>
      <div className="zamio-button-row">
        <Link to="/upload" className={buttonClassName({ variant: 'primary' })}>
          Upload a track
        </Link>
        <Link to="/tracks" className={buttonClassName()}>
          Your tracks
        </Link>
        <Link to="/plays" className={buttonClassName()}>
          Plays
        </Link>
      </div>
      <PublisherInvitations />
    </RoleHomePage>
  );
}
