/** Logistics: catalogue, allocation, dispatch and oversight (organizers). */
import { publicUrl } from '#shared/kernel/config.ts';
import { lambdaHandler } from '#shared/kernel/http/lambda.ts';
import { operation } from '#shared/kernel/http/operation.ts';
import { created, ok } from '#shared/kernel/http/reply.ts';
import * as contracts from '#shared/logistics/contract.ts';
import * as allocations from '#shared/logistics/use-cases/allocations.ts';
import * as catalogue from '#shared/logistics/use-cases/catalogue.ts';
import * as shipments from '#shared/logistics/use-cases/shipments.ts';
import { logisticsSummary } from '#shared/logistics/use-cases/summary.ts';

export const handler = lambdaHandler('logistics', {
  listItems: operation(contracts.listItems, async () => ok({ items: await catalogue.listItems() })),
  putItem: operation(contracts.putItem, async ({ params, body, principal }) =>
    ok(await catalogue.putItem(params.itemCode, body, principal)),
  ),
  listAllocations: operation(contracts.listAllocations, async ({ scope }) =>
    ok({ items: await allocations.listAllocations(scope) }),
  ),
  putAllocation: operation(contracts.putAllocation, async ({ params, body, principal }) =>
    ok(await allocations.putAllocation(params.villageCode, body.lines, principal)),
  ),
  previewAllocations: operation(contracts.previewAllocations, async ({ body }) =>
    ok(await allocations.previewAllocations(body)),
  ),
  applyAllocations: operation(contracts.applyAllocations, async ({ body, principal }) =>
    ok(await allocations.applyAllocations(body, principal)),
  ),
  createShipment: operation(contracts.createShipment, async ({ body, principal }) => {
    const shipment = await shipments.createShipment(body, principal, publicUrl());
    return created(shipment, `/shipments/${shipment.id}`);
  }),
  listShipments: operation(contracts.listShipments, async ({ query, scope }) =>
    ok(await shipments.listShipments(query, scope)),
  ),
  getShipment: operation(contracts.getShipment, async ({ params, scope }) =>
    ok(await shipments.getShipment(params.shipmentId, scope)),
  ),
  getReceiptLink: operation(contracts.getReceiptLink, async ({ params }) =>
    ok(await shipments.receiptLink(params.shipmentId, publicUrl())),
  ),
  rotateReceiptCode: operation(contracts.rotateReceiptCode, async ({ params, principal }) =>
    ok(await shipments.rotateReceiptCode(params.shipmentId, principal, publicUrl())),
  ),
  createReplacement: operation(contracts.createReplacement, async ({ params, body, principal }) => {
    const shipment = await shipments.replaceShipment(params.shipmentId, body, principal, publicUrl());
    return created(shipment, `/shipments/${shipment.id}`);
  }),
  correctReceipt: operation(contracts.correctReceipt, async ({ params, body, principal }) =>
    ok(await shipments.correctReceipt(params.shipmentId, body, principal)),
  ),
  getLogisticsSummary: operation(contracts.getLogisticsSummary, async ({ scope }) => ok(await logisticsSummary(scope))),
});
