import { readFileSync } from 'node:fs';
import path from 'node:path';

// .env.example must document every variable the config module reads, and nothing it does not.
test('.env.example lists exactly the variables api/config.ts reads', () => {
  const source = readFileSync(path.join(__dirname, 'config.ts'), 'utf8');
  const schemaBlock = source.slice(
    source.indexOf('const schema = z.object({'),
    source.indexOf('});', source.indexOf('const schema')),
  );
  const read = [...schemaBlock.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]).sort();
  const example = readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
  const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
  expect(read.length).toBeGreaterThan(10);
  expect(documented).toEqual(read);
});
