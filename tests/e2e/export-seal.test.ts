/**
 * The sealed export: whatever the theme or the résumé does, nothing leaves the machine. Seen from
 * both ends — a listener on 127.0.0.1 (TCP, HTTP, WebSocket, UDP for WebRTC's STUN) and the
 * export's own system calls under strace (DNS, connections, datagrams) — and every attempt is
 * reported to the user. A page that tries to leave its document fails the export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackLines } from '../support/cli.js';
import { otherThemesDir, seedResumePath } from '../support/paths.js';
import { runTraced, startListener, type Listener } from '../support/network-watch.js';
import { filesIn } from '../support/files.js';
import { hostileTheme, writeProbeResume, type Probe } from '../support/probe.js';

const work = mkdtempSync(join(tmpdir(), 'export-seal-'));
let listener: Listener;
beforeAll(async () => {
  listener = await startListener();
});
afterAll(async () => {
  await listener.close();
  rmSync(work, { recursive: true, force: true });
});

const HOST = 'leak-probe.example';
const noContacts = { connections: 0, requests: [], upgrades: [], datagrams: 0 };

/** Exports a résumé that asks the hostile theme for `probe`, under strace; its output folder too. */
async function exportHostile(name: string, probe: Probe) {
  const resume = writeProbeResume(work, `${name}.json`, probe);
  const out = join(work, `${name}-out`);
  const result = await runTraced('export', [
    '--resume',
    resume,
    '--theme',
    hostileTheme,
    '--out',
    out,
  ]);
  return { result, out };
}

describe('a sealed export', () => {
  it('lets a theme that tries every channel reach nothing, and reports each attempt', async () => {
    const { result, out } = await exportHostile('every-channel', {
      http: listener.http,
      udp: listener.udp,
      host: HOST,
    });
    expect(result.stderr).not.toMatch(/✖/);
    expect(result.code).toBe(0);
    expect(listener.contacts()).toEqual(noContacts);
    expect(result.dns).toEqual([]);
    expect(result.tcpConnects).toEqual([]);
    expect(result.sends).toEqual([]);

    const { http, udp } = listener;
    const reported = [
      `request to ${http}/img`,
      `request to http://${HOST}/named-img`,
      `request to ${http}/style.css`,
      `request to ${http}/import.css`,
      `request to ${http}/background`,
      `request to ${http}/font.woff2`,
      `request to ${http}/preload`,
      `request to ${http}/frame`,
      `request to ${http}/fetch`,
      `request to http://${HOST}/named-fetch`,
      `request to ${http}/beacon`,
      `request to ${http}/events`,
      `prefetch of ${http}/prefetch`,
      `preconnect of ${http}/`,
      `dns-prefetch of //${HOST}`,
      `WebSocket to ${http.replace('http', 'ws')}/socket`,
      `popup window for ${http}/popup`,
      `WebRTC connection to ${udp}`,
    ];
    for (const attempt of reported) expect(result.stderr).toContain(`⚠ blocked ${attempt}`);
    expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
  });

  it('sends nothing of a CV whose unescaped name holds a prefetch link (theme even)', async () => {
    const leak = `${listener.http}/leak?cv=Ada+Example`;
    const resume = writeProbeResume(work, 'even-prefetch.json', {}, (seed) => ({
      ...seed,
      basics: { ...seed.basics, name: `<link rel=prefetch href=${leak}>` },
    }));
    const out = join(work, 'even-prefetch-out');
    const result = await runTraced(
      'export',
      ['--resume', resume, '--theme', 'even', '--out', out],
      { cwd: otherThemesDir },
    );
    expect(result.code).toBe(0);
    expect(listener.contacts()).toEqual(noContacts);
    expect(result.dns).toEqual([]);
    expect(result.tcpConnects).toEqual([]);
    expect(result.sends).toEqual([]);
    expect(result.stderr).toContain(`⚠ blocked prefetch of ${leak}`);
  });

  it('looks up no host name and opens no connection of its own on a plain export', async () => {
    const out = join(work, 'plain-out');
    const result = await runTraced('export', ['--resume', seedResumePath, '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    // Chromium's own services (updates, accounts, field trials) would query DNS here.
    expect(result.dns).toEqual([]);
    expect(result.tcpConnects).toEqual([]);
    expect(result.sends).toEqual([]);
    expect(result.stderr).toBe('');
  });
});

describe('a page that leaves its document fails the export', () => {
  it('through a meta refresh in a field the theme does not escape (theme even)', async () => {
    const target = `${listener.http}/navigated`;
    const resume = writeProbeResume(work, 'even-refresh.json', {}, (seed) => ({
      ...seed,
      basics: { ...seed.basics, name: `<meta http-equiv=refresh content="0;url=${target}">` },
    }));
    const out = join(work, 'even-refresh-out');
    const result = await runTraced(
      'export',
      ['--resume', resume, '--theme', 'even', '--out', out],
      { cwd: otherThemesDir },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `✖ The page tried to leave the résumé for ${target} (a <meta http-equiv="refresh">)`,
    );
    expect(listener.contacts()).toEqual(noContacts);
    expect(result.dns).toEqual([]);
    expect(filesIn(out)).toEqual([]);
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('through a script that sets location', async () => {
    const { result, out } = await exportHostile('script-navigation', {
      http: listener.http,
      behave: ['navigate-script'],
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `✖ The page tried to leave the résumé for ${listener.http}/navigated (a script)`,
    );
    expect(listener.contacts()).toEqual(noContacts);
    expect(filesIn(out)).toEqual([]);
  });
});
