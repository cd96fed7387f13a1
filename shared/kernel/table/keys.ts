/**
 * The one module that knows the table's keys and indexes. CDK builds the table from
 * `tableDefinition`, the local stack creates dynalite's table from the same object, and every
 * repository builds its keys with the functions below. Each index is named after the access
 * pattern it serves.
 */

export const PK = 'PK';
export const SK = 'SK';

/** Global secondary indexes, named after what they answer. */
export const indexes = {
  /** Every entity of one kind, newest first: sessions by date, shipments by creation time, waves by voting day. */
  byKind: { name: 'byKind', pk: 'kindPK', sk: 'kindSK' },
  /** Everything about one village: its shipments and its audit trail. */
  byVillage: { name: 'byVillage', pk: 'villagePK', sk: 'villageSK' },
} as const;

/** The table's shape, shared by the CDK construct and the local stack. */
export const tableDefinition = {
  partitionKey: PK,
  sortKey: SK,
  timeToLiveAttribute: 'expiresAt',
  // Every item an index holds is small (sessions keep their desa and registrations beside them),
  // so both project everything: a listing never needs a second read.
  globalIndexes: [
    { ...indexes.byKind, projection: 'ALL' as const },
    { ...indexes.byVillage, projection: 'ALL' as const },
  ],
} as const;

export interface Key {
  PK: string;
  SK: string;
}

/** Every key attribute an item may carry (table and index keys); records never include them. */
export const keyAttributes = [PK, SK, indexes.byKind.pk, indexes.byKind.sk, indexes.byVillage.pk, indexes.byVillage.sk];

/**
 * The audit trails: one per session and shipment, and the regency-wide ones. A trail's scope is
 * what the audit partition is named after.
 */
export const scopes = {
  regions: 'REGION',
  catalogue: 'CATALOGUE',
  allocations: 'ALLOCATION',
  session: (sessionId: string) => `SESSION#${sessionId}`,
  shipment: (shipmentId: string) => `SHIPMENT#${shipmentId}`,
  wave: (waveId: string) => `WAVE#${waveId}`,
  /** Who invited whom, changed whose group or kecamatan, disabled or enabled whom. */
  users: 'USERS',
} as const;

const REGION = 'REGION';

/** Key builders, one per entity. Codes and ids are validated before they reach a key. */
export const keys = {
  region: {
    partition: REGION,
    kecamatanPrefix: 'KEC#',
    villagePrefix: 'DESA#',
    kecamatan: (code: string): Key => ({ PK: REGION, SK: `KEC#${code}` }),
    village: (code: string): Key => ({ PK: REGION, SK: `DESA#${code}` }),
  },
  /**
   * A session's partition. Sort keys are chosen so that `REG#` items (registrations, each with
   * its check-in time) form one contiguous range the recap reads in one Query, and nothing else
   * sorts inside it.
   */
  session: {
    kind: 'SESSION',
    partition: (sessionId: string) => `SESSION#${sessionId}`,
    item: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'SESSION' }),
    /** The `byKind` keys that list sessions by date. */
    listing: (date: string, sessionId: string) => ({ kindPK: 'SESSION', kindSK: `${date}#${sessionId}` }),
    /** The running totals (registered, present): atomic counters. */
    totals: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'TOTALS' }),
    unitPrefix: 'UNIT#',
    /** An expected desa (`V`) or kecamatan (`K`). */
    unit: (sessionId: string, kind: 'village' | 'kecamatan', code: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `UNIT#${kind === 'village' ? 'V' : 'K'}#${code}`,
    }),
  },
  registration: {
    prefix: 'REG#',
    item: (sessionId: string, registrationId: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `REG#${registrationId}`,
    }),
  },
  /**
   * The places a counted role holds in one unit of a session (`SESI` for a role from no unit):
   * an atomic counter that keeps them within the role's `max`.
   */
  roleSeats: {
    item: (sessionId: string, roleCode: string, unitCode: string | undefined): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `SEATS#${roleCode}#${unitCode ?? 'SESI'}`,
    }),
  },
  /** A session's invitation to one desa or kecamatan (its code sealed; looked up by `invitationCode`). */
  invitation: {
    prefix: 'INV#',
    item: (sessionId: string, invitationId: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `INV#${invitationId}`,
    }),
  },
  /** Invitation code hash → its invitation; the code itself is stored only sealed. */
  invitationCode: {
    item: (hash: string): Key => ({ PK: `INVITE#${hash}`, SK: 'INVITE' }),
  },
  /**
   * An SK Panitia (or any file) uploaded through one invitation, in the session's partition: its
   * own range (`DOC#<invitation>#`), apart from the registrations' `REG#`.
   */
  invitationDocument: {
    item: (sessionId: string, invitationId: string, documentId: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `DOC#${invitationId}#${documentId}`,
    }),
  },
  /** Certificate code hash → the registration it certifies. */
  certificateCode: {
    item: (hash: string): Key => ({ PK: `CERT#${hash}`, SK: 'CERT' }),
  },
  /** A phone number used in a session (the guard that keeps it to one registration). */
  phone: {
    prefix: 'TEL#',
    item: (sessionId: string, phone: string): Key => ({ PK: `SESSION#${sessionId}`, SK: `TEL#${phone}` }),
  },
  item: {
    partition: 'ITEM',
    item: (code: string): Key => ({ PK: 'ITEM', SK: code }),
  },
  /** One per desa: its allocation and the quantities claimed by its shipments (the over-allocation gate). */
  logistics: {
    partition: 'LOGISTICS',
    item: (villageCode: string): Key => ({ PK: 'LOGISTICS', SK: villageCode }),
  },
  shipment: {
    kind: 'SHIPMENT',
    partition: (shipmentId: string) => `SHIPMENT#${shipmentId}`,
    item: (shipmentId: string): Key => ({ PK: `SHIPMENT#${shipmentId}`, SK: 'SHIPMENT' }),
    villagePartition: (villageCode: string) => `DESA#${villageCode}`,
    villageSortPrefix: 'SHIPMENT#',
    /** The index keys that list shipments newest first, regency-wide (`byKind`) and per desa (`byVillage`). */
    listing: (createdAt: string, shipmentId: string, villageCode: string) => ({
      kindPK: 'SHIPMENT',
      kindSK: `${createdAt}#${shipmentId}`,
      villagePK: `DESA#${villageCode}`,
      villageSK: `SHIPMENT#${createdAt}#${shipmentId}`,
    }),
  },
  document: {
    prefix: 'DOC#',
    item: (shipmentId: string, documentId: string): Key => ({ PK: `SHIPMENT#${shipmentId}`, SK: `DOC#${documentId}` }),
  },
  /** Receipt code hash → shipment; the code itself is never stored. */
  receiptCode: {
    item: (hash: string): Key => ({ PK: `RECEIPT#${hash}`, SK: 'RECEIPT' }),
  },
  counter: {
    /** The yearly sequence BAST numbers are drawn from. */
    bast: (year: string): Key => ({ PK: 'COUNTER', SK: `BAST#${year}` }),
    /** A session's certificate numbers. */
    certificate: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'CERTNO' }),
  },
  audit: {
    partition: (scope: string) => `AUDIT#${scope}`,
    villagePartition: (villageCode: string) => `DESA#${villageCode}`,
    villageSortPrefix: 'AUDIT#',
    /**
     * An entry's keys, derived from the entry itself, so writing the same entry again (a retried
     * request) overwrites it instead of adding a second; entries about a desa also join its trail.
     */
    item: (entry: { scope: string; at: string; action: string; entityId: string; villageCode?: string }) => {
      const sort = `${entry.at}#${entry.action}#${entry.entityId}`;
      return {
        PK: `AUDIT#${entry.scope}`,
        SK: sort,
        ...(entry.villageCode ? { villagePK: `DESA#${entry.villageCode}`, villageSK: `AUDIT#${sort}` } : {}),
      };
    },
  },
  /**
   * A wave's partition: the wave, its problems (`PROB#`) and its daily snapshots (`SNAP#<date>`),
   * so the board reads the wave and its problems in one Query.
   */
  wave: {
    kind: 'WAVE',
    partition: (waveId: string) => `WAVE#${waveId}`,
    item: (waveId: string): Key => ({ PK: `WAVE#${waveId}`, SK: 'WAVE' }),
    /** The `byKind` keys that list waves by voting day. */
    listing: (votingDay: string, waveId: string) => ({ kindPK: 'WAVE', kindSK: `${votingDay}#${waveId}` }),
    problemPrefix: 'PROB#',
    problem: (waveId: string, problemId: string): Key => ({ PK: `WAVE#${waveId}`, SK: `PROB#${problemId}` }),
    snapshotPrefix: 'SNAP#',
    snapshot: (waveId: string, date: string): Key => ({ PK: `WAVE#${waveId}`, SK: `SNAP#${date}` }),
  },
  /** A desa's place in a running wave: the guard that keeps it in one wave at a time. */
  waveVillage: {
    partition: 'WAVEDESA',
    item: (villageCode: string): Key => ({ PK: 'WAVEDESA', SK: villageCode }),
  },
  /**
   * The local user store (only where there is no Cognito: the local stack): every account in one
   * partition (a regency has tens), and a guard per e-mail address that keeps it to one account.
   */
  user: {
    partition: 'USER',
    item: (userId: string): Key => ({ PK: 'USER', SK: userId }),
    email: (email: string): Key => ({ PK: 'USEREMAIL', SK: email.toLowerCase() }),
  },
  /**
   * The lease that lets one change that takes an admin's access away run at a time, so that two
   * admins demoting each other at once cannot both pass the last-admin rule.
   */
  adminGuard: { PK: 'USERGUARD', SK: 'admins' } satisfies Key,
  /**
   * When each account last signed in, one item per account: written by the Cognito
   * post-authentication trigger (and by the local sign-in, which calls the same handler), read
   * whole by the people list (a regency has tens of accounts).
   */
  signIn: {
    partition: 'SIGNIN',
    item: (userId: string): Key => ({ PK: 'SIGNIN', SK: userId }),
  },
  rateLimit: {
    item: (bucket: string, window: string): Key => ({ PK: `RATE#${bucket}`, SK: window }),
  },
} as const;
