// Paged lists: every list answers `{ items, nextCursor }`; pass `nextCursor`
// back as `cursor` for the next page (null on the last page). Cursors are
// opaque (keyset paging: rows inserted meanwhile never shift a page).
import Type, { type Static, type TSchema } from 'typebox';

export const PageLimit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
/** base64url (what libs/db's keyset pages hand out). */
export const PageCursor = Type.String({ minLength: 1, maxLength: 512, pattern: '^[A-Za-z0-9_-]+={0,2}$' });

/** `limit` and `cursor`, shared by every list's query shape. */
export const PageQueryFields = {
  limit: PageLimit,
  cursor: Type.Optional(PageCursor),
};

export const PageQuery = Type.Object(PageQueryFields, { additionalProperties: false });
export type PageQuery = Static<typeof PageQuery>;

/** Date range filter fields: `from` inclusive, `to` exclusive (ISO 8601 date-time). */
export const DateRangeFields = {
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });

export interface PagedOf<T> {
  items: T[];
  nextCursor: string | null;
}
