import { mountPortal } from '@zamio/ui';
import { stationPortal } from './station-portal';

mountPortal(stationPortal);
