// The Blazor handler's drain, end to end through its public factory: `CircuitReconnect.drain()`
// (the drain event) pauses the circuit, and the page's modal shows `updating`, not `paused`,
// until the drain's resume brings it back; when the drain cannot resume, `paused` (Resume).
// `window.Blazor` is a scripted stand-in calling the handler as blazor.web.js does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blazorReconnectionHandler } from '../../../../src/hosts/blazor/blazor-reconnection-handler';
import { DRAIN_EVENT, DRAIN_RESUME_TRIES } from '../../../../src/hosts/blazor/circuit-drain';
import { defaultReconnectionOptions } from '../../../../src/options/defaults';
import type { ReconnectionHandler } from '../../../../src/options/types';
import { pageModal } from '../../support/page-modal';

const win = window as Window & { Blazor?: object };

/** A Blazor 10 whose pause and resume call the handler as blazor.web.js does. */
function blazorPausing(handler: ReconnectionHandler, resumes: (boolean | Error)[]) {
  return {
    pauseCircuit: vi.fn(() => {
      handler.onConnectionDown(defaultReconnectionOptions(), undefined, true, false);
      return Promise.resolve(true);
    }),
    resumeCircuit: vi.fn(() => {
      const answer = resumes.shift() ?? false;
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer) handler.onConnectionUp();
      return Promise.resolve(answer);
    }),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  delete win.Blazor;
  document.body.replaceChildren();
});

describe("the drain's pause", () => {
  it('shows updating, never paused, until the resume on another node hides it', async () => {
    const states = pageModal();
    const handler = blazorReconnectionHandler();
    const blazor = blazorPausing(handler, [new Error('503: the stopping node'), true]);
    win.Blazor = blazor;
    document.dispatchEvent(new CustomEvent(DRAIN_EVENT));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(blazor.resumeCircuit).toHaveBeenCalledTimes(2);
    expect(states).toEqual(['show', 'updating', 'hide']);
  });

  it('falls back to paused (Resume) when the drain gives up', async () => {
    const states = pageModal();
    const handler = blazorReconnectionHandler();
    win.Blazor = blazorPausing(handler, Array.from({ length: DRAIN_RESUME_TRIES }, () => new Error('not reached')));
    document.dispatchEvent(new CustomEvent(DRAIN_EVENT));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states).toEqual(['show', 'updating', 'paused remote=false']);
  });

  it('a pause the page asks for itself still shows paused', async () => {
    const states = pageModal();
    const handler = blazorReconnectionHandler();
    handler.onConnectionDown(defaultReconnectionOptions(), undefined, true, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['show', 'paused remote=false']);
  });
});
