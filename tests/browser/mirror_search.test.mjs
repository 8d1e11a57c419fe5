// Browser test of search on a static mirror opened from file:// (a zip unpacked from a USB
// stick), in Debian's Chromium driven by playwright-core: src/web/static/mirror-search.js
// loads the index shards as classic scripts, finds 刘晓波 typed in Simplified, Traditional,
// toneless pinyin and as one character, loads at most 100 KB of index per query, requests
// nothing that is not file://, and without JavaScript the page still shows the form.
//
// The mirror is built in a temporary folder: the search index of data/demo/demo.jsonl
// written by jz_mirror_fixture (tests/search/mirror_fixture.cpp) and small pages shaped like
// the exporter's LANG/search.html.
//
// Environment (set by tests/browser/CMakeLists.txt):
//   JZ_MIRROR_FIXTURE  the jz_mirror_fixture binary (or the first argument)
//   JZ_CHROMIUM        the browser (default /usr/bin/chromium)
//
// Prints "ok - ..." for each check that holds and "not ok - ..." for each that fails; exits 1
// if any failed.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { check, failures, fatal, here, launch, loadChromium, part, PERSON } from './harness.mjs';

const repo = path.resolve(here, '..', '..');
const FIXTURE = process.env.JZ_MIRROR_FIXTURE || process.argv[2] || '';
const BUDGET = 100 * 1024; // bytes of index one query may load

if (!FIXTURE) fatal('set JZ_MIRROR_FIXTURE to the jz_mirror_fixture binary (ctest sets it)');
const chromium = await loadChromium();

// --- the mirror --------------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-mirror-search-'));
const made = spawnSync(FIXTURE, ['--jsonl', path.join(repo, 'data/demo/demo.jsonl'), work], { encoding: 'utf8' });
if (made.status !== 0) fatal(`jz_mirror_fixture failed:\n${made.stdout}${made.stderr}`);
console.log(made.stdout.trim().replace(/^/gm, '# '));
fs.rmSync(path.join(work, 'fixture.db'), { force: true });
fs.mkdirSync(path.join(work, 'static'));
fs.copyFileSync(path.join(repo, 'src/web/static/mirror-search.js'), path.join(work, 'static/mirror-search.js'));
fs.copyFileSync(path.join(repo, 'src/web/static/site.css'), path.join(work, 'static/site.css'));

// What the exporter's search.html holds for the script: the form (input name="q"), the note
// for readers without JavaScript (#mirror-search-note), the script with data-index.
const LANGS = { 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', en: 'en' };
for (const [dir, tag] of Object.entries(LANGS)) {
  fs.mkdirSync(path.join(work, dir, 'persons'), { recursive: true });
  fs.writeFileSync(
    path.join(work, dir, 'search.html'),
    `<!doctype html><html lang="${tag}"><head><meta charset="utf-8"><title>Search</title>` +
      `<link rel="stylesheet" href="../static/site.css"></head><body><main><h1>Search</h1>` +
      `<form class="query" method="get" action="search.html"><p class="q"><label for="q">Search</label> ` +
      `<input id="q" type="search" name="q" value=""> <button type="submit">Search</button></p></form>` +
      `<p class="mirror-search-note" id="mirror-search-note">Search needs JavaScript on a mirror.</p>` +
      `<script src="../static/mirror-search.js" data-index="../search/" defer></script></main></body></html>`,
  );
  fs.writeFileSync(
    path.join(work, dir, 'persons', `${PERSON.id}.html`),
    `<!doctype html><html lang="${tag}"><head><meta charset="utf-8"><title>${PERSON.en}</title></head>` +
      `<body><h1>${PERSON.en}</h1></body></html>`,
  );
}
const searchUrl = (dir, q) => `${pathToFileURL(path.join(work, dir, 'search.html')).href}?q=${encodeURIComponent(q)}`;

// --- the checks --------------------------------------------------------------------------------
const browser = await launch(chromium);

// A page whose every request is recorded; anything but file:// is refused and reported.
async function openPage(options = {}) {
  const context = await browser.newContext(options);
  const requests = [];
  const offsite = [];
  await context.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    requests.push(r.url());
    if (!r.url().startsWith('file:')) offsite.push(r.url());
  });
  return { context, page, requests, offsite };
}

// Bytes of the search index (files under /search/) a page requested.
function indexBytes(requests) {
  let total = 0;
  for (const url of new Set(requests)) {
    const file = fileURLToPath(url.split('?')[0]);
    if (file.startsWith(path.join(work, 'search') + path.sep)) total += fs.statSync(file).size;
  }
  return total;
}

const queries = [
  { dir: 'en', q: '刘晓波', what: 'Simplified' },
  { dir: 'en', q: '劉曉波', what: 'Traditional' },
  { dir: 'en', q: 'liu xiaobo', what: 'toneless pinyin' },
  { dir: 'en', q: 'Liú Xiǎobō', what: 'pinyin with tones' },
  { dir: 'en', q: '晓', what: 'one character' },
  { dir: 'zh-hant', q: '劉曉波', what: 'Traditional on the zh-Hant page' },
];
for (const { dir, q, what } of queries) {
  await part(`${what} (${q})`, async () => {
    const { context, page, requests, offsite } = await openPage();
    await page.goto(searchUrl(dir, q));
    await page.waitForSelector('#mirror-search-results .total');
    const first = page.locator('#mirror-search-results ol.hits li a').first();
    const href = await first.getAttribute('href');
    check(href === `persons/${PERSON.id}.html`, `${what}: ${q} finds ${PERSON.id} first`, `first hit: ${href}`);
    if (dir === 'en') check((await first.textContent()) === PERSON.en, `${what}: the hit is titled ${PERSON.en}`);
    check((await page.inputValue('input[name="q"]')) === q, `${what}: the form shows the query`);
    check(await page.locator('#mirror-search-note').isHidden(), `${what}: the no-JavaScript note is hidden`);
    const bytes = indexBytes(requests);
    console.log(`# ${q}: ${bytes} bytes of index in ${requests.filter((u) => u.includes('/search/')).length} files`);
    check(bytes > 0 && bytes <= BUDGET, `${what}: at most 100 KB of index loaded (${bytes} bytes)`);
    check(offsite.length === 0, `${what}: nothing requested outside file://`, offsite.join('\n'));
    if (what === 'Simplified') {
      await first.click();
      await page.waitForURL(`**/persons/${PERSON.id}.html`);
      check((await page.textContent('h1')) === PERSON.en, 'a hit links to the page of the record');
    }
    await context.close();
  });
}

await part('the check for other hosts works', async () => {
  // A control: a page that asks another host for an image must be caught by openPage.
  const control = path.join(work, 'control.html');
  fs.writeFileSync(control, '<!doctype html><title>c</title><img src="http://127.0.0.1:9/x.png" alt="">');
  const { context, page, offsite } = await openPage();
  await page.goto(pathToFileURL(control).href);
  check(offsite.some((u) => u.startsWith('http://127.0.0.1:9/')), 'a request to another host is seen and refused');
  await context.close();
});

await part('the form searches again', async () => {
  const { context, page, offsite } = await openPage();
  await page.goto(searchUrl('en', '刘晓波'));
  await page.waitForSelector('#mirror-search-results .total');
  await page.fill('input[name="q"]', 'qqqzzzxx');
  await Promise.all([page.waitForURL('**/search.html?q=qqqzzzxx'), page.press('input[name="q"]', 'Enter')]);
  await page.waitForSelector('#mirror-search-results .total');
  check((await page.locator('#mirror-search-results li').count()) === 0, 'a word found nowhere lists nothing');
  check(/Nothing found/.test(await page.textContent('#mirror-search-results')), 'and says so');
  check(offsite.length === 0, 'nothing requested outside file://', offsite.join('\n'));
  await context.close();
});

await part('without JavaScript', async () => {
  const { context, page, requests, offsite } = await openPage({ javaScriptEnabled: false });
  await page.goto(searchUrl('en', '刘晓波'));
  check(await page.locator('form.query input[name="q"]').isVisible(), 'without JavaScript the form is there');
  check(await page.locator('#mirror-search-note').isVisible(), 'with the note saying search needs JavaScript');
  check((await page.locator('#mirror-search-results').count()) === 0, 'and no results section');
  check(!requests.some((u) => u.includes('/search/')), 'and no index is loaded');
  check(offsite.length === 0, 'nothing requested outside file://', offsite.join('\n'));
  await context.close();
});

await part('served over http with the site\'s CSP', async () => {
  // A static web server (here node's, on loopback) with a CSP that forbids inline script
  // and other hosts: the same files work.
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(work, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(work + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    });
    res.end(fs.readFileSync(file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const offsite = [];
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(origin + '/')) offsite.push(r.url());
  });
  const errors = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/en/search.html?q=${encodeURIComponent('劉曉波')}`);
  await page.waitForSelector('#mirror-search-results .total');
  const href = await page.locator('#mirror-search-results ol.hits li a').first().getAttribute('href');
  check(href === `persons/${PERSON.id}.html`, 'over http, 劉曉波 finds him first', `first hit: ${href}`);
  check(errors.length === 0, 'with no CSP violation or error', errors.join('\n'));
  check(offsite.length === 0, 'and nothing requested from another host', offsite.join('\n'));
  await context.close();
  server.close();
});

await browser.close();
fs.rmSync(work, { recursive: true, force: true });
console.log(failures() ? `# ${failures()} check(s) failed` : '# all checks passed');
process.exit(failures() ? 1 : 0);
