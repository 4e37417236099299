// The public register page (行政执法决定公示): what is published and not withdrawn, readable without signing
// in. Plain server-rendered HTML in Chinese, one table, no scripts; the same rows as the JSON answer.
import type { FC } from 'hono/jsx';
import type { PublicationContent } from '../../machines/case/party.schemas.js';

/** The page's only stylesheet, inline; the route allows exactly this text by its hash in the CSP. */
export const publicPageStyles =
  'body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}caption{text-align:left;margin-bottom:.5rem}';

/** One listed decision. */
export interface PublicEntry {
  id: string;
  publishedOn: string;
  content: PublicationContent;
}

/** The page: one row per published decision, newest first. */
export const PublicDecisionsPage: FC<{ items: PublicEntry[]; total: number; offset: number; limit: number }> = (p) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>行政执法决定公示</title>
      <style>{publicPageStyles}</style>
    </head>
    <body>
      <main>
        <h1>行政执法决定公示</h1>
        {p.items.length === 0 ? (
          <p>暂无公示信息。</p>
        ) : (
          <table>
            <caption>{`共 ${p.total} 条，第 ${p.offset + 1}–${p.offset + p.items.length} 条`}</caption>
            <thead>
              <tr>
                <th scope="col">执法机关</th>
                <th scope="col">执法对象</th>
                <th scope="col">执法类别</th>
                <th scope="col">执法结论</th>
                <th scope="col">违法事实</th>
                <th scope="col">决定书文号</th>
                <th scope="col">决定日期</th>
                <th scope="col">公示日期</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((item) => (
                <tr data-publication={item.id}>
                  <td>{item.content.agency}</td>
                  <td>{item.content.party}</td>
                  <td>{item.content.category}</td>
                  <td>{item.content.conclusion}</td>
                  <td>{item.content.facts}</td>
                  <td>{item.content.documentNo ?? '—'}</td>
                  <td>{item.content.decidedOn}</td>
                  <td>{item.publishedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </body>
  </html>
);
