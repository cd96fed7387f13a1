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
  /** Every entity of one kind, newest first: sessions by date, shipments by creation time. */
  byKind: { name: 'byKind', pk: 'kindPK', sk: 'kindSK' },
  /** Everything about one village: its shipments and its audit trail. */
  byVillage: { name: 'byVillage', pk: 'villagePK', sk: 'villageSK' },
} as const;

/** Attributes projected into `byKind`; listing never needs the big ledger maps of a session. */
export const byKindProjection = [
  'id',
  'title',
  'date',
  'venue',
  'capacity',
  'createdAt',
  'villageCode',
  'status',
  'bastNumber',
  'lines',
  'receipt',
  'kecamatanCode',
] as const;

/** The table's shape, shared by the CDK construct and the local stack. */
export const tableDefinition = {
  partitionKey: PK,
  sortKey: SK,
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { ...indexes.byKind, projection: byKindProjection },
    { ...indexes.byVillage, projection: 'ALL' as const },
  ],
} as const;

export interface Key {
  PK: string;
  SK: string;
}

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
  session: {
    kind: 'SESSION',
    partition: (sessionId: string) => `SESSION#${sessionId}`,
    item: (sessionId: string): Key => ({ PK: `SESSION#${sessionId}`, SK: 'SESSION' }),
    kindSort: (date: string, sessionId: string) => `${date}#${sessionId}`,
  },
  registration: {
    prefix: 'REG#',
    item: (sessionId: string, registrationId: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `REG#${registrationId}`,
    }),
  },
  checkIn: {
    prefix: 'CHK#',
    item: (sessionId: string, registrationId: string): Key => ({
      PK: `SESSION#${sessionId}`,
      SK: `CHK#${registrationId}`,
    }),
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
    kindSort: (createdAt: string, shipmentId: string) => `${createdAt}#${shipmentId}`,
    villagePartition: (villageCode: string) => `DESA#${villageCode}`,
    villageSortPrefix: 'SHIPMENT#',
    villageSort: (createdAt: string, shipmentId: string) => `SHIPMENT#${createdAt}#${shipmentId}`,
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
    item: (name: string): Key => ({ PK: 'COUNTER', SK: name }),
  },
  audit: {
    partition: (scope: string) => `AUDIT#${scope}`,
    villagePartition: (villageCode: string) => `DESA#${villageCode}`,
    villageSortPrefix: 'AUDIT#',
  },
  rateLimit: {
    item: (bucket: string, window: string): Key => ({ PK: `RATE#${bucket}`, SK: window }),
  },
} as const;
