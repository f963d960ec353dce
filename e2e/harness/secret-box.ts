/**
 * Stands in for Electron's safeStorage: the API key really is encrypted on disk (AES-256-GCM),
 * with a key that lives only in this process, as the OS keyring's key lives outside the app.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../src/main/settings';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One key per test process, so a restart within a run can still read what it saved. */
const PROCESS_KEY = randomBytes(32);

export function createAesSecretBox(key: Buffer = PROCESS_KEY): SecretBox {
  if (key.length !== 32) throw new Error('The secret box key must be 32 bytes');
  return {
    isEncryptionAvailable: () => true,
    encryptString(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      if (encrypted.length < IV_BYTES + TAG_BYTES) throw new Error('The encrypted value is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, IV_BYTES));
      decipher.setAuthTag(encrypted.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(encrypted.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
