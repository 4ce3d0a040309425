import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { staticFileFor } from '../../api/staticFiles.ts';

const root = mkdtempSync(join(tmpdir(), 'static-files-'));
const web = join(root, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(join(web, 'assets', 'app.js'), '');
writeFileSync(join(root, 'outside.txt'), '');
after(() => rmSync(root, { recursive: true, force: true }));

test('a URL that cannot be decoded names no file and is refused (null)', () => {
  for (const url of ['/%', '/%E0%A4%A', '/%c0%ae%c0%ae/', '/a%zz', '/%00', '/assets/app.js%00', '//[']) {
    assert.equal(staticFileFor(web, url), null, url);
  }
});

test('a file inside the folder is found, with or without encoding and a query', () => {
  for (const url of ['/assets/app.js', '/assets/%61pp.js', '/assets/app.js?v=1', '/x/../assets/app.js']) {
    assert.equal(staticFileFor(web, url), join(web, 'assets', 'app.js'), url);
  }
});

test('paths out of the folder, however spelled, name no file (the index is served instead)', () => {
  for (const url of ['/../outside.txt', '/..%2foutside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/', '/assets', '/nope']) {
    assert.equal(staticFileFor(web, url), undefined, url);
  }
});
