// RSA signing keys for the test provider.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';

/**
 * A fresh 2048-bit RSA private key as a KeyObject.
 *
 * The key is generated as PEM text and then parsed, so the KeyObject shares nothing with the
 * key-generation job. On Node 20, exporting a key that generateKeyPairSync returned as a
 * KeyObject can deadlock: a garbage collection during the export finalises the finished job,
 * whose destructor waits for the lock the export holds (seen here about once in ten starts, the
 * process stuck in a futex, its own exit timer never firing).
 */
export function rsaPrivateKey() {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return createPrivateKey(privateKey);
}
