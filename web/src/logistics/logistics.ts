/**
 * Logistik: `#/logistik` overview, `#/logistik/kirim[/<desa>]` dispatch, `#/logistik/alokasi`
 * allocation, `#/logistik/katalog` catalogue, `#/logistik/desa/<desa>` one desa and
 * `#/logistik/kiriman/<id>` one shipment. The four main pages share tabs.
 */
import { allowed } from '../api.ts';
import type { User } from '../auth.ts';
import { h } from '../dom.ts';
import type { OperationId } from '../operations.ts';
import { heading, type Page, type PageContext } from '../page.ts';
import { loadRegions, type RegionIndex } from '../regions/lookup.ts';
import { allocationPage } from './allocation.ts';
import { cataloguePage } from './catalogue.ts';
import { dispatchPage } from './dispatch.ts';
import { shipmentPage } from './shipment.ts';
import { summaryPage } from './summary.ts';
import { type LogisticsKey, t } from './texts.ts';
import { villageLogisticsPage } from './village.ts';

export interface LogisticsContext extends PageContext {
  regions: RegionIndex;
}

export type LogisticsPage = (context: LogisticsContext) => Promise<(() => void) | undefined>;

/** The tabs, each shown to whoever may make the change it is for (`needs`): a kecamatan account reads the summary. */
const tabs: Array<{ path: string; label: LogisticsKey; title: LogisticsKey; page: LogisticsPage; needs: OperationId }> =
  [
    { path: '', label: 'log.tab.summary', title: 'log.title', page: summaryPage, needs: 'getLogisticsSummary' },
    { path: 'kirim', label: 'log.tab.dispatch', title: 'dispatch.title', page: dispatchPage, needs: 'createShipment' },
    {
      path: 'alokasi',
      label: 'log.tab.allocation',
      title: 'log.tab.allocation',
      page: allocationPage,
      needs: 'putAllocation',
    },
    { path: 'katalog', label: 'log.tab.catalogue', title: 'catalogue.title', page: cataloguePage, needs: 'putItem' },
  ];

/** The tabs of the logistics pages the person may open; `current` is the path of the page shown. */
export function logisticsTabs(user: User, current: string | null): HTMLElement {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': t('log.tabs') },
    tabs
      .filter((each) => allowed(user, each.needs))
      .map((each) =>
        h(
          'a',
          {
            href: `#/logistik${each.path ? `/${each.path}` : ''}`,
            'aria-current': each.path === current ? 'page' : null,
          },
          t(each.label),
        ),
      ),
  );
}

export const logisticsPage: Page = async (context) => {
  const [sub = '', ...rest] = context.params;
  const regions = await loadRegions();
  if (context.left()) return undefined;
  if (sub === 'desa') return villageLogisticsPage({ ...context, params: rest, regions });
  if (sub === 'kiriman') return shipmentPage({ ...context, params: rest, regions });
  const tab = tabs.find((each) => each.path === sub && allowed(context.user, each.needs));
  if (!tab) {
    context.view.append(heading(t('notFound.title')));
    return undefined;
  }
  const body = h('div', { class: 'logistics-body' });
  context.view.append(
    h('header', { class: 'section-head' }, heading(t(tab.title)), logisticsTabs(context.user, tab.path)),
    body,
  );
  return tab.page({ ...context, view: body, params: rest, regions });
};
