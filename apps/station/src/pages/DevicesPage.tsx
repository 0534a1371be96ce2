import { DevicesCard } from '../devices/DevicesCard';

export default function DevicesPage() {
  return (
    <>
      <h1>Devices</h1>
      <DevicesCard />
    </>
  );
}
