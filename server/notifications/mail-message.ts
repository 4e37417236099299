// The text of a notification's e-mail copy, in Simplified Chinese like the desk: the subject names what
// happened and the case, the body says it again with the clock's due date and where to open the case.
import type { DueMail } from '../../db/notifications/mail-queue-store.js';
import { zhCN } from '../desk/i18n/zh-CN.js';

const kinds: Record<string, string> = zhCN.inbox.kinds;

/** The subject and plain-text body of `mail`. */
export function mailMessage(mail: DueMail): { subject: string; text: string } {
  const what = kinds[mail.kind] ?? '通知';
  const named = mail.caseTitle ? `「${mail.caseTitle}」` : '';
  const lines = [`${what}${named ? `：${named}` : ''}`];
  if (mail.caseId) lines.push(`案件编号：${mail.caseId}`);
  if (typeof mail.detail.dueDate === 'string') lines.push(`期限：${mail.detail.dueDate}`);
  if (typeof mail.detail.opinion === 'string') lines.push(`审核意见：${mail.detail.opinion}`);
  const { credential, number, validUntil, holder } = mail.detail;
  if (typeof number === 'string' && typeof validUntil === 'string') {
    const what = credential === 'certificate' ? zhCN.inbox.enforcementCertificate : zhCN.inbox.qualification;
    lines.push(zhCN.inbox.holderCredential(String(holder ?? ''), what, number, validUntil));
  }
  lines.push('', '请登录法制审核工作台查看（通知）。本邮件由系统自动发送，请勿回复。');
  return { subject: `【法制审核】${what}${named}`, text: lines.join('\n') };
}
