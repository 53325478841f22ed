/**
 * @module Builds the web app with Vite into apps/web/dist: hashed file names, no inline script,
 * no module-preload polyfill (it would be inline-free but is not needed), and Subresource
 * Integrity (sha384) on every script and stylesheet the HTML loads, and no libsodium. Run: `npm
 * run build -w @scrutineer/web`, or `buildWeb()` from tests.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Plugin, build } from 'vite';

export const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Adds `integrity` to the built HTML's script and stylesheet tags from the emitted bundle. */
function subresourceIntegrity(): Plugin {
  return {
    name: 'scrutineer-sri',
    apply: 'build',
    enforce: 'post',
    // Last of all generateBundle hooks: Vite's import analysis rewrites chunks that load others
    // dynamically (the board's proof checks) in its own generateBundle, after 'post' plugins.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const digests = new Map<string, string>();
        for (const [fileName, output] of Object.entries(bundle)) {
          const source = output.type === 'chunk' ? output.code : output.source;
          digests.set(
            `/${fileName}`,
            `sha384-${createHash('sha384').update(source).digest('base64')}`
          );
        }
        for (const output of Object.values(bundle)) {
          if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
          const html = String(output.source);
          output.source = html.replace(
            /<(script|link)\b([^>]*?)\s(src|href)="([^"]+)"([^>]*)>/g,
            (whole, tag: string, before: string, attribute: string, url: string, after: string) => {
              const integrity = digests.get(url);
              if (integrity === undefined || /integrity=/.test(whole)) return whole;
              const crossorigin = /crossorigin/.test(whole) ? '' : ' crossorigin';
              return `<${tag}${before} ${attribute}="${url}"${after.replace(/\s*\/?$/, '')} integrity="${integrity}"${crossorigin}>`;
            }
          );
          if (/<script(?![^>]*\bsrc=)[^>]*>/.test(output.source))
            throw new Error('the built HTML has an inline script, which the page CSP forbids');
        }
      },
    },
  };
}

/** The module that stands in for libsodium in the web build; see {@link withoutLibsodium}. */
const NO_LIBSODIUM = '\0scrutineer-no-libsodium';

/**
 * Leaves libsodium (≈ 535 kB) out of the build. The booth and the in-browser verifier use the
 * noble backend only (the verifier worker passes `group: nobleGroup`), but `verifyRecord` falls
 * back to `loadFastestGroup()` when given no group, which reaches the sodium backend's dynamic
 * `import('libsodium-wrappers-sumo')`, so Rollup would emit it as a chunk nothing loads. Here that
 * import fails instead, and `loadGroup('sodium')` in a browser rejects with the sodium backend's
 * own "failed to load" error, as it does wherever libsodium is missing.
 */
function withoutLibsodium(): Plugin {
  return {
    name: 'scrutineer-without-libsodium',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === 'libsodium-wrappers-sumo' ? NO_LIBSODIUM : null),
    load: (id) =>
      id === NO_LIBSODIUM
        ? "throw new Error('libsodium is left out of the web build: the browser uses the noble backend');\nexport default undefined;\n"
        : null,
  };
}

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  await build({
    root: WEB_ROOT,
    configFile: false,
    logLevel: options.quiet ? 'error' : 'info',
    base: '/',
    build: {
      outDir: WEB_DIST,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      sourcemap: false,
      reportCompressedSize: !options.quiet,
    },
    // Workers are bundled apart, with their own plugins: the verifier worker is what reaches libsodium.
    worker: { format: 'es', plugins: () => [withoutLibsodium()] },
    plugins: [withoutLibsodium(), subresourceIntegrity()],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
