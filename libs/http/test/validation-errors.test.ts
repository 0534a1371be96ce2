// Bad input is a 400 naming every problem, once per field, in plain words —
// whether Ajv catches it or Postgres does (a data exception, SQLSTATE class
// 22, against the machine's real server).
import Fastify from 'fastify';
import pg from 'pg';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlainText, SignUpBody, UserListQuery } from '@zamio/contracts';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import { errorHandlerPlugin, requestValidationOptions } from '../src/index';

let database: TestDatabase;
let pool: pg.Pool;
const app = Fastify(requestValidationOptions());

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  await app.register(errorHandlerPlugin, { exposeDetails: false });
  app.post(
    '/count',
    { schema: { body: Type.Object({ n: Type.Integer({ minimum: 0, maximum: 10 }) }) } },
    async () => ({ ok: true }),
  );
  app.post('/signup', { schema: { body: SignUpBody } }, async () => ({ ok: true }));
  app.get('/users', { schema: { querystring: UserListQuery } }, async () => ({ ok: true }));
  // Unvalidated on purpose: what Postgres says about the raw input.
  app.post(
    '/echo',
    { schema: { body: Type.Object({ text: Type.String(), number: Type.String() }) } },
    async (request) => {
      const { text, number } = request.body as { text: string; number: string };
      const { rows } = await pool.query<{ text: string; number: number }>(
        'SELECT $1::text AS text, $2::float8 AS number',
        [text, number],
      );
      return rows[0];
    },
  );
  app.post('/plain', { schema: { body: Type.Object({ name: PlainText({ maxLength: 10 }) }) } }, async () => ({
    ok: true,
  }));
});
afterAll(async () => {
  await app.close();
  await pool?.end();
  await database?.drop();
});

const post = (url: string, payload: unknown) =>
  app.inject({
    method: 'POST',
    url,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json' },
  });

describe('validation messages', () => {
  it('reports every field once, enum choices once, in plain words', async () => {
    const response = await post('/signup', { email: 'nope', password: 'short', role: 'king', extra: 1 });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ message: string; problems: { field: string; message: string }[] }>();
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'must be a valid e-mail address' },
        { field: 'password', message: 'must be at least 12 characters' },
        { field: 'role', message: 'must be one of: artist, station, publisher' },
        { field: 'displayName', message: 'is required' },
        { field: 'extra', message: 'is not a known field (additional properties are refused)' },
      ]),
    );
    expect(body.problems).toHaveLength(5);
    expect(body.message).not.toMatch(/equal to constant|anyOf/);
    expect(body.message).toContain('role must be one of: artist, station, publisher');
  });

  it('refuses control characters and non-finite numbers', async () => {
    const nul = await post('/plain', { name: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().problems).toEqual([{ field: 'name', message: 'must not contain control characters' }]);
    for (const query of ['limit=Infinity', 'limit=1e400', 'offset=1e400', 'offset=-Infinity']) {
      const response = await app.inject({ method: 'GET', url: `/users?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().problems[0].field).toMatch(/^query\.(limit|offset)$/);
    }
    expect((await post('/count', '{"n":1e400}')).statusCode).toBe(400);
    expect((await post('/count', '{"n":-1e400}')).statusCode).toBe(400);
    expect((await post('/count', '{"n":3}')).statusCode).toBe(200);
  });
});

describe('Postgres data exceptions', () => {
  it('answer 400 naming the problem, never 500', async () => {
    const nul = await post('/echo', { text: 'a\u0000b', number: '1' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().message).toMatch(/cannot be stored.*(0x00|null character|invalid byte sequence)/i);
    const range = await post('/echo', { text: 'a', number: '1e400' });
    expect(range.statusCode).toBe(400);
    expect(range.json().message).toMatch(/out of range/);
    const syntax = await post('/echo', { text: 'a', number: 'twelve' });
    expect(syntax.statusCode).toBe(400);
    expect((await post('/echo', { text: 'fine', number: '2.5' })).json()).toEqual({
      text: 'fine',
      number: 2.5,
    });
  });
});
