// Which language a problem body speaks: the best of zh-CN and en in `Accept-Language` (RFC 9110 §12.5.4),
// Chinese when the header is absent, `*`, unparseable or names neither.
export const problemLangs = ['zh-CN', 'en'] as const;
export type ProblemLang = (typeof problemLangs)[number];

/** The language for an `Accept-Language` header value. Bounded: only the first 20 entries are read. */
export function problemLangOf(header: string | undefined | null): ProblemLang {
  if (!header) return 'zh-CN';
  let best: { lang: ProblemLang; q: number } | null = null;
  for (const part of header.slice(0, 1000).split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: ProblemLang | null = tag === 'en' || tag.startsWith('en-') ? 'en' : tag === 'zh' || tag.startsWith('zh-') ? 'zh-CN' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh-CN';
}
