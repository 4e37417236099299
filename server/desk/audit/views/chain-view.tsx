// The responsibility chain twice: the server-rendered SVG picture (inline, its own title and description)
// and, as its text alternative, a table of the same links in the same order.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { ChainLink, ResponsibilityChain } from '../../../audit/responsibility.js';
import type { DeskContext } from '../../session.js';
import { formatDateTime } from '../../i18n/index.js';
import { recordLang } from './record-lang.js';

/** The credential a link's role answers with (as the picture shows it), or a dash. */
function credential(desk: DeskContext, link: ChainLink): string {
  const a = link.actor;
  if (!a) return '—';
  if (link.role === 'handler') return desk.t.audit.certificate(a.certificateNo ?? '—', a.certified);
  if (link.role === 'reviewer') return desk.t.audit.qualification(a.qualificationNo ?? '—', a.qualified);
  return '—';
}

const ChainTable: FC<{ desk: DeskContext; chain: ResponsibilityChain }> = ({ desk, chain }) => {
  const { t, lang } = desk;
  const links = chain.drafts.flatMap((d) => d.links);
  return (
    <table class="chain" id="chain-table">
      <caption>{t.audit.chainCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.audit.draftCol}</th>
          <th scope="col">{t.audit.stepCol}</th>
          <th scope="col">{t.audit.personCol}</th>
          <th scope="col">{t.audit.roleCol}</th>
          <th scope="col">{t.audit.attestedCol}</th>
          <th scope="col">{t.audit.credentialCol}</th>
          <th scope="col">{t.audit.timeCol}</th>
          <th scope="col">{t.audit.recordCol}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => (
          <tr data-step={l.step} data-entry={l.entry.id}>
            <td class="nowrap">{t.audit.draftVersion(l.draftVersion)}</td>
            <td>{t.audit.steps[l.step]}</td>
            <td>{l.name}</td>
            <td>{t.audit.chainRoles[l.role]}</td>
            <td lang={recordLang(desk)}>{l.attested}</td>
            <td>{credential(desk, l)}</td>
            <td class="nowrap">{formatDateTime(l.at, lang)}</td>
            <td class="hash nowrap">{`#${l.entry.id} ${l.entry.hash.slice(0, 8)}…`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** Picture and table; `svg` is renderResponsibilitySvg's output without its inline style. */
export const ChainView: FC<{ desk: DeskContext; chain: ResponsibilityChain; svg: string }> = ({ desk, chain, svg }) => {
  const { t } = desk;
  if (chain.drafts.every((d) => d.links.length === 0)) return <p>{t.audit.noChain}</p>;
  return (
    <>
      <figure class="chain-figure" aria-describedby="chain-caption">
        <div lang={recordLang(desk)}>{raw(svg)}</div>
        <figcaption id="chain-caption">{t.audit.chainFigure}</figcaption>
      </figure>
      <ChainTable desk={desk} chain={chain} />
    </>
  );
};
