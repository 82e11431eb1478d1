import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Database, ensureStaffAccount } from '@market/db';
import type { Config } from '../config';

export interface StaffLogin {
  role: 'admin' | 'support';
  email: string;
  password: string;
  /** True when the password was generated here (and so is worth printing). */
  generated: boolean;
}

/**
 * The embedded default's admin and support accounts. Passwords come from ADMIN_PASSWORD / SUPPORT_PASSWORD;
 * when unset, one is generated on first run and kept in DATA_DIR/credentials.json (mode 600) so later runs
 * print the same login. Existing accounts are never overwritten.
 */
export async function ensureStaff(config: Config, db: Database): Promise<StaffLogin[]> {
  const file = path.join(config.dataDir, 'credentials.json');
  const saved: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const logins: StaffLogin[] = [];
  for (const role of ['admin', 'support'] as const) {
    const { email, password } = config.seed[role];
    const generated = !password;
    const actual = password ?? saved[email] ?? randomBytes(12).toString('base64url');
    saved[email] = actual;
    const name = role === 'admin' ? 'Market Admin' : 'Market Support';
    await ensureStaffAccount(db, { email, password: actual, name, role });
    logins.push({ role, email, password: actual, generated });
  }
  if (logins.some((l) => l.generated)) {
    mkdirSync(config.dataDir, { recursive: true });
    const generatedOnly = Object.fromEntries(
      logins.filter((l) => l.generated).map((l) => [l.email, l.password]),
    );
    writeFileSync(file, JSON.stringify(generatedOnly, null, 2), { mode: 0o600 });
  }
  return logins;
}
