// The evidence store through the real API: uploads (raw and multipart) answer 201 with the hash, bytes come
// back exactly (whole or by range), and every refused upload (404, 403, 413, 415, 400) stores nothing.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { generatedVideo, samplePdf, samplePng } from '../../../server/demo/sample-files.js';
import { fetchEvidence, sha256, streamOf, upload, uploadOk } from './evidence-helpers.js';

let t: TestApp;
let caseId = '';
const policy = loadPolicy();
policy.evidence.maxBytes['image/jpeg'] = 1000;

const storeFiles = (): string[] => {
  const dir = t.services.evidence.files.dir;
  const walk = (d: string): string[] => {
    try {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    } catch {
      return [];
    }
  };
  return walk(dir);
};
const rowCount = async () => Number((await t.services.database.client.execute('SELECT count(*) AS n FROM evidence')).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp({ policy });
  caseId = (await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()).id;
});
afterAll(async () => {
  await t?.close();
});

describe('uploading evidence', () => {
  it('stores a PDF sent as the raw body and returns the same bytes', async () => {
    const pdf = samplePdf();
    const { json } = await uploadOk(t, caseId, pdf, 'application/pdf', '询问笔录.pdf');
    expect(json).toMatchObject({ sha256: sha256(pdf), size: pdf.byteLength, mediaType: 'application/pdf', filename: '询问笔录.pdf' });
    const res = await fetchEvidence(t, caseId, json.evidenceId, 'head1');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.get('X-Evidence-SHA256')).toBe(sha256(pdf));
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''%E8%AF%A2");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('accepts a multipart form with a `file` field', async () => {
    const png = samplePng(64, 40);
    const form = new FormData();
    form.append('note', 'scene');
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '现场照片.png');
    const res = await t.app.request(`/api/v1/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.handler1}` },
      body: form,
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(201);
    expect(json).toMatchObject({ sha256: sha256(png), size: png.byteLength, mediaType: 'image/png', filename: '现场照片.png' });
  });

  it('streams a 20 MB video in and out, hashing on the way', async () => {
    const size = 20 * 1024 * 1024;
    const res = await upload(t, caseId, 'handler1', streamOf(generatedVideo(size)), 'video/mp4', 'bodycam.mp4');
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(201);
    const hash = createHash('sha256');
    for await (const chunk of generatedVideo(size)) hash.update(chunk);
    const expected = hash.digest('hex');
    expect(json).toMatchObject({ size, sha256: expected });
    const back = await fetchEvidence(t, caseId, json.evidenceId, 'head1');
    expect(sha256(Buffer.from(await back.arrayBuffer()))).toBe(expected);
  });

  it('keeps the same bytes once however often they are uploaded', async () => {
    const pdf = samplePdf('dedup');
    const a = await uploadOk(t, caseId, pdf, 'application/pdf', 'a.pdf');
    const b = await uploadOk(t, caseId, pdf, 'application/pdf', 'b.pdf');
    expect(a.ref.evidenceId).not.toBe(b.ref.evidenceId);
    expect(storeFiles().filter((f) => f.endsWith(sha256(pdf)))).toHaveLength(1);
  });
});

describe('range requests', () => {
  it('answers 206 with Content-Range for a range, a suffix and an open end', async () => {
    const pdf = samplePdf('range');
    const { ref } = await uploadOk(t, caseId, pdf, 'application/pdf', 'r.pdf');
    for (const [range, start, end] of [
      ['bytes=0-9', 0, 9],
      ['bytes=-5', pdf.byteLength - 5, pdf.byteLength - 1],
      ['bytes=100-', 100, pdf.byteLength - 1],
    ] as const) {
      const res = await fetchEvidence(t, caseId, ref.evidenceId, 'head1', { Range: range });
      expect(res.status).toBe(206);
      expect(res.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${pdf.byteLength}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers 416 with the size for a range past the end', async () => {
    const pdf = samplePdf('416');
    const { ref } = await uploadOk(t, caseId, pdf, 'application/pdf', 's.pdf');
    const res = await fetchEvidence(t, caseId, ref.evidenceId, 'head1', { Range: `bytes=${pdf.byteLength}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('Content-Range')).toBe(`bytes */${pdf.byteLength}`);
    expect((await res.json()).type).toBe('/problems/range-not-satisfiable');
  });
});

describe('refused uploads store nothing', () => {
  const refusals: [string, () => Promise<Response>, number, string][] = [
    [
      'an unknown case',
      () => upload(t, '00000000-0000-0000-0000-000000000000', 'handler1', samplePdf(), 'application/pdf'),
      404,
      'case-not-found',
    ],
    ['a user who is not the handler', () => upload(t, caseId, 'handler2', samplePdf(), 'application/pdf'), 403, 'not-handler'],
    ['a head (负责人)', () => upload(t, caseId, 'head1', samplePdf(), 'application/pdf'), 403, 'not-handler'],
    // A reviewer does not see a case before it is sent for review, nor a county handler a 支队 case.
    [
      'a reviewer before the case is sent for review',
      () => upload(t, caseId, 'reviewer1', samplePdf(), 'application/pdf'),
      404,
      'case-not-found',
    ],
    ['a handler of another unit', () => upload(t, caseId, 'handler3', samplePdf(), 'application/pdf'), 404, 'case-not-found'],
    [
      'a media type the store does not take',
      () => upload(t, caseId, 'handler1', '<html></html>', 'text/html'),
      415,
      'unsupported-media-type',
    ],
    ['PNG bytes declared as a PDF', () => upload(t, caseId, 'handler1', samplePng(8, 8), 'application/pdf'), 415, 'media-type-mismatch'],
    ['an empty file', () => upload(t, caseId, 'handler1', new Uint8Array(0), 'application/pdf'), 415, 'media-type-mismatch'],
    ['a file over the limit, streamed', () => upload(t, caseId, 'handler1', streamOf([jpegOf(4000)]), 'image/jpeg'), 413, 'file-too-large'],
    [
      'a declared length over the limit',
      () => upload(t, caseId, 'handler1', jpegOf(2000), 'image/jpeg', 'x.jpg', { 'Content-Length': '2000' }),
      413,
      'file-too-large',
    ],
    [
      'a name that climbs out of the folder',
      () => upload(t, caseId, 'handler1', samplePdf(), 'application/pdf', '../../etc/passwd'),
      400,
      'bad-filename',
    ],
    [
      'a name with a control character',
      () => upload(t, caseId, 'handler1', samplePdf(), 'application/pdf', 'a\u0001.pdf'),
      400,
      'bad-filename',
    ],
    [
      'a multipart body without a file part',
      () => multipart('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n'),
      400,
      'malformed-multipart',
    ],
    [
      'a multipart body cut inside the file',
      () =>
        multipart(
          '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 partial',
        ),
      400,
      'malformed-multipart',
    ],
  ];

  it.each(refusals)('refuses %s', async (_name, send, status, type) => {
    const [rows, files] = [await rowCount(), storeFiles().length];
    const res = await send();
    expect(res.status).toBe(status);
    expect((await res.json()).type).toBe(`/problems/${type}`);
    expect(await rowCount()).toBe(rows);
    expect(storeFiles()).toHaveLength(files);
    expect(storeFiles().filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('refuses an upload to a withdrawn case (422 case-ended)', async () => {
    const ended = (await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()).id;
    expect((await t.call('POST', `/api/v1/cases/${ended}/events`, 'handler1', { type: 'case.withdraw', reason: '撤销立案' })).status).toBe(
      200,
    );
    const rows = await rowCount();
    const res = await upload(t, ended, 'handler1', samplePdf(), 'application/pdf');
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('/problems/case-ended');
    expect(await rowCount()).toBe(rows);
  });

  it('refuses an upload without a token (401)', async () => {
    const res = await t.app.request(`/api/v1/cases/${caseId}/evidence?filename=a.pdf`, {
      method: 'POST',
      body: samplePdf() as BodyInit,
      headers: { 'Content-Type': 'application/pdf' },
    });
    expect(res.status).toBe(401);
  });

  it("answers 404 for another case's file and for an unknown id", async () => {
    const other = (await (await t.call('POST', '/api/v1/cases', 'handler2', sampleDraft())).json()).id;
    const { ref } = await uploadOk(t, other, samplePdf('other'), 'application/pdf', 'o.pdf', 'handler2');
    expect((await fetchEvidence(t, caseId, ref.evidenceId, 'head1')).status).toBe(404);
    const res = await fetchEvidence(t, caseId, 'nope', 'head1');
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('/problems/evidence-not-found');
  });
});

/** JPEG magic followed by filler, `size` bytes. */
function jpegOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

function multipart(body: string): Promise<Response> {
  return Promise.resolve(
    t.app.request(`/api/v1/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.tokens.handler1}`, 'Content-Type': 'multipart/form-data; boundary=b' },
      body,
    }),
  );
}
