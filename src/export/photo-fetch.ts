/**
 * The export's one fetch: a photo given as an https address, fetched before rendering so the page
 * itself never reaches the network. Only public addresses are contacted: each host is resolved
 * first, every address it resolves to must be public unicast (ipaddr.js ranges), and the
 * connection goes to the address that was checked, so a second DNS answer cannot swap in another.
 * Redirects are checked the same way. Bounded in bytes, time and hops; only image types.
 */
import { lookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import { request, type Agent, type RequestOptions } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { megabytes } from './photo.js';

/** The addresses a host name resolves to. */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** The system's resolver, as the connection would use it. */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export const REMOTE_PHOTO_LIMITS = {
  bytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  /** Hosting services answer avatars from a CDN after a redirect or two. */
  redirects: 3,
} as const;

/** Why an address was not fetched, in words a user can act on. */
export class PhotoFetchRefused extends Error {}

export interface FetchOptions {
  resolve: HostResolver;
  /** Trusted certificates besides the system's (for a private certificate authority). */
  ca?: string | Buffer;
  /** What connections are made with (default: Node's https agent). */
  agent?: Agent;
}

/** The photo's bytes, or a PhotoFetchRefused saying why not. */
export async function fetchPhoto(address: string, options: FetchOptions): Promise<Buffer> {
  const signal = AbortSignal.timeout(REMOTE_PHOTO_LIMITS.timeoutMs);
  let url = parseHttps(address);
  for (let hop = 0; ; hop += 1) {
    const pinned = await withinTime(publicAddress(url.hostname, options.resolve), signal);
    const response = await get(url, pinned, options, signal);
    const location = response.headers.location;
    if (
      response.statusCode !== undefined &&
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      location
    ) {
      response.destroy();
      if (hop >= REMOTE_PHOTO_LIMITS.redirects) {
        throw new PhotoFetchRefused(
          `it redirects more than ${REMOTE_PHOTO_LIMITS.redirects} times`,
        );
      }
      url = parseHttps(new URL(location, url).href);
      continue;
    }
    return readImage(response, signal);
  }
}

/** A resolver that never answers is stopped by the same clock as the download. */
function withinTime<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const late = () => reject(new PhotoFetchRefused(timedOut));
    if (signal.aborted) late();
    signal.addEventListener('abort', late, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', late));
  });
}

const timedOut = `no answer within ${REMOTE_PHOTO_LIMITS.timeoutMs / 1000} s`;

function parseHttps(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new PhotoFetchRefused('it is not a valid address');
  }
  if (url.protocol !== 'https:') {
    throw new PhotoFetchRefused(
      `only https addresses are fetched, not ${url.protocol.slice(0, -1)}`,
    );
  }
  return url;
}

/** The one address to connect to, once every address of the host is known to be public. */
async function publicAddress(
  hostname: string,
  resolve: HostResolver,
): Promise<{ address: string; family: 4 | 6 }> {
  const literal = hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (ipaddr.isValid(literal)) {
    addresses = [literal];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PhotoFetchRefused(`${hostname} was not found${code ? ` (${code})` : ''}`);
    }
    if (addresses.length === 0) throw new PhotoFetchRefused(`${hostname} was not found`);
  }
  for (const address of addresses) {
    if (!ipaddr.isValid(address))
      throw new PhotoFetchRefused(`${hostname} resolved to "${address}"`);
    // IPv4 written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    const range = ipaddr.process(address).range();
    if (range !== 'unicast') {
      const named =
        address === hostname || `[${address}]` === hostname ? address : `${hostname} (${address})`;
      throw new PhotoFetchRefused(
        `${named} is not a public address (${range}), so it is not contacted`,
      );
    }
  }
  const chosen = ipaddr.process(addresses[0]!);
  return { address: chosen.toString(), family: chosen.kind() === 'ipv4' ? 4 : 6 };
}

function get(
  url: URL,
  pinned: { address: string; family: 4 | 6 },
  { ca, agent }: FetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  // The connection goes to the checked address whatever the host name would resolve to now.
  const pin: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const requestOptions: RequestOptions = {
    lookup: pin,
    signal,
    headers: { accept: 'image/*' },
    ...(ca !== undefined && { ca }),
    ...(agent !== undefined && { agent }),
  };
  return new Promise((resolve, reject) => {
    const sent = request(url, requestOptions, resolve);
    sent.on('error', (error) =>
      reject(
        signal.aborted
          ? new PhotoFetchRefused(timedOut)
          : new PhotoFetchRefused(`${url.host} could not be reached (${error.message})`),
      ),
    );
    sent.end();
  });
}

async function readImage(response: IncomingMessage, signal: AbortSignal): Promise<Buffer> {
  const { bytes: limit } = REMOTE_PHOTO_LIMITS;
  const status = response.statusCode ?? 0;
  const type = response.headers['content-type'] ?? '';
  const declared = Number(response.headers['content-length'] ?? 0);
  const refuse = (why: string): never => {
    response.destroy();
    throw new PhotoFetchRefused(why);
  };
  if (status !== 200) refuse(`the server answered ${status}`);
  if (!/^image\//i.test(type)) refuse(`the server sent ${type || 'no type'}, not an image`);
  if (declared > limit) refuse(`it is ${megabytes(declared)}; the limit is ${megabytes(limit)}`);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response) {
      length += (chunk as Buffer).length;
      if (length > limit) refuse(`it is over the limit of ${megabytes(limit)}`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof PhotoFetchRefused) throw error;
    throw new PhotoFetchRefused(signal.aborted ? timedOut : 'the connection broke');
  }
  return Buffer.concat(chunks);
}
