// What the printable 法制审核意见书 and 决定书 share: the A4 stylesheet, dates as printed, heading levels (a page
// of its own, or nested in the case file) and the standalone page around a body. Pure: data in, string out.
import type { FC } from 'hono/jsx';

/** The documents' stylesheet: A4 pages, Chinese serif for the text as printed documents are. */
export const documentStyles = `@page{size:A4;margin:25mm 22mm}
.doc{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;color:#111;max-width:170mm;margin:0 auto 24px;line-height:1.7;font-size:15px}
.doc header{text-align:center;margin-bottom:12px}.doc .agency{font-size:17px;margin:0}.doc h1{font-size:22px;letter-spacing:2px;margin:6px 0}
.doc .number{margin:0 0 8px}.doc h2,.doc h4{font-size:16px;margin:14px 0 4px;border:0}.doc h3.title{font-size:22px;letter-spacing:2px;margin:6px 0;text-align:center}.doc table{border-collapse:collapse;width:100%;font-size:14px}
.doc th,.doc td{border:1px solid #444;padding:4px 6px;text-align:left;vertical-align:top}.doc .sign{text-align:right;margin-top:24px}
.doc .hash{font-family:monospace;font-size:11px;word-break:break-all;color:#333}.doc .trail{border-top:1px dashed #666;margin-top:16px;font-size:13px}
@media print{.doc{max-width:none;margin:0}.no-print{display:none}}`;

/** A date in China time as printed on documents, e.g. 2026年10月9日. */
export function chineseDate(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export const partyKind = { person: '自然人', organization: '法人或者其他组织' } as const;

/** Heading levels: h1/h2 on a page of its own, h3/h4 inside the case file (one h1 per page). */
export const Title: FC<{ nested?: boolean; children?: unknown }> = ({ nested, children }) =>
  nested ? <h3 class="title">{children}</h3> : <h1>{children}</h1>;
export const Heading: FC<{ nested?: boolean; children?: unknown }> = ({ nested, children }) =>
  nested ? <h4>{children}</h4> : <h2>{children}</h2>;

/**
 * The foot every issued decision-side document carries: the agency's seal line and date, then the document's
 * SHA-256, the draft it rests on and the record entry that issued it (so a printed copy can be checked).
 */
export const IssuedFooter: FC<{
  agency: string;
  issuedAt: string;
  documentHash: string;
  draft: { version: number; hash: string };
  entryId: number;
}> = ({ agency, issuedAt, documentHash, draft, entryId }) => (
  <>
    <p class="sign">
      {`${agency}（印章）`}
      <br />
      {chineseDate(issuedAt)}
    </p>
    <p class="hash">{`文书指纹（SHA-256）：${documentHash}；决定代拟稿第${draft.version}稿 ${draft.hash}；记录 #${entryId}`}</p>
  </>
);

/** Options of a standalone page: a stylesheet link instead of the inline styles (hosts whose CSP forbids them). */
export interface PageOptions {
  styleHref?: string;
}

const escapeText = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A standalone Chinese page around `body`, titled `title` (escaped here). */
export async function standalonePage(title: string, body: unknown, options: PageOptions): Promise<string> {
  const style = options.styleHref ? `<link rel="stylesheet" href="${options.styleHref}">` : `<style>${documentStyles}</style>`;
  const text = await (body as { toString(): string | Promise<string> }).toString();
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeText(title)}</title>${style}</head><body>${text}</body></html>`;
}
