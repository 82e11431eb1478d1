import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Lighthouse (the root's `lighthouse` 12 devDependency) run through its CLI in a child process, so its trace
 * processing never shares an event loop with the server it measures. Default config: mobile form factor, simulated
 * throttling (slow 4G, 4× CPU slowdown).
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The parts of a Lighthouse result (LHR) this benchmark reads. */
interface Lhr {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      displayValue?: string;
      metricSavings?: Record<string, number | undefined>;
    }
  >;
}

/** One run's figures: scores 0–100, LCP/FCP/TBT in ms, CLS unitless. */
export interface LighthouseRun {
  scores: Record<Category, number | null>;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  /** Scored audits below 1, as `category/audit-id (display value)`. */
  failed: string[];
  /** Unscored performance audits (diagnostics, insights) that estimate a metric saving, with the estimate. */
  opportunities: string[];
  warnings: string[];
}

export interface LighthouseOptions {
  chromePath: string;
}

export async function runLighthouse(url: string, options: LighthouseOptions): Promise<LighthouseRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'market-lighthouse-'));
  try {
    const output = path.join(dir, 'report.json');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          require.resolve('lighthouse/cli/index.js'),
          url,
          '--quiet',
          '--output=json',
          `--output-path=${output}`,
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-path=${options.chromePath}`,
          `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH: options.chromePath }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}:\n${errors.slice(-2000)}`)),
      );
    });
    const lhr = JSON.parse(await readFile(output, 'utf8')) as Lhr;
    if (lhr.runtimeError)
      throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return summarize(lhr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function summarize(lhr: Lhr): LighthouseRun {
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`lighthouse: no ${id} in the report`);
    return value;
  };
  const failed: string[] = [];
  const opportunities: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      const shown = audit.displayValue ? ` (${audit.displayValue})` : '';
      if (category === 'performance' && ref.weight === 0) {
        // Diagnostics and insights: they weigh nothing themselves, but say which metric they would improve.
        const savings = Object.entries(audit.metricSavings ?? {}).filter(([, ms]) => ms && ms > 0);
        if (savings.length) {
          const estimate = savings.map(([m, ms]) => `${m} −${Math.round(ms!)}${m === 'CLS' ? '' : ' ms'}`);
          opportunities.push(`${ref.id}${shown}: ${estimate.join(', ')}`);
        }
        continue;
      }
      if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric') continue;
      failed.push(`${category}/${ref.id}${shown}`);
    }
  }
  const score = (c: Category) => {
    const value = lhr.categories[c].score;
    return value === null ? null : Math.round(value * 100);
  };
  return {
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    },
    lcp: metric('largest-contentful-paint'),
    fcp: metric('first-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    failed,
    opportunities,
    warnings: lhr.runWarnings,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A page's runs reduced to the median of each figure separately (not one "median run"). */
export interface LighthousePage {
  name: string;
  path: string;
  runs: LighthouseRun[];
}

const TARGETS = { performance: 95, accessibility: 98, 'best-practices': 95, seo: 95 } as const;
const LIMITS = { lcp: 2_000, cls: 0.05, tbt: 150 } as const;

export function lighthouseTable(pages: readonly LighthousePage[]): string[] {
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  const score = (page: LighthousePage, c: Category) => {
    const values = page.runs.map((r) => r.scores[c]).filter((v): v is number => v !== null);
    if (!values.length) return 'n/a ✗';
    const m = median(values);
    return `${m}${mark(m >= TARGETS[c])}`;
  };
  return [
    '| Page | runs | performance (≥ 95) | accessibility (≥ 98) | best practices (≥ 95) | SEO (≥ 95) | LCP s (≤ 2.0) | CLS (≤ 0.05) | TBT ms (≤ 150) | FCP s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pages.map((page) => {
      const lcp = median(page.runs.map((r) => r.lcp));
      const cls = median(page.runs.map((r) => r.cls));
      const tbt = median(page.runs.map((r) => r.tbt));
      const fcp = median(page.runs.map((r) => r.fcp));
      return (
        `| ${page.name} \`${page.path}\` | ${page.runs.length} | ${score(page, 'performance')} | ` +
        `${score(page, 'accessibility')} | ${score(page, 'best-practices')} | ${score(page, 'seo')} | ` +
        `${(lcp / 1000).toFixed(2)}${mark(lcp <= LIMITS.lcp)} | ${cls.toFixed(3)}${mark(cls <= LIMITS.cls)} | ` +
        `${Math.round(tbt)}${mark(tbt <= LIMITS.tbt)} | ${(fcp / 1000).toFixed(2)} |`
      );
    }),
  ];
}

/** Every scored audit that failed in at least one run of a page, with how many runs it failed in. */
export function failedAudits(pages: readonly LighthousePage[]): string[] {
  const lines: string[] = [];
  for (const page of pages) {
    const counts = new Map<string, number>();
    for (const run of page.runs) {
      // Display values differ between runs: count by category/id.
      for (const entry of run.failed) {
        const key = entry.replace(/ \(.*\)$/, '');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const shown = [...counts].map(([id, n]) => {
      const example = page.runs.flatMap((r) => r.failed).find((f) => f.startsWith(`${id} (`) || f === id);
      return `${example ?? id} ×${n}/${page.runs.length}`;
    });
    lines.push(`- ${page.name} (\`${page.path}\`): ${shown.length ? shown.join('; ') : 'none'}`);
    // The estimates of one run (the first) are enough to say where the time goes.
    const first = page.runs[0];
    if (first?.opportunities.length)
      lines.push(`  - estimated savings (run 1): ${first.opportunities.join('; ')}`);
    const warnings = [...new Set(page.runs.flatMap((r) => r.warnings))];
    for (const warning of warnings) lines.push(`  - warning: ${warning}`);
  }
  return lines;
}
