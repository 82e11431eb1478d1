import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The embedded default's JWT signing secret: generated on first run and kept in DATA_DIR/secrets.json (mode 600)
 * so sessions survive a restart. Production sets JWT_SECRET (config refuses to start without it).
 */
export function ensureJwtSecret(config: Config): void {
  if (config.auth.jwtSecret) return;
  const file = path.join(config.dataDir, 'secrets.json');
  const saved: { jwtSecret?: string } = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!saved.jwtSecret) {
    saved.jwtSecret = randomBytes(48).toString('base64url');
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  config.auth.jwtSecret = saved.jwtSecret;
}
