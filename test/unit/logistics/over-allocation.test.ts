import fc from 'fast-check';
import { claimedUnits, overAllocatedLines } from '#shared/logistics/rules/over-allocation.ts';

describe('the over-allocation rule', () => {
  test('names each line that would pass the allocation, with what was allocated, shipped and asked', () => {
    const over = overAllocatedLines({ KOTAK_SUARA: 5, SURAT_SUARA: 2316 }, { SURAT_SUARA: 2316 }, [
      { itemCode: 'KOTAK_SUARA', quantity: 5 },
      { itemCode: 'SURAT_SUARA', quantity: 50 },
      { itemCode: 'LEM', quantity: 1 },
    ]);
    expect(over).toEqual([
      { index: 1, itemCode: 'SURAT_SUARA', allocated: 2316, shipped: 2316, requested: 50 },
      { index: 2, itemCode: 'LEM', allocated: 0, shipped: 0, requested: 1 },
    ]);
  });

  test('claims add up per item', () => {
    expect(claimedUnits([{ lines: { A: 2, B: 1 } }, { lines: { A: 3 } }])).toEqual({ A: 5, B: 1 });
  });

  test('shipping in any parts never exceeds an allocation unnoticed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 12 }),
        (allocated, parts) => {
          const claims: Array<{ lines: Record<string, number> }> = [];
          for (const quantity of parts) {
            const before = claimedUnits(claims).X ?? 0;
            const over = overAllocatedLines({ X: allocated }, claimedUnits(claims), [{ itemCode: 'X', quantity }]);
            // A part is refused exactly when it would go past the allocation.
            expect(over.length > 0).toBe(before + quantity > allocated);
            if (over.length === 0) claims.push({ lines: { X: quantity } });
          }
          expect(claimedUnits(claims).X ?? 0).toBeLessThanOrEqual(allocated);
        },
      ),
    );
  });
});
