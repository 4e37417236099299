// Turns the desk's criminal-transfer forms (专案组报告, 移送, 公安机关答复, 移交, 复议, 立案监督, 问题线索) into the same
// `CaseCommand`s the API accepts. Only completeness and the shape of list lines are checked here; who may act,
// the two certified officers and the order of dates are the machine's rules, refused through the service.
import { CaseCommandSchema, type CaseCommand } from '../../machines/case/case.events.js';
import { field, type FormBody, type FormErrors, type FormResult } from './form-commands.js';

/** Officer rows on the 专案组 report form (`officers_0` …); empty rows are skipped. */
export const TEAM_ROWS = 4;

/** The non-empty trimmed lines of a textarea. */
export function linesOf(form: FormBody, key: string): string[] {
  return field(form, key)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A seized-items line, `name，quantity` split at its first Chinese or Latin comma or tab, or null when either part
 * is empty. A plain search, no backtracking pattern: a long line costs linear time.
 */
export function seizedItemOf(line: string): { name: string; quantity: string } | null {
  const at = line.search(/[，,\t]/);
  const name = at < 0 ? '' : line.slice(0, at).trim();
  const quantity = at < 0 ? '' : line.slice(at + 1).trim();
  return name && quantity ? { name, quantity } : null;
}

function validated(command: unknown): FormResult<CaseCommand> {
  const parsed = CaseCommandSchema.safeParse(command);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: { form: 'invalid' } };
}

/** The values of `required` fields, with an error for each one empty. */
function need(form: FormBody, required: string[], errors: FormErrors): Record<string, string> {
  const values = Object.fromEntries(required.map((name) => [name, field(form, name)]));
  for (const name of required) if (!values[name]) errors[name] = 'required';
  return values;
}

function reportCommand(form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const officers = Array.from({ length: TEAM_ROWS }, (_, i) => field(form, `officers_${i}`)).filter((id) => id !== '');
  if (officers.length === 0) errors.officers_0 = 'required';
  const { report } = need(form, ['report'], errors);
  return Object.keys(errors).length ? { ok: false, errors } : validated({ type: 'transfer.report', officers, report });
}

function sendCommand(form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const { recipient } = need(form, ['recipient'], errors);
  const materials = linesOf(form, 'materials');
  if (materials.length === 0) errors.materials = 'required';
  const items = linesOf(form, 'seizedItems').map(seizedItemOf);
  if (items.some((item) => item === null)) errors.seizedItems = 'itemLineInvalid';
  const expertReports = linesOf(form, 'expertReports');
  if (Object.keys(errors).length) return { ok: false, errors };
  return validated({ type: 'transfer.send', recipient, materials, seizedItems: items, ...(expertReports.length ? { expertReports } : {}) });
}

function handoverCommand(form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const { handedOverOn, receivedBy } = need(form, ['handedOverOn', 'receivedBy'], errors);
  const materials = linesOf(form, 'materials');
  if (materials.length === 0) errors.materials = 'required';
  const items = linesOf(form, 'seizedItems').map(seizedItemOf);
  if (items.some((item) => item === null)) errors.seizedItems = 'itemLineInvalid';
  if (Object.keys(errors).length) return { ok: false, errors };
  return validated({ type: 'transfer.handover', handedOverOn, receivedBy, materials, seizedItems: items });
}

/** Builds a command whose fields are all required form fields of the same name, plus `optional` ones when filled. */
function plain(type: string, form: FormBody, required: string[], optional: string[] = []): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const values = need(form, required, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const extra = Object.fromEntries(optional.map((name) => [name, field(form, name)]).filter(([, value]) => value));
  return validated({ type, ...values, ...extra });
}

/** The command of a transfer form, or null when `type` is not one of them. */
export function transferCommandFromForm(form: FormBody): FormResult<CaseCommand> | null {
  const type = field(form, 'type');
  switch (type) {
    case 'transfer.report':
      return reportCommand(form);
    case 'transfer.send':
      return sendCommand(form);
    case 'transfer.answer':
      return plain(type, form, ['result', 'receivedOn'], ['reasons']);
    case 'transfer.handover':
      return handoverCommand(form);
    case 'transfer.reconsider':
      return plain(type, form, ['request']);
    case 'transfer.supervise':
      return plain(type, form, ['result', 'note']);
    case 'clue.transfer':
      return plain(type, form, ['recipient', 'summary']);
    default:
      return null;
  }
}
