// Break tests for issue 15, the generated OpenAPI document's token parts. Each fails today.
import { describe, expect, it } from 'vitest';
import { corsAllows } from '../lib/cors';
import { api } from '../../test/helpers';

type Schema = Record<string, unknown>;
type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
};

describe('break15: the OpenAPI document', () => {
  it('every documented JSON response has a JSON Schema (the 403 of scoped routes is {"vendor":"zod"})', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    const broken: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [status, res] of Object.entries(op.responses)) {
          const schema = res.content?.['application/json']?.schema;
          if (schema && !('type' in schema || '$ref' in schema || 'anyOf' in schema || 'oneOf' in schema))
            broken.push(`${method.toUpperCase()} ${path} ${status}: ${JSON.stringify(schema)}`);
        }
    expect(broken).toEqual([]);
  });

  it('the 403 of a route taking tokens documents the error envelope with its code', async () => {
    const doc = (await api<Doc>('/api/openapi.json')).body;
    const forbidden = doc.paths['/api/conversations/{id}/messages']!.post!.responses['403'];
    const schema = forbidden?.content?.['application/json']?.schema as { properties?: { error?: unknown } };
    expect(schema?.properties?.error, JSON.stringify(schema)).toBeTruthy();
  });

  it('the public document is readable from any origin (an API explorer on its own site) when CONSOLE_ORIGIN is set', () => {
    const url = 'https://api.parley.example/api/openapi.json';
    expect(corsAllows('https://editor.swagger.io', '/api/openapi.json', url, 'https://console.parley.example')).toBe(
      true,
    );
  });
});
