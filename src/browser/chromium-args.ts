/** The command line every Chromium of ours starts with. */
import { LAYOUT_ARGS } from './engines.js';

/**
 * Switches that seal the browser off from the network, below anything a page can do: every host
 * name (IP literals included) resolves to "not found", so no DNS query, socket, prefetch or
 * preconnect happens; a proxy on a refused port catches whatever would bypass the resolver, and
 * loopback is not exempt from it; WebRTC may send UDP only through that proxy, i.e. never; and
 * Chromium's own services (updates, sync, safe browsing, field trials) stay off.
 */
const SEALED_NETWORK_ARGS: readonly string[] = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,NetworkTimeServiceQuerying',
];

/** The flags every launch uses; `--no-sandbox` only where Chromium refuses to start without it. */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    '--headless=new',
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    '--disable-gpu',
    ...LAYOUT_ARGS,
    ...SEALED_NETWORK_ARGS,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-breakpad',
    '--disable-dev-shm-usage',
    '--hide-scrollbars',
    '--mute-audio',
    '--force-color-profile=srgb',
    // Needed for page.pdf's `tagged` and `outline` options.
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
}
