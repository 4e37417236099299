// Which webhook URLs may be called: http(s) only, and never a private, loopback, link-local or otherwise
// internal address unless the configuration allows it (WEBHOOK_ALLOW_PRIVATE; tests and closed networks). Checked
// when an endpoint is registered and again before every delivery, on the addresses the name resolves to then.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { fail, ok, type Result } from '../shared/result.js';

const v4Blocked: [number, number][] = [
  // [network as a 32-bit number, prefix length]
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // 224/3 multicast and reserved
];

function v4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Whether `address` (an IP literal) is private, loopback, link-local or otherwise not on the public Internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  if (isIP(address) === 4) {
    const n = v4Number(address);
    return v4Blocked.some(([net, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits)));
  }
  const a = address.toLowerCase();
  return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('ff');
}

const refused = (detail: string) => fail({ kind: 'validation' as const, code: 'webhook_url_refused', detail });

/** The URL if it may be called: parsed, http(s), and resolving only to public addresses unless `allowPrivate`. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<Result<URL>> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused('The webhook URL does not parse.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused('Only http and https webhook URLs are called.');
  if (url.username || url.password) return refused('A webhook URL may not carry credentials; use the secret.');
  if (allowPrivate) return ok(url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return refused(`The webhook host ${host} does not resolve.`);
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    return refused(`The webhook host ${host} is a private or loopback address; set WEBHOOK_ALLOW_PRIVATE to allow it.`);
  }
  return ok(url);
}
