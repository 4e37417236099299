// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { CaseCommandSchema } from '../../machines/case/case.events.js';
import { DraftContentSchema } from '../../machines/case/draft.schema.js';
import { RevokeRequestSchema, TokenRequestSchema } from '../users/auth.routes.js';
import { modulePaths } from './openapi-modules.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
const problemRef = { $ref: '#/components/schemas/Problem' };
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      { description: 'RFC 9457 problem', content: { 'application/problem+json': { schema: problemRef } } },
    ]),
  );
const caseOk = (status: string) => ({
  [status]: {
    description: 'The case as the caller sees it',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
  },
});
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const writeHeaders = [
  { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The case version the client last saw.' },
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'Repeats get the first answer and change nothing.',
  },
];

/** Builds the OpenAPI 3.1 document. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Legal review engine (重大执法决定法制审核)', version: '1.0.0' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Draft: json(DraftContentSchema),
        CaseCommand: json(CaseCommandSchema),
        TokenRequest: json(TokenRequestSchema),
        RevokeRequest: json(RevokeRequestSchema),
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            code: { type: 'string' },
            allowedEvents: { type: 'array', items: { type: 'string' } },
          },
        },
        Case: {
          type: 'object',
          required: ['id', 'state', 'version', 'major', 'draft', 'allowedEvents', 'handlerId', 'reviewerId'],
          properties: {
            id: { type: 'string' },
            state: { type: 'string' },
            stateValue: {},
            version: { type: 'integer' },
            major: { type: 'object', properties: { isMajor: { type: 'boolean' }, reasons: { type: 'array', items: { type: 'string' } } } },
            draft: { type: 'object', properties: { version: { type: 'integer' }, hash: { type: 'string' } } },
            allowedEvents: { type: 'array', items: { type: 'string' } },
            handlerId: { type: 'string' },
            reviewerId: { type: ['string', 'null'] },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/auth/token': {
        post: {
          security: [],
          summary: 'Sign in: a bearer token and its expiresAt (429 throttled, 423 account locked, both with Retry-After)',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/TokenRequest' } } } },
          responses: { '200': { description: 'A bearer token' }, ...problems(400, 401, 423, 429) },
        },
      },
      '/api/v1/auth/revoke': {
        post: {
          summary: 'Revoke the presented token, or with {all: true} every token and desk session of its user',
          requestBody: { required: false, content: { 'application/json': { schema: { $ref: '#/components/schemas/RevokeRequest' } } } },
          responses: { '200': { description: 'What was revoked' }, ...problems(400, 401) },
        },
      },
      '/api/v1/cases': {
        post: {
          summary: '立案: open a case (handler)',
          parameters: writeHeaders.slice(1),
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Draft' } } } },
          responses: { ...caseOk('201'), ...problems(400, 401, 403) },
        },
        get: {
          summary: 'List cases',
          parameters: [
            { name: 'state', in: 'query', schema: { type: 'string' } },
            { name: 'mine', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          responses: { '200': { description: 'Cases' }, ...problems(400, 401) },
        },
      },
      '/api/v1/cases/{id}': { get: { parameters: [idParam], responses: { ...caseOk('200'), ...problems(401, 404) } } },
      '/api/v1/cases/{id}/draft': {
        put: {
          summary: 'Revise the draft (its handler)',
          parameters: [idParam, ...writeHeaders],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Draft' } } } },
          responses: { ...caseOk('200'), ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      '/api/v1/cases/{id}/events': {
        post: {
          summary: 'Send an event',
          parameters: [idParam, ...writeHeaders],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseCommand' } } } },
          responses: { ...caseOk('200'), ...problems(400, 401, 403, 404, 409, 422) },
        },
        get: {
          summary: 'The case record, oldest first',
          parameters: [idParam, { name: 'include', in: 'query', schema: { type: 'string', enum: ['refused'] } }],
          responses: { '200': { description: 'Record entries' }, ...problems(401, 404) },
        },
      },
      '/healthz': { get: { security: [], responses: { '200': { description: 'Alive and the database answers' } } } },
      ...modulePaths(),
    },
  };
}
