import { describe, expect, it } from 'vitest';
import { refusedAtNegotiation } from '../../../../src/hosts/circuit/negotiation-status';

describe('refusedAtNegotiation', () => {
  it.each([
    "Not Found: Status code '404'",
    "Unauthorized: Status code '401'",
    "Failed to complete negotiation with the server: Error: Forbidden: Status code '403'",
  ])('is true for a 401/403/404 negotiation: %s', (message) => {
    expect(refusedAtNegotiation(new Error(message))).toBe(true);
  });

  it.each([
    "Service Unavailable: Status code '503'",
    "Bad Request: Status code '400'",
    "Status code '4040'",
    "Status code '1404'",
    "Status code '503' then Status code '404'",
    'Failed to fetch',
    '',
  ])('is false otherwise, the first status code deciding: %s', (message) => {
    expect(refusedAtNegotiation(new Error(message))).toBe(false);
  });

  it('is false for something that is not an error', () => {
    expect([undefined, null, "Status code '404'", 404, {}].map(refusedAtNegotiation)).toEqual([false, false, false, false, false]);
  });

  it("reads a non-Error's message too", () => {
    expect(refusedAtNegotiation({ message: "Status code '404'" })).toBe(true);
  });
});
