import * as audit from '#shared/audit/contract.ts';
import type { Contract } from '#shared/kernel/http/contract.ts';
import * as logistics from '#shared/logistics/contract.ts';
import * as receipts from '#shared/logistics/receipt-contract.ts';
import * as web from '#shared/pages/contract.ts';
import * as regions from '#shared/regions/contract.ts';
import * as sessions from '#shared/sessions/contract.ts';
import * as invitations from '#shared/sessions/invitation-contract.ts';
import * as registrations from '#shared/sessions/registration-contract.ts';
import * as waves from '#shared/waves/contract.ts';
import type { OperationId } from './routes.ts';

/**
 * Every operation's contract, keyed by the route table's operationId. The `satisfies` clause makes
 * a route without a contract (or a contract without a route) a type error.
 */
export const contracts = {
  getHealth: regions.getHealth,
  getRegions: regions.getRegions,
  putRegions: regions.putRegions,
  importRegions: regions.importRegions,
  listSessions: sessions.listSessions,
  createSession: sessions.createSession,
  getSession: sessions.getSession,
  updateSession: sessions.updateSession,
  getAttendance: sessions.getAttendance,
  register: registrations.register,
  listRegistrations: registrations.listRegistrations,
  checkIn: registrations.checkIn,
  updateRegistration: registrations.updateRegistration,
  undoCheckIn: registrations.undoCheckIn,
  cancelRegistration: registrations.cancelRegistration,
  importRegistrations: registrations.importRegistrations,
  checkInMany: invitations.checkInMany,
  createInvitations: invitations.createInvitations,
  listInvitations: invitations.listInvitations,
  replaceInvitationCode: invitations.replaceInvitationCode,
  getInvitation: invitations.getInvitation,
  registerByInvitation: invitations.registerByInvitation,
  getPass: invitations.getPass,
  exportAttendanceCsv: sessions.exportAttendanceCsv,
  exportAttendanceXlsx: sessions.exportAttendanceXlsx,
  exportAttendancePdf: sessions.exportAttendancePdf,
  listItems: logistics.listItems,
  putItem: logistics.putItem,
  listAllocations: logistics.listAllocations,
  putAllocation: logistics.putAllocation,
  previewAllocations: logistics.previewAllocations,
  applyAllocations: logistics.applyAllocations,
  createShipment: logistics.createShipment,
  listShipments: logistics.listShipments,
  getShipment: logistics.getShipment,
  getReceiptLink: logistics.getReceiptLink,
  rotateReceiptCode: logistics.rotateReceiptCode,
  correctReceipt: logistics.correctReceipt,
  getLogisticsSummary: logistics.getLogisticsSummary,
  createReplacement: logistics.createReplacement,
  getBast: logistics.getBast,
  exportLogisticsCsv: logistics.exportLogisticsCsv,
  exportLogisticsXlsx: logistics.exportLogisticsXlsx,
  getDocumentLink: logistics.getDocumentLink,
  listWaves: waves.listWaves,
  createWave: waves.createWave,
  getWave: waves.getWave,
  updateWave: waves.updateWave,
  deleteWave: waves.deleteWave,
  putStages: waves.putStages,
  getReadiness: waves.getReadiness,
  getReadinessHistory: waves.getReadinessHistory,
  getFollowUps: waves.getFollowUps,
  listProblems: waves.listProblems,
  addProblem: waves.addProblem,
  updateProblem: waves.updateProblem,
  resolveProblem: waves.resolveProblem,
  reopenProblem: waves.reopenProblem,
  exportReadinessCsv: waves.exportReadinessCsv,
  exportReadinessXlsx: waves.exportReadinessXlsx,
  exportReadinessPdf: waves.exportReadinessPdf,
  exportScheduleXlsx: waves.exportScheduleXlsx,
  exportSchedulePdf: waves.exportSchedulePdf,
  listAudit: audit.listAudit,
  getReceipt: receipts.getReceipt,
  confirmReceipt: receipts.confirmReceipt,
  requestDocumentUpload: receipts.requestDocumentUpload,
  completeDocumentUpload: receipts.completeDocumentUpload,
  getReceiptPage: web.getReceiptPage,
  getOpenApi: web.getOpenApi,
  getConfig: web.getConfig,
  getAppPage: web.getAppPage,
  getAsset: web.getAsset,
} satisfies Record<OperationId, Contract>;
