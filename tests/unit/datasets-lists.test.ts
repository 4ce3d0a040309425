import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { OFFICIAL_LISTS } from '../../api/datasets/importList.ts';

test("the API's OfficialList enum names every list a reader is registered for, and no other", () => {
  const sdl = readFileSync(new URL('../../api/schema/datasets.graphql', import.meta.url), 'utf8');
  const body = /enum OfficialList \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
  const values = body.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
  assert.deepEqual(values.map((v) => v.toLowerCase().replace(/_/g, '-')).sort(), Object.keys(OFFICIAL_LISTS).sort());
});
