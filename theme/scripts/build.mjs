// Builds the published package from src/: templates precompiled, styles and fonts inlined, one
// bundle per module system (dist/index.cjs, dist/index.mjs) with bundled type declarations for
// each. The output reads no file at run time, so the theme also works when bundled itself.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { fontFaces } from './fonts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ASSETS = 'camera-ready:assets';

/** Handlebars specs as JavaScript source, for the runtime-only `template()`. */
function precompiled(file, options = {}) {
  return Handlebars.precompile(readFileSync(file, 'utf8'), options);
}

function assetsModule() {
  const templates = join(root, 'templates');
  const partials = readdirSync(templates)
    .filter((file) => file.endsWith('.hbs') && file !== 'layout.hbs')
    .sort()
    .map((file) => {
      // Trimmed so a partial used inline adds no stray whitespace.
      const source = readFileSync(join(templates, file), 'utf8').trim();
      return `${JSON.stringify(file.slice(0, -4))}: ${Handlebars.precompile(source)}`;
    });
  const layout = precompiled(join(templates, 'layout.hbs'), { strict: false, preventIndent: true });
  return [
    `export const partials = {${partials.join(',\n')}};`,
    `export const layout = ${layout};`,
    `export const css = ${JSON.stringify(readFileSync(join(root, 'styles', 'theme.css'), 'utf8'))};`,
    `export const fonts = ${JSON.stringify(fontFaces())};`,
  ].join('\n');
}

const assetsPlugin = {
  name: 'camera-ready-assets',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^camera-ready:assets$/ }, () => ({
      path: ASSETS,
      namespace: 'assets',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'assets' }, () => ({
      contents: assetsModule(),
      loader: 'js',
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const [format, file] of [
  ['cjs', 'index.cjs'],
  ['esm', 'index.mjs'],
]) {
  await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    outfile: join(dist, file),
    bundle: true,
    format,
    platform: 'neutral',
    mainFields: ['main'],
    // Templates are precompiled: only Handlebars' runtime is needed.
    alias: { handlebars: 'handlebars/runtime' },
    target: 'node20',
    legalComments: 'inline',
    logLevel: 'warning',
    plugins: [assetsPlugin],
  });
}

// One declaration file with no relative imports serves both module systems.
const require = createRequire(import.meta.url);
execFileSync(
  process.execPath,
  [
    require.resolve('dts-bundle-generator/dist/bin/dts-bundle-generator.js'),
    '--silent',
    '--no-banner',
    '--project',
    join(root, 'tsconfig.json'),
    '-o',
    join(dist, 'index.d.ts'),
    join(root, 'src', 'index.ts'),
  ],
  { stdio: 'inherit' },
);
copyFileSync(join(dist, 'index.d.ts'), join(dist, 'index.d.cts'));
copyFileSync(join(dist, 'index.d.ts'), join(dist, 'index.d.mts'));
rmSync(join(dist, 'index.d.ts'));
