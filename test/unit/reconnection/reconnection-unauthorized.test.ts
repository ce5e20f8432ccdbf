// The `unauthorized` state: a refused sign-in stops the attempts until the app signs in again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError } from '../../../src/errors/index';
import { processFixture } from '../support/process-fixture';
import { expectErrorLog } from '../support/verify-logs';

const refused = () => new UnauthorizedError('http://localhost/hub', 401, { cause: new Error("Status code '401'") });

beforeEach(() => {
  vi.useFakeTimers();
});

describe('a refused sign-in', () => {
  it('stops the attempts: no countdown, no page signal attempts, the display says unauthorized', async () => {
    const { process, attempt, display, signals, outcomes, logger } = processFixture({}, { attempts: [refused()] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(process.state).toBe('unauthorized');
    expect(process.isActive).toBe(true);
    expect(process.attempts).toBe(1);
    expect(display.take()).toEqual(['show', 'update 1 0', 'unauthorized']);
    expect(logger.messagesAt(3)).toContain('The hub at http://localhost/hub refused the sign-in: its negotiation answered 401.');
    signals.fire('visible');
    signals.fire('online');
    process.attemptNow();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(outcomes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a connection-down that is already unauthorized attempts nothing before the sign-in', async () => {
    const { process, attempt, display } = processFixture({});
    process.start('unauthorized');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempt).not.toHaveBeenCalled();
    expect(display.take()).toEqual(['show', 'unauthorized']);
  });
});

describe('onUnauthorized', () => {
  it('is called once by itself, unseen; when it resolves, an attempt follows at once and can resume', async () => {
    let signedIn!: () => void;
    const onUnauthorized = vi.fn(() => new Promise<void>((resolve) => (signedIn = resolve)));
    const { process, attempt, display, outcomes } = processFixture({ onUnauthorized }, { attempts: [refused(), true] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(process.state).toBe('signing-in');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    signedIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('resumed');
    expect(outcomes).toEqual(['resumed']);
    // A silent sign-in shows nothing but the outage: no `unauthorized` on the display.
    expect(display.take()).toEqual(['show', 'update 1 0', 'show', 'update 2 0', 'hide']);
  });

  it('a second refusal after signing in waits for the Sign in button: no loop of automatic sign-ins', async () => {
    const onUnauthorized = vi.fn(() => Promise.resolve());
    const { process, attempt } = processFixture({ onUnauthorized }, { attempts: [refused(), refused(), true] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('unauthorized');
    process.signIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('resumed');
  });

  it('a throwing or rejecting callback is logged once at Error; then the display shows unauthorized with its Sign in', async () => {
    expectErrorLog(/^onUnauthorized threw\.$/);
    const onUnauthorized = vi.fn(() => Promise.reject(new Error('popup blocked')));
    const { process, attempt, display, logger } = processFixture({ onUnauthorized }, { attempts: [refused()] });
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(0);
    expect(process.state).toBe('unauthorized');
    expect(display.take()).toEqual(['show', 'update 1 0', 'unauthorized']);
    process.signIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(logger.errors().map((entry) => entry.message)).toEqual(['onUnauthorized threw.']);
  });

  it('after signing in, an unreachable server is an outage again, on the policy', async () => {
    const onUnauthorized = vi.fn();
    const { process, attempt } = processFixture(
      { onUnauthorized, retryIntervalMilliseconds: 1000 },
      { attempts: [refused(), new Error('unreachable'), true] },
    );
    process.start('dropped');
    await vi.advanceTimersByTimeAsync(1000); // the first attempt, refused; the sign-in's, unreachable
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(process.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(process.state).toBe('resumed');
  });

  it('signIn() does nothing outside unauthorized, and a dispose during the callback ends the outage', async () => {
    let signedIn!: () => void;
    const onUnauthorized = vi.fn(() => new Promise<void>((resolve) => (signedIn = resolve)));
    const { process, attempt } = processFixture({ onUnauthorized }, { attempts: [new Error('unreachable'), refused()] });
    process.start('dropped');
    process.signIn();
    expect(onUnauthorized).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(process.state).toBe('signing-in');
    process.dispose();
    signedIn();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(process.state).toBe('disposed');
    expect(attempt).toHaveBeenCalledTimes(2);
  });
});
