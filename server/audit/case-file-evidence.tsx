// The evidence manifest section of the printable case file (证据材料清单): each stored file with its SHA-256
// and where the record cites it, so a third party can check the files handed over with sha256sum.
import type { FC } from 'hono/jsx';
import type { CaseExport } from './case-export.js';
import { chinaTime } from './event-labels.js';

const when = (at: string | null | undefined): string => chinaTime(at);

const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** 证据材料清单: each stored file with its SHA-256, so a third party can check the files handed over. */
export const EvidenceManifest: FC<{ data: CaseExport }> = ({ data }) =>
  data.evidence.length === 0 ? (
    <p>无证据文件。</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th>文件名</th>
          <th>类型</th>
          <th>大小</th>
          <th>SHA-256</th>
          <th>上传</th>
          <th>引用</th>
        </tr>
      </thead>
      <tbody>
        {data.evidence.map((f) => (
          <tr data-evidence={f.evidenceId}>
            <td>{f.filename}</td>
            <td>{f.mediaType}</td>
            <td>{size(f.size)}</td>
            <td class="mono">{f.sha256}</td>
            <td>
              {f.uploaderName} · {when(f.at)}
            </td>
            <td>{f.citedBy.join('；') || '未引用'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
