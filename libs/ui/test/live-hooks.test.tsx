/** @vitest-environment jsdom */
// The React side of live updates, against a real WebSocket server: a mounted
// page's useLiveInvalidation refetches its list when an event arrives, and
// useLiveStatus follows the connection.
import type { AddressInfo } from 'node:net';
import { QueryClient, useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsClient, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import {
  LiveStatusBadge,
  LiveUpdatesClient,
  LiveUpdatesProvider,
  useLiveEvent,
  useLiveInvalidation,
} from '../src/index';
import { renderInPortal } from './render-dom';

describe('live update hooks', () => {
  let server: WebSocketServer;
  let url: string;
  const sockets: ServerSocket[] = [];

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/live`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refetches a mounted list on its event and reports the connection state', async () => {
    let fetches = 0;
    const seen: string[] = [];
    function PlaysList() {
      useLiveInvalidation({ 'play.created': [['artist', 'plays']] });
      useLiveEvent<{ title: string }>('play.created', (event) => seen.push(event.data.title));
      const plays = useQuery({ queryKey: ['artist', 'plays'], queryFn: async () => ++fetches });
      return (
        <>
          <LiveStatusBadge />
          <p data-testid="fetches">{plays.data}</p>
        </>
      );
    }
    // ws's client speaks the browser WebSocket API; Node's own clashes with jsdom's Event class.
    const client = new LiveUpdatesClient({ url, WebSocketImpl: WsClient as unknown as typeof WebSocket });
    renderInPortal(
      <LiveUpdatesProvider client={client}>
        <PlaysList />
      </LiveUpdatesProvider>,
      { queryClient: new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }) },
    );
    await waitFor(() => expect(screen.getByTestId('live-status').textContent).toBe('Live'));
    expect(screen.getByTestId('fetches').textContent).toBe('1');

    sockets.at(-1)!.send(JSON.stringify({ type: 'play.created', data: { title: 'Sika' } }));
    await waitFor(() => expect(screen.getByTestId('fetches').textContent).toBe('2'));
    expect(seen).toEqual(['Sika']);
    sockets.at(-1)!.send(JSON.stringify({ type: 'track.status', data: {} }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByTestId('fetches').textContent).toBe('2');
    client.close();
  });
});
