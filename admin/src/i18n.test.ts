import { describe, expect, test } from 'vitest';
import { i18nProvider } from './i18n';

const t = i18nProvider.translate;

describe('messages', () => {
  test('staff sign in with their email', () => {
    expect(t('ra.auth.username')).toBe('Email');
  });

  test('notices name the resource, with plural forms', () => {
    expect(t('resources.products.notifications.updated', { smart_count: 1 })).toBe('Product saved');
    expect(t('resources.tags.notifications.deleted', { smart_count: 3 })).toBe('3 tags deleted');
    expect(t('resources.categories.notifications.created', { smart_count: 1 })).toBe('Category created');
  });

  test("react-admin's defaults are plain words", () => {
    expect(t('ra.notification.updated', { smart_count: 1 })).toBe('Saved');
    expect(t('ra.notification.deleted', { smart_count: 2 })).toBe('2 deleted');
    expect(t('ra.notification.created', { smart_count: 1 })).toBe('Created');
  });
});
