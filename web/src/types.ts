/**
 * The shapes the organizer pages read, named once: each is an operation's reply (or an entry of
 * its list) as the contracts type it, so a change to a contract reaches the pages through tsc.
 */
import type { ItemOf, ReplyBody, RequestBody } from './operations.ts';

export type PublicConfig = ReplyBody<'getConfig'>;
export type Regions = ReplyBody<'getRegions'>;

export type Session = ReplyBody<'getSession'>;
export type SessionSummary = ItemOf<'listSessions'>;
export type Attendance = ReplyBody<'getAttendance'>;
export type Registration = ItemOf<'listRegistrations'>;

export type Item = ItemOf<'listItems'>;
export type Allocation = ItemOf<'listAllocations'>;
export type AllocationRule = RequestBody<'previewAllocations'>['rules'][number];
export type Basis = AllocationRule['basis'];
export type Preview = ReplyBody<'previewAllocations'>;
export type LogisticsSummary = ReplyBody<'getLogisticsSummary'>;
export type Shipment = ReplyBody<'getShipment'>;
export type ShipmentSummary = ItemOf<'listShipments'>;
export type Created = ReplyBody<'createShipment', 201>;
export type Receipt = NonNullable<Shipment['receipt']>;

export type AuditEntry = ItemOf<'listAudit'>;

export type Wave = ReplyBody<'getWave'>;
export type WaveSummary = ItemOf<'listWaves'>;
export type Stage = Wave['stages'][number];
export type Readiness = ReplyBody<'getReadiness'>;
export type VillageReadiness = Readiness['villages'][number];
export type ReadinessState = VillageReadiness['state'];
export type ReasonCode = VillageReadiness['reasons'][number]['code'];
export type FollowUps = ReplyBody<'getFollowUps'>;
export type FollowUp = FollowUps['items'][number];
export type Snapshot = ItemOf<'getReadinessHistory'>;
export type Problem = ItemOf<'listProblems'>;
