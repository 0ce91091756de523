/**
 * What a run sends to the network, seen from both ends: a listener on 127.0.0.1 (TCP connections,
 * HTTP requests, WebSocket upgrades, UDP datagrams) and the run's own system calls under
 * `strace -f`, where every connect or send to an IPv4/IPv6 address (DNS queries included) shows.
 */
import { createServer, type Server } from 'node:http';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { run, scriptCommand, type CliResult, type RunOptions } from './cli.js';

export interface Contacts {
  /** TCP connections accepted (a preconnect opens one without a request). */
  connections: number;
  /** Paths of HTTP requests. */
  requests: string[];
  /** Paths of WebSocket upgrade requests. */
  upgrades: string[];
  /** UDP datagrams received (STUN from WebRTC). */
  datagrams: number;
}

export interface Listener {
  /** `http://127.0.0.1:PORT` */
  http: string;
  /** `stun:127.0.0.1:PORT` */
  udp: string;
  contacts(): Contacts;
  close(): Promise<void>;
}

export async function startListener(): Promise<Listener> {
  const contacts: Contacts = { connections: 0, requests: [], upgrades: [], datagrams: 0 };
  const server: Server = createServer((request, response) => {
    contacts.requests.push(request.url ?? '');
    response.end('leaked');
  });
  server.on('connection', () => (contacts.connections += 1));
  server.on('upgrade', (request, socket) => {
    contacts.upgrades.push(request.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const udp: Socket = createSocket('udp4');
  udp.on('message', () => (contacts.datagrams += 1));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  return {
    http: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    udp: `stun:127.0.0.1:${udp.address().port}`,
    contacts: () => structuredClone(contacts),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

/**
 * A listener on 127.0.0.1 for the tests of one `describe` block, started before them and closed
 * after: the connections it has accepted, and its port.
 */
export function listenerForSuite(): { connections: () => number; port: () => number } {
  let listener: Listener | undefined;
  beforeAll(async () => {
    listener = await startListener();
  });
  afterAll(() => listener?.close());
  const started = () => {
    if (!listener) throw new Error('The listener starts before the tests of its block.');
    return listener;
  };
  return {
    connections: () => started().contacts().connections,
    port: () => Number(new URL(started().http).port),
  };
}

export interface TracedResult extends CliResult {
  /** Any call naming port 53 (DNS) or 5353 (multicast DNS). */
  dns: string[];
  /** TCP connection attempts to an IPv4 or IPv6 address. */
  tcpConnects: string[];
  /** Anything sent on an IPv4 or IPv6 socket. */
  sends: string[];
  /**
   * connect() on a UDP socket: the kernel only picks a route, no packet leaves. Chromium does
   * this to learn whether IPv6 is reachable.
   */
  routeProbes: string[];
}

/** Runs `npm run <script> -- <args>` under `strace -f`, recording its network calls. */
export async function runTraced(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<TracedResult> {
  const folder = mkdtempSync(join(tmpdir(), 'strace-'));
  const log = join(folder, 'trace.txt');
  try {
    const [program, base] = scriptCommand(script);
    // -yy prints each socket's protocol and addresses beside its descriptor.
    const trace = ['-f', '-qq', '-yy', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', log];
    const result = await run('strace', [...trace, program, ...base, ...args], options);
    const calls = readFileSync(log, 'utf8').split('\n');
    const inet = (line: string) => /<(TCP|UDP)v?6?:|sa_family=AF_INET6?\b/.test(line);
    const connects = calls.filter((line) => /\bconnect\(/.test(line) && inet(line));
    return {
      ...result,
      dns: calls.filter((line) => /htons\((53|5353)\)|:(53|5353)\]/.test(line)),
      tcpConnects: connects.filter((line) => /<TCP/.test(line)),
      sends: calls.filter((line) => /\bsend(to|msg|mmsg)\(/.test(line) && inet(line)),
      routeProbes: connects.filter((line) => /<UDP/.test(line)),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
