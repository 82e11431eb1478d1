// Fails the build when the shop's JavaScript or CSS outgrows its budget (gzip sizes, from Vite's manifest):
// entry JS (the client entry and the root route with everything they import statically: what every page loads)
// ≤ 120 KB, each route chunk's own code ≤ 30 KB, all CSS ≤ 20 KB. Prints the table either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGETS = { entry: 120 * KB, route: 30 * KB, css: 20 * KB };

const buildDir = path.resolve(process.env.STOREFRONT_BUILD_DIR ?? 'build');
const clientDir = path.join(buildDir, 'client');
const manifest = JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8'));
const gzipped = (file) => gzipSync(readFileSync(path.join(clientDir, file)), { level: 9 }).length;

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}

const entryKeys = Object.keys(manifest).filter(
  (k) => manifest[k].isEntry && (k.includes('entry.client') || k.startsWith('app/root.tsx')),
);
if (entryKeys.length !== 2) {
  console.error(
    `storefront: expected the client entry and the root route in the manifest, found ${entryKeys}`,
  );
  process.exit(1);
}
const shared = closure(entryKeys);
const rows = [];
let failed = false;
const check = (name, bytes, budget) => {
  const ok = bytes <= budget;
  failed ||= !ok;
  rows.push(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(44)} ${(bytes / KB).toFixed(1).padStart(7)} KB / ${budget / KB} KB`,
  );
};

check(
  'entry JS (client entry + root, shared)',
  [...shared].reduce((n, k) => n + gzipped(manifest[k].file), 0),
  BUDGETS.entry,
);
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry || shared.has(key) || !key.startsWith('app/routes/')) continue;
  // A route's own code plus what only it imports (shared chunks are counted in the entry).
  const own = [...closure([key])].filter((k) => !shared.has(k));
  check(
    `route ${key.replace(/\?.*$/, '').replace('app/routes/', '')}`,
    own.reduce((n, k) => n + gzipped(manifest[k].file), 0),
    BUDGETS.route,
  );
}
// Stylesheets imported by components (`css` of a chunk) and those linked by URL (`app.css?url`, their own entry).
const css = new Set([
  ...Object.values(manifest).flatMap((c) => c.css ?? []),
  ...Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.css')),
]);
if (css.size === 0) {
  console.error('storefront: no stylesheet in the build manifest: the CSS budget cannot be checked');
  process.exit(1);
}
check(
  'CSS (all files)',
  [...css].reduce((n, f) => n + gzipped(f), 0),
  BUDGETS.css,
);

console.log(`storefront budgets (gzip):\n${rows.join('\n')}`);
if (failed) {
  console.error('storefront: a size budget is exceeded (storefront/scripts/check-budgets.mjs)');
  process.exit(1);
}
