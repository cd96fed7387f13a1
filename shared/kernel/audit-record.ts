import * as z from 'zod/mini';

/** Who made a change: a signed-in person, or a village acting through the code it was given. */
export const Actor = z.union([
  z.object({ type: z.literal('user'), sub: z.string(), name: z.string() }),
  z.object({ type: z.literal('village'), villageCode: z.string() }),
]);
export type Actor = z.infer<typeof Actor>;

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
  /** Why a correction was made, in the words of the person who made it. */
  reason: z.optional(z.string()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
