import { mountPortal } from '@zamio/ui';
import { adminPortal } from './admin-portal';

mountPortal(adminPortal);
