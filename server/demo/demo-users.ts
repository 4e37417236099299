// The demo users (demo mode only): one per role, with certificates and qualifications valid for years.
import type { NewUser } from '../../db/users/user-store.js';

/** The demo password; printed at start-up in demo mode and in the README. */
export const demoPassword = 'demo-password';

/** Demo users, named as the API contract promises. */
export const demoUsers: NewUser[] = [
  {
    username: 'handler1',
    displayName: '王承办',
    password: demoPassword,
    roles: ['handler'],
    certificateNo: 'QH-ZF-0001',
    certificateValidUntil: '2030-12-31',
  },
  {
    username: 'handler2',
    displayName: '李承办',
    password: demoPassword,
    roles: ['handler'],
    certificateNo: 'QH-ZF-0002',
    certificateValidUntil: '2030-12-31',
  },
  {
    username: 'reviewer1',
    displayName: '张审核',
    password: demoPassword,
    roles: ['reviewer'],
    qualificationNo: 'A20180001',
    qualificationValidUntil: '2099-12-31',
  },
  {
    username: 'reviewer2',
    displayName: '赵审核',
    password: demoPassword,
    roles: ['reviewer'],
    qualificationNo: 'A20190002',
    qualificationValidUntil: '2099-12-31',
  },
  { username: 'head1', displayName: '陈局长', password: demoPassword, roles: ['head'] },
  // Two more heads, so a collective discussion (集体讨论) reaches the default quorum of three.
  { username: 'head2', displayName: '周副局长', password: demoPassword, roles: ['head'] },
  { username: 'head3', displayName: '吴副局长', password: demoPassword, roles: ['head'] },
  { username: 'clerk1', displayName: '刘文书', password: demoPassword, roles: ['clerk'] },
  { username: 'auditor1', displayName: '孙监督', password: demoPassword, roles: ['auditor'] },
  { username: 'admin1', displayName: '系统管理员', password: demoPassword, roles: ['admin'] },
];
