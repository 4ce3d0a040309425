import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withStoredFields } from '../../api/datasets/storedFields.ts';
import type { EntityRecord } from '../../api/exchange/dataset.ts';

const listed: EntityRecord = { id: 'fictional-optics-ltd', type: 'Company', name: 'Fictional Optics Ltd', props: { country: 'XA', aliases: ['Optics'] } };

test("an entity the graph holds keeps the fields the list does not give; the list's own fields win", () => {
  const [merged] = withStoredFields([listed], [{
    id: 'fictional-optics-ltd', type: 'Company', name: 'Fictional Optics Ltd', country: 'XB',
    description: 'A fictional maker of lenses.', isin: 'XS0000000009', aliases: ['FOL', 'Optics'],
  }]);
  assert.deepEqual(merged, {
    id: 'fictional-optics-ltd',
    type: 'Company',
    name: 'Fictional Optics Ltd',
    props: { country: 'XA', description: 'A fictional maker of lenses.', isin: 'XS0000000009', aliases: ['FOL', 'Optics'] },
  });
});

test('fields outside the model, empty lists, other ids and another type are not carried over', () => {
  const [same, other] = withStoredFields([listed, { ...listed, id: 'fictional-other-ltd' }], [
    { id: 'fictional-optics-ltd', type: 'Company', name: 'Fictional Optics Ltd', recordedBy: 'import:x', aliases: [], sector: null as unknown as string },
  ]);
  assert.deepEqual(same!.props, { country: 'XA', aliases: ['Optics'] });
  assert.deepEqual(other!.props, listed.props);
  const [typed] = withStoredFields([listed], [{ id: 'fictional-optics-ltd', type: 'StateBody', name: 'x', description: 'kept nowhere' }]);
  assert.equal(typed, listed);
});
