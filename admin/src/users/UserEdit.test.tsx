import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AdminContext, type DataProvider, TestMemoryRouter, testDataProvider } from 'react-admin';
import { i18nProvider } from '../i18n';
import { staffUser } from '../testing/fakeApi';
import { UserEdit } from './UserEdit';

afterEach(cleanup);

describe('UserEdit', () => {
  test('the disabled switch says, before saving, that disabling signs the user out everywhere', async () => {
    const user = { ...staffUser('customer'), id: 31 };
    const dataProvider: DataProvider = {
      ...testDataProvider(),
      getOne: vi.fn(async () => ({ data: user })) as DataProvider['getOne'],
    };
    render(
      <TestMemoryRouter>
        <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
          <UserEdit resource="users" id={31} />
        </AdminContext>
      </TestMemoryRouter>,
    );
    const toggle = await screen.findByRole('switch', { name: /Disabled/ });
    const describedBy = toggle.getAttribute('aria-describedby') ?? '';
    const description = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(description).toContain('Disabling signs them out everywhere');
  });
});
