import { plainMediaType } from './es-compat-proxy';

describe('plainMediaType', () => {
  it.each([
    ['application/vnd.elasticsearch+json; compatible-with=8', 'application/json'],
    ['application/vnd.elasticsearch+json;compatible-with=9', 'application/json'],
    ['application/vnd.elasticsearch+x-ndjson; compatible-with=8', 'application/x-ndjson'],
    ['application/vnd.elasticsearch+json; compatible-with=8,text/plain', 'application/json,text/plain'],
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
  ])('%s → %s', (from, to) => {
    expect(plainMediaType(from)).toBe(to);
  });
});
