// A fictional dataset with a claim for every relation type between every pair of entity types
// the model allows, so a format's mapping is tried on every kind of end. Ids are the awkward
// ones the model allows and other formats may not ("_", a trailing "." or "-").
import assert from 'node:assert/strict';
import { ENTITY_TYPE_NAMES, RELATION_TYPES, RELATION_TYPE_NAMES, CLAIM_STATUSES, type EntityType } from '../../api/domain/model.ts';
import { validateDataset, type Dataset } from '../../api/exchange/dataset.ts';

const idOf = (type: EntityType, which: 'a' | 'b') => (which === 'a' ? `${type.toLowerCase()}_a` : `${type.toLowerCase()}-b.`);

const FIELDS: Partial<Record<EntityType, Record<string, unknown>>> = {
  Country: { code: 'XA' },
  Contract: { value: 1000, currency: 'XAU', start: '2020-05', end: '2022' },
  Abuse: { category: 'mass-surveillance', start: '2021' },
  Conflict: { start: '2019-02-03' },
  Population: { size: 5000 },
  Company: { country: 'XB', isin: 'XA0000000009' },
};

export function everyEndpointDataset(): Dataset {
  const entities = ENTITY_TYPE_NAMES.flatMap((type) =>
    (['a', 'b'] as const).map((which) => ({ id: idOf(type, which), type, name: `Fictional ${type} ${which.toUpperCase()}`, ...FIELDS[type] })),
  );
  let n = 0;
  const relations = RELATION_TYPE_NAMES.flatMap((type) => {
    const spec = RELATION_TYPES[type];
    return spec.from.flatMap((from) =>
      (spec.to as readonly EntityType[]).map((to) => {
        n++;
        const dates = n % 3 === 0 ? { start: '2021' } : n % 3 === 1 ? { start: '2020-02', end: '2024-02-29' } : {};
        return {
          from: idOf(from, 'a'),
          type,
          to: idOf(to, 'b'),
          status: CLAIM_STATUSES[n % CLAIM_STATUSES.length],
          summary: `Fictional ${type} claim ${n}.`,
          ...(n % 4 === 0 ? { confidence: 0.25 } : {}),
          ...(type === 'OWNS' || type === 'HOLDS' ? { percentage: 12.5 } : {}),
          ...dates,
          sources: [n % 2 === 0 ? 'src_gazette' : 'src-wire.'],
        };
      }),
    );
  });
  const result = validateDataset(
    {
      sources: [
        { id: 'src_gazette', publisher: 'Freedonia Gazette', title: 'A fictional report', url: 'https://gazette.example/a', date: '2024-01' },
        { id: 'src-wire.', publisher: 'Sylvania Wire', title: 'Another fictional report', url: 'https://wire.example/b' },
      ],
      entities,
      relations,
    },
    'every-endpoint.json',
  );
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems.slice(0, 5), null, 1));
  return result.dataset;
}
