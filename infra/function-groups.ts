import type { FunctionGroup } from '#shared/routes.ts';

/** DynamoDB actions a function may call. Scan is never granted: every access pattern is a Query. */
export type TableAction =
  | 'GetItem'
  | 'Query'
  | 'BatchGetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem';

/** S3 actions a function may call on the documents bucket. */
export type BucketAction = 's3:GetObject' | 's3:PutObject' | 's3:DeleteObject';

/** What a function may do with the regency's secrets key: seal codes, or open them again. */
export type KeyAction = 'kms:Encrypt' | 'kms:Decrypt';

/** Cognito actions a function may call on the regency's user pool (only `users` calls any). */
export type UserPoolAction =
  | 'cognito-idp:ListUsers'
  | 'cognito-idp:ListUsersInGroup'
  | 'cognito-idp:AdminCreateUser'
  | 'cognito-idp:AdminAddUserToGroup'
  | 'cognito-idp:AdminRemoveUserFromGroup'
  | 'cognito-idp:AdminUpdateUserAttributes'
  | 'cognito-idp:AdminDeleteUserAttributes'
  | 'cognito-idp:AdminDeleteUser'
  | 'cognito-idp:AdminDisableUser'
  | 'cognito-idp:AdminEnableUser'
  | 'cognito-idp:AdminUserGlobalSignOut';

export interface GroupSettings {
  /** Exactly the table actions the group's code uses. */
  table: readonly TableAction[];
  bucket: readonly BucketAction[];
  /** Sealing and opening the codes organizers print again (receipt codes); most functions none. */
  secrets?: readonly KeyAction[];
  /** Exactly the Cognito actions the group's code calls, granted on the user pool only. */
  userPool?: readonly UserPoolAction[];
  /**
   * Table actions only the local stand-in for a managed service uses (the local user store stands
   * in for Cognito): called locally, never granted in AWS. The least-privilege tour allows them.
   */
  localTable?: readonly TableAction[];
  memoryMb: number;
  /** Seconds a call may run (10 unless the group's work is bulk by nature). */
  timeoutSeconds?: number;
  /** The built pages are copied next to the bundle. */
  includeWeb?: boolean;
  /** The PDF fonts are copied next to the bundle. */
  includeFonts?: boolean;
}

/**
 * Per-function permissions and sizing. Typed by the route table's group list, so a new group
 * without settings does not compile; the CDK tests assert each function's policy equals this.
 */
export const groupSettings: Record<FunctionGroup, GroupSettings> = {
  regions: { table: ['Query', 'BatchWriteItem'], bucket: [], memoryMb: 512 },
  // Bulk work: a region file, or a part of a participant list (250 rows, two conditional writes each).
  imports: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    bucket: [],
    // Each new row's pass is sealed with the session's key, opened once (and made for an older session).
    secrets: ['kms:Encrypt', 'kms:Decrypt'],
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  // A session naming its wave reads the wave (GetItem); a new session gets its own key, sealed (Encrypt).
  sessions: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'PutItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Encrypt'],
    memoryMb: 512,
  },
  // Every registration reply carries the person's pass, sealed and opened with the session's key.
  registrations: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Encrypt', 'kms:Decrypt'],
    memoryMb: 1024,
  },
  exports: { table: ['Query', 'GetItem', 'BatchGetItem'], bucket: [], memoryMb: 1024 },
  // The letters make the invitations they print where missing (BatchWriteItem); certificates are
  // numbered and issued at their first print (UpdateItem, BatchWriteItem); codes and passes are
  // opened with the session's key (made for an older session: Encrypt).
  pdf: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'UpdateItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Encrypt', 'kms:Decrypt'],
    memoryMb: 1024,
    includeFonts: true,
  },
  logistics: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Encrypt', 'kms:Decrypt'],
    memoryMb: 512,
  },
  // The board reads the wave, its sessions' registrations and the logistics of its months; the
  // chase list opens the sealed receipt codes of pending deliveries to link the village's page.
  waves: {
    table: ['Query', 'GetItem', 'BatchGetItem', 'PutItem', 'DeleteItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Decrypt'],
    memoryMb: 1024,
  },
  // A code is looked up by itself (GetItem); an unknown one counts against its caller (UpdateItem).
  receipts: { table: ['GetItem', 'Query', 'UpdateItem', 'BatchWriteItem'], bucket: [], memoryMb: 512 },
  // A unit's invitation: its lookup, the session, the unit's places; registering as the desk does
  // (phone guard, counters, the record, the audit entry), the pass sealed with the session's key.
  invitations: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    bucket: [],
    secrets: ['kms:Encrypt', 'kms:Decrypt'],
    memoryMb: 512,
  },
  documents: {
    table: ['GetItem', 'PutItem', 'UpdateItem', 'BatchWriteItem'],
    bucket: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
    memoryMb: 512,
  },
  audit: { table: ['Query'], bucket: [], memoryMb: 256 },
  // Accounts live in Cognito: the function reads a kecamatan's name to check it (GetItem) and writes
  // the audit entry (BatchWriteItem). Locally the same use cases keep accounts in the table instead.
  users: {
    // Query: the sign-ins the trigger notes (and, locally, the user store); GetItem: regions;
    // PutItem and DeleteItem: the admins' lease (admin-guard.ts; locally the user store too).
    table: ['Query', 'GetItem', 'PutItem', 'DeleteItem', 'BatchWriteItem'],
    localTable: ['UpdateItem'],
    bucket: [],
    userPool: [
      'cognito-idp:ListUsers',
      'cognito-idp:ListUsersInGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ],
    memoryMb: 256,
  },
  openapi: { table: [], bucket: [], memoryMb: 256 },
  web: { table: [], bucket: [], memoryMb: 256, includeWeb: true },
};

/** Functions no route calls: run on a schedule (EventBridge Scheduler). */
export const scheduledFunctions = ['snapshots'] as const;
export type ScheduledFunction = (typeof scheduledFunctions)[number];

/**
 * The scheduled functions' permissions and timing. `snapshots` stores each running wave's
 * readiness totals every morning at 07:00 where the regency is (it reads what the board reads and
 * writes one item per wave).
 */
export const scheduledSettings: Record<ScheduledFunction, GroupSettings & { hour: number; minute: number }> = {
  snapshots: { table: ['Query', 'PutItem'], bucket: [], memoryMb: 1024, timeoutSeconds: 120, hour: 7, minute: 0 },
};

/**
 * The sign-in trigger (Cognito's post-authentication trigger, `functions/signins.ts`): it notes
 * when each person signed in, one PutItem; the people list reads those notes.
 */
export const signInTriggerSettings: GroupSettings = {
  table: ['PutItem'],
  bucket: [],
  memoryMb: 256,
  timeoutSeconds: 5,
};
