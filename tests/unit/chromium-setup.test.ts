// What `npm test` does about Chromium before anything starts: go on, install it, or stop with
// the one command to run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEBIAN_CHROMIUM, chromiumAction, type ChromiumFacts } from '../support/chromium.ts';

const fresh: ChromiumFacts = { browserTestsWanted: true, path: DEBIAN_CHROMIUM, hasChromium: false, isRoot: true, hasAptGet: true };

test('Chromium present, or no browser test wanted: nothing to do, whoever runs it', () => {
  assert.deepEqual(chromiumAction({ ...fresh, hasChromium: true, isRoot: false }), { kind: 'ready' });
  for (const facts of [fresh, { ...fresh, isRoot: false }, { ...fresh, hasAptGet: false }]) {
    assert.deepEqual(chromiumAction({ ...facts, browserTestsWanted: false }), { kind: 'ready' }, 'unit or integration alone never installs');
  }
});

test('missing, as root with apt-get: install Debian\'s chromium', () => {
  assert.deepEqual(chromiumAction(fresh), { kind: 'install' });
});

test('missing and not root: stop, naming the sudo command and how to skip the browser tests', () => {
  const action = chromiumAction({ ...fresh, isRoot: false });
  assert.equal(action.kind, 'stop');
  const line = action.kind === 'stop' ? action.line : '';
  assert.ok(line.includes('`sudo apt-get install -y chromium`'), line);
  assert.ok(line.includes('`npm test -- unit integration`'), line);
  assert.ok(!line.includes('\n'), 'one line');
});

test('missing without apt-get: stop, saying to install Chromium and point CHROMIUM_PATH at it', () => {
  const action = chromiumAction({ ...fresh, hasAptGet: false });
  assert.equal(action.kind, 'stop');
  assert.match(action.kind === 'stop' ? action.line : '', /no apt-get: install Chromium and set CHROMIUM_PATH/);
});

test('a CHROMIUM_PATH that is not there is never "fixed" by installing Debian\'s', () => {
  const action = chromiumAction({ ...fresh, path: '/opt/chrome/chrome' });
  assert.equal(action.kind, 'stop');
  assert.match(action.kind === 'stop' ? action.line : '', /^CHROMIUM_PATH is \/opt\/chrome\/chrome, which is not an executable/);
});
