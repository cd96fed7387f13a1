import * as z from 'zod/mini';
import { AuditRecord } from '#shared/kernel/audit-record.ts';
import { contract } from '#shared/kernel/http/contract.ts';
import { PageQuery, Ulid, VillageCode } from '#shared/kernel/schemas.ts';

/** An entry as the API shows it: the stored record without the trail it sits in. */
export const AuditEntry = z.omit(AuditRecord, { scope: true });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Exactly one of the trails: a session, a shipment, a wave, a desa, or one of the regency-wide ones. */
export const AuditQuery = z
  .strictObject({
    ...PageQuery.shape,
    sessionId: z.optional(Ulid),
    shipmentId: z.optional(Ulid),
    waveId: z.optional(Ulid),
    villageCode: z.optional(VillageCode),
    trail: z.optional(z.enum(['regions', 'catalogue', 'allocations', 'users'])),
  })
  .check(
    z.refine(
      (query) =>
        [query.sessionId, query.shipmentId, query.waveId, query.villageCode, query.trail].filter(
          (value) => value !== undefined,
        ).length === 1,
      { error: 'field.audit.oneTrail', path: ['sessionId'] },
    ),
  );

export const listAudit = contract({
  summary: 'Who changed what, when, with the state before and after; newest first',
  tag: 'Audit',
  query: AuditQuery,
  replies: {
    200: {
      description: 'A page of the trail',
      schema: z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()) }),
    },
  },
});
