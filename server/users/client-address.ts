// The client address a sign-in is throttled by: the socket's peer, or the entry a trusted reverse proxy
// added to X-Forwarded-For when the policy says proxies sit in front. Invariant: a header the client wrote
// itself is never believed; IPv6 clients are grouped by /64, the block one subscriber usually holds.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** The bucket for requests with no socket (in-process calls); they share one address. */
export const UNKNOWN_ADDRESS = 'unknown';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() without a Node server binding has no socket.
    return undefined;
  }
}

/** The eight 16-bit groups of an IPv6 address (no zone), expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0');
  return [...left, ...missing, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** An address as a throttle bucket: IPv4 as is (also when IPv4-mapped), IPv6 as its /64 prefix. */
export function addressBucket(raw: string | undefined): string {
  const address = (raw ?? '').trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) === 4) return address;
  if (isIP(address) === 6) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return UNKNOWN_ADDRESS;
}

/**
 * The client's address bucket. With `trustedProxyHops` = n > 0, the n-th X-Forwarded-For entry from the right
 * is the client as the outermost trusted proxy saw it; entries further left were written by the client.
 * Fewer entries than proxies means the request bypassed them: the socket address is used.
 */
export function clientAddress(c: Context, trustedProxyHops: number): string {
  const socket = socketAddress(c);
  if (trustedProxyHops === 0) return addressBucket(socket);
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - trustedProxyHops];
  return addressBucket(entry && isIP(entry.replace(/%.*$/, '')) ? entry : socket);
}
