/**
 * The icon beside each contact: its kind (email, phone, web, place), or for a profile its network,
 * known by name or else by address. The markup comes from the build (scripts/icons.mjs), so a
 * page holds only the icons its contacts use and nothing is fetched.
 */
import { icons } from 'camera-ready:assets';

export type IconName = keyof typeof icons;

/** Network names as people write them, lowercased without spaces or punctuation. */
const NETWORK_ALIASES: Record<string, IconName> = {
  scholar: 'googlescholar',
  twitter: 'x',
  xtwitter: 'x',
  twitterx: 'x',
};

const HOSTS: [RegExp, IconName][] = [
  [/(^|\.)github\.(com|io)$/, 'github'],
  [/(^|\.)gitlab\.com$/, 'gitlab'],
  [/(^|\.)codeberg\.org$/, 'codeberg'],
  [/(^|\.)bitbucket\.org$/, 'bitbucket'],
  [/^scholar\.google\.[a-z.]+$/, 'googlescholar'],
  [/(^|\.)semanticscholar\.org$/, 'semanticscholar'],
  [/(^|\.)orcid\.org$/, 'orcid'],
  [/(^|\.)researchgate\.net$/, 'researchgate'],
  [/(^|\.)dblp\.(org|uni-trier\.de)$/, 'dblp'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)bsky\.app$/, 'bluesky'],
  [/(^|\.)threads\.(net|com)$/, 'threads'],
  [/(^|\.)stackoverflow\.com$/, 'stackoverflow'],
  [/(^|\.)kaggle\.com$/, 'kaggle'],
  [/(^|\.)huggingface\.co$/, 'huggingface'],
  [/(^|\.)medium\.com$/, 'medium'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
];

function isIconName(name: string): name is IconName {
  return Object.hasOwn(icons, name);
}

/** The host of an http(s) address, or of one written without its scheme ("github.com/ada"). */
function host(url: string): string {
  return /^(?:https?:\/\/)?(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase() ?? '';
}

/** A profile's icon: its network's, else its address's, else the generic web icon. */
export function profileIcon(network: string, url: string): IconName {
  const name = network.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name !== '' && isIconName(name)) return name;
  if (Object.hasOwn(NETWORK_ALIASES, name)) return NETWORK_ALIASES[name]!;
  const address = host(url);
  return HOSTS.find(([pattern]) => pattern.test(address))?.[1] ?? 'website';
}

/** The inline SVG for an icon (hidden from assistive technology: the text beside it speaks). */
export function iconMarkup(name: IconName): string {
  return icons[name];
}
