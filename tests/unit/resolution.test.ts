// Entity resolution of a list's companies against the stored ones (fictional names): what is
// certain folds into the stored entity, what is not goes to review, and decisions are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimRecord, Dataset, EntityRecord } from '../../api/exchange/dataset.ts';
import { pairKey, resolveIncoming, type GraphState } from '../../api/resolution/resolve.ts';

const company = (id: string, name: string, props: EntityRecord['props'] = {}): EntityRecord => ({ id, type: 'Company', name, props });

const STORED: EntityRecord[] = [
  company('zephyr-optics', 'Zephyr Optics Technology', { country: 'XA', aliases: ['Zephyr'] }),
  company('quill-holdings', 'Quill Holdings Inc.', { country: 'XB' }),
  company('lantern-bank', 'Lantern Bank', { country: 'XC', lei: '5299000J2N45DDNE4Y28' }),
];

const graph = (over: Partial<GraphState> = {}): GraphState => ({ stored: STORED, mergedInto: new Map(), decisions: new Map(), ...over });

const listed = (from: string): ClaimRecord => ({
  id: `${from}--sanctioned-by--fictional-regulator`,
  type: 'SANCTIONED_BY',
  from,
  to: 'fictional-regulator',
  status: 'officially-listed',
  sourceIds: ['src-fictional-list'],
  summary: `The fictional regulator lists ${from}.`,
});

function list(...entities: EntityRecord[]): Dataset {
  const regulator: EntityRecord = { id: 'fictional-regulator', type: 'StateBody', name: 'Fictional Regulator', props: {} };
  return { sources: [], entities: [regulator, ...entities], claims: entities.map((e) => listed(e.id)) };
}

test('the same name once legal form is set aside, in the same country, folds into the stored entity', () => {
  const r = resolveIncoming(list(company('zephyr-optics-technology-company', 'Zephyr Optics Technology Company', { country: 'XA' })), graph());
  assert.deepEqual(r.merged.map((m) => [m.id, m.into]), [['zephyr-optics-technology-company', 'zephyr-optics']]);
  assert.deepEqual(r.review, []);
  const stored = r.dataset.entities.find((e) => e.id === 'zephyr-optics')!;
  assert.equal(stored.name, 'Zephyr Optics Technology', 'the stored name is kept');
  assert.deepEqual(stored.props.aliases, ['Zephyr', 'Zephyr Optics Technology Company'], 'the list’s name is kept as an alias');
  assert.ok(!r.dataset.entities.some((e) => e.id === 'zephyr-optics-technology-company'));
  assert.deepEqual(r.dataset.claims.map((c) => c.from), ['zephyr-optics'], 'its claims join the stored entity');
});

test('a folded entity keeps the stored fields and gains the items of list fields it lacks', () => {
  const stored = company('zephyr-optics', 'Zephyr Optics Technology', { country: 'XA', topics: ['sanction'] });
  const r = resolveIncoming(list(company('zot', 'Zephyr Optics Technology', { country: 'XA', topics: ['sanction', 'export.control'], sector: 'optics' })), graph({ stored: [stored] }));
  const after = r.dataset.entities.find((e) => e.id === 'zephyr-optics')!;
  assert.deepEqual(after.props.topics, ['sanction', 'export.control']);
  assert.equal(after.props.sector, 'optics');
  assert.equal(after.props.country, 'XA');
});

test('a name matching a stored alias, with no country to contradict it, folds too; an LEI decides whatever the names', () => {
  const r = resolveIncoming(list(company('zephyr', 'ZEPHYR'), company('lb', 'Lantern Banking Group', { lei: '5299000j2n45ddne4y28' })), graph());
  assert.deepEqual(r.merged.map((m) => [m.id, m.into]).sort(), [['lb', 'lantern-bank'], ['zephyr', 'zephyr-optics']]);
  assert.match(r.merged.find((m) => m.id === 'lb')!.reason, /LEI/);
});

test('the same name in another country is not merged: it goes to review', () => {
  const r = resolveIncoming(list(company('zephyr-optics-technology', 'Zephyr Optics Technology', { country: 'XD' })), graph());
  assert.deepEqual(r.merged, []);
  assert.deepEqual(r.review.map((p) => [p.key, p.doubt]), [[pairKey('zephyr-optics-technology', 'zephyr-optics'), 'the countries differ (XD and XA)']]);
  assert.ok(r.dataset.entities.some((e) => e.id === 'zephyr-optics-technology'), 'written as its own entity meanwhile');
});

test('a parent and a subsidiary are not duplicates: "Quill Holdings Inc." and "Quill.com B.V." stay two', () => {
  const r = resolveIncoming(list(company('quill-com-b-v', 'Quill.com B.V.', { country: 'XE' })), graph());
  assert.deepEqual(r.merged, []);
  assert.ok(r.dataset.entities.some((e) => e.id === 'quill-com-b-v'));
  assert.deepEqual(r.dataset.claims.map((c) => c.from), ['quill-com-b-v']);
});

test("an editor's decisions are applied: different keeps them apart and out of the queue, same folds", () => {
  const incoming = company('zephyr-optics-technology', 'Zephyr Optics Technology', { country: 'XD' });
  const key = pairKey(incoming.id, 'zephyr-optics');
  const apart = resolveIncoming(list(incoming), graph({ decisions: new Map([[key, 'different']]) }));
  assert.deepEqual([apart.merged, apart.review], [[], []]);
  const one = resolveIncoming(list(incoming), graph({ decisions: new Map([[key, 'same']]) }));
  assert.deepEqual(one.merged.map((m) => [m.id, m.into, m.reason]), [[incoming.id, 'zephyr-optics', 'an editor confirmed they are one']]);
});

test('an id merged away earlier folds into its survivor on the next import', () => {
  const r = resolveIncoming(list(company('zephyr-old-id', 'Something Else Entirely')), graph({ mergedInto: new Map([['zephyr-old-id', 'zephyr-optics']]) }));
  assert.deepEqual(r.merged.map((m) => [m.id, m.into]), [['zephyr-old-id', 'zephyr-optics']]);
  assert.deepEqual(r.dataset.claims.map((c) => c.from), ['zephyr-optics']);
});

test('two rows of one list are two enterprises to its publisher: the second look-alike goes to review, not into the same entity', () => {
  const r = resolveIncoming(
    list(company('zephyr-optics-technology-ltd', 'Zephyr Optics Technology Ltd', { country: 'XA' }), company('zephyr-optics-technology-plc', 'Zephyr Optics Technology PLC', { country: 'XA' })),
    graph(),
  );
  assert.deepEqual(r.merged.map((m) => m.id), ['zephyr-optics-technology-ltd']);
  assert.deepEqual(r.review.map((p) => [p.incomingId, p.doubt]), [['zephyr-optics-technology-plc', 'another row of the same list was already merged into Zephyr Optics Technology']]);
});

test('entities that are not companies or investors are joined by id only, never by name', () => {
  const r = resolveIncoming(list(), graph({ stored: [...STORED, { id: 'other-regulator', type: 'StateBody', name: 'Fictional Regulator', props: {} }] }));
  assert.deepEqual([r.merged, r.review], [[], []]);
});
