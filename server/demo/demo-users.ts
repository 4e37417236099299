// The demo users (demo mode only): one per role in the 支队 (reviewers in its 法制审核科), plus a handler and a head
// in the 大通 county 大队, with certificates and qualifications valid for years.
import type { NewUser } from '../../db/users/user-store.js';
import { demoUnitIds } from './demo-units.js';

/** The demo password; printed at start-up in demo mode and in the README. */
export const demoPassword = 'demo-password';

const { detachment, review, datong } = demoUnitIds;

/** Demo users, named as the API contract promises. */
export const demoUsers: NewUser[] = [
  {
    username: 'handler1',
    displayName: '王承办',
    password: demoPassword,
    roles: ['handler'],
    certificateNo: 'QH-ZF-0001',
    certificateValidUntil: '2030-12-31',
    unitId: detachment,
  },
  {
    username: 'handler2',
    displayName: '李承办',
    password: demoPassword,
    roles: ['handler'],
    certificateNo: 'QH-ZF-0002',
    certificateValidUntil: '2030-12-31',
    unitId: detachment,
  },
  {
    username: 'reviewer1',
    displayName: '张审核',
    password: demoPassword,
    roles: ['reviewer'],
    qualificationNo: 'A20180001',
    qualificationValidUntil: '2099-12-31',
    unitId: review,
  },
  {
    username: 'reviewer2',
    displayName: '赵审核',
    password: demoPassword,
    roles: ['reviewer'],
    qualificationNo: 'A20190002',
    qualificationValidUntil: '2099-12-31',
    unitId: review,
  },
  { username: 'head1', displayName: '陈局长', password: demoPassword, roles: ['head'], unitId: detachment },
  // Two more heads, so a collective discussion (集体讨论) reaches the default quorum of three.
  { username: 'head4', displayName: '周副局长', password: demoPassword, roles: ['head'], unitId: detachment },
  { username: 'head3', displayName: '吴副局长', password: demoPassword, roles: ['head'], unitId: detachment },
  { username: 'clerk1', displayName: '刘文书', password: demoPassword, roles: ['clerk'], unitId: detachment },
  { username: 'auditor1', displayName: '孙监督', password: demoPassword, roles: ['auditor'], unitId: detachment },
  { username: 'admin1', displayName: '系统管理员', password: demoPassword, roles: ['admin'], unitId: detachment },
  {
    username: 'handler3',
    displayName: '马承办',
    password: demoPassword,
    roles: ['handler'],
    certificateNo: 'QH-ZF-0003',
    certificateValidUntil: '2030-12-31',
    unitId: datong,
  },
  { username: 'head2', displayName: '韩大队长', password: demoPassword, roles: ['head'], unitId: datong },
];

/** The unit of each demo user, by name. */
export const demoUnitOf: Record<string, string | null | undefined> = Object.fromEntries(demoUsers.map((u) => [u.username, u.unitId]));
