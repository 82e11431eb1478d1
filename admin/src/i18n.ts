import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/**
 * What react-admin says after a save, a create or a delete, per resource (react-admin looks up
 * `resources.<name>.notifications.<updated|created|deleted>` first). `smart_count` picks the plural after `||||`.
 */
const notifications = (one: string, many: string) => ({
  updated: `${one} saved |||| %{smart_count} ${many} saved`,
  created: `${one} created`,
  deleted: `${one} deleted |||| %{smart_count} ${many} deleted`,
});

/**
 * react-admin's English in plainer words: the sign-in form asks for what staff sign in with (their email), and
 * notices say what happened instead of "Element updated".
 */
const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: 'Email' },
    notification: {
      ...englishMessages.ra.notification,
      updated: 'Saved |||| %{smart_count} saved',
      created: 'Created',
      deleted: 'Deleted |||| %{smart_count} deleted',
    },
  },
  resources: {
    products: { notifications: notifications('Product', 'products') },
    categories: { notifications: notifications('Category', 'categories') },
    tags: { notifications: notifications('Tag', 'tags') },
    users: { notifications: notifications('User', 'users') },
    inventory: { notifications: notifications('Stock threshold', 'stock thresholds') },
    orders: { notifications: notifications('Order', 'orders') },
    reviews: { notifications: notifications('Review', 'reviews') },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
