import { RoleHomePage, buttonClassName } from '@zamio/ui';
import { Link } from 'react-router';

export default function HomePage() {
  return (
    <RoleHomePage heading="Station dashboard">
      <p>Send audio captures or playlogs from your station and review which tracks were recognised.</p>
      <div className="zamio-button-row">
        <Link to="/detections" className={buttonClassName({ variant: 'primary' })}>
          Review detections
        </Link>
        <Link to="/captures" className={buttonClassName()}>
          Captures
        </Link>
        <Link to="/devices" className={buttonClassName()}>
          Capture devices
        </Link>
      </div>
    </RoleHomePage>
  );
}
