import type { Availability, LiveParts } from '../../presenters/product';
import type { ImageLinks } from '../../presenters/product-image';
import { presentDocument, type PageDocument, type StockById } from './page-document';

/**
 * What a page template leaves open: a product's availability (by its id), or an image's URL or thumbnails (by its
 * storage key). Tuples, so a stored template stays small.
 */
export type Hole = ['availability', number] | ['url', string] | ['thumbnails', string];

/**
 * A product page as stored: its JSON, exactly as shoppers get it, cut where the live parts go (`texts` has one more
 * entry than `holes`). Serving it is filling the holes (renderTemplate): no document to parse, present and
 * serialize again for every request (docs/benchmarks.md, thirteenth step).
 */
export interface PageTemplate {
  texts: string[];
  holes: Hole[];
}

/** What storePage writes: the template, and the related products whose stock its holes show. */
export interface StorablePage {
  template: PageTemplate;
  relatedIds: number[];
}

/** A hole's place in the presented page, until the page is cut (cut()). */
class Slot {
  constructor(readonly hole: Hole) {}
}

/** The presenter's live parts, answered with the slots they stand for. */
const slotParts: LiveParts = {
  availability: (product) => new Slot(['availability', product.id]) as unknown as Availability,
  links: (storageKey) =>
    Promise.resolve({
      url: new Slot(['url', storageKey]) as unknown as string,
      thumbnails: new Slot(['thumbnails', storageKey]) as unknown as ImageLinks['thumbnails'],
    }),
};

/** The template of a page document: presented as served, with slots for its live parts. */
export async function templateOf(document: PageDocument): Promise<PageTemplate> {
  return cut(await presentDocument(slotParts, document, new Map()));
}

export async function storablePage(document: PageDocument): Promise<StorablePage> {
  return { template: await templateOf(document), relatedIds: document.related.map((r) => r.id) };
}

/** The page as shoppers get it, as JSON text: the template with this stock and freshly signed image links. */
export async function renderTemplate(
  { texts, holes }: PageTemplate,
  stock: StockById,
  parts: LiveParts,
): Promise<string> {
  const keys = new Set<string>();
  for (const [kind, key] of holes) if (kind !== 'availability') keys.add(key);
  const links = new Map<string, ImageLinks>(
    await Promise.all(
      [...keys].map(async (key): Promise<[string, ImageLinks]> => [key, await parts.links(key)]),
    ),
  );
  let json = texts[0]!;
  for (let i = 0; i < holes.length; i += 1) {
    json += holeJson(holes[i]!, stock, links, parts) + texts[i + 1]!;
  }
  return json;
}

const AVAILABILITY_JSON = {
  in_stock: '"in_stock"',
  low_stock: '"low_stock"',
  out_of_stock: '"out_of_stock"',
} satisfies Record<Availability, string>;

function holeJson(
  hole: Hole,
  stock: StockById,
  links: ReadonlyMap<string, ImageLinks>,
  parts: LiveParts,
): string {
  switch (hole[0]) {
    case 'availability':
      return AVAILABILITY_JSON[parts.availability({ id: hole[1], inventory: stock.get(hole[1]) ?? null })];
    case 'url':
      return JSON.stringify(links.get(hole[1])!.url);
    case 'thumbnails':
      return JSON.stringify(links.get(hole[1])!.thumbnails);
  }
}

/**
 * `JSON.stringify(value)` cut at its slots. Written out for the plain data a presenter makes (objects, arrays with
 * holes or not, strings, numbers, booleans, null, their boxed forms; `toJSON` and undefined handled as
 * JSON.stringify does; no cycles): page-template.unit.test.ts checks it against JSON.stringify.
 */
export function cut(value: unknown): PageTemplate {
  const texts: string[] = [];
  const holes: Hole[] = [];
  let text = '';
  /** Writes a value already unboxed (`unboxed`), as JSON.stringify would. */
  const written = (item: unknown): void => {
    if (item instanceof Slot) {
      texts.push(text);
      holes.push(item.hole);
      text = '';
    } else if (item !== null && typeof item === 'object') {
      if (Array.isArray(item)) {
        text += '[';
        for (let i = 0; i < item.length; i += 1) {
          if (i > 0) text += ',';
          const entry = unboxed(item[i]);
          if (omitted(entry)) text += 'null';
          else written(entry);
        }
        text += ']';
      } else {
        text += '{';
        let first = true;
        for (const key of Object.keys(item)) {
          const entry = unboxed((item as Record<string, unknown>)[key]);
          if (omitted(entry)) continue;
          text += `${first ? '' : ','}${JSON.stringify(key)}:`;
          first = false;
          written(entry);
        }
        text += '}';
      }
    } else {
      text += JSON.stringify(item);
    }
  };
  written(unboxed(value));
  texts.push(text);
  return { texts, holes };
}

const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** What JSON.stringify writes for a value: its `toJSON()`, a boxed number, string or boolean's primitive. */
function unboxed(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Slot) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return unboxed((value as { toJSON(): unknown }).toJSON());
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  return value;
}
