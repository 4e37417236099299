// Which address a sign-in is throttled by: the socket's peer; X-Forwarded-For only from trusted proxies.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressBucket, clientAddress, UNKNOWN_ADDRESS } from '../../../server/users/client-address.js';

/** The bucket the server computes for a request from `remoteAddress` with these headers. */
async function bucketOf(hops: number, remoteAddress: string | undefined, headers: Record<string, string> = {}): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, hops)));
  const env = remoteAddress === undefined ? undefined : { incoming: { socket: { remoteAddress } } };
  return (await app.request('/', { headers }, env)).text();
}

describe('addressBucket', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::1%eth0', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not an address', UNKNOWN_ADDRESS],
    ['', UNKNOWN_ADDRESS],
  ])('%s → %s', (raw, bucket) => {
    expect(addressBucket(raw)).toBe(bucket);
  });
});

describe('clientAddress', () => {
  it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted', async () => {
    expect(await bucketOf(0, '198.51.100.4', { 'X-Forwarded-For': '203.0.113.9' })).toBe('198.51.100.4');
  });

  it('takes the entry the trusted proxy added, not the ones the client wrote', async () => {
    const headers = { 'X-Forwarded-For': '10.9.9.9, 203.0.113.9' };
    expect(await bucketOf(1, '127.0.0.1', headers)).toBe('203.0.113.9');
    expect(await bucketOf(2, '127.0.0.1', headers)).toBe('10.9.9.9');
  });

  it('falls back to the socket when the header is missing, too short or not an address', async () => {
    expect(await bucketOf(1, '127.0.0.1')).toBe('127.0.0.1');
    expect(await bucketOf(2, '127.0.0.1', { 'X-Forwarded-For': '203.0.113.9' })).toBe('127.0.0.1');
    expect(await bucketOf(1, '127.0.0.1', { 'X-Forwarded-For': 'evil' })).toBe('127.0.0.1');
  });

  it('puts in-process requests without a socket into one shared bucket', async () => {
    expect(await bucketOf(0, undefined)).toBe(UNKNOWN_ADDRESS);
  });
});
