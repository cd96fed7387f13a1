import * as z from 'zod/mini';
import { Actor } from './caller.ts';

/** One audit entry as stored: which trail, who, when, what, and the state before and after. */
export const AuditRecord = z.object({
  /** The trail it belongs to: `REGION`, `SESSION#<id>`, `SHIPMENT#<id>` (see `scopes`). */
  scope: z.string(),
  at: z.string(),
  action: z.string(),
  actor: Actor,
  entityId: z.string(),
  /** The desa the change concerns, so the desa's own trail shows it too. */
  villageCode: z.optional(z.string()),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
