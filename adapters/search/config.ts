/**
 * How to reach the search engine, or `memory` for the embedded default's in-process index; built by the app's
 * config module from its environment.
 */
export type SearchEngineConfig = RemoteSearchEngineConfig | { kind: 'memory' };

export interface RemoteSearchEngineConfig {
  kind: 'opensearch' | 'elasticsearch';
  /** e.g. `https://search.internal:9200`; credentials may also sit in the URL. */
  url: string;
  username?: string;
  password?: string;
  /** Elasticsearch only: an API key (base64 `id:key`), instead of username and password. */
  apiKey?: string;
  /** Per request (default 10 s). */
  requestTimeoutMs?: number;
  /** Retries on connection errors and 502/503/504 (default 2). */
  maxRetries?: number;
}
