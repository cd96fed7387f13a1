/**
 * The route table: the single list of every HTTP route. The CDK stack builds API Gateway routes,
 * Lambda functions and authorizers from it, the local server serves it, the OpenAPI document is
 * generated from it, and the authorization tests are generated from it. Request and reply shapes
 * live in `shared/contracts`, keyed by `operationId`, so this module stays small enough to ship
 * inside every function (each function dispatches on `routeKey` with it).
 */

/** Who may call a route. `organizer` routes admit organizers and admins; `admin` only admins. */
export type Access = 'public' | 'organizer' | 'admin';

/**
 * What a kecamatan account may do on an organizer route; a route without it refuses them (403).
 * - `own`: only for its own units: the request must name a desa or kecamatan (a path's
 *   `villageCode` or `registrationId`, a query's or top-level body's `villageCode` /
 *   `kecamatanCode`), and every one it names must be of the account's kecamatan.
 * - `filtered`: admitted; any unit the request names must be its own, and the use case, handed
 *   the request's scope, lists and counts only rows of the account's desa, leaves another's out
 *   of a batch, and refuses (403) one named by an id that carries no unit (a shipment, a problem).
 * The HTTP kernel enforces both (`shared/kernel/http/auth.ts`); no use case checks a group.
 */
export type KecamatanAccess = 'own' | 'filtered';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One Lambda function per group; a group's routes share code and permissions. */
export const functionGroups = [
  'regions',
  'imports',
  'sessions',
  'registrations',
  'exports',
  'pdf',
  'logistics',
  'waves',
  'receipts',
  'invitations',
  'documents',
  'audit',
  'users',
  'openapi',
  'web',
] as const;
export type FunctionGroup = (typeof functionGroups)[number];

export interface Route {
  operationId: string;
  method: HttpMethod;
  path: string;
  group: FunctionGroup;
  access: Access;
  kecamatan?: KecamatanAccess;
}

export const routes = [
  // Health: the alarm's probe, through the edge down to the table (public: it carries no data)
  { operationId: 'getHealth', method: 'GET', path: '/health', group: 'regions', access: 'public' },
  // Region master data
  {
    operationId: 'getRegions',
    method: 'GET',
    path: '/regions',
    group: 'regions',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  { operationId: 'putRegions', method: 'PUT', path: '/regions', group: 'regions', access: 'admin' },
  { operationId: 'importRegions', method: 'POST', path: '/regions/import', group: 'imports', access: 'admin' },
  // Sessions and attendance
  {
    operationId: 'listSessions',
    method: 'GET',
    path: '/sessions',
    group: 'sessions',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  { operationId: 'createSession', method: 'POST', path: '/sessions', group: 'sessions', access: 'organizer' },
  {
    operationId: 'getSession',
    method: 'GET',
    path: '/sessions/{sessionId}',
    group: 'sessions',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'updateSession',
    method: 'PATCH',
    path: '/sessions/{sessionId}',
    group: 'sessions',
    access: 'organizer',
  },
  {
    operationId: 'getAttendance',
    method: 'GET',
    path: '/sessions/{sessionId}/attendance',
    group: 'sessions',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  // Registration and check-in
  {
    operationId: 'register',
    method: 'POST',
    path: '/sessions/{sessionId}/registrations',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'own',
  },
  {
    operationId: 'listRegistrations',
    method: 'GET',
    path: '/sessions/{sessionId}/registrations',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'checkIn',
    method: 'POST',
    path: '/sessions/{sessionId}/registrations/{registrationId}/check-in',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'own',
  },
  {
    operationId: 'updateRegistration',
    method: 'PATCH',
    path: '/sessions/{sessionId}/registrations/{registrationId}',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'own',
  },
  {
    operationId: 'undoCheckIn',
    method: 'POST',
    path: '/sessions/{sessionId}/registrations/{registrationId}/check-in/undo',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'own',
  },
  {
    operationId: 'cancelRegistration',
    method: 'DELETE',
    path: '/sessions/{sessionId}/registrations/{registrationId}',
    group: 'registrations',
    access: 'admin',
  },
  {
    operationId: 'checkInMany',
    method: 'POST',
    path: '/sessions/{sessionId}/check-ins',
    group: 'registrations',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  // Invitations per unit (organizers), and what their codes open (public)
  {
    operationId: 'createInvitations',
    method: 'POST',
    path: '/sessions/{sessionId}/invitations',
    group: 'registrations',
    access: 'organizer',
  },
  {
    operationId: 'listInvitations',
    method: 'GET',
    path: '/sessions/{sessionId}/invitations',
    group: 'registrations',
    access: 'organizer',
  },
  {
    operationId: 'replaceInvitationCode',
    method: 'POST',
    path: '/sessions/{sessionId}/invitations/{invitationId}/code',
    group: 'registrations',
    access: 'organizer',
  },
  { operationId: 'getInvitation', method: 'GET', path: '/invitations/{code}', group: 'invitations', access: 'public' },
  {
    operationId: 'registerByInvitation',
    method: 'POST',
    path: '/invitations/{code}/registrations',
    group: 'invitations',
    access: 'public',
  },
  {
    operationId: 'attachSkByInvitation',
    method: 'PUT',
    path: '/invitations/{code}/registrations/{registrationId}/sk',
    group: 'invitations',
    access: 'public',
  },
  // The SK Panitia attached when registering: the same verified upload as a BAST photo
  {
    operationId: 'requestInvitationDocumentUpload',
    method: 'POST',
    path: '/invitations/{code}/documents',
    group: 'documents',
    access: 'public',
  },
  {
    operationId: 'completeInvitationDocumentUpload',
    method: 'POST',
    path: '/invitations/{code}/documents/{documentId}/complete',
    group: 'documents',
    access: 'public',
  },
  {
    operationId: 'getRegistrationSkLink',
    method: 'GET',
    path: '/sessions/{sessionId}/registrations/{registrationId}/sk',
    group: 'documents',
    access: 'organizer',
    kecamatan: 'own',
  },
  { operationId: 'getPass', method: 'GET', path: '/passes/{token}', group: 'invitations', access: 'public' },
  {
    operationId: 'getCertificate',
    method: 'GET',
    path: '/certificates/{code}',
    group: 'invitations',
    access: 'public',
  },
  // The session's printed papers: letters, name tags, certificates
  {
    operationId: 'exportInvitationLetters',
    method: 'GET',
    path: '/sessions/{sessionId}/invitations.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'exportBadges',
    method: 'GET',
    path: '/sessions/{sessionId}/badges.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'exportCertificates',
    method: 'GET',
    path: '/sessions/{sessionId}/certificates.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'exportCertificate',
    method: 'GET',
    path: '/sessions/{sessionId}/registrations/{registrationId}/certificate.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'importRegistrations',
    method: 'POST',
    path: '/sessions/{sessionId}/registrations/import',
    group: 'imports',
    access: 'organizer',
  },
  // Exports of the attendance list
  {
    operationId: 'exportAttendanceCsv',
    method: 'GET',
    path: '/sessions/{sessionId}/attendance.csv',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportAttendanceXlsx',
    method: 'GET',
    path: '/sessions/{sessionId}/attendance.xlsx',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportAttendancePdf',
    method: 'GET',
    path: '/sessions/{sessionId}/attendance.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  // Logistics: catalogue, allocation, dispatch, oversight
  {
    operationId: 'listItems',
    method: 'GET',
    path: '/items',
    group: 'logistics',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  { operationId: 'putItem', method: 'PUT', path: '/items/{itemCode}', group: 'logistics', access: 'organizer' },
  {
    operationId: 'listAllocations',
    method: 'GET',
    path: '/allocations',
    group: 'logistics',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'putAllocation',
    method: 'PUT',
    path: '/allocations/{villageCode}',
    group: 'logistics',
    access: 'organizer',
  },
  {
    operationId: 'previewAllocations',
    method: 'POST',
    path: '/allocations/preview',
    group: 'logistics',
    access: 'organizer',
  },
  {
    operationId: 'applyAllocations',
    method: 'POST',
    path: '/allocations/apply',
    group: 'logistics',
    access: 'organizer',
  },
  { operationId: 'createShipment', method: 'POST', path: '/shipments', group: 'logistics', access: 'organizer' },
  {
    operationId: 'listShipments',
    method: 'GET',
    path: '/shipments',
    group: 'logistics',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'getShipment',
    method: 'GET',
    path: '/shipments/{shipmentId}',
    group: 'logistics',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'getReceiptLink',
    method: 'GET',
    path: '/shipments/{shipmentId}/receipt-link',
    group: 'logistics',
    access: 'organizer',
  },
  {
    operationId: 'rotateReceiptCode',
    method: 'POST',
    path: '/shipments/{shipmentId}/receipt-code',
    group: 'logistics',
    access: 'organizer',
  },
  {
    operationId: 'correctReceipt',
    method: 'PUT',
    path: '/shipments/{shipmentId}/receipt',
    group: 'logistics',
    access: 'admin',
  },
  {
    operationId: 'getLogisticsSummary',
    method: 'GET',
    path: '/logistics/summary',
    group: 'logistics',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'getBast',
    method: 'GET',
    path: '/shipments/{shipmentId}/bast.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'exportLogisticsCsv',
    method: 'GET',
    path: '/logistics/summary.csv',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportLogisticsXlsx',
    method: 'GET',
    path: '/logistics/summary.xlsx',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'getDocumentLink',
    method: 'GET',
    path: '/shipments/{shipmentId}/documents/{documentId}',
    group: 'documents',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'createReplacement',
    method: 'POST',
    path: '/shipments/{shipmentId}/replacement',
    group: 'logistics',
    access: 'organizer',
  },
  // Waves: schedule, readiness board, chase list, problems
  {
    operationId: 'listWaves',
    method: 'GET',
    path: '/waves',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'createWave',
    method: 'POST',
    path: '/waves',
    group: 'waves',
    access: 'admin',
  },
  {
    operationId: 'getWave',
    method: 'GET',
    path: '/waves/{waveId}',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'updateWave',
    method: 'PUT',
    path: '/waves/{waveId}',
    group: 'waves',
    access: 'admin',
  },
  {
    operationId: 'deleteWave',
    method: 'DELETE',
    path: '/waves/{waveId}',
    group: 'waves',
    access: 'admin',
  },
  {
    operationId: 'putStages',
    method: 'PUT',
    path: '/waves/{waveId}/stages',
    group: 'waves',
    access: 'admin',
  },
  {
    operationId: 'getReadiness',
    method: 'GET',
    path: '/waves/{waveId}/readiness',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'getReadinessHistory',
    method: 'GET',
    path: '/waves/{waveId}/readiness/history',
    group: 'waves',
    access: 'organizer',
  },
  {
    operationId: 'getFollowUps',
    method: 'GET',
    path: '/waves/{waveId}/follow-ups',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'listProblems',
    method: 'GET',
    path: '/waves/{waveId}/problems',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'addProblem',
    method: 'POST',
    path: '/waves/{waveId}/problems',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'own',
  },
  {
    operationId: 'updateProblem',
    method: 'PATCH',
    path: '/waves/{waveId}/problems/{problemId}',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'resolveProblem',
    method: 'POST',
    path: '/waves/{waveId}/problems/{problemId}/resolve',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'reopenProblem',
    method: 'POST',
    path: '/waves/{waveId}/problems/{problemId}/reopen',
    group: 'waves',
    access: 'organizer',
    kecamatan: 'filtered',
  },
  {
    operationId: 'exportReadinessCsv',
    method: 'GET',
    path: '/waves/{waveId}/readiness.csv',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportReadinessXlsx',
    method: 'GET',
    path: '/waves/{waveId}/readiness.xlsx',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportReadinessPdf',
    method: 'GET',
    path: '/waves/{waveId}/readiness.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  {
    operationId: 'exportScheduleXlsx',
    method: 'GET',
    path: '/waves/{waveId}/schedule.xlsx',
    group: 'exports',
    access: 'organizer',
  },
  {
    operationId: 'exportSchedulePdf',
    method: 'GET',
    path: '/waves/{waveId}/schedule.pdf',
    group: 'pdf',
    access: 'organizer',
  },
  // People: accounts, their groups and kecamatan (admins only; audited)
  { operationId: 'listUsers', method: 'GET', path: '/users', group: 'users', access: 'admin' },
  { operationId: 'inviteUser', method: 'POST', path: '/users', group: 'users', access: 'admin' },
  { operationId: 'updateUser', method: 'PATCH', path: '/users/{userId}', group: 'users', access: 'admin' },
  {
    operationId: 'resetMfa',
    method: 'POST',
    path: '/users/{userId}/mfa-reset',
    group: 'users',
    access: 'admin',
  },
  {
    operationId: 'resendInvitation',
    method: 'POST',
    path: '/users/{userId}/invitation',
    group: 'users',
    access: 'admin',
  },
  // Audit trail
  { operationId: 'listAudit', method: 'GET', path: '/audit', group: 'audit', access: 'organizer' },
  // Receipt by the village: the code in the path is the only credential
  { operationId: 'getReceipt', method: 'GET', path: '/receipts/{receiptCode}', group: 'receipts', access: 'public' },
  {
    operationId: 'confirmReceipt',
    method: 'POST',
    path: '/receipts/{receiptCode}',
    group: 'receipts',
    access: 'public',
  },
  {
    operationId: 'requestDocumentUpload',
    method: 'POST',
    path: '/receipts/{receiptCode}/documents',
    group: 'documents',
    access: 'public',
  },
  {
    operationId: 'completeDocumentUpload',
    method: 'POST',
    path: '/receipts/{receiptCode}/documents/{documentId}/complete',
    group: 'documents',
    access: 'public',
  },
  // Documentation and pages
  { operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', group: 'openapi', access: 'public' },
  { operationId: 'getConfig', method: 'GET', path: '/config.json', group: 'web', access: 'public' },
  { operationId: 'getAppPage', method: 'GET', path: '/', group: 'web', access: 'public' },
  { operationId: 'getAsset', method: 'GET', path: '/assets/{file}', group: 'web', access: 'public' },
  { operationId: 'getReceiptPage', method: 'GET', path: '/terima/{receiptCode}', group: 'web', access: 'public' },
  { operationId: 'getInvitationPage', method: 'GET', path: '/daftar/{code}', group: 'web', access: 'public' },
  { operationId: 'getPassPage', method: 'GET', path: '/hadir/{token}', group: 'web', access: 'public' },
  // The pass page's service worker, at the path whose scope is /hadir/ (a literal path wins over {token})
  { operationId: 'getPassWorker', method: 'GET', path: '/hadir/sw.js', group: 'web', access: 'public' },
  { operationId: 'getCertificatePage', method: 'GET', path: '/sertifikat/{code}', group: 'web', access: 'public' },
] as const satisfies readonly Route[];

export type OperationId = (typeof routes)[number]['operationId'];

/** API Gateway's route key, e.g. `POST /sessions/{sessionId}/registrations`. */
export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The routes served by one function group. */
export function routesOf(group: FunctionGroup): Route[] {
  return routes.filter((route) => route.group === group);
}
