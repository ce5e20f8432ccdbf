import { describe, expect, it } from 'vitest';
import { listTradeoffScenarios, maxRetriesFor5Minutes, TRADEOFF_SHAPES } from '../../../bench/herd/tradeoffs';

describe('herd trade-offs (node bench/herd.mjs --tradeoffs)', () => {
  it("the first shape is the default: 84 attempts are the fewest that cover 5 minutes, as DEFAULT_MAX_RETRIES' note says", () => {
    const shape = TRADEOFF_SHAPES[0];
    if (shape === undefined) throw new Error('no shapes');
    expect(shape).toMatchObject({ quickInitialMs: 1000, quickMaxMs: 5000, lateMs: 8000 });
    expect(maxRetriesFor5Minutes(shape)).toBe(84);
  });

  it('a lower late ceiling needs more attempts for the same coverage', () => {
    const late = (ms: number) => TRADEOFF_SHAPES.find((shape) => shape.lateMs === ms && shape.quickInitialMs === 1000 && shape.quickJitter === undefined);
    const [ten, eight, four] = [late(10000), late(8000), late(4000)];
    if (ten === undefined || eight === undefined || four === undefined) throw new Error('missing shapes');
    expect(maxRetriesFor5Minutes(ten)).toBe(71);
    expect(maxRetriesFor5Minutes(eight)).toBeGreaterThan(71);
    expect(maxRetriesFor5Minutes(four)).toBeGreaterThan(maxRetriesFor5Minutes(eight));
  });

  it('lists every cell of the table for every shape', () => {
    const keys = listTradeoffScenarios();
    expect(keys).toHaveLength(TRADEOFF_SHAPES.length * 8);
    expect(new Set(keys.map((key) => `${key.shape}/${key.setting}/${key.outageSeconds}`)).size).toBe(keys.length);
  });
});
