// A webhook receiver on the loopback interface for tests: records every delivery (headers and raw body), answers
// with the status the test sets, or holds requests unanswered (to be cut off by a killed sender).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHmac } from 'node:crypto';

export interface Received {
  signature: string | undefined;
  body: string;
  json: { id: number; type: string; caseId: string | null; eventId: number | null; occurredAt: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** What the next requests get: a status, or `hold` (never answered). */
  mode: number | 'hold';
  /** Resolves once `predicate` holds for what was received (checked on every delivery). */
  until(predicate: (received: Received[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

/** Whether `signature` is `sha256=<hex HMAC-SHA256 of body with secret>`. */
export function validSignature(body: string, signature: string | undefined, secret: string): boolean {
  return signature === `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Starts a receiver on 127.0.0.1 at a free port. */
export async function startReceiver(): Promise<Receiver> {
  const waiters: { predicate: (r: Received[]) => boolean; done: () => void }[] = [];
  const held: ServerResponse[] = [];
  const receiver = { received: [] as Received[], mode: 200 as number | 'hold' } as Receiver;
  const check = () => {
    for (const w of [...waiters])
      if (w.predicate(receiver.received)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done();
      }
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({ signature: req.headers['x-signature'] as string | undefined, body, json: JSON.parse(body) });
      if (receiver.mode === 'hold') held.push(res);
      else res.writeHead(receiver.mode).end();
      check();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.until = (predicate) =>
    new Promise<void>((done) => {
      waiters.push({ predicate, done });
      check();
    });
  receiver.close = () =>
    new Promise<void>((closed) => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      server.close(() => closed());
    });
  return receiver;
}
