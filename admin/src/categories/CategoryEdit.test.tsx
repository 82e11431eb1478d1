import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AdminContext, type DataProvider, TestMemoryRouter, testDataProvider } from 'react-admin';
import type { AdminCategory } from '../data/types';
import { apiErrorOf } from '../http/problem';
import { i18nProvider } from '../i18n';
import { CategoryEdit } from './CategoryEdit';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const category = (id: number, name: string, parentId: number | null): AdminCategory => ({
  id,
  parentId,
  name,
  slug: name.toLowerCase(),
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const kitchen = category(1, 'Kitchen', null);
const cups = category(2, 'Cups', 1);
const all = [kitchen, cups];

/** What the API answers to moving Kitchen under its own child (api/routes/admin/categories/tree.ts checkParent). */
const cycle = apiErrorOf(
  422,
  'Unprocessable Entity',
  {
    type: 'about:blank',
    title: 'Validation failed',
    status: 422,
    code: 'validation_failed',
    detail: 'The request is not valid.',
    errors: [
      {
        path: 'body.parentId',
        code: 'category_cycle',
        message: 'A category cannot be moved under itself or one of its descendants',
      },
    ],
  },
  null,
);

describe('CategoryEdit', () => {
  test('the API’s refusal of a cycle shows under the parent field, not as a passing notice', async () => {
    const update = vi.fn(async () => {
      throw cycle;
    });
    const dataProvider: DataProvider = {
      ...testDataProvider(),
      getOne: vi.fn(async () => ({ data: kitchen })) as DataProvider['getOne'],
      getList: vi.fn(async () => ({ data: all, total: all.length })) as DataProvider['getList'],
      getMany: vi.fn(async (_r, { ids }: { ids: unknown[] }) => ({
        data: all.filter((c) => ids.map(Number).includes(c.id)),
      })) as DataProvider['getMany'],
      update: update as DataProvider['update'],
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <TestMemoryRouter>
        <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
          <CategoryEdit resource="categories" id={1} />
        </AdminContext>
      </TestMemoryRouter>,
    );
    await screen.findByDisplayValue('Kitchen');
    const parent = await screen.findByRole('combobox', { name: /Parent/ });
    fireEvent.mouseDown(parent);
    fireEvent.click(await screen.findByRole('option', { name: 'Cups' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]).toEqual([
      'categories',
      expect.objectContaining({ id: 1, data: expect.objectContaining({ parentId: 2 }) }),
    ]);
    const message = await screen.findByText(
      'A category cannot be moved under itself or one of its descendants',
    );
    // Next to the field: the parent input's own helper text, which it describes.
    const field = parent.closest('.MuiFormControl-root') as HTMLElement;
    expect(within(field).getByText(message.textContent!)).toBe(message);
    expect(parent.getAttribute('aria-invalid')).toBe('true');
  });
});
