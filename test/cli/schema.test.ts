import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderScenarioJsonSchema } from '../../src/scenario/index';
import { cli, tempDir } from './harness';

describe('schema', () => {
  it('"schema -" prints the draft-07 JSON Schema', async () => {
    const r = await cli(['schema', '-']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(doc.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(r.out).toBe(renderScenarioJsonSchema());
  });

  it('--out writes the file, relative to the working directory', async () => {
    const dir = tempDir();
    const r = await cli(['schema', '--out', 'x.schema.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toBe('wrote x.schema.json\n');
    expect(readFileSync(join(dir, 'x.schema.json'), 'utf8')).toBe(renderScenarioJsonSchema());
    const dash = await cli(['schema', '--out', '-']);
    expect(dash.out).toBe(renderScenarioJsonSchema());
  });

  it('an unwritable place is an error naming it', async () => {
    const r = await cli(['schema', '--out', join(tempDir(), 'no', 'such', 'dir.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^cannot write .*dir\.json: no such file\n$/);
  });

  it('takes no other argument', async () => {
    const r = await cli(['schema', 'out.json']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('unexpected argument "out.json" for "schema"');
  });
});
