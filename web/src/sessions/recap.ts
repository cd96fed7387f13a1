/**
 * The live recap: one sentence an organizer can read out ("183 peserta hadir: 82 Ketua Panitia,
 * …; semua 82 desa terwakili"), who is still missing, tables per role and per kecamatan, and the
 * attendance list downloads, the name tags and the certificates. Refreshes every 10 seconds while the page is visible.
 */
import { type Role, roles } from '#shared/sessions/rules/roles.ts';
import { allowed, call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { exportButtons, pdfButton } from '../exports.ts';
import { notice } from '../forms.ts';
import { formatList, formatTime, num } from '../lang.ts';
import type { Attendance, Session } from '../types.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

const REFRESH_MS = 10_000;
/** Names shown before "show all": enough for the usual few stragglers, short on a phone. */
const SHORT_LIST = 20;

function sentence(recap: Attendance, expectedRoles: Session['roles']): string {
  const villages =
    recap.villages.represented === recap.villages.expected
      ? t('recap.allVillages', { n: recap.villages.expected })
      : t('recap.someVillages', {
          represented: recap.villages.represented,
          expected: recap.villages.expected,
        });
  if (recap.present === 0) return t('recap.none', { villages });
  // Roles without a minimum (Anggota, say) are optional guests: named only when some came.
  const parts = expectedRoles
    .filter(({ role, min }) => min > 0 || (recap.byRole[role]?.present ?? 0) > 0)
    .map(({ role }) => t(`roleCount.${role}`, { n: recap.byRole[role]?.present ?? 0 }));
  return t('recap.sentence', { present: recap.present, parts: parts.join(', '), villages });
}

function tallyTable(
  caption: string,
  firstColumn: string,
  rows: Array<[string, { registered: number; present: number }]>,
) {
  const total = rows.reduce(
    (sum, [, tally]) => ({ registered: sum.registered + tally.registered, present: sum.present + tally.present }),
    { registered: 0, present: 0 },
  );
  const row = (label: string, tally: { registered: number; present: number }, cell: 'td' | 'th' = 'td') =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, label),
      h(cell, { class: 'num' }, num(tally.present)),
      h(cell, { class: 'num' }, num(tally.registered)),
    );
  return h(
    'table',
    null,
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, firstColumn),
        h('th', { scope: 'col', class: 'num' }, t('recap.col.present')),
        h('th', { scope: 'col', class: 'num' }, t('recap.col.registered')),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(([label, tally]) => row(label, tally)),
    ),
    h('tfoot', null, row(t('recap.total'), total, 'th')),
  );
}

export const recapPage: SessionPage = async ({ view, session, regions, user, left }) => {
  const sentenceBox = h('p', { class: 'recap-sentence' });
  const subline = h('p', { class: 'meta' });
  const missingBox = h('div', { class: 'missing' });
  const tables = h('div', { class: 'tables' });
  const loadNotice = h('div', { hidden: true });
  const exportNotice = h('div', { hidden: true });
  const expanded = new Set<Role>();
  let last: Attendance | null = null;

  /** Desa by kecamatan, both in code order (the Wilayah list's order): names repeat across kecamatan. */
  const byKecamatan = (codes: string[]) => {
    const missing = new Set(codes);
    return regions.kecamatan
      .map((kecamatan) => ({
        name: kecamatan.name,
        villages: regions.villages
          .filter((village) => village.kecamatanCode === kecamatan.code && missing.has(village.code))
          .map((village) => village.name),
      }))
      .filter((group) => group.villages.length > 0);
  };

  const showAll = (role: Role, n: number) =>
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        onclick: () => {
          expanded.add(role);
          if (last) draw(last);
        },
      },
      t('recap.showAll', { n }),
    );

  const missingLine = ({ role, unit }: Session['roles'][number], recap: Attendance) => {
    const roleName = t(`role.${role}`);
    if (unit === 'none') {
      const n = recap.short[role] ?? 0;
      return h(
        'p',
        { class: n > 0 ? undefined : 'complete' },
        t(n > 0 ? 'recap.short' : 'recap.complete.none', { role: roleName, n }),
      );
    }
    const codes = recap.missing[role] ?? [];
    const isKasi = unit === 'kecamatan';
    if (codes.length === 0) {
      return h(
        'p',
        { class: 'complete' },
        t(isKasi ? 'recap.complete.kasi' : 'recap.complete.village', { role: roleName }),
      );
    }
    const short = codes.length > SHORT_LIST && !expanded.has(role);
    if (isKasi) {
      const order = new Map(regions.kecamatan.map((each, index) => [each.code, index]));
      const names = [...codes]
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
        .map((code) => regions.kecamatanName(code));
      const text = short
        ? `${names.slice(0, SHORT_LIST).join(', ')} ${t('recap.more.kasi', { n: names.length - SHORT_LIST })}`
        : formatList(names);
      return h(
        'div',
        { class: 'missing-line' },
        h('p', null, t('recap.missing.kasi', { role: roleName, names: text })),
        short ? showAll(role, names.length) : null,
      );
    }
    // Whole kecamatan until the short list is full; the rest is counted.
    let room = short ? SHORT_LIST : Number.POSITIVE_INFINITY;
    const groups = byKecamatan(codes).flatMap((group) => {
      if (room <= 0) return [];
      const shown = group.villages.slice(0, room);
      room -= shown.length;
      return [{ ...group, shown, rest: group.villages.length - shown.length }];
    });
    const hidden = codes.length - groups.reduce((sum, group) => sum + group.shown.length, 0);
    return h(
      'div',
      { class: 'missing-line' },
      h('p', null, t('recap.missing.villages', { role: roleName, n: codes.length })),
      h(
        'ul',
        { class: 'missing-groups' },
        groups.map((group) =>
          h(
            'li',
            null,
            h('strong', null, t('unit.kecamatan', { name: group.name })),
            ` (${num(group.villages.length)}): `,
            group.rest > 0 ? `${group.shown.join(', ')}, …` : formatList(group.shown),
          ),
        ),
      ),
      hidden > 0 ? h('p', { class: 'meta' }, t('recap.more.village', { n: hidden })) : null,
      short ? showAll(role, codes.length) : null,
    );
  };

  /** The kecamatan table in code order, as the Wilayah list and the missing list have them. */
  const kecamatanRows = (recap: Attendance): Array<[string, { registered: number; present: number }]> =>
    regions.kecamatan
      .filter((each) => recap.byKecamatan[each.code])
      .map((each) => [each.name, recap.byKecamatan[each.code] as { registered: number; present: number }]);

  const draw = (recap: Attendance) => {
    last = recap;
    sentenceBox.textContent = sentence(recap, session.roles);
    subline.textContent = `${t('recap.registered', {
      registered: recap.registered,
      present: recap.present,
    })} ${t('common.updated', { time: formatTime(Date.now(), true) })}`;
    fill(
      missingBox,
      h('h2', null, t('recap.missing')),
      session.roles.filter((entry) => entry.min > 0).map((entry) => missingLine(entry, recap)),
    );
    fill(
      tables,
      tallyTable(
        t('recap.byRole'),
        t('recap.col.role'),
        roles.flatMap((role) => {
          const tally = recap.byRole[role];
          return tally ? [[t(`role.${role}`), tally] as [string, typeof tally]] : [];
        }),
      ),
      tallyTable(t('recap.byKecamatan'), t('recap.col.kecamatan'), kecamatanRows(recap)),
    );
  };

  let inFlight = false;
  const refresh = async () => {
    if (inFlight || document.hidden || left()) return;
    inFlight = true;
    try {
      const { body: recap } = await call('getAttendance', { params: { sessionId: session.id } });
      if (left()) return;
      loadNotice.hidden = true;
      draw(recap);
    } catch (error) {
      if (!left()) notice(loadNotice, 'error', error instanceof Error ? error.message : t('error.network'));
    } finally {
      inFlight = false;
    }
  };

  view.append(
    h(
      'section',
      { class: 'recap', 'aria-labelledby': 'recap-now' },
      h('h2', { id: 'recap-now', class: 'sr-only' }, t('session.tab.recap')),
      sentenceBox,
      subline,
      // The lists and papers are the DPMD's (a kecamatan account reads its desa's recap here).
      allowed(user, 'exportAttendanceCsv') &&
        h(
          'div',
          { class: 'exports', role: 'group', 'aria-labelledby': 'exports-label' },
          h('span', { id: 'exports-label' }, t('recap.exports')),
          h(
            'div',
            { class: 'button-row' },
            exportButtons({
              files: { csv: 'exportAttendanceCsv', xlsx: 'exportAttendanceXlsx', pdf: 'exportAttendancePdf' },
              params: { sessionId: session.id },
              fallbackName: `daftar-hadir-${session.date}`,
              label: (format) => t('recap.download', { format }),
              failed: (format, reason) => t('recap.downloadFailed', { format, reason }),
              notices: exportNotice,
            }),
          ),
        ),
      allowed(user, 'exportBadges') &&
        h(
          'div',
          { class: 'exports', role: 'group', 'aria-labelledby': 'papers-label' },
          h('span', { id: 'papers-label' }, t('recap.papers')),
          h(
            'div',
            { class: 'button-row' },
            pdfButton({
              operationId: 'exportBadges',
              sessionId: session.id,
              label: t('recap.badges'),
              fallbackName: `tanda-nama-${session.date}`,
              failed: (reason) => t('recap.downloadFailed', { format: t('recap.badges'), reason }),
              notices: exportNotice,
            }),
            pdfButton({
              operationId: 'exportCertificates',
              sessionId: session.id,
              label: t('recap.certificates'),
              fallbackName: `sertifikat-${session.date}`,
              failed: (reason) => t('recap.downloadFailed', { format: t('recap.certificates'), reason }),
              notices: exportNotice,
            }),
          ),
        ),
      exportNotice,
    ),
    loadNotice,
    missingBox,
    tables,
  );
  await refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  const onVisible = () => {
    if (!document.hidden) void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
};
