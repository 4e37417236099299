// A minimal JSON client over node:http with a keep-alive agent: one socket per concurrent client, as a
// browser or integration keeps its connection open. Lighter than fetch, so the load generator (which
// shares the machine with the server) takes less of the CPU the server needs.
import { Agent, request } from 'node:http';

/** A response: status and parsed JSON body (or null). */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/** A client for one base URL with `sockets` keep-alive connections. */
export function createJsonClient(baseUrl: string, sockets: number) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  return {
    /** Sends one request; `extra` headers are added (e.g. `Prefer: return=minimal`). */
    call(method: string, path: string, token: string | null, body?: unknown, extra: Record<string, string> = {}): Promise<JsonResponse> {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { Accept: 'application/json', ...extra };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (payload !== undefined) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = Buffer.byteLength(payload);
      }
      const send = (retried: boolean): Promise<JsonResponse> =>
        new Promise((resolve, reject) => {
          const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              try {
                resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
              } catch (e) {
                reject(e);
              }
            });
            res.on('error', reject);
          });
          // A kept-alive socket the server closed as idle (its keep-alive timeout) just as this request went out:
          // sent once more on a fresh socket, as node's documentation advises for `reusedSocket`. Had the server
          // applied it after all, the second answer is a refusal (every lifecycle step leaves the state that
          // allows it), which fails the run rather than counting a step twice.
          req.on('error', (error: NodeJS.ErrnoException) => {
            if (!retried && req.reusedSocket && error.code === 'ECONNRESET') resolve(send(true));
            else reject(error);
          });
          req.end(payload);
        });
      return send(false);
    },
    close(): void {
      agent.destroy();
    },
  };
}
export type JsonClient = ReturnType<typeof createJsonClient>;
