// The case file as a ZIP (案卷): the printable page, its JSON, the issued documents, every evidence file and a
// SHA256SUMS manifest a third party checks with `sha256sum -c`. Streamed: the files are read from the store as the ZIP is sent.
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { Services } from '../services.js';
import type { CaseExport } from '../audit/case-export.js';
import { renderCaseFilePage } from '../audit/case-file-page.js';
import { renderResponsibilitySvg } from '../audit/responsibility-svg.js';
import { answerProblem } from '../http/openapi.js';
import { caseBundle } from './case-bundle.js';
import { documentFiles } from './case-documents.js';
import { contentDisposition } from './serve-evidence.js';
import { zipSize, zipStream } from './zip-stream.js';

/** Answers with the ZIP of `data`, or a problem when a file it cites cannot be bundled. */
export async function zipCaseFile(c: Context, services: Services, data: CaseExport): Promise<Response> {
  const html = await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility));
  const entries = await caseBundle(data, html, services.evidence.files, await documentFiles(data));
  if (!entries.ok) return answerProblem(c, entries.error);
  const stream = Readable.toWeb(Readable.from(zipStream(entries.value, new Date(data.exportedAt)))) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, {
    'Content-Type': 'application/zip',
    'Content-Length': String(zipSize(entries.value)),
    'Content-Disposition': contentDisposition(`case-${data.case.id}.zip`, 'attachment'),
  });
}
