// The publisher's roster under /api/publisher (invite an artist with a split
// %, end a relationship, catalogue and plays of signed artists), and the
// artist's side of an invitation under /api/artist (accept, decline, end).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CatalogListQuery,
  IdParams,
  InviteArtistBody,
  PublisherRelationship,
  SignedPlayListQuery,
  SignedPlayPage,
  SignedPlaysSummary,
  SignedPlaysSummaryQuery,
  SignedTrackPage,
  type SignedPlaysSummaryQuery as SummaryQuery,
} from '@zamio/contracts';
import type { PublisherService } from '@zamio/royalties';
import { sessionGuard } from '../plugins/guards';
import { pageBody, relationshipBody, signedPlayBody, signedTrackBody } from './money-responses';

const signedPlayFilterOf = ({ artist, track, station, from, to }: SummaryQuery) => ({
  artistId: artist,
  trackId: track,
  stationId: station,
  from: from ? new Date(from) : undefined,
  to: to ? new Date(to) : undefined,
});

export const publisherRoutes: FastifyPluginAsyncTypebox<{ publishers: PublisherService }> = async (
  app,
  { publishers },
) => {
  const publisher = sessionGuard('publisher');
  const artist = sessionGuard('artist');
  const either = sessionGuard('publisher', 'artist');
  const Relationships = { 200: Type.Array(PublisherRelationship) };

  app.get(
    '/publisher/roster',
    { schema: { response: Relationships }, onRequest: publisher },
    async (request) => (await publishers.roster(publisher.principalOf(request).userId)).map(relationshipBody),
  );
  app.post(
    '/publisher/roster',
    {
      schema: { body: InviteArtistBody, response: { 201: PublisherRelationship } },
      onRequest: publisher,
      config: { idempotent: true },
    },
    async (request, reply) => {
      const { effectiveFrom, ...invite } = request.body;
      const rel = await publishers.inviteArtist(publisher.principalOf(request).userId, {
        ...invite,
        effectiveFrom: effectiveFrom ? new Date(effectiveFrom) : undefined,
      });
      return reply.code(201).send(relationshipBody(rel));
    },
  );
  app.get(
    '/publisher/catalog',
    {
      schema: { querystring: CatalogListQuery, response: { 200: SignedTrackPage } },
      onRequest: publisher,
    },
    async (request) => {
      const { artist: artistId, ...page } = request.query;
      return pageBody(
        await publishers.catalog(publisher.principalOf(request).userId, { artistId }, page),
        signedTrackBody,
      );
    },
  );
  app.get(
    '/publisher/plays',
    {
      schema: { querystring: SignedPlayListQuery, response: { 200: SignedPlayPage } },
      onRequest: publisher,
    },
    async (request) => {
      const { sort, order, limit, cursor, ...filter } = request.query;
      return pageBody(
        await publishers.plays(publisher.principalOf(request).userId, signedPlayFilterOf(filter), {
          sort: sort === 'seconds' ? 'durationMs' : 'startedAt',
          order,
          limit,
          cursor,
        }),
        signedPlayBody,
      );
    },
  );
  app.get(
    '/publisher/plays/summary',
    {
      schema: { querystring: SignedPlaysSummaryQuery, response: { 200: SignedPlaysSummary } },
      onRequest: publisher,
    },
    async (request) => ({
      perStation: (
        await publishers.playsPerStation(
          publisher.principalOf(request).userId,
          signedPlayFilterOf(request.query),
        )
      ).map(({ durationMs, ...row }) => ({ ...row, seconds: durationMs / 1000 })),
    }),
  );

  app.get(
    '/artist/publisher-invitations',
    { schema: { response: Relationships }, onRequest: artist },
    async (request) =>
      (await publishers.invitationsOf(artist.principalOf(request).userId)).map(relationshipBody),
  );
  app.post(
    '/artist/publisher-invitations/:id/accept',
    { schema: { params: IdParams, response: { 200: PublisherRelationship } }, onRequest: artist },
    async (request) =>
      relationshipBody(
        await publishers.acceptInvitation(artist.principalOf(request).userId, request.params.id),
      ),
  );
  app.post(
    '/artist/publisher-invitations/:id/decline',
    { schema: { params: IdParams, response: { 200: PublisherRelationship } }, onRequest: artist },
    async (request) =>
      relationshipBody(
        await publishers.declineInvitation(artist.principalOf(request).userId, request.params.id),
      ),
  );
  // Either side ends an accepted relationship.
  for (const path of ['/publisher/roster/:id/end', '/artist/publisher-invitations/:id/end'])
    app.post(
      path,
      { schema: { params: IdParams, response: { 200: PublisherRelationship } }, onRequest: either },
      async (request) =>
        relationshipBody(
          await publishers.endRelationship(either.principalOf(request).userId, request.params.id),
        ),
    );
};
