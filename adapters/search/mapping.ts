import type { IndexDefinition } from './port';

export interface ProductIndexOptions {
  /** Default 1: a catalog of this size fits one shard comfortably. */
  shards?: number;
  /** Default: the engine's (1). A single-node test cluster wants 0 to be green. */
  replicas?: number;
}

/**
 * The product index: ProductDocument field by field (`dynamic: strict` turns a stray field into an error instead
 * of a silent mapping). Works unchanged on Elasticsearch 8/9 and OpenSearch 2/3.
 *
 * Text is analysed with light English stemming and ASCII folding, so "Shoes" finds "shoe" and "cafe" finds
 * "café". Tags are exact keywords for filters and facets, with a `tags.text` sub-field for full text.
 */
export function productIndexDefinition(options: ProductIndexOptions = {}): IndexDefinition {
  return {
    settings: {
      number_of_shards: options.shards ?? 1,
      ...(options.replicas === undefined ? {} : { number_of_replicas: options.replicas }),
      analysis: {
        filter: {
          product_stemmer: { type: 'stemmer', language: 'light_english' },
        },
        analyzer: {
          product_text: {
            type: 'custom',
            tokenizer: 'standard',
            filter: ['lowercase', 'asciifolding', 'product_stemmer'],
          },
        },
      },
    },
    mappings: {
      dynamic: 'strict',
      properties: {
        id: { type: 'long' },
        slug: { type: 'keyword' },
        title: { type: 'text', analyzer: 'product_text' },
        description: { type: 'text', analyzer: 'product_text' },
        tags: { type: 'keyword', fields: { text: { type: 'text', analyzer: 'product_text' } } },
        categoryIds: { type: 'integer' },
        priceAmount: { type: 'long' },
        currency: { type: 'keyword' },
        rating: { type: 'integer' },
        ratingCount: { type: 'integer' },
        inStock: { type: 'boolean' },
        status: { type: 'keyword' },
        createdAt: { type: 'date' },
      },
    },
  };
}
