import { mountPortal } from '@zamio/ui';
import { publisherPortal } from './publisher-portal';

mountPortal(publisherPortal);
