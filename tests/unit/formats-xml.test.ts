import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';
import { exportDataset } from '../../api/exchange/formats/index.ts';
import { xmlEscape } from '../../api/exchange/formats/xml.ts';
import { seedPath } from '../../seed/seed.ts';

// A small, strict XML reader: enough to prove the exports are well-formed (one root, matched
// tags, unique attributes, only the five named references or numeric ones, no raw "<" or "&",
// no characters XML 1.0 forbids) and to read the values back for comparison.
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  assert.ok(!raw.includes('<'), `raw "<" in ${where}`);
  assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(raw), `forbidden character in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    assert.ok(match.endsWith(';'), `unterminated reference in ${where}`);
    if (ref in NAMED) return NAMED[ref]!;
    const n = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : NaN;
    assert.ok(Number.isInteger(n), `unknown reference &${ref}; in ${where}`);
    return String.fromCodePoint(n);
  });
}

function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => assert.fail(`${message} at offset ${i}: ${JSON.stringify(text.slice(i, i + 60))}`);
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const misc = () => {
    for (;;) {
      skip();
      if (text.startsWith('<?', i)) i = text.indexOf('?>', i) + 2;
      else if (text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3;
      else return;
    }
  };
  const element = (): XmlElement => {
    if (text[i] !== '<') fail('expected an element');
    i++;
    const name = NAME.exec(text.slice(i))?.[0] ?? fail('bad element name');
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      skip();
      if (text.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      const attr = NAME.exec(text.slice(i))?.[0] ?? fail('bad attribute name');
      i += attr.length;
      if (text[i] !== '=' || text[i + 1] !== '"') fail('expected ="');
      const end = text.indexOf('"', i + 2);
      assert.ok(!(attr in el.attrs), `attribute ${attr} twice on <${name}>`);
      el.attrs[attr] = decode(text.slice(i + 2, end), `${name}@${attr}`);
      i = end + 1;
    }
    for (;;) {
      const next = text.indexOf('<', i);
      if (next === -1) fail(`<${name}> is never closed`);
      el.text += decode(text.slice(i, next), `<${name}> text`);
      i = next;
      if (text.startsWith('</', i)) {
        const close = NAME.exec(text.slice(i + 2))?.[0];
        assert.equal(close, name, `</${close}> closes <${name}>`);
        i += 2 + name.length;
        skip();
        if (text[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3;
      else el.children.push(element());
    }
  };
  misc();
  const root = element();
  misc();
  assert.equal(i, text.length, 'content after the root element');
  return root;
}

const all = (el: XmlElement, name: string): XmlElement[] => [
  ...el.children.filter((c) => c.name === name),
  ...el.children.flatMap((c) => all(c, name)),
];

const seed = (): Dataset => {
  const result = validateDataset(JSON.parse(readFileSync(seedPath, 'utf8')), seedPath);
  assert.ok(result.ok);
  return result.dataset;
};

const hostileName = 'Acme <Widgets> & "Sons" \'Ltd\'\n\ttabbed\r\u0001\u00e9\ud83d\ude80 --> ]]>';
const hostile = (): Dataset => {
  const result = validateDataset(
    {
      sources: [{ id: 'src-a', publisher: 'P & <Q>', title: 'T "quoted"', url: 'https://example.org/?a=1&b=2' }],
      entities: [
        { id: 'acme', type: 'Company', name: 'Acme', aliases: ['A; B', 'C'] },
        { id: 'users', type: 'Population', name: 'Users', size: 12 },
      ],
      relations: [{ from: 'acme', type: 'PROVIDES_SERVICE_TO', to: 'users', status: 'alleged', summary: 'Summary <b>&amp;</b>', confidence: 0.5, sources: ['src-a'] }],
    },
    'hostile.json',
  );
  assert.ok(result.ok);
  // Imports refuse control characters now; data stored before that rule may still hold them.
  result.dataset.entities.find((e) => e.id === 'acme')!.name = hostileName;
  result.dataset.sources[0]!.title = 'T "quoted" \u0007';
  return result.dataset;
};

test('GraphML is well-formed and declares a typed key for every value it writes', () => {
  const root = parseXml(exportDataset(seed(), 'GRAPHML')[0]!.content);
  assert.equal(root.name, 'graphml');
  const keys = new Map(all(root, 'key').map((k) => [k.attrs.id!, k]));
  for (const key of keys.values()) assert.match(key.attrs['attr.type']!, /^(string|long|double|int|boolean)$/);
  for (const data of all(root, 'data')) assert.ok(keys.has(data.attrs.key!), `undeclared key ${data.attrs.key}`);
  assert.equal(all(root, 'graph')[0]!.attrs.edgedefault, 'directed');
});

test('GraphML holds every entity and every claim with its status and the sources it cites', () => {
  const ds = seed();
  const root = parseXml(exportDataset(ds, 'GRAPHML')[0]!.content);
  const keyName = new Map(all(root, 'key').map((k) => [k.attrs.id!, `${k.attrs.for}:${k.attrs['attr.name']}`]));
  const values = (el: XmlElement) => Object.fromEntries(el.children.map((d) => [keyName.get(d.attrs.key!)!, d.text]));
  const nodes = new Map(all(root, 'node').map((n) => [n.attrs.id!, values(n)]));
  assert.equal(nodes.size, ds.entities.length);
  for (const e of ds.entities) {
    assert.equal(nodes.get(e.id)?.['node:name'], e.name);
    assert.equal(nodes.get(e.id)?.['node:type'], e.type);
  }
  const edges = new Map(all(root, 'edge').map((e) => [e.attrs.id!, { ...e.attrs, ...values(e) }]));
  assert.equal(edges.size, ds.claims.length);
  const byId = new Map(ds.sources.map((s) => [s.id, s]));
  for (const c of ds.claims) {
    const edge = edges.get(c.id)!;
    assert.equal(edge.source, c.from);
    assert.equal(edge.target, c.to);
    assert.equal(edge['edge:relation'], c.type);
    assert.equal(edge['edge:status'], c.status);
    assert.deepEqual(JSON.parse(edge['edge:sources']!), c.sourceIds.map((id) => byId.get(id)));
    assert.equal(edge['edge:sourceUrls'], c.sourceIds.map((id) => byId.get(id)!.url).join(' '));
  }
});

test('GEXF 1.3 is well-formed, declares its attributes and holds every entity and claim', () => {
  const ds = seed();
  const root = parseXml(exportDataset(ds, 'GEXF')[0]!.content);
  assert.equal(root.name, 'gexf');
  assert.equal(root.attrs.version, '1.3');
  assert.equal(root.attrs.xmlns, 'http://gexf.net/1.3');
  const declared = new Set(all(root, 'attribute').map((a) => a.attrs.id));
  for (const v of all(root, 'attvalue')) assert.ok(declared.has(v.attrs.for), `undeclared attribute ${v.attrs.for}`);
  const nodes = all(root, 'node');
  assert.deepEqual(nodes.map((n) => n.attrs.id), ds.entities.map((e) => e.id));
  assert.deepEqual(nodes.map((n) => n.attrs.label), ds.entities.map((e) => e.name));
  const edges = all(root, 'edge');
  assert.equal(edges.length, ds.claims.length);
  ds.claims.forEach((c, i) => {
    const values = Object.fromEntries(all(edges[i]!, 'attvalue').map((v) => [v.attrs.for!, v.attrs.value!]));
    assert.equal(edges[i]!.attrs.id, c.id);
    assert.equal(edges[i]!.attrs.kind, c.type);
    assert.equal(values.status, c.status);
    assert.deepEqual(JSON.parse(values.sources!).map((s: { id: string }) => s.id), c.sourceIds);
  });
});

test('markup, quotes, line breaks and control characters in values stay data in both XML formats', () => {
  // XML 1.0 cannot carry U+0001 or U+0007 at all: they become U+FFFD; everything else survives.
  const expected = hostileName.replace('\u0001', '\uFFFD');
  const graphml = parseXml(exportDataset(hostile(), 'GRAPHML')[0]!.content);
  const names = all(graphml, 'data').filter((d) => d.attrs.key === 'n_name').map((d) => d.text);
  assert.deepEqual(names, [expected, 'Users']);
  const gexf = parseXml(exportDataset(hostile(), 'GEXF')[0]!.content);
  assert.equal(all(gexf, 'node')[0]!.attrs.label, expected);
  const sources = all(gexf, 'attvalue').find((v) => v.attrs.for === 'sources')!.attrs.value!;
  assert.deepEqual(JSON.parse(sources), [{ id: 'src-a', publisher: 'P & <Q>', title: 'T "quoted" \u0007', url: 'https://example.org/?a=1&b=2' }]);
  assert.equal(xmlEscape('a\u0007b'), 'a\uFFFDb');
});

test('the XML reader used here rejects what is not well-formed', () => {
  for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>1 < 2</a>', '<a>\u0001</a>', '<a/><b/>', '<a>']) {
    assert.throws(() => parseXml(bad), assert.AssertionError, bad);
  }
});
