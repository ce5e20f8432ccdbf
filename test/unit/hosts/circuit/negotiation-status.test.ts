import { describe, expect, it } from 'vitest';
import { negotiationStatus } from '../../../../src/hosts/circuit/negotiation-status';

describe('negotiationStatus', () => {
  it.each([
    ["Not Found: Status code '404'", 404],
    ["Unauthorized: Status code '401'", 401],
    ["Failed to complete negotiation with the server: Error: Forbidden: Status code '403'", 403],
    ["Service Unavailable: Status code '503'", 503],
    ["Status code '503' then Status code '404'", 503],
  ])('reads the first status code: %s', (message, status) => {
    expect(negotiationStatus(new Error(message))).toBe(status);
  });

  it.each(["Status code '4040'", "Status code '1404'", 'Failed to fetch', ''])('is undefined without a 3-digit status: %s', (message) => {
    expect(negotiationStatus(new Error(message))).toBeUndefined();
  });

  it('is undefined for something that is not an error', () => {
    expect([undefined, null, "Status code '404'", 404, {}].map(negotiationStatus)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads a non-Error's message too", () => {
    expect(negotiationStatus({ message: "Status code '404'" })).toBe(404);
  });
});
