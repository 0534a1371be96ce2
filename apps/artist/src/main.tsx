import { mountPortal } from '@zamio/ui';
import { artistPortal } from './artist-portal';

mountPortal(artistPortal);
