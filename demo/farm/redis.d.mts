// Types for demo/farm/redis.mjs, so TypeScript tests and benchmarks start Redis through it too.
import type { ServerProcess } from '../server-process.mjs';

/** Debian's redis-server on a free loopback port, its files in `dir`, nothing saved to disk. */
export function startRedis(dir: string): Promise<{ port: number; connection: string; server: ServerProcess }>;
