// The handle's state as one function of the host's and the outage's: the table in its TSDoc.
import { describe, expect, it } from 'vitest';
import type { CircuitHostState } from '../../../../src/hosts/circuit/circuit-host';
import { circuitState } from '../../../../src/hosts/circuit/circuit-state';
import type { OutageState } from '../../../../src/reconnection/reconnection-process';

const OUTAGES: (OutageState | undefined)[] = [
  undefined,
  'idle',
  'waiting',
  'attempting',
  'offline',
  'failed',
  'unauthorized',
  'signing-in',
  'paused',
  'resuming',
  'resume-failed',
  'rejected',
  'resumed',
  'disposed',
];

const row = (host: CircuitHostState) => OUTAGES.map((outage) => circuitState(host, outage));

describe('circuitState', () => {
  it('connected and disconnected hosts win over any outage state', () => {
    expect(new Set(row('connected'))).toEqual(new Set(['connected']));
    expect(new Set(row('disconnected'))).toEqual(new Set(['disconnected']));
  });

  it('a circuit that is down follows its outage; still trying (or not yet told) is reconnecting', () => {
    expect(row('down')).toEqual([
      'reconnecting', // no outage state known (a page's own handler)
      'reconnecting', // idle
      'reconnecting', // waiting
      'reconnecting', // attempting
      'offline',
      'failed',
      'unauthorized',
      'unauthorized', // signing-in: still waiting for the sign-in's attempt
      'paused',
      'reconnecting', // resuming
      'rejected', // resume-failed
      'rejected',
      'reconnecting', // resumed: the last outage's end, the new one not begun
      'reconnecting', // disposed: likewise
    ]);
  });

  it('a first start that retries is connecting, with the same final states', () => {
    expect(row('starting')).toEqual(row('down').map((state) => (state === 'reconnecting' ? 'connecting' : state)));
  });
});
