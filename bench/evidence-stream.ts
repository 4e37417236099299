// `npx tsx bench/evidence-stream.ts [--mib 200]`: the real server in its own process uploads and serves a
// generated video of that size (MP4 `ftyp` head + filler) plus a PDF and a PNG, while its resident memory
// is sampled from /proc every 20 ms. Prints one JSON document: idle RSS, peaks and growth during each stream.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatedVideo, samplePdf, samplePng } from '../server/demo/sample-files.js';
import { benchDraft } from './lifecycle.js';
import { createJsonClient } from './http/http-client.js';
import { startServer } from './http/server-process.js';
import { removeTemp, tempDbPath } from './temp-db.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { mib: { type: 'string', default: '200' } } });
const size = Number(values.mib) * 1024 * 1024;

/** Resident set size of `pid` now, in MiB (VmRSS). */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Samples the RSS of `pid` every 20 ms while `work` runs; answers its result and the peak. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMiB: number; seconds: number }> {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 20);
  const t0 = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, rssMiB(pid));
    return { result, peakMiB: peak, seconds: (performance.now() - t0) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

/** Streams `body` to the upload route; answers status and parsed JSON. */
function post(
  base: URL,
  path: string,
  token: string,
  type: string,
  body: Readable,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, method: 'POST', path, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
}

/** Downloads a file, hashing it as it arrives (nothing kept); answers its size and SHA-256. */
function download(base: URL, path: string, token: string): Promise<{ status: number; bytes: number; sha256: string }> {
  return new Promise((resolveGet, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, method: 'GET', path, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        const hash = createHash('sha256');
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.byteLength;
          hash.update(c);
        });
        res.on('end', () => resolveGet({ status: res.statusCode ?? 0, bytes, sha256: hash.digest('hex') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const temp = tempDbPath('evidence-stream');
  const server = await startServer(repoRoot, temp.url);
  const base = new URL(server.baseUrl);
  const client = createJsonClient(server.baseUrl, 1);
  try {
    const token = (
      (await client.call('POST', '/api/v1/auth/token', null, { username: 'handler1', password: 'demo-password' })).body as { token: string }
    ).token;
    const caseId = ((await client.call('POST', '/api/v1/cases', token, benchDraft(1))).body as { id: string }).id;
    const upload = (name: string, type: string, body: Readable) =>
      post(base, `/api/v1/cases/${caseId}/evidence?filename=${encodeURIComponent(name)}`, token, type, body);
    // Small files first: they load every code path the large stream takes, so "idle" is the warm server.
    const pdf = await upload('询问笔录.pdf', 'application/pdf', Readable.from([samplePdf()]));
    const png = await upload('现场照片.png', 'image/png', Readable.from([samplePng()]));
    await download(base, `/api/v1/cases/${caseId}/evidence/${pdf.json.evidenceId}`, token);
    await new Promise((r) => setTimeout(r, 500));
    const idle = rssMiB(server.pid);
    const up = await sampled(server.pid, () => upload('bodycam.mp4', 'video/mp4', Readable.from(generatedVideo(size))));
    const expected = createHash('sha256');
    for await (const chunk of generatedVideo(size)) expected.update(chunk);
    const down = await sampled(server.pid, () => download(base, `/api/v1/cases/${caseId}/evidence/${up.result.json.evidenceId}`, token));
    const result = {
      fileMiB: size / 1024 / 1024,
      smallFiles: { pdf: pdf.status, png: png.status },
      upload: {
        status: up.result.status,
        seconds: +up.seconds.toFixed(2),
        MiBPerSecond: +(size / 1048576 / up.seconds).toFixed(1),
        sha256Matches: up.result.json.sha256 === expected.digest('hex'),
      },
      download: {
        status: down.result.status,
        bytes: down.result.bytes,
        seconds: +down.seconds.toFixed(2),
        sha256Matches: down.result.sha256 === up.result.json.sha256,
      },
      rssMiB: {
        idle: +idle.toFixed(1),
        peakDuringUpload: +up.peakMiB.toFixed(1),
        peakDuringDownload: +down.peakMiB.toFixed(1),
        growthDuringUpload: +(up.peakMiB - idle).toFixed(1),
        growthDuringDownload: +(down.peakMiB - idle).toFixed(1),
      },
      limitMiB: 100,
      withinLimit: Math.max(up.peakMiB, down.peakMiB) - idle < 100,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    client.close();
    await server.stop();
    removeTemp(temp.dir);
  }
}

await main();
