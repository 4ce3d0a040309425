// One FollowTheMoney interval line as a claim: its ends from the schema's properties (a
// Sanction's authority by name), its relation from the conflictLinks block, else from a role
// naming one, else from the schema; status, confidence and the rest from the block or the
// standard properties. What it cites is left to the caller (see ftmParse.ts).
import { isClaimStatus } from '../../domain/model.ts';
import { parseNumberCell } from './cells.ts';
import { LINK_SCHEMATA, linkSchema, projectId, roleRelation } from './ftmMapping.ts';
import type { IdOf } from './ftmRecords.ts';
import type { FtmRecord } from './ftmLines.ts';
import { dateOf } from './ftmRecords.ts';

export type FtmClaimResult =
  | { relation: Record<string, unknown>; defaultedStatus: boolean }
  | { problem: string };

/**
 * `authorityId` finds or adds the entity a Sanction's authority names. A role naming a
 * relation is read as that relation on its own schema, or on UnknownLink, which is how the
 * export writes a relation whose ends do not fit its schema (an abuse "part of" a conflict).
 */
export function ftmClaim(rec: FtmRecord, authorityId: (name: string) => string, idOf: IdOf): FtmClaimResult {
  const spec = LINK_SCHEMATA[rec.schema]!;
  const p = rec.properties;
  const role = p.role?.[0];
  const fromRef = p[spec.from]?.[0];
  if (!fromRef) return { problem: `"${rec.id}" (${rec.schema}) has no "${spec.from}"` };
  const roleType = role ? roleRelation(role) : null;
  const roleFits = roleType !== null && (linkSchema(roleType) === rec.schema || rec.schema === 'UnknownLink');
  const type = typeof rec.block.type === 'string' ? rec.block.type : roleFits ? roleType : spec.relation;

  let to: string;
  if (typeof rec.block.to === 'string') to = projectId(rec.block.to);
  else if (spec.to) {
    const toRef = p[spec.to]?.[0];
    if (!toRef) return { problem: `"${rec.id}" (${rec.schema}) has no "${spec.to}"` };
    to = idOf(toRef);
  } else {
    const authority = p.authority?.[0]?.trim();
    if (!authority) return { problem: `"${rec.id}" (${rec.schema}) names no authority` };
    to = authorityId(authority);
  }

  const relation: Record<string, unknown> = { from: idOf(fromRef), type, to };
  const ftmStatus = p.status?.[0];
  let defaultedStatus = false;
  if (typeof rec.block.status === 'string') relation.status = rec.block.status;
  else if (ftmStatus && isClaimStatus(ftmStatus)) relation.status = ftmStatus;
  else {
    relation.status = rec.schema === 'Sanction' ? 'sanctioned' : 'reported';
    defaultedStatus = true;
  }
  relation.summary = p.summary?.[0] ?? `[FollowTheMoney ${rec.schema} record${role ? `, role: ${role}` : ''}]`;
  const notes: string[] = p.description?.[0] !== undefined ? [p.description[0]] : [];
  if (ftmStatus !== undefined && ftmStatus !== relation.status) notes.push(`FollowTheMoney status: ${ftmStatus}`);
  const start = dateOf(p.startDate?.[0] ?? p.date?.[0]);
  const end = dateOf(p.endDate?.[0]);
  if (start !== undefined) relation.start = start;
  if (end !== undefined) relation.end = end;
  const share = p.percentage?.[0];
  if (share !== undefined) {
    const n = parseNumberCell(share.replace(/%$/, ''));
    // Ranges such as "25-50" are kept in the note, not guessed into one number.
    if (n !== null) relation.percentage = n;
    else notes.push(`percentage as reported: ${share}`);
  }
  if (rec.block.percentage !== undefined) relation.percentage = rec.block.percentage;
  if (rec.block.confidence !== undefined) relation.confidence = rec.block.confidence;
  if (notes.length > 0) relation.note = notes.join('; ');
  return { relation, defaultedStatus };
}
