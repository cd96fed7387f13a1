/** The committed budgets (bench/budgets.json), read once for the budget tests. */
import { readFileSync } from 'node:fs';
import type { FunctionGroup } from '#shared/routes.ts';

export interface Budgets {
  floorBytes: number;
  bundleBytes: Record<FunctionGroup, number>;
  dynamoRequests: { registration: number; checkIn: number; recapQueryPages: number; confirmation: number };
  /** Write units (table and indexes) per operation, whatever the session's size. */
  writeUnits: { registration: number; checkIn: number; importPerRow: number };
  receiptPageBytes: number;
}

export const budgets = JSON.parse(
  readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8'),
) as Budgets;
