import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../api/config.ts';

test('defaults: port 4000 and a local Neo4j on 7687', () => {
  const config = loadConfig({});
  assert.equal(config.port, 4000);
  assert.equal(config.neo4j.kind, 'local');
  assert.equal(config.neo4j.kind === 'local' && config.neo4j.boltPort, 7687);
});

test('NEO4J_URI points at an external Neo4j, Aura and cluster schemes included', () => {
  for (const uri of ['neo4j+s://abc.databases.neo4j.io', 'neo4j://core1:7687', 'bolt://db:7687']) {
    const config = loadConfig({ NEO4J_URI: uri, NEO4J_USER: 'u', NEO4J_PASSWORD: 'p' });
    assert.deepEqual(config.neo4j, { kind: 'external', uri, user: 'u', password: 'p', database: undefined });
  }
});

test('bad settings are rejected with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'abc' }), (e: Error) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ NEO4J_URI: 'http://x' }), /NEO4J_URI must start with/);
  assert.throws(() => loadConfig({ LOAD_SEED: 'maybe' }), /LOAD_SEED/);
  assert.throws(() => loadConfig({ NEO4J_LOCAL_PORT: '70000' }), /NEO4J_LOCAL_PORT/);
});
