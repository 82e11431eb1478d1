import { createMailer, type Mailer } from '@market/adapters/mail/index';
import { testSmtpUrl } from '@market/adapters/mail/testing';
import type { Database } from '@market/db';
import { createTestDatabase } from '@market/db/testing';
import type { ActivityDeps, ShopBranding } from './deps';
import { createEmailActivities } from './email';

export const testShop: ShopBranding = {
  name: 'Test Shop',
  url: 'https://shop.test',
  brandColor: '#334155',
  logoUrl: null,
  supportEmail: 'help@shop.test',
  from: 'Test Shop <shop@shop.test>',
};

/**
 * Registers beforeAll/afterAll: the email activities with real MariaDB and SMTP to the stack's Mailpit, plus
 * `deps` (e.g. a per-address limit). The getters read what beforeAll made.
 */
export function useEmailActivities(deps: Partial<ActivityDeps> = {}) {
  let db: Database;
  let mailer: Mailer;
  let activities: ReturnType<typeof createEmailActivities>;
  beforeAll(async () => {
    db = await createTestDatabase();
    mailer = createMailer({ kind: 'smtp', url: testSmtpUrl(), from: testShop.from });
    activities = createEmailActivities({ db, mailer, shop: testShop, ...deps });
  });
  afterAll(async () => {
    await mailer.close();
    await db.close();
  });
  return { db: () => db, mailer: () => mailer, activities: () => activities };
}
