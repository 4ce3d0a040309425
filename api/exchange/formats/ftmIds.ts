// Ids both ways between the project and FollowTheMoney. FtM entity ids are letters, digits,
// "." and "-" (starting and ending with a letter or digit), at most 200 characters; project
// ids may also hold "_" or end with "." or "-", and claim ids join two ids. An id FtM can take
// is written as it is; any other becomes a valid FtM id (its FtM-safe characters plus a hash
// of the whole id), and the line's conflictLinks block keeps the project id, so our import
// reads it back unchanged and resolves every reference to it.
import { projectId, shortHash } from './ftmMapping.ts';

const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
const FTM_ID_MAX = 200;

export function isFtmId(id: string): boolean {
  return id.length <= FTM_ID_MAX && FTM_ID.test(id);
}

/** The FtM id of a project id (of an entity, a source or a claim). */
export function ftmId(id: string): string {
  if (isFtmId(id)) return id;
  const safe = id
    .replace(/[^0-9a-zA-Z.-]+/g, '-')
    .slice(0, 180)
    .replace(/^[^0-9a-zA-Z]+|[^0-9a-zA-Z]+$/g, '');
  return `${safe || 'cl'}-${shortHash(id)}`;
}

/**
 * Project ids for the FtM ids of a file: the project id a line's block names (our own export),
 * else projectId's mapping of the FtM id.
 */
export function ftmIdResolver(records: readonly { id: string; block: Record<string, unknown> }[]): (ftmRef: string) => string {
  const named = new Map<string, string>();
  for (const rec of records) if (typeof rec.block.id === 'string') named.set(rec.id, rec.block.id);
  return (ref) => named.get(ref) ?? projectId(ref);
}
