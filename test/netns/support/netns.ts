// A private link between two network namespaces made for one test: the server in one, the
// browser in the other, joined by a veth pair on 10.x addresses, with nftables rules on both ends
// to break the link for real (packets dropped or lost, nothing closed politely). This machine's
// kernel has no `netem` qdisc, so latency is a relay's job (netns-server.mjs). Needs root,
// iproute2 and nftables; everything is removed by `remove()`, which every test calls in `finally`.
import { execFileSync } from 'node:child_process';

export interface Link {
  /** The namespaces' names, unique to this run. */
  readonly serverNs: string;
  readonly clientNs: string;
  readonly serverIp: string;
  /**
   * Drops this percentage of the packets each end sends (100: every packet, silently; no RST, no
   * ICMP), or none with `0`.
   */
  loss(percent: number): void;
  /** Takes the client's end of the link down or up (a cable pulled: no packet, no close). */
  setUp(up: boolean): void;
  /** Deletes both namespaces (and with them the veth pair); safe to call twice. */
  remove(): void;
}

const ip = (...args: string[]): void => {
  execFileSync('ip', args, { stdio: 'pipe' });
};
const inNs = (ns: string, ...command: string[]): void => {
  execFileSync('ip', ['netns', 'exec', ns, ...command], { stdio: 'pipe' });
};
/** Runs an nftables script in `ns` (one transaction). */
const nft = (ns: string, script: string): void => {
  execFileSync('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { input: script, stdio: ['pipe', 'pipe', 'pipe'] });
};

let made = 0;

/**
 * Whether this machine lets us make namespaces. In CI it must (the suite fails with the reason,
 * never passes by skipping); elsewhere the suite is skipped with one loud line.
 */
export function namespacesAvailable(): boolean {
  const probe = `cr-probe-${String(process.pid)}`;
  let reason: string | undefined;
  try {
    ip('netns', 'add', probe);
    nft(probe, 'add table inet probe\n');
  } catch (error) {
    reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  } finally {
    try {
      ip('netns', 'del', probe);
    } catch {
      // It was never made.
    }
  }
  if (reason === undefined) return true;
  const message = `network namespaces are unavailable (${reason}): run as root with iproute2 and nftables installed (.ci/run installs them)`;
  if (process.env.CI) throw new Error(`CI needs the network-fault tests: ${message}.`);
  console.warn(`\n\u001b[33m*** NETWORK-FAULT TESTS SKIPPED: ${message}. CI never skips. ***\u001b[0m\n`);
  return false;
}

/** Makes the two namespaces and the link between them, up and clean. */
export function createLink(): Link {
  made += 1;
  const id = `${String(process.pid % 100_000)}-${String(made)}`;
  const serverNs = `cr-srv-${id}`;
  const clientNs = `cr-cli-${id}`;
  // A /30 of 10.201.0.0/16 per link, so links of parallel runs do not collide.
  const block = (process.pid * 8 + made) % 16_000;
  const base = `10.201.${String(Math.floor(block / 64))}.${String((block % 64) * 4)}`;
  const prefix = base.slice(0, base.lastIndexOf('.') + 1);
  const last = Number(base.slice(base.lastIndexOf('.') + 1));
  const serverIp = `${prefix}${String(last + 1)}`;
  const clientIp = `${prefix}${String(last + 2)}`;
  const serverDev = `vs${id}`.slice(0, 15);
  const clientDev = `vc${id}`.slice(0, 15);
  let removed = false;
  const link: Link = {
    serverNs,
    clientNs,
    serverIp,
    loss(percent) {
      for (const [ns, dev] of [[serverNs, serverDev], [clientNs, clientDev]] as const) {
        const rule = percent >= 100 ? `oifname "${dev}" drop` : `oifname "${dev}" numgen random mod 100 < ${String(percent)} drop`;
        nft(ns, `flush chain inet fault out\n${percent > 0 ? `add rule inet fault out ${rule}\n` : ''}`);
      }
    },
    setUp(up) {
      inNs(clientNs, 'ip', 'link', 'set', clientDev, up ? 'up' : 'down');
    },
    remove() {
      if (removed) return;
      removed = true;
      for (const ns of [serverNs, clientNs]) {
        try {
          ip('netns', 'del', ns);
        } catch {
          // Never made, or already gone.
        }
      }
    },
  };
  try {
    ip('netns', 'add', serverNs);
    ip('netns', 'add', clientNs);
    ip('link', 'add', serverDev, 'netns', serverNs, 'type', 'veth', 'peer', 'name', clientDev, 'netns', clientNs);
    for (const [ns, dev, address] of [[serverNs, serverDev, serverIp], [clientNs, clientDev, clientIp]] as const) {
      inNs(ns, 'ip', 'addr', 'add', `${address}/30`, 'dev', dev);
      inNs(ns, 'ip', 'link', 'set', dev, 'up');
      inNs(ns, 'ip', 'link', 'set', 'lo', 'up');
      nft(ns, 'add table inet fault\nadd chain inet fault out { type filter hook output priority 0; policy accept; }\n');
    }
  } catch (error) {
    link.remove();
    throw error;
  }
  return link;
}
