/** Logistics: catalogue, allocation, dispatch and oversight (organizers). */

import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import { publicBaseUrl } from '#shared/kernel/http/url.ts';
import * as contracts from '#shared/logistics/contract.ts';
import * as logistics from '#shared/logistics/use-cases/logistics.ts';

export const handler = lambdaHandler('logistics', {
  listItems: operation(contracts.listItems, async () => ok({ items: await logistics.listItems() })),
  putItem: operation(contracts.putItem, async ({ params, body, principal }) =>
    ok(await logistics.putItem(params.itemCode, body, principal)),
  ),
  listAllocations: operation(contracts.listAllocations, async () => ok({ items: await logistics.listAllocations() })),
  putAllocation: operation(contracts.putAllocation, async ({ params, body, principal }) =>
    ok(await logistics.putAllocation(params.villageCode, body.lines, principal)),
  ),
  previewAllocations: operation(contracts.previewAllocations, async ({ body }) =>
    ok(await logistics.previewAllocations(body)),
  ),
  applyAllocations: operation(contracts.applyAllocations, async ({ body, principal }) =>
    ok(await logistics.applyAllocations(body, principal)),
  ),
  createShipment: operation(contracts.createShipment, async ({ body, principal, event }) => {
    const shipment = await logistics.createShipment(body, principal, publicBaseUrl(event));
    return created(shipment, `/shipments/${shipment.id}`);
  }),
  listShipments: operation(contracts.listShipments, async ({ query }) => ok(await logistics.listShipments(query))),
  getShipment: operation(contracts.getShipment, async ({ params }) =>
    ok(await logistics.getShipment(params.shipmentId)),
  ),
  rotateReceiptCode: operation(contracts.rotateReceiptCode, async ({ params, principal, event }) =>
    ok(await logistics.rotateReceiptCode(params.shipmentId, principal, publicBaseUrl(event))),
  ),
  correctReceipt: operation(contracts.correctReceipt, async ({ params, body, principal }) =>
    ok(await logistics.correctReceipt(params.shipmentId, body, principal)),
  ),
  getLogisticsSummary: operation(contracts.getLogisticsSummary, async () => ok(await logistics.logisticsSummary())),
});
