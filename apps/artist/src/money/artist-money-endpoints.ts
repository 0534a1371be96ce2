// The artist's money calls: the shared earner calls under /api/artist and
// the publisher relationships (an active one means payouts go through the publisher).
import { moneyEndpoints, publisherInvitationEndpoints } from '@zamio/api-client';

export const artistMoneyEndpoints = {
  ...moneyEndpoints('artist'),
  publisherRelationships: publisherInvitationEndpoints.list,
};
