// docs/law-map.md is generated from the rules (scripts/law-map.ts): this fails when the committed file is stale,
// when a rule names no article, and when a rule of the review law is missing or has no test that exercises it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules, heading, lawMapMarkdown, readTestFiles, testsOf } from '../../scripts/law-map.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rules = allRules(root);
const files = readTestFiles(root);

/** The rules this engine added for a review that is lawful in substance, each of which must be exercised. */
const reviewLaw = [
  'isReviewOutcomeConsistent',
  'isOutcomeConsistentWithReview',
  'isDecisionExtensible',
  'isDiscussionPanelValid',
  'isSignOffRequired',
  'isSignOffAgreed',
  'isReturnStanding',
  'review_outcome_inconsistent',
  'decision_outcome_inconsistent',
  'discussion_invalid',
  'reviewer_may_not_decide',
  'self_sign_off',
  'refuseReviewOutcome',
  'refuseDecisionOutcome',
  'refuseDiscussion',
  'MeasureSchema',
  'MeasureListSchema',
  'DecisionOutcomeSchema',
  'DiscussionMemberSchema',
  'ReviewItemsSchema',
  'deadlines.decisionExtension',
  'review',
  'discussion',
  'documents.agency',
  'documents.opinion',
  'documents.decision',
  'documents.remedies',
  'documents.transfer',
  'majorCatalog.majorKinds',
  'majorCatalog.discussion',
  'approved_despite_failed_item',
  'reviewer_directed_change',
];

describe('the law map', () => {
  it('is up to date in docs/law-map.md (run npm run docs:law-map)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../docs/law-map.md', import.meta.url)), 'utf8');
    expect(committed).toBe(lawMapMarkdown(rules, files));
  });

  it('has an article for every rule, guard, refusal code, schema, policy key and fault rule', () => {
    const bare = rules.filter((r) => r.articles.length === 0 || r.articles.some((a) => heading(a).length === 0));
    expect(bare.map((r) => `${r.kind} ${r.name}`)).toEqual([]);
  });

  it.each(reviewLaw)('lists %s under its article with the tests that exercise it', (name) => {
    const matching = rules.filter((r) => r.name === name);
    expect(matching.length, name).toBeGreaterThan(0);
    for (const rule of matching) expect(testsOf(rule.terms, files), `${rule.kind} ${name}`).not.toEqual([]);
    const map = lawMapMarkdown(rules, files);
    expect(map).toContain(`| \`${name}\` |`);
  });

  it('does not count its own list as a test', () => {
    expect(files.some((f) => f.path === 'test/scripts/law-map.test.ts')).toBe(false);
    expect(files.some((f) => f.path === 'test/server/review-law/review-decision.test.ts')).toBe(true);
  });

  it('notices a stale map', () => {
    const map = lawMapMarkdown(rules, files);
    expect(lawMapMarkdown(rules.slice(1), files)).not.toBe(map);
  });
});
