import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The embedded default's secrets (JWT signing, local storage URL signing): generated on first run and kept in
 * DATA_DIR/secrets.json (mode 600) so sessions and signed links survive a restart. Production sets JWT_SECRET and
 * uses S3 (config refuses to start without them).
 */
export function ensureSecrets(config: Config): void {
  const storage = config.storage.kind === 'local' ? config.storage : null;
  if (config.auth.jwtSecret && (!storage || storage.signingSecret)) return;
  const file = path.join(config.dataDir, 'secrets.json');
  const saved: { jwtSecret?: string; storageSigningSecret?: string } = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {};
  const before = JSON.stringify(saved);
  saved.jwtSecret ??= randomBytes(48).toString('base64url');
  saved.storageSigningSecret ??= randomBytes(48).toString('base64url');
  if (JSON.stringify(saved) !== before) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  config.auth.jwtSecret ??= saved.jwtSecret;
  if (storage) storage.signingSecret ??= saved.storageSigningSecret;
}
