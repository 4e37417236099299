// Demo cases (demo mode only): a few transport cases at different stages, driven through the real
// case service so the demo record is as genuine as any other.
import type { DraftContent } from '../../machines/case/draft.schema.js';

/** An overloaded truck: a major fine for an organisation (above the catalog threshold). */
export const overloadDraft: DraftContent = {
  title: '西宁某物流有限公司超限运输案',
  party: { name: '西宁某物流有限公司', kind: 'organization' },
  facts: '2026年10月12日，当事人所属车辆（青A·12345）在G6京藏高速西宁收费站超限运输，车货总质量超过限定标准47%。',
  legalBasis: ['《公路安全保护条例》第三十条', '《超限运输车辆行驶公路管理规定》第四十三条'],
  evidence: [
    { kind: '现场检测记录', description: '称重检测单，车货总质量 72.1 吨' },
    { kind: '询问笔录', description: '驾驶员询问笔录一份' },
  ],
  proposed: { kind: 'fine', amountYuan: 150000 },
  discretionItem: '青海省交通运输行政处罚裁量基准 第12项 超限 40%-50%',
};

/** An unlicensed taxi: a minor fine for a person (not major). */
export const taxiDraft: DraftContent = {
  title: '马某未取得经营许可从事出租汽车经营案',
  party: { name: '马某', kind: 'person' },
  facts: '2026年11月3日，当事人驾驶私家车在西宁火车站招揽乘客，从事出租汽车经营活动，未取得经营许可。',
  legalBasis: ['《巡游出租汽车经营服务管理规定》第四十五条'],
  evidence: [
    { kind: '询问笔录', description: '乘客询问笔录' },
    { kind: '视听资料', description: '执法记录仪视频' },
  ],
  proposed: { kind: 'fine', amountYuan: 5000 },
};

/** A licence revocation: major, and collective discussion is required. */
export const revocationDraft: DraftContent = {
  title: '西宁某驾驶员培训学校伪造培训记录案',
  party: { name: '西宁某驾驶员培训学校', kind: 'organization' },
  facts: '经查，当事人2026年1月至9月间伪造学员培训学时记录共计312条。',
  legalBasis: ['《机动车驾驶员培训管理规定》第五十条'],
  evidence: [
    { kind: '书证', description: '计时培训系统导出数据' },
    { kind: '询问笔录', description: '学员询问笔录 12 份' },
  ],
  proposed: { kind: 'license_revocation' },
  flags: { complex: true },
};
