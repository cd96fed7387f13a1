/**
 * The one rule the summary, its exports and the pages judge a desa's state by: short of its
 * allocation is "partly shipped", confirmed or not, never "received in full".
 */
import fc from 'fast-check';
import { shortOfAllocation, villageState } from '#shared/logistics/rules/receipt.ts';

describe('short of its allocation', () => {
  test('6 allocated and 4 shipped is short; 6 of 6, or more, is not', () => {
    expect(shortOfAllocation([{ allocated: 6, shipped: 4 }])).toBe(true);
    expect(shortOfAllocation([{ allocated: 6, shipped: 6 }])).toBe(false);
    expect(shortOfAllocation([{ allocated: 6, shipped: 9 }])).toBe(false);
    expect(shortOfAllocation([])).toBe(false);
  });

  test('one item short makes the desa short, whatever the others', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ allocated: fc.nat(100), shipped: fc.nat(100) }), { maxLength: 12 }), (items) => {
        expect(shortOfAllocation(items)).toBe(items.some((item) => item.shipped < item.allocated));
      }),
    );
  });
});

describe('a desa short of its allocation', () => {
  test('reads "partly shipped" whether its shipments are confirmed or not, unless one shows a discrepancy', () => {
    expect(villageState([{ confirmed: true, discrepancy: false }], true)).toBe('partlyShipped');
    expect(villageState([{ confirmed: false, discrepancy: false }], true)).toBe('partlyShipped');
    expect(villageState([{ confirmed: true, discrepancy: true }], true)).toBe('discrepancy');
    expect(villageState([], true)).toBe('notShipped');
  });

  test('is never "received in full"', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ confirmed: fc.boolean(), discrepancy: fc.boolean() })), (shipments) => {
        expect(villageState(shipments, true)).not.toBe('confirmed');
      }),
    );
  });
});
