/**
 * Codes that organizers must be able to see again (a receipt code, to reprint the same BAST with
 * the same QR; later invitation codes and passes) are stored sealed, never in the clear: with the
 * regency's KMS key in AWS, and locally with a key kept in the data folder (AES-256-GCM). Lookups
 * never need them (they go by hash); only the functions granted the key can open them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { awsConfig, secretsConfig } from './config.ts';

/** What the sealed text is about, bound into it: a sealed code opens only for its own purpose and owner. */
export type SealContext = Record<string, string>;

const aad = (context: SealContext) =>
  Buffer.from(
    Object.keys(context)
      .sort()
      .map((key) => `${key}=${context[key]}`)
      .join('&'),
  );

/** Seals with a 32-byte key held in memory (AES-256-GCM, the context bound in); text safe to store. */
export function sealWithKey(key: Buffer, plaintext: string, context: SealContext): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens what `sealWithKey` made with the same key and context; throws otherwise. */
export function openWithKey(key: Buffer, sealed: string, context: SealContext): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** A new random 32-byte key, base64 (to be sealed with the deployment's key before it is stored). */
export function newDataKey(): string {
  return randomBytes(32).toString('base64');
}

export interface Sealer {
  /** Seals a short secret; answers text safe to store. */
  seal(plaintext: string, context: SealContext): Promise<string>;
  /** Opens what `seal` made, with the same context; throws when it was not sealed for that context. */
  open(sealed: string, context: SealContext): Promise<string>;
}

/** A sealer for these settings: the KMS key when one is named, else the key file. */
export function sealer(settings: { keyId?: string; keyFile?: string }): Sealer {
  let kms: KMSClient | undefined;
  let localKey: Buffer | undefined;
  const kmsClient = () => {
    kms ??= new KMSClient({ region: awsConfig().region, maxAttempts: 3 });
    return kms;
  };
  const keyFromFile = () => {
    if (!settings.keyFile) {
      throw new Error('No key to seal secrets with: set SECRETS_KEY_ID (AWS) or SECRETS_KEY_FILE (local)');
    }
    localKey ??= readFileSync(settings.keyFile);
    if (localKey.length !== 32) throw new Error('SECRETS_KEY_FILE must hold 32 bytes');
    return localKey;
  };
  return {
    async seal(plaintext, context) {
      if (settings.keyId) {
        const result = await kmsClient().send(
          new EncryptCommand({ KeyId: settings.keyId, Plaintext: Buffer.from(plaintext), EncryptionContext: context }),
        );
        return `kms:${Buffer.from(result.CiphertextBlob ?? new Uint8Array()).toString('base64')}`;
      }
      return `local:${sealWithKey(keyFromFile(), plaintext, context)}`;
    },
    async open(sealed, context) {
      const [scheme, payload = ''] = sealed.split(':', 2);
      if (scheme === 'kms') {
        const result = await kmsClient().send(
          new DecryptCommand({ CiphertextBlob: Buffer.from(payload, 'base64'), EncryptionContext: context }),
        );
        return Buffer.from(result.Plaintext ?? new Uint8Array()).toString('utf8');
      }
      if (scheme !== 'local') throw new Error('Unknown sealed secret');
      return openWithKey(keyFromFile(), payload, context);
    },
  };
}

const regencySealer = sealer(secretsConfig());

/** Seals with this deployment's key. */
export const seal: Sealer['seal'] = (plaintext, context) => regencySealer.seal(plaintext, context);

/** Opens with this deployment's key. */
export const open: Sealer['open'] = (sealed, context) => regencySealer.open(sealed, context);
