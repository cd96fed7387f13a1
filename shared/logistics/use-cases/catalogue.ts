/** The logistics catalogue: what kinds of goods a desa can be sent. */
import { type Principal, userActor } from '#shared/kernel/caller.ts';
import { type FieldIssue, ValidationFailed } from '#shared/kernel/errors.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { itemUnknown } from '../messages.ts';
import type { ItemRecord } from '../records.ts';
import { queryItems, upsertItem } from '../repository/catalogue.ts';

/** The catalogue, sorted by code. */
export async function listItems(): Promise<ItemRecord[]> {
  return (await queryItems()).sort((a, b) => a.code.localeCompare(b.code));
}

/** Creates or renames an item. */
export async function putItem(
  code: string,
  input: { name: string; unit: string },
  principal: Principal | null,
): Promise<ItemRecord> {
  const item = { code, ...input };
  await upsertItem(item, (before) => ({
    scope: scopes.catalogue,
    at: new Date().toISOString(),
    action: before ? 'item.updated' : 'item.created',
    actor: userActor(principal),
    entityId: code,
    before: before ?? null,
    after: item,
  }));
  return item;
}

/** The catalogue by code. */
export async function catalogue(): Promise<Map<string, ItemRecord>> {
  return new Map((await queryItems()).map((item) => [item.code, item]));
}

/** Refuses lines naming an item outside the catalogue, or the same item twice. */
export function checkLines(
  lines: ReadonlyArray<{ itemCode: string }>,
  items: ReadonlyMap<string, ItemRecord>,
  field = 'lines',
): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (!items.has(line.itemCode)) issues.push({ field: `${field}.${index}.itemCode`, key: itemUnknown });
    else if (seen.has(line.itemCode)) issues.push({ field: `${field}.${index}.itemCode`, key: 'field.duplicate' });
    seen.add(line.itemCode);
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
}
