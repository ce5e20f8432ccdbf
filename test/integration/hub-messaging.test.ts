// The demo hub talking to its clients, as the ASP.NET Core sample does: /chat's Send reaches
// every client on /chat (the sender too) and no other endpoint; push sends Message(text) to every
// circuit connection; a client that is down misses what was sent meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { startHubServer } from '../../demo/hub/index.mjs';
import type { RunningHubServer } from '../../demo/hub/index.mjs';
import { ClientPool, within } from './support/hub-client';

let server: RunningHubServer | undefined;
const clients = new ClientPool(() => {
  if (server === undefined) throw new Error('server not started');
  return server.url;
});

afterEach(async () => {
  await clients.stopAll();
  await server?.close();
  server = undefined;
});

const start = async () =>
  (server = await startHubServer({
    endpoints: [
      { path: '/_blazor', kind: 'circuit' },
      { path: '/chat', kind: 'stateless' },
      { path: '/hub', kind: 'stateless' },
    ],
  }));

/** Resolves with the next `Message` arguments `connection` receives. */
const nextMessage = (connection: Awaited<ReturnType<ClientPool['start']>>) =>
  new Promise<unknown[]>((resolve) => {
    const handler = (...args: unknown[]) => {
      connection.off('Message', handler);
      resolve(args);
    };
    connection.on('Message', handler);
  });

describe('the demo hub sends to its clients', () => {
  it("/chat: Send(user, text) reaches every /chat client, the sender too, and no other endpoint's", async () => {
    await start();
    const ada = await clients.start('/chat');
    const bob = await clients.start('/chat');
    const other = await clients.start('/hub');
    const heardByOther: unknown[] = [];
    other.on('Message', (...args: unknown[]) => heardByOther.push(args));
    const [toAda, toBob] = [nextMessage(ada), nextMessage(bob)];
    await ada.invoke('Send', 'ada', 'hello');
    expect(await within(toAda, 2_000, 'ada to hear herself')).toEqual(['ada', 'hello']);
    expect(await within(toBob, 2_000, 'bob to hear ada')).toEqual(['ada', 'hello']);
    expect(await other.invoke('Echo', 'round trip')).toBe('round trip');
    expect(heardByOther).toEqual([]);
  });

  it('push(text) sends Message(text) to the circuit connections only; a stopped client misses it', async () => {
    const { hub } = await start();
    const circuit = await clients.start('/_blazor');
    const stopped = await clients.start('/_blazor');
    const chat = await clients.start('/chat');
    const heardByChat: unknown[] = [];
    chat.on('Message', (...args: unknown[]) => heardByChat.push(args));
    const missed: unknown[] = [];
    stopped.on('Message', (...args: unknown[]) => missed.push(args));
    await stopped.stop();
    const heard = nextMessage(circuit);
    hub.push('from the app');
    expect(await within(heard, 2_000, 'the push')).toEqual(['from the app']);
    expect(await chat.invoke('Echo', 'after')).toBe('after');
    expect(heardByChat).toEqual([]);
    expect(missed).toEqual([]);
  });
});
