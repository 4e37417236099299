// The transfer forms' parsing of list lines, table-driven: a seized item needs a name and a quantity split at the
// first comma or tab, and the commands a form yields are those the API's schema accepts.
import { describe, expect, it } from 'vitest';
import { linesOf, seizedItemOf, transferCommandFromForm } from '../../../server/desk/transfer-form-commands.js';

describe('seized-item lines', () => {
  it.each([
    ['涉案车辆，1辆', { name: '涉案车辆', quantity: '1辆' }],
    ['行驶证, 1本', { name: '行驶证', quantity: '1本' }],
    ['货物\t3箱，每箱20公斤', { name: '货物', quantity: '3箱，每箱20公斤' }],
    ['涉案车辆', null],
    ['，1辆', null],
    ['涉案车辆， ', null],
    [`${'车'.repeat(200_000)} `, null],
  ])('%j → %j', (line, item) => {
    expect(seizedItemOf(line)).toEqual(item);
  });
});

describe('transfer form commands', () => {
  it('skips empty lines and empty officer rows, and leaves other event types alone', () => {
    expect(linesOf({ materials: ' 调查报告 \r\n\r\n 检测记录' }, 'materials')).toEqual(['调查报告', '检测记录']);
    const report = transferCommandFromForm({ type: 'transfer.report', officers_0: 'u1', officers_2: 'u2', report: '报告' });
    expect(report).toEqual({ ok: true, value: { type: 'transfer.report', officers: ['u1', 'u2'], report: '报告' } });
    expect(transferCommandFromForm({ type: 'transfer.report', report: '报告' })).toEqual({ ok: false, errors: { officers_0: 'required' } });
    expect(transferCommandFromForm({ type: 'transfer.answer', result: 'maybe', receivedOn: '2026-03-01' })).toEqual({
      ok: false,
      errors: { form: 'invalid' },
    });
    expect(transferCommandFromForm({ type: 'case.close' })).toBeNull();
  });
});
