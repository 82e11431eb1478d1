import { QueryTypes } from 'sequelize';
import type { AppDeps } from '../deps';
import { NotFoundError } from '../errors';
import { buildPageDocument } from '../routes/catalog/page-document';
import { storablePage } from '../routes/catalog/page-template';
import type { PresentedProduct } from '../presenters/product';
import { loadProductPage, precomputeProductPages } from '../routes/catalog/product-page';
import { productBySlug } from '../routes/catalog/rows';
import { type CatalogFixture, createCatalogFixture } from '../routes/catalog/testing';
import { invalidateProductPages, PAGE_FORMAT, pageVersion, readStoredPage, storePage } from './product-pages';

/**
 * The stored product pages' cases, run on the stack's MariaDB (product-pages.test.ts) and on the embedded SQLite
 * (product-pages-sqlite.test.ts): one file each, because a process that opens both gets MariaDB's dates written in
 * SQLite's format. `setup()` is called in a beforeAll.
 */
export function describeStoredPages(name: string, setup: () => AppDeps): void {
  describe(`stored product pages on ${name}`, () => {
    let deps: AppDeps;
    let fx: CatalogFixture;
    beforeAll(async () => {
      deps = setup();
      fx = await createCatalogFixture(deps.db);
    });

    const page = async (slug: string) =>
      JSON.parse((await loadProductPage(deps, slug)).json) as PresentedProduct;
    /** Presigned URLs carry the second they were signed in: compare pages without their query strings. */
    const unsigned = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replace(/\?[^"]*"/g, '"')) as unknown;
    const stored = async (productId: number) => {
      const [row] = await deps.db.sequelize.query<{ version: number | string; body: string | null }>(
        'SELECT version, body FROM product_pages WHERE product_id = ?',
        { replacements: [productId], type: QueryTypes.SELECT },
      );
      return row ? { version: Number(row.version), body: row.body } : null;
    };
    const countQueries = async <T>(work: () => Promise<T>) => {
      // On SQLite the stored page is read on the database's reader connection, not through Sequelize.
      const query = jest.spyOn(deps.db.sequelize, 'query');
      const read = deps.db.reader && jest.spyOn(deps.db.reader, 'all');
      try {
        const result = await work();
        return { result, queries: query.mock.calls.length + (read ? read.mock.calls.length : 0) };
      } finally {
        query.mockRestore();
        read?.mockRestore();
      }
    };

    test('the first read stores the page; the next is one query and the same page', async () => {
      expect(await stored(fx.alpha.id)).toBeNull();
      const built = await page(fx.alpha.slug);
      expect(built).toMatchObject({
        slug: fx.alpha.slug,
        availability: 'in_stock',
        breadcrumbs: [fx.root, fx.mid, fx.leaf].map((c) => ({ slug: c.slug, name: c.name })),
        tags: [fx.tagA, fx.tagB].map((t) => ({ slug: t.slug, name: t.name })),
        images: [{ url: expect.stringContaining('front.jpg') }],
      });
      expect((await stored(fx.alpha.id))?.body).toEqual(expect.any(String));

      const { result, queries } = await countQueries(() => page(fx.alpha.slug));
      expect(queries).toBe(1);
      expect(unsigned(result)).toEqual(unsigned(built));
      // Image links are signed when served, never stored: a stored page outlives them.
      expect((await stored(fx.alpha.id))?.body).not.toContain('X-Amz-');
    });

    test('stock is joined live: an order changes availability without touching the stored page', async () => {
      const first = await page(fx.beta.slug);
      expect(first.availability).toBe('out_of_stock');
      expect(first.related.map((r) => [r.slug, r.availability])).toEqual([[fx.delta.slug, 'in_stock']]);
      const before = await stored(fx.beta.id);

      const { Inventory } = deps.db.models;
      await Inventory.update({ onHand: 7 }, { where: { productId: fx.beta.id } });
      await Inventory.update({ onHand: 2 }, { where: { productId: fx.delta.id } });
      const { result, queries } = await countQueries(() => page(fx.beta.slug));
      expect(queries).toBe(1);
      expect(result.availability).toBe('in_stock');
      expect(result.related.map((r) => [r.slug, r.availability])).toEqual([[fx.delta.slug, 'low_stock']]);
      expect(await stored(fx.beta.id)).toEqual(before);
    });

    test('an edit empties the pages that show the product, which are then built anew', async () => {
      await page(fx.beta.slug);
      await deps.db.models.Product.update({ title: 'Wool Socks, ribbed' }, { where: { id: fx.delta.id } });
      await invalidateProductPages(deps, [fx.delta.id]);
      expect(await stored(fx.beta.id)).toMatchObject({ body: null });
      expect((await page(fx.beta.slug)).related.map((r) => r.title)).toEqual(['Wool Socks, ribbed']);
    });

    test('a product moved to another category leaves the pages of its old one and joins its new one', async () => {
      await page(fx.beta.slug);
      await page(fx.gamma.slug);
      expect((await page(fx.gamma.slug)).related).toEqual([]);
      await deps.db.models.Product.update({ categoryId: fx.side.id }, { where: { id: fx.delta.id } });
      await invalidateProductPages(deps, [fx.delta.id]);
      expect((await page(fx.beta.slug)).related).toEqual([]);
      expect((await page(fx.gamma.slug)).related.map((r) => r.slug)).toEqual([fx.delta.slug]);
      expect((await page(fx.delta.slug)).breadcrumbs.map((c) => c.slug)).toEqual([
        fx.root.slug,
        fx.side.slug,
      ]);
    });

    test('a build that raced with an edit is not stored', async () => {
      await invalidateProductPages(deps, [fx.gamma.id]);
      const version = (await pageVersion(deps, fx.gamma.id, (await stored(fx.gamma.id))?.version ?? null))!;
      const { document } = await buildPageDocument(deps, (await productBySlug(deps, fx.gamma.slug))!);
      // The edit commits and empties the page while this build was in flight.
      await deps.db.models.Product.update({ title: 'Oak Table, oiled' }, { where: { id: fx.gamma.id } });
      await invalidateProductPages(deps, [fx.gamma.id]);
      expect(await storePage(deps, fx.gamma.id, version, await storablePage(document))).toBe(false);
      const emptied = (await stored(fx.gamma.id))!;
      expect(emptied.body).toBeNull();
      expect(emptied.version).toBeGreaterThan(version);
      expect((await page(fx.gamma.slug)).title).toBe('Oak Table, oiled');
      // A second reader that built the same version stores nothing over the first.
      expect(await storePage(deps, fx.gamma.id, emptied.version, await storablePage(document))).toBe(false);
      expect((await page(fx.gamma.slug)).title).toBe('Oak Table, oiled');
    });

    test('a page built while a related product moved to another category is not stored', async () => {
      const { Product } = deps.db.models;
      await Product.update({ categoryId: fx.mid.id }, { where: { id: fx.delta.id } });
      await invalidateProductPages(deps, [fx.delta.id], [fx.side.id]);
      const version = (await pageVersion(deps, fx.beta.id, (await stored(fx.beta.id))?.version ?? null))!;
      const { document } = await buildPageDocument(deps, (await productBySlug(deps, fx.beta.slug))!);
      expect(document.related.map((r) => r.slug)).toEqual([fx.delta.slug]);
      // The move commits while beta's page is being built: beta does not show delta yet (nothing stored), so
      // only the former category (as the admin route passes it) reaches beta's page.
      await Product.update({ categoryId: fx.side.id }, { where: { id: fx.delta.id } });
      await invalidateProductPages(deps, [fx.delta.id], [fx.mid.id]);
      expect(await storePage(deps, fx.beta.id, version, await storablePage(document))).toBe(false);
      expect((await page(fx.beta.slug)).related).toEqual([]);
    });

    test('a body of another format counts as empty and is built anew', async () => {
      await page(fx.alpha.slug);
      await deps.db.sequelize.query('UPDATE product_pages SET format = 0 WHERE product_id = ?', {
        replacements: [fx.alpha.id],
        type: QueryTypes.UPDATE,
      });
      const { result, queries } = await countQueries(() => page(fx.alpha.slug));
      expect(queries).toBeGreaterThan(1);
      expect(result.slug).toBe(fx.alpha.slug);
      const [row] = await deps.db.sequelize.query<{ format: number | string }>(
        'SELECT format FROM product_pages WHERE product_id = ?',
        { replacements: [fx.alpha.id], type: QueryTypes.SELECT },
      );
      expect(Number(row?.format)).toBe(PAGE_FORMAT);
      expect((await countQueries(() => page(fx.alpha.slug))).queries).toBe(1);
    });

    test('a product archived or deleted is gone, and so is it from the pages that showed it', async () => {
      const { Product } = deps.db.models;
      const extra = await Product.create({
        slug: `extra-${fx.word}-${Math.random().toString(36).slice(2, 8)}`,
        title: 'Linen Towel',
        priceAmount: 900,
        currency: 'EUR',
        status: 'active',
        categoryId: fx.side.id,
        ratingAverage: 490,
      });
      await invalidateProductPages(deps, [extra.id]);
      expect((await page(fx.gamma.slug)).related.map((r) => r.slug)).toContain(extra.slug);
      await page(extra.slug);

      await Product.update({ status: 'archived' }, { where: { id: extra.id } });
      await invalidateProductPages(deps, [extra.id]);
      await expect(page(extra.slug)).rejects.toBeInstanceOf(NotFoundError);
      expect((await page(fx.gamma.slug)).related.map((r) => r.slug)).not.toContain(extra.slug);

      await Product.update({ status: 'active' }, { where: { id: extra.id } });
      await invalidateProductPages(deps, [extra.id]);
      expect((await page(fx.gamma.slug)).related.map((r) => r.slug)).toContain(extra.slug);
      await extra.destroy();
      await invalidateProductPages(deps, [extra.id]);
      expect((await page(fx.gamma.slug)).related.map((r) => r.slug)).not.toContain(extra.slug);
      expect(await readStoredPage(deps, extra.slug)).toEqual({ found: false });
    });

    test('precomputeProductPages stores every active page that is missing, with progress', async () => {
      await invalidateProductPages(deps, [fx.alpha.id, fx.beta.id, fx.gamma.id, fx.delta.id]);
      const seen: [number, number][] = [];
      const { built } = await precomputeProductPages(deps, (done, total) => seen.push([done, total]));
      expect(built).toBeGreaterThanOrEqual(4);
      expect(seen[0]).toEqual([0, built]);
      expect(seen.at(-1)).toEqual([built, built]);
      for (const product of [fx.alpha, fx.beta, fx.gamma, fx.delta]) {
        expect((await stored(product.id))?.body).toEqual(expect.any(String));
      }
      expect(await stored(fx.draft.id)).toBeNull();
      expect(await precomputeProductPages(deps)).toEqual({ built: 0 });
    });
  });
}
