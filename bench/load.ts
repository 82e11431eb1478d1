import autocannon from 'autocannon';
import type { Row } from './report';

/** One load scenario: requests to a port on loopback, a path per request (so a scenario can vary it). */
export interface Scenario {
  name: string;
  port: () => number;
  path: () => string;
  headers?: Record<string, string>;
  /** Run before the warm-up (e.g. empty what the scenario must not find stored). */
  before?: () => Promise<void>;
}

export interface LoadSettings {
  warmup: number;
  duration: number;
  connections: number;
}

function fire(scenario: Scenario, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${scenario.port()}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: scenario.path() }) }],
    ...(scenario.headers ? { headers: scenario.headers } : {}),
  });
}

/** Each scenario in turn, after a warm-up of its own: one row of figures per scenario. */
export async function runScenarios(
  scenarios: readonly Scenario[],
  settings: LoadSettings,
  log: (message: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    await scenario.before?.();
    log(`${scenario.name}: warm-up ${settings.warmup} s`);
    await fire(scenario, settings.warmup, settings.connections);
    log(`${scenario.name}: ${settings.duration} s × ${settings.connections} connections`);
    const result = await fire(scenario, settings.duration, settings.connections);
    rows.push({
      name: scenario.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    });
  }
  return rows;
}
