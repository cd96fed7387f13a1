/**
 * The daily chase list: every desa that is not ready, whom to call about it, and a WhatsApp
 * message that says what is missing. The closer voting day, the higher it goes: first the desa's
 * Ketua (or its Sekretaris when the Ketua has no phone), from `kasiFromDays` before voting also
 * the Kasi Pemerintahan of its kecamatan, and from `urgentFromDays` it is marked urgent for the
 * DPMD. Pure.
 */
import { type Lang, render, type Text } from '#shared/kernel/i18n/core.ts';
import { dayMonthYear } from '#shared/kernel/pdf/dates.ts';
import { roleNames } from '#shared/sessions/messages.ts';
import {
  chaseGreeting,
  chaseKasiGreeting,
  chaseReceipt,
  chaseStatus,
  chaseThanks,
  chaseUrgent,
  countdown,
  countdownAfter,
  countdownDay,
  noPhone,
} from '../messages.ts';
import type { EscalationRecord } from '../records.ts';
import type { CommitteeMember, Readiness, VillageReadiness } from './readiness.ts';

export const DEFAULT_ESCALATION: EscalationRecord = { kasiFromDays: 7, urgentFromDays: 3 };

export type Level = 1 | 2 | 3;

export const contactRoles = ['KETUA_PANITIA', 'SEKRETARIS_PANITIA', 'KASI_PEMERINTAHAN'] as const;
export type ContactRole = (typeof contactRoles)[number];

export interface Contact {
  role: ContactRole;
  name: string;
  /** `62…`, as wa.me wants it. */
  phone: string;
  whatsappUrl: string;
}

export interface FollowUp {
  village: VillageReadiness;
  level: Level;
  urgent: boolean;
  contacts: Contact[];
  /** Said when the desa's committee left no phone number. */
  note?: Text;
}

/** How far up a desa goes, by days to voting. */
export function levelOf(daysToVoting: number, escalation: EscalationRecord): Level {
  if (daysToVoting <= escalation.urgentFromDays) return 3;
  if (daysToVoting <= escalation.kasiFromDays) return 2;
  return 1;
}

/** "H-12", "hari H", "H+2". */
export function countdownText(daysToVoting: number): { text: Text; n: number } {
  if (daysToVoting > 0) return { text: countdown, n: daysToVoting };
  if (daysToVoting === 0) return { text: countdownDay, n: 0 };
  return { text: countdownAfter, n: -daysToVoting };
}

export interface ChaseContext {
  readiness: Readiness;
  escalation: EscalationRecord;
  /** The Kasi Pemerintahan of each kecamatan, from the wave's registrations. */
  kasi: ReadonlyMap<string, CommitteeMember>;
  /** The village's receipt pages of shipments it has still to confirm. */
  receiptLinks: ReadonlyMap<string, readonly string[]>;
  regencyName: string;
  lang: Lang;
}

const STATE_ORDER = { LATE: 0, ACTION_NEEDED: 1, READY: 2 } as const;

/** Every desa that is not ready, most urgent first: level, then late before the rest, then most reasons. */
export function chaseList(context: ChaseContext): FollowUp[] {
  const { readiness, lang } = context;
  const level = levelOf(readiness.daysToVoting, context.escalation);
  const when = countdownText(readiness.daysToVoting);
  const items = readiness.villages
    .filter((village) => village.state !== 'READY')
    .map((village): FollowUp => {
      const ketua = village.committee.KETUA_PANITIA;
      const sekretaris = village.committee.SEKRETARIS_PANITIA;
      const people: Array<{ role: ContactRole; member: CommitteeMember }> = [];
      if (ketua?.phone) people.push({ role: 'KETUA_PANITIA', member: ketua });
      else if (sekretaris?.phone) people.push({ role: 'SEKRETARIS_PANITIA', member: sekretaris });
      const kasi = context.kasi.get(village.kecamatanCode);
      if (level >= 2 && kasi?.phone) people.push({ role: 'KASI_PEMERINTAHAN', member: kasi });
      const links = village.reasons.some((reason) => reason.code === 'RECEIPT_PENDING')
        ? (context.receiptLinks.get(village.villageCode) ?? [])
        : [];
      const reasons = village.reasons.map((reason) => render(lang, reason.text, reason.params)).join('; ');
      const contacts = people.map(({ role, member }): Contact => {
        const greeting =
          role === 'KASI_PEMERINTAHAN'
            ? render(lang, chaseKasiGreeting, { kecamatan: village.kecamatanName, village: village.villageName })
            : render(lang, chaseGreeting, { role: render(lang, roleNames[role]), village: village.villageName });
        const message = [
          level === 3 ? render(lang, chaseUrgent) : '',
          greeting,
          render(lang, chaseStatus, {
            date: dayMonthYear(readiness.date, lang),
            countdown: render(lang, when.text, { n: when.n }),
            village: village.villageName,
            reasons,
          }),
          links.length > 0 ? render(lang, chaseReceipt, { links: links.join(' ') }) : '',
          render(lang, chaseThanks, { regency: context.regencyName }),
        ]
          .filter(Boolean)
          .join(' ');
        const phone = (member.phone ?? '').replace(/^\+/, '');
        return {
          role,
          name: member.name,
          phone,
          whatsappUrl: `https://wa.me/${phone}?text=${encodeURIComponent(message)}`,
        };
      });
      return {
        village,
        level,
        urgent: level === 3,
        contacts,
        ...(ketua?.phone || sekretaris?.phone ? {} : { note: noPhone }),
      };
    });
  return items.sort(
    (a, b) =>
      b.level - a.level ||
      STATE_ORDER[a.village.state] - STATE_ORDER[b.village.state] ||
      b.village.reasons.length - a.village.reasons.length,
  );
}
