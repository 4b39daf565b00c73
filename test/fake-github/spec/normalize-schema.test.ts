import { describe, expect, it } from '@jest/globals';
import { normalizeSchema } from './normalize-schema.js';

function normalized(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(schema);
  normalizeSchema(copy);
  return copy;
}

describe('normalising an OpenAPI 3.0 schema for Ajv', () => {
  it('turns a typed nullable into a type union, adding null to its enum', () => {
    expect(normalized({ type: 'string', enum: ['open', 'closed'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['open', 'closed', null],
    });
  });

  it('wraps an untyped nullable as "this, or null", keeping annotations outside', () => {
    const simpleUser = { $ref: '#/components/schemas/simple-user' };
    expect(normalized({ description: 'Who', nullable: true, allOf: [simpleUser] })).toEqual({
      description: 'Who',
      anyOf: [{ allOf: [simpleUser] }, { type: 'null' }],
    });
    expect(normalized({ nullable: true, description: 'anything' })).toEqual({
      description: 'anything',
    });
  });

  it('lets null past the subschemas of a typed nullable', () => {
    const branch = { properties: { a: { type: 'string' } } };
    expect(normalized({ type: 'object', nullable: true, allOf: [branch] })).toEqual({
      type: ['object', 'null'],
      anyOf: [{ allOf: [branch] }, { type: 'null' }],
    });
  });

  it('relaxes oneOf to anyOf, since GitHub branches overlap (null matches all three here)', () => {
    const value = {
      oneOf: [
        { type: 'string', nullable: true },
        { type: 'integer', nullable: true },
      ],
    };
    expect(normalized(value)).toEqual({
      anyOf: [{ type: ['string', 'null'] }, { type: ['integer', 'null'] }],
    });
    expect(normalized({ anyOf: [{ type: 'string' }], oneOf: [{ minLength: 1 }] })).toEqual({
      anyOf: [{ type: 'string' }],
      allOf: [{ anyOf: [{ minLength: 1 }] }],
    });
  });

  it('keeps only the date-time and uri formats, and drops discriminators', () => {
    expect(
      normalized({
        discriminator: { propertyName: 'type' },
        properties: {
          email: { type: 'string', format: 'email' },
          id: { type: 'integer', format: 'int64' },
          at: { type: 'string', format: 'date-time' },
          url: { type: 'string', format: 'uri' },
        },
      }),
    ).toEqual({
      properties: {
        email: { type: 'string' },
        id: { type: 'integer' },
        at: { type: 'string', format: 'date-time' },
        url: { type: 'string', format: 'uri' },
      },
    });
  });

  it('reaches nested schemas but leaves properties that are merely named like keywords', () => {
    const schema = {
      type: 'object',
      properties: {
        format: { type: 'string', nullable: true },
        nullable: { type: 'boolean' },
        items: { type: 'array', items: { type: 'string', format: 'email', nullable: true } },
      },
      additionalProperties: { type: 'integer', nullable: true },
    };
    expect(normalized(schema)).toEqual({
      type: 'object',
      properties: {
        format: { type: ['string', 'null'] },
        nullable: { type: 'boolean' },
        items: { type: 'array', items: { type: ['string', 'null'] } },
      },
      additionalProperties: { type: ['integer', 'null'] },
    });
  });
});
