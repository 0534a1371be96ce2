// Publishers and their roster: a publisher invites an artist (by e-mail)
// with its split % and the deal's start; the artist accepts or declines;
// either side ends it. While accepted, the artist's shares of plays from the
// start on are paid to the publisher (see pricing-repository.sharesAtPlay).
import { usersRepository } from '@zamio/accounts';
import type { Database, PageRequest } from '@zamio/db';
import { conflict, invalid, notFound } from '@zamio/errors';
import * as relationships from '../repositories/publisher-relationships-repository.ts';
import type { PublisherRelationship } from '../repositories/publisher-relationships-repository.ts';
import { recordAudit } from './audit.ts';

export function createPublisherService({ db, now = () => new Date() }: { db: Database; now?: () => Date }) {
  async function own(
    id: string,
    userId: string,
    side: 'publisher' | 'artist',
  ): Promise<PublisherRelationship> {
    const rel = await relationships.findById(db, id);
    if (!rel || (side === 'publisher' ? rel.publisherId : rel.artistId) !== userId)
      throw notFound('no such invitation');
    return rel;
  }

  async function move(
    rel: PublisherRelationship,
    from: 'invited' | 'active',
    to: 'active' | 'declined' | 'ended',
    actorId: string,
  ): Promise<PublisherRelationship> {
    return db.transaction(async (tx) => {
      if (!(await relationships.transition(tx, rel.id, from, to)))
        throw conflict(`the relationship is ${rel.status}; it cannot become ${to}`);
      await recordAudit(tx, {
        actorId,
        action: `publisher-relationship.${to}`,
        subjectType: 'publisher_relationship',
        subjectId: rel.id,
      });
      return (await relationships.findById(tx, rel.id))!;
    });
  }

  return {
    async inviteArtist(
      publisherId: string,
      input: { artistEmail: string; splitBp: number; effectiveFrom?: Date | undefined },
    ): Promise<PublisherRelationship> {
      if (!Number.isInteger(input.splitBp) || input.splitBp < 0 || input.splitBp > 10_000)
        throw invalid('"splitBp" must be a whole number of basis points from 0 to 10000');
      const effectiveFrom = input.effectiveFrom ?? now();
      if (Number.isNaN(effectiveFrom.getTime())) throw invalid('"effectiveFrom" must be an instant');
      const artist = await usersRepository.findByEmail(db, input.artistEmail.trim().toLowerCase());
      if (!artist || artist.role !== 'artist')
        throw notFound(`no artist account with e-mail ${input.artistEmail}`);
      return db.transaction(async (tx) => {
        const id = await relationships.insert(tx, {
          publisherId,
          artistId: artist.id,
          splitBp: input.splitBp,
          effectiveFrom,
        });
        await recordAudit(tx, {
          actorId: publisherId,
          action: 'publisher-relationship.invited',
          subjectType: 'publisher_relationship',
          subjectId: id,
          details: {
            artistId: artist.id,
            splitBp: input.splitBp,
            effectiveFrom: effectiveFrom.toISOString(),
          },
        });
        return (await relationships.findById(tx, id))!;
      });
    },

    roster: (publisherId: string) => relationships.listOf(db, { publisherId }),
    invitationsOf: (artistId: string) => relationships.listOf(db, { artistId }),

    acceptInvitation: async (artistId: string, id: string) =>
      move(await own(id, artistId, 'artist'), 'invited', 'active', artistId),
    declineInvitation: async (artistId: string, id: string) =>
      move(await own(id, artistId, 'artist'), 'invited', 'declined', artistId),

    /** Either side ends an accepted relationship (plays from now on are paid to the artist again). */
    async endRelationship(userId: string, id: string): Promise<PublisherRelationship> {
      const rel = await relationships.findById(db, id);
      if (!rel || (rel.publisherId !== userId && rel.artistId !== userId))
        throw notFound('no such relationship');
      return move(rel, 'active', 'ended', userId);
    },

    catalog: (
      publisherId: string,
      filter: { artistId?: string | undefined },
      page: PageRequest<relationships.CatalogSort>,
    ) => relationships.catalogOf(db, publisherId, filter, page),
    plays: (
      publisherId: string,
      filter: relationships.SignedPlayFilter,
      page: PageRequest<relationships.SignedPlaySort>,
    ) => relationships.playsOf(db, publisherId, filter, page),
    playsPerStation: (publisherId: string, filter: relationships.SignedPlayFilter) =>
      relationships.playsPerStationOf(db, publisherId, filter),
  };
}

export type PublisherService = ReturnType<typeof createPublisherService>;
