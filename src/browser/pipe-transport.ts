import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer';

/**
 * The DevTools protocol over Chromium's pipe (`--remote-debugging-pipe`, fds 3 and 4): JSON
 * messages separated by NUL bytes. Ours rather than puppeteer.launch, so Chromium can be spawned
 * before puppeteer is even loaded (see launch.ts; bench/launch-transport.mjs measures the gain).
 */
export function pipeTransport(write: Writable, read: Readable): ConnectionTransport {
  let pending = Buffer.alloc(0);
  const transport: ConnectionTransport = {
    send(message) {
      write.write(`${message}\0`);
    },
    close() {
      write.end();
    },
  };
  read.on('data', (chunk: Buffer) => {
    // Split on bytes, not characters: a chunk may end inside a multi-byte character.
    let buffer = Buffer.concat([pending, chunk]);
    for (let end = buffer.indexOf(0); end !== -1; end = buffer.indexOf(0)) {
      transport.onmessage?.(buffer.toString('utf8', 0, end));
      buffer = buffer.subarray(end + 1);
    }
    pending = buffer;
  });
  read.on('close', () => transport.onclose?.());
  // A write to a browser that was killed must not crash the process: the pending call fails instead.
  write.on('error', () => undefined);
  return transport;
}
