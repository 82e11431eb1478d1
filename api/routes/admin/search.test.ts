import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import { containsPattern, matchesText } from './search';

test('containsPattern escapes LIKE wildcards and the escape character', () => {
  expect(containsPattern('100%_Off!')).toBe('%100!%!_off!!%');
});

// MariaDB in tests and production, SQLite for `npm start`: the ESCAPE clause must mean the same on both.
describe.each(['mysql', 'sqlite'] as const)('matchesText on %s', (dialect) => {
  let db: Database;
  let dir: string | undefined;

  beforeAll(async () => {
    if (dialect === 'mysql') db = await createTestDatabase();
    else {
      dir = mkdtempSync(path.join(tmpdir(), 'market-search-'));
      db = createDatabase({ kind: 'sqlite', path: path.join(dir, 'market.db') });
      await db.migrate();
    }
  });
  afterAll(async () => {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('matches email or name literally, ignoring case', async () => {
    const t = `s${randomBytes(5).toString('hex')}`;
    const names = [`${t} 100%`, `${t} 1000`, `${t} a_b`, `${t} axb`, `${t} x!y`];
    for (const name of names) {
      await db.models.User.create({ email: `${randomBytes(6).toString('hex')}@example.test`, name });
    }
    const search = async (q: string) =>
      (
        await db.models.User.findAll({
          where: matchesText(db.sequelize, ['email', 'name'], q),
          order: ['id'],
        })
      ).map((user) => user.name);
    expect(await search(`${t} 100%`)).toEqual([`${t} 100%`]);
    expect(await search(`${t} A_B`)).toEqual([`${t} a_b`]);
    expect(await search(`${t} x!y`)).toEqual([`${t} x!y`]);
    expect(await search(`${t} '; drop table users; --`)).toEqual([]);
    expect(await search(t.toUpperCase())).toHaveLength(names.length);
  });
});
