/**
 * The daily chase list of a wave: the board's desa that are not ready, whom to call, and the
 * village's receipt pages of pending deliveries (their sealed codes opened; only the waves
 * function, which may decrypt them, reads this module).
 */
import { regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { type Lang, render } from '#shared/kernel/i18n/core.ts';
import { receiptPages } from '#shared/logistics/use-cases/shipments.ts';
import type { FollowUps } from '../contract.ts';
import { chaseList } from '../rules/follow-ups.ts';
import { loadBoard } from './readiness.ts';

/**
 * The chase list as of a day: every desa not ready, most urgent first, with whom to call and a
 * WhatsApp message naming what is missing and, when a receipt is pending, the village's receipt page.
 */
export async function getFollowUps(
  waveId: string,
  date: string | undefined,
  lang: Lang,
  baseUrl: string,
  scope: Scope = regencyScope,
): Promise<FollowUps> {
  const board = await loadBoard(waveId, date, scope);
  const pendingIds = new Set(
    board.readiness.villages
      .filter((village) => village.state !== 'READY')
      .flatMap((village) => village.pendingShipmentIds),
  );
  const pages = await receiptPages(
    board.shipments.filter((shipment) => pendingIds.has(shipment.id)),
    baseUrl,
  );
  const receiptLinks = new Map<string, string[]>();
  for (const village of board.readiness.villages) {
    const links = village.pendingShipmentIds.flatMap((id) => pages.get(id) ?? []);
    if (links.length > 0) receiptLinks.set(village.villageCode, links);
  }
  const items = chaseList({
    readiness: board.readiness,
    escalation: board.wave.escalation,
    kasi: board.kasi,
    receiptLinks,
    regencyName: regencyConfig().name,
    lang,
  });
  return {
    waveId,
    date: board.readiness.date,
    daysToVoting: board.readiness.daysToVoting,
    items: items.map((item) => ({
      villageCode: item.village.villageCode,
      kecamatanCode: item.village.kecamatanCode,
      villageName: item.village.villageName,
      kecamatanName: item.village.kecamatanName,
      state: item.village.state,
      reasons: item.village.reasons.map((reason) => ({
        code: reason.code,
        message: render(lang, reason.text, reason.params),
      })),
      level: item.level,
      urgent: item.urgent,
      contacts: item.contacts,
      note: item.note ? render(lang, item.note) : null,
    })),
  };
}
