// The JSON Schemas of attest.yaml and of a document's frontmatter, built from the data the
// server checks with (the field table, the enums, the rule codes, the criteria map and the ML
// catalog), so that a YAML tool and Attest agree on what a document may say.
import type { BundledData } from '../../server/src/core/data/bundled';
import { KNOWN_SETTINGS } from '../../server/src/core/config/parse';
import { FIELDS, ID_PATTERN, REVIEW_CYCLES, fieldsFor, type FieldSpec } from '../../server/src/core/document/schema';
import { RULE_CODES } from '../../server/src/core/rules';
import { DOCUMENT_TYPES, SEVERITIES } from '../../server/src/core/types';
import { previewCatalogSource } from './previewCatalog';

type Schema = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
const DOCUMENT_ID = { type: 'string', pattern: ID_PATTERN.source };

/** Every criterion id a document may claim: the Trust Services Criteria and the bundled frameworks a workspace can turn on. */
function criterionIds(data: BundledData): string[] {
  const frameworks = [...data.frameworks, ...data.optionalFrameworkIds.flatMap((id) => data.optionalFramework(id) ?? [])];
  return [...new Set(frameworks.flatMap((f) => f.criteria.map((c) => c.id)))];
}

/** The keys of `satisfies`: each bundled framework with its own ids, and the names the TSC goes by. */
function satisfiesKeys(data: BundledData): Schema {
  const list = (ids: readonly string[]): Schema => ({ type: 'array', items: { enum: [...ids] } });
  const tsc = list(data.frameworks.flatMap((f) => f.criteria.map((c) => c.id)));
  return {
    ...Object.fromEntries(data.optionalFrameworkIds.map((id) => [id, list(data.optionalFramework(id)?.criteria.map((c) => c.id) ?? [])])),
    ...Object.fromEntries(['TSC', 'SOC 2', 'SOC2', 'TSC 2017'].map((key) => [key, tsc])),
  };
}

function fieldSchema(spec: FieldSpec, data: BundledData): Schema {
  const described = (schema: Schema): Schema => ({ description: spec.description, ...schema });
  switch (spec.kind) {
    case 'id':
    case 'reference':
      return described(DOCUMENT_ID);
    case 'enum':
      return described({ enum: [...(spec.values ?? [])] });
    case 'text':
      return described({ type: 'string', minLength: 1 });
    case 'version':
      return described({ type: ['string', 'number'], minLength: 1 });
    case 'date':
      return described(DATE);
    case 'review':
      return described({ type: 'object', required: ['cycle'], additionalProperties: false, properties: { cycle: { enum: [...REVIEW_CYCLES] }, last: DATE } });
    case 'criteria':
      return described({ type: 'array', items: { enum: criterionIds(data) } });
    case 'satisfies':
      return described({ type: 'object', additionalProperties: false, properties: satisfiesKeys(data) });
    case 'ml':
      return described({ type: 'array', items: { enum: data.topics.map((t) => t.id) } });
    case 'approval':
      return described({ type: 'object', required: ['by', 'on'], additionalProperties: false, properties: { by: { type: 'string', minLength: 1 }, on: DATE } });
    case 'evidence':
      return described({
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'collected'],
          anyOf: [{ required: ['path'] }, { required: ['url'] }, { required: ['no-event'] }],
          properties: { name: { type: 'string', minLength: 1 }, path: { type: 'string', minLength: 1 }, url: { type: 'string', minLength: 1 }, collected: DATE, 'no-event': { const: true } },
        },
      });
  }
}

/** One schema for every type: the fields all types share, and per `type` what it requires and which fields it does not take. */
export function frontmatterSchema(data: BundledData): Schema {
  const perType = DOCUMENT_TYPES.map((type) => {
    const allowed = new Set(fieldsFor(type).map((f) => f.key));
    return {
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: {
        required: FIELDS.filter((f) => f.requiredFor?.includes(type)).map((f) => f.key),
        properties: Object.fromEntries(FIELDS.filter((f) => !allowed.has(f.key)).map((f) => [f.key, false])),
      },
    };
  });
  return {
    $schema: DRAFT,
    title: 'Attest document frontmatter',
    description: 'The YAML frontmatter of an Attest policy, control, procedure, narrative or addendum.',
    type: 'object',
    required: FIELDS.filter((f) => f.requiredFor?.length === DOCUMENT_TYPES.length).map((f) => f.key),
    properties: Object.fromEntries(FIELDS.map((f) => [f.key, fieldSchema(f, data)])),
    // `x-` fields are extensions of other tools, which Attest never flags.
    patternProperties: { '^x-': {} },
    additionalProperties: false,
    allOf: perType,
  };
}

const SETTINGS: Readonly<Record<string, (data: BundledData) => Schema>> = {
  organization: () => ({ description: 'The organisation the policies belong to.', type: 'string' }),
  categories: (data) => ({
    description: 'Trust Services Categories in scope; Security always is.',
    type: 'array',
    uniqueItems: true,
    items: { enum: data.frameworks.flatMap((f) => f.categories.map((c) => c.key)) },
  }),
  ml: () => ({ description: 'Whether the ML addenda topics are required: `auto` once a document lists `ml` topics.', enum: [true, false, 'auto'] }),
  folders: () => ({ description: 'Folders that hold documents, relative to attest.yaml.', type: 'array', items: { type: 'string', minLength: 1 } }),
  sections: () => ({
    description: 'The required headings of each document type.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t, { type: 'array', items: { type: 'string', minLength: 1 } }])),
  }),
  rules: () => ({
    description: 'A severity per rule code, or `off`.',
    type: 'object',
    propertyNames: { enum: [...RULE_CODES] },
    additionalProperties: { enum: [...SEVERITIES, 'off', false] },
  }),
  exceptions: (data) => ({
    description: 'Criteria declared not applicable, each with the reason auditors read; an item of another framework names its framework.',
    type: 'array',
    items: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['criterion', 'reason'],
          properties: { criterion: { enum: criterionIds(data) }, reason: { type: 'string', minLength: 1 } },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['framework', 'id', 'reason'],
          properties: { framework: { enum: [...data.optionalFrameworkIds] }, id: { type: 'string', minLength: 1 }, reason: { type: 'string', minLength: 1 } },
        },
      ],
    },
  }),
  'ml-topics': (data) => ({
    description: 'ML topics to turn off, and topics of the workspace\'s own.',
    type: 'object',
    additionalProperties: false,
    properties: {
      disable: { type: 'array', items: { enum: data.topics.map((t) => t.id) } },
      add: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'title', 'home', 'auditor', 'template'],
          properties: {
            id: { type: 'string', minLength: 1 },
            title: { type: 'string', minLength: 1 },
            synonyms: { type: 'array', items: { type: 'string' } },
            home: { type: 'array', items: { type: 'string' } },
            supports: { type: 'array', items: { type: 'string' } },
            auditor: { type: 'string' },
            template: { type: 'string' },
          },
        },
      },
    },
  }),
  audit: () => ({
    description: 'The audit being prepared: `{ type: 2, period: { start, end } }` (Type II) or `{ type: 1, date }` (Type I).',
    oneOf: [
      { type: 'object', additionalProperties: false, required: ['type', 'period'], properties: { type: { const: 2 }, period: { type: 'object', additionalProperties: false, required: ['start', 'end'], properties: { start: DATE, end: DATE } } } },
      { type: 'object', additionalProperties: false, required: ['type', 'date'], properties: { type: { const: 1 }, date: DATE } },
    ],
  }),
  frameworks: (data) => ({
    description: 'Frameworks turned on besides the TSC: a bundled one by name, or a framework file of the workspace, in the format of the bundled criteria map.',
    type: 'array',
    items: { anyOf: [{ enum: [...data.optionalFrameworkIds] }, { type: 'string', pattern: '[/\\\\]|\\.(ya?ml|json)$' }] },
  }),
};

export function configSchema(data: BundledData): Schema {
  const missing = KNOWN_SETTINGS.filter((key) => !(key in SETTINGS));
  if (missing.length > 0) throw new Error(`attest.yaml settings without a schema: ${missing.join(', ')}`);
  return {
    $schema: DRAFT,
    title: 'Attest workspace configuration (attest.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(KNOWN_SETTINGS.map((key) => [key, SETTINGS[key](data)])),
  };
}

/** The files the generator writes (the schemas, and the preview card's catalog), relative to the repository, with their content. */
export function schemaFiles(data: BundledData): Record<string, string> {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'schemas/attest.schema.json': json(configSchema(data)),
    'schemas/frontmatter.schema.json': json(frontmatterSchema(data)),
    'client/src/preview/catalog.generated.ts': previewCatalogSource(data),
  };
}
