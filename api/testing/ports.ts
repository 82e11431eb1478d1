import { createServer } from 'node:net';

// Linux hands out source ports for outgoing connections from 32768–60999. A port the kernel picked for us with
// listen(0) lies in that range too, so between our check and the server's own bind, any of the many connections a
// test run opens can take it ("address already in use"). Ports below the range are never taken that way.
const LOW = 20_000;
const HIGH = 32_000;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on 127.0.0.1 outside the ephemeral range, for a server a test starts (and binds) later. */
export async function freeListenPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH}`);
}
