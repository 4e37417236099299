// The help pages the problem `type` URIs resolve to: /problems lists every problem, /problems/<code> explains
// one in Simplified Chinese and English. Public (no sign-in), static text from the catalogue only.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { problemCatalogue, problemEntry, type ProblemEntry } from './catalogue.js';
import { problem, problemType } from '../problem.js';

const Page: FC<{ title: string; children?: unknown }> = ({ title, children }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href="/desk/static/desk.css" />
    </head>
    <body>
      <main id="main">{children as never}</main>
    </body>
  </html>
);

const Help: FC<{ code: string; entry: ProblemEntry }> = ({ code, entry }) => (
  <Page title={`${entry['zh-CN'].title} · ${entry.en.title}`}>
    <h1>{entry['zh-CN'].title}</h1>
    <p>{entry['zh-CN'].help}</p>
    <section lang="en" aria-labelledby="en-title">
      <h2 id="en-title">{entry.en.title}</h2>
      <p>{entry.en.help}</p>
    </section>
    <dl class="facts">
      <dt>code</dt>
      <dd>
        <code>{code}</code>
      </dd>
      <dt>type</dt>
      <dd>
        <code>{problemType(code)}</code>
      </dd>
    </dl>
    <p>
      <a href="/problems">所有问题类型 · All problem types</a>
    </p>
  </Page>
);

const Index: FC = () => (
  <Page title="问题类型 · Problem types">
    <h1>问题类型 · Problem types</h1>
    <ul>
      {Object.entries(problemCatalogue).map(([code, entry]) => (
        <li>
          <a href={problemType(code)}>{entry['zh-CN'].title}</a> · <span lang="en">{entry.en.title}</span> (<code>{code}</code>)
        </li>
      ))}
    </ul>
  </Page>
);

/** GET /problems and /problems/:code (200 with the help page; an unknown code is the 404 problem). */
export function problemPages() {
  return new Hono()
    .get('/', (c) => c.html(`<!DOCTYPE html>${(<Index />).toString()}`))
    .get('/:code', (c) => {
      const code = c.req.param('code').replace(/-/g, '_');
      const entry = problemEntry(code);
      if (!entry) return problem(c, { kind: 'not_found', code: 'route_not_found', detail: `No problem type ${c.req.param('code')}.` });
      return c.html(`<!DOCTYPE html>${(<Help code={code} entry={entry} />).toString()}`, 200);
    });
}
