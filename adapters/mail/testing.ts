import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Mailpit for the email tests (scripts/services/mailpit.sh): a client for its HTTP API, and a private Mailpit
 * process a test may stop and start again (SMTP down mid-test) without touching the shared one.
 */

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the integration tests with \`npm test\`, which starts Mailpit`);
  }
  return value;
}

/** The shared Mailpit's SMTP URL (`smtp://127.0.0.1:11025`). */
export const testSmtpUrl = (): string => env('MARKET_TEST_SMTP_URL');
/** The shared Mailpit's HTTP API (`http://127.0.0.1:18025`). */
export const testMailpitUrl = (): string => env('MARKET_TEST_MAILPIT_URL');

/** A message in Mailpit's lists (GET /api/v1/messages, /api/v1/search). */
export interface MailpitSummary {
  ID: string;
  /** Without the angle brackets. */
  MessageID: string;
  From: { Name: string; Address: string } | null;
  To: { Name: string; Address: string }[];
  Subject: string;
  Created: string;
}

/** One message in full (GET /api/v1/message/{ID}). */
export interface MailpitMessage extends MailpitSummary {
  Text: string;
  HTML: string;
}

export class MailpitClient {
  constructor(readonly baseUrl: string = testMailpitUrl()) {}

  private async get<T>(route: string): Promise<T> {
    const res = await fetch(new URL(route, this.baseUrl));
    if (!res.ok) throw new Error(`mailpit GET ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The newest messages first (up to 500). */
  async messages(): Promise<MailpitSummary[]> {
    return (await this.get<{ messages: MailpitSummary[] }>('/api/v1/messages?limit=500')).messages;
  }

  /** Mailpit's search syntax: `to:a@b.c`, `subject:"…"`, `message-id:…` (a substring match). */
  async search(query: string): Promise<MailpitSummary[]> {
    const route = `/api/v1/search?limit=500&query=${encodeURIComponent(query)}`;
    return (await this.get<{ messages: MailpitSummary[] }>(route)).messages;
  }

  /** The messages whose Message-ID is exactly this one (`<id@market>`, brackets optional). */
  async byMessageId(messageId: string): Promise<MailpitSummary[]> {
    const bare = messageId.replace(/^<|>$/g, '');
    return (await this.search(`message-id:"${bare}"`)).filter((m) => m.MessageID === bare);
  }

  message(id: string): Promise<MailpitMessage> {
    return this.get<MailpitMessage>(`/api/v1/message/${encodeURIComponent(id)}`);
  }

  /** Headers as Mailpit parsed them: name → values. */
  headers(id: string): Promise<Record<string, string[]>> {
    return this.get<Record<string, string[]>>(`/api/v1/message/${encodeURIComponent(id)}/headers`);
  }

  /** Polls search(query) until it finds at least `count` messages (SMTP accepts before Mailpit has stored). */
  async waitFor(query: string, count = 1, timeoutMs = 10_000): Promise<MailpitSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.search(query);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface OwnMailpit {
  smtpUrl: string;
  client: MailpitClient;
  /** Kills the process: SMTP connections are refused until start(). */
  stop(): Promise<void>;
  /** Starts it again on the same ports and database; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its database. */
  close(): Promise<void>;
}

/** A Mailpit of the test's own (binary: MARKET_TEST_MAILPIT_BIN) on free loopback ports, started and answering. */
export async function startMailpit(): Promise<OwnMailpit> {
  const bin = env('MARKET_TEST_MAILPIT_BIN');
  const dir = await mkdtemp(path.join(tmpdir(), 'market-mailpit-'));
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  const client = new MailpitClient(apiUrl);
  let child: ChildProcess | null = null;
  let output = '';

  const start = async (): Promise<void> => {
    if (child) return;
    output = '';
    const proc = spawn(
      bin,
      [
        ...['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`],
        ...['--database', path.join(dir, 'mailpit.db'), '--disable-version-check'],
        ...['--smtp-auth-accept-any', '--smtp-auth-allow-insecure', '--quiet'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = proc;
    const deadline = Date.now() + 15_000;
    while (!(await answers(apiUrl, smtpPort))) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        proc.kill('SIGKILL');
        child = null;
        throw new Error(`mailpit did not start (exit ${proc.exitCode}): ${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    child = null;
    if (proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    client,
    start,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A port the kernel considers free right now (then released for Mailpit to bind). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(apiUrl: string, smtpPort: number): Promise<boolean> {
  try {
    const res = await fetch(`${apiUrl}/api/v1/info`, { signal: AbortSignal.timeout(1_000) });
    if (!res.ok) return false;
  } catch {
    return false;
  }
  return new Promise((resolve) => {
    const socket = connect(smtpPort, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
