/**
 * Sealed codes (the local stand-in for the regency's KMS key: AES-256-GCM with a key in the data
 * folder) open only with their own key and for their own purpose and owner, and are never the code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealer } from '#shared/kernel/secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'siap-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretsWith(key: Buffer) {
  const file = join(dir, `${key.toString('hex').slice(0, 8)}.key`);
  writeFileSync(file, key);
  return sealer({ keyFile: file });
}

test('a sealed code opens to itself, and its sealed form does not contain it', async () => {
  const { seal, open } = secretsWith(randomBytes(32));
  const code = 'KN6ANSPSMPNVQN3HB4FX53ZB9Q';
  const sealed = await seal(code, { purpose: 'receipt-code', shipmentId: 'S1' });
  expect(sealed).toMatch(/^local:/);
  expect(sealed).not.toContain(code);
  expect(await seal(code, { purpose: 'receipt-code', shipmentId: 'S1' })).not.toBe(sealed);
  expect(await open(sealed, { purpose: 'receipt-code', shipmentId: 'S1' })).toBe(code);
});

test('it does not open for another shipment, another purpose, or with another key', async () => {
  const first = secretsWith(randomBytes(32));
  const sealed = await first.seal('CODE', { purpose: 'receipt-code', shipmentId: 'S1' });
  await expect(first.open(sealed, { purpose: 'receipt-code', shipmentId: 'S2' })).rejects.toThrow();
  await expect(first.open(sealed, { purpose: 'pass', shipmentId: 'S1' })).rejects.toThrow();
  const other = secretsWith(randomBytes(32));
  await expect(other.open(sealed, { purpose: 'receipt-code', shipmentId: 'S1' })).rejects.toThrow();
});
