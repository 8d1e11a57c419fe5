// Browser test of a static mirror opened from file://, as a reader who got the offline bundle
// on a USB stick would: `jianzheng publish --bundle` writes the zip, it is unpacked into a
// folder of another name, and Debian's Chromium (driven by playwright-core, JavaScript off)
// goes from index.html to the persons list, to a profile, and to the profile in English and
// in Traditional Chinese. No request may leave file:// (every other one is refused and
// reported), and every page that loads must be a file of the bundle.
//
// Environment (set by tests/browser/CMakeLists.txt):
//   JZ            the jianzheng binary (or the first argument)
//   JZ_ARTIFACTS  where screenshots go (or the second argument; default ./artifacts/browser)
//   JZ_CHROMIUM   the browser (default /usr/bin/chromium)
//
// Prints "ok - ..." for each check that holds and "not ok - ..." for each that fails; exits 1
// if any failed.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { check, failures, fatal, launch, loadChromium, notOk, ok, PERSON } from './harness.mjs';

const JZ = path.resolve(process.env.JZ || process.argv[2] || '');
const ARTIFACTS = path.resolve(
  process.env.JZ_ARTIFACTS || process.argv[3] || path.join(process.cwd(), 'artifacts', 'browser'),
);

if (!process.env.JZ && !process.argv[2]) fatal('set JZ to the jianzheng binary (ctest sets it)');
const chromium = await loadChromium();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-mirror-browser-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const db = path.join(work, 'j.db');

// Runs a program; resolves with its standard output, rejects with everything it printed.
function run(program, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let all = '';
    child.stdout.on('data', (d) => {
      out += d;
      all += d;
    });
    child.stderr.on('data', (d) => (all += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${program} ${args.join(' ')} exited ${code}:\n${all}`)),
    );
  });
}

let browser = null;
try {
  await run(JZ, ['--db', db, 'init']);
  await run(JZ, ['--db', db, 'demo']);
  await run(JZ, ['keys', 'generate', '--keys', path.join(work, 'keys')]);
  const bundle = path.join(work, 'jianzheng-mirror.zip');
  await run(JZ, [
    '--db', db, 'publish', '--out', path.join(work, 'published'), '--keys', path.join(work, 'keys'),
    '--bundle', bundle, '--as-of', '2026-11-23',
  ]);
  ok('a signed mirror of the demo data and its bundle');
  // Unpacked elsewhere, under another name, as a reader would: nothing may depend on where.
  const stick = path.join(work, 'USB stick', 'copy of the site');
  fs.mkdirSync(stick, { recursive: true });
  await run('python3', ['-m', 'zipfile', '-e', bundle, stick]);
  check(fs.existsSync(path.join(stick, 'index.html')), 'the bundle unpacks to a folder with index.html');

  browser = await launch(chromium);
  ok(`Chromium ${browser.version()} started`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  // Anything that is not a file of the bundle is refused before it leaves, and reported.
  const refused = [];
  const loaded = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith('file://')) {
      refused.push(url);
      return route.abort();
    }
    loaded.push(url);
    return route.continue();
  });
  const page = await context.newPage();
  const lang = () => page.locator('html').getAttribute('lang');
  const inBundle = (url) => url.startsWith(pathToFileURL(stick).href + '/');

  await page.goto(pathToFileURL(path.join(stick, 'index.html')).href);
  check((await lang()) === 'zh-Hans', 'index.html opens the home page in Simplified Chinese', await lang());
  const css = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  check(css && css !== 'Times New Roman', 'the stylesheet loads from the bundle', css);

  await page.locator('nav.site a').first().click();
  check(inBundle(page.url()) && page.url().endsWith('/zh-hans/persons/index.html'),
    'the persons link opens zh-hans/persons/index.html', page.url());

  await page.locator(`main a:has-text("${PERSON.zhHans}")`).first().click();
  check(page.url().endsWith(`/zh-hans/persons/${PERSON.id}.html`), `${PERSON.zhHans}'s profile opens`, page.url());
  check((await page.locator('h1').textContent()).includes(PERSON.zhHans), `the profile is ${PERSON.zhHans}'s`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'mirror-profile-zh-hans.png'), fullPage: true });

  await page.locator('nav.langs a[hreflang="en"]').click();
  check(page.url().endsWith(`/en/persons/${PERSON.id}.html`), 'the language link opens the English profile', page.url());
  check((await lang()) === 'en', 'the English profile is <html lang="en">', await lang());
  check((await page.locator('h1').textContent()).includes(PERSON.en), `it names ${PERSON.en}`);

  await page.locator('nav.langs a[hreflang="zh-Hant"]').click();
  check(page.url().endsWith(`/zh-hant/persons/${PERSON.id}.html`), 'and the Traditional Chinese one', page.url());
  check((await page.locator('h1').textContent()).includes(PERSON.zhHant), `it names ${PERSON.zhHant}`);

  // The footer names the key every copy is signed with; the mirrors page says how to check.
  const footer = await page.locator('footer').textContent();
  check(/[a-z0-9]{4}(-[a-z0-9]{4}){3,}/.test(footer), 'the footer shows the signing key fingerprint', footer);
  await page.locator('footer a[href$="mirrors.html"]').click();
  check(page.url().endsWith('/zh-hant/mirrors.html'), 'the footer links the mirrors page', page.url());
  check((await page.locator('main').textContent()).includes('verify-mirror'), 'which says how to verify a copy');
  await page.screenshot({ path: path.join(ARTIFACTS, 'mirror-mirrors-zh-hant.png'), fullPage: true });

  check(loaded.length > 5, `${loaded.length} files loaded`);
  check(loaded.every(inBundle), 'every file loaded is a file of the unpacked bundle',
    loaded.filter((u) => !inBundle(u)).join('\n'));
  check(refused.length === 0, 'no request left file://', refused.join('\n'));
} catch (e) {
  notOk(e.message.split('\n')[0], e.stack);
} finally {
  if (browser) await browser.close().catch(() => {});
}

if (failures()) {
  console.log(`# ${failures()} check(s) FAILED; screenshots in ${ARTIFACTS}`);
  process.exit(1);
}
console.log(`# all checks passed; screenshots in ${ARTIFACTS}`);
