// The real-server herd's accounting across runs (bench/real-herd/herd-client.ts, child.ts): one
// set of clients serves several runs, so a client still in one run's outage when the next is
// armed must not be counted in it. Before, a client behind a rate limiter still in Blazor's 30 s
// steps went on into the `ours` run and its late resume, or none, was counted as ours (a
// 200-client, 30/s check: ours p95 36.6 s, 6 failed, where ours alone is 0 failed). The
// connections are scripted (FakeServer) and time is faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChildCommand, ChildReport } from '../../../bench/real-herd/child';
import { runChild } from '../../../bench/real-herd/child';
import { HerdClient } from '../../../bench/real-herd/herd-client';
import type { OutageEnd } from '../../../bench/real-herd/herd-client';
import { BLAZOR, HERD_POLICIES, OURS } from '../../../bench/herd/policies';
import { FakeServer } from '../support/fake-hub-connection';

const hub = vi.hoisted(() => ({ server: undefined as FakeServer | undefined }));

vi.mock('@microsoft/signalr', async (importOriginal) => {
  const signalr = await importOriginal<typeof import('@microsoft/signalr')>();
  class HubConnectionBuilder {
    withUrl(): this {
      return this;
    }
    configureLogging(): this {
      return this;
    }
    build(): unknown {
      if (hub.server === undefined) throw new Error('no FakeServer');
      return hub.server.factory();
    }
  }
  return { ...signalr, HubConnectionBuilder };
});

const policy = (name: string) => {
  const found = HERD_POLICIES.find((each) => each.name === name);
  if (found === undefined) throw new Error(`no policy ${name}`);
  return found;
};
const random = () => 0.5;

describe('real-herd client across runs', () => {
  let server: FakeServer;
  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    hub.server = server;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts an outage for the policy that ran it, even when another was armed since', async () => {
    const ends: OutageEnd[] = [];
    const client = new HerdClient('0.0', 'http://localhost/_blazor', (end) => ends.push(end));
    await client.start();
    client.arm('blazor', policy(BLAZOR), random);
    server.reachable = false;
    server.last.drop();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(client.inOutage).toBe(true);

    client.arm('ours', policy(OURS), random);
    server.reachable = true;
    await vi.advanceTimersByTimeAsync(60_000);

    expect(ends).toMatchObject([{ client: '0.0', policy: 'blazor', outcome: 'resumed' }]);
    expect(client.diagnosis()).toMatchObject({ policy: 'blazor', state: 'resumed', connected: true });
    expect(client.ready).toBe(true);
  });

  it('reloads a client left in an outage without reporting that outage', async () => {
    const ends: OutageEnd[] = [];
    const client = new HerdClient('0.0', 'http://localhost/_blazor', (end) => ends.push(end));
    await client.start();
    client.arm('blazor', policy(BLAZOR), random);
    server.reachable = false;
    server.last.drop();
    await vi.advanceTimersByTimeAsync(3_000);
    const attemptsBefore = server.connections.length;
    expect(client.diagnosis()).toMatchObject({ policy: 'blazor', state: 'waiting', connected: false });

    server.reachable = true;
    await client.reload();
    expect(client.ready).toBe(true);
    expect(server.connections.length).toBe(attemptsBefore + 1);
    expect(server.last.invocations.map((each) => each.method)).toEqual(['StartCircuit']);

    // The old process is gone: no attempt of it, no end, however long the run waits.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.connections.length).toBe(attemptsBefore + 1);
    expect(ends).toEqual([]);
  });

  it('arms a run only once every client is connected, and says how many loaded again', async () => {
    const reports: ChildReport[] = [];
    let handler: ((command: ChildCommand) => void) | undefined;
    runChild((report) => reports.push(report), (receive) => { handler = receive; });
    const send = (command: ChildCommand) => {
      if (handler === undefined) throw new Error('runChild did not listen');
      handler(command);
    };
    send({ type: 'start', url: 'http://localhost/_blazor', count: 2, process: 0 });
    await vi.advanceTimersByTimeAsync(0);
    send({ type: 'arm', policy: 'blazor', seed: 1 });
    await vi.advanceTimersByTimeAsync(0);
    server.reachable = false;
    for (const connection of [...server.connections]) connection.drop();
    await vi.advanceTimersByTimeAsync(3_000);

    server.reachable = true;
    send({ type: 'arm', policy: 'ours', seed: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.filter((report) => report.type !== 'started')).toEqual([{ type: 'armed', reloaded: 0 }, { type: 'armed', reloaded: 2 }]);
    send({ type: 'busy' });
    expect(reports.at(-1)).toEqual({ type: 'busy', inOutage: 0 });
  });
});
