// Browser test of the public site in real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): a reader without JavaScript can go from the home page to a profile and
// switch its language; home, list and profile render on desktop and mobile (screenshots
// saved as artifacts); the team logs in and out without JavaScript; no page loads anything
// from another host; and axe-core finds no serious or critical accessibility violation.
//
// Environment (set by tests/browser/CMakeLists.txt):
//   JZ            the jianzheng binary (or the first argument)
//   JZ_ARTIFACTS  where screenshots go (or the second argument; default ./artifacts/browser)
//   JZ_CHROMIUM   the browser (default /usr/bin/chromium)
//
// Prints "ok - ..." for each check that holds and "not ok - ..." for each that fails; exits 1
// if any failed. The server is stopped in every case.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { check, failures, fatal, here, launch, loadChromium, notOk, ok, part, PERSON } from './harness.mjs';

// --- what the test needs -----------------------------------------------------------------------
const JZ = path.resolve(process.env.JZ || process.argv[2] || '');
const ARTIFACTS = path.resolve(
  process.env.JZ_ARTIFACTS || process.argv[3] || path.join(process.cwd(), 'artifacts', 'browser'),
);

const TEAM_PASSWORD = 'correct horse battery staple';

if (!process.env.JZ && !process.argv[2]) fatal('set JZ to the jianzheng binary (ctest sets it)');
try {
  fs.accessSync(JZ, fs.constants.X_OK);
} catch {
  fatal(`JZ=${JZ} is not an executable file`);
}
const chromium = await loadChromium();
let axeSource;
try {
  ({ default: { source: axeSource } } = await import('axe-core'));
} catch (e) {
  fatal(`the npm packages of ${here} are not installed (${e.code || e.message}): npm ci --prefix tests/browser`);
}

// --- the server --------------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-browser-'));
const db = path.join(work, 'j.db');
let server = null;
let serverLog = '';

// Runs jianzheng on the test database; `input` (if any) is its standard input.
function run(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(JZ, ['--db', db, ...args], { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (input) child.stdin.end(input);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`jianzheng ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

// Starts `jianzheng serve --port 0` and waits (at most 10 s) for "serving on http://...".
async function startServer() {
  server = spawn(JZ, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not say where it serves within 10 s:\n${serverLog}`)), 10000);
    server.stderr.on('data', (d) => {
      serverLog += d;
      const m = serverLog.match(/serving on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    server.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before serving:\n${serverLog}`));
    });
  });
  if (!(port > 0)) throw new Error(`serve reports port ${port}`);
  return port;
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}
// Whatever happens (an uncaught error, Ctrl-C), the server does not outlive the test.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(1));

// --- the test ----------------------------------------------------------------------------------
let browser = null;
const requests = []; // every request any page made: { url, page }
const badResponses = []; // every answer of 400 or more, or request that failed

// A new browser context that records what its pages request.
async function newContext(options) {
  const context = await browser.newContext(options);
  context.on('request', (r) => {
    let from = '';
    try {
      from = r.frame().url();
    } catch {} // (a request of a service worker has no frame)
    requests.push({ url: r.url(), page: from });
  });
  context.on('response', (r) => {
    if (r.status() >= 400) badResponses.push(`${r.status()} ${r.url()}`);
  });
  context.on('requestfailed', (r) => badResponses.push(`failed (${r.failure()?.errorText}) ${r.url()}`));
  return context;
}

const pathOf = (page) => new URL(page.url()).pathname;

try {
  await run(['init']);
  await run(['demo']);
  ok('a database with the demo data');
  await run(['user', 'add', 'wang.li', '--role', 'researcher'], `${TEAM_PASSWORD}\n`);
  await run(['user', 'add', 'zhao.editor', '--role', 'editor'], `${TEAM_PASSWORD}\n`);
  ok('an account for the team');
  const port = await startServer();
  ok(`serving on port ${port}`);
  const base = `http://127.0.0.1:${port}`;
  // Logs `page` in as `name` through the login form and waits for the workspace.
  const logIn = async (page, name) => {
    await page.goto(`${base}/en/login`);
    await page.getByLabel('Account name').fill(name);
    await page.getByLabel('Password').fill(TEAM_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/en/workspace/`), page.locator('main button[type="submit"]').click()]);
  };

  browser = await launch(chromium);
  ok(`Chromium ${browser.version()} started`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  // 1. A reader without JavaScript: home -> persons -> a person -> English -> 繁體中文.
  await part('navigation without JavaScript', async () => {
    const context = await newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lang = () => page.locator('html').getAttribute('lang');

    await page.goto(`${base}/zh-hans/`);
    check(pathOf(page) === '/zh-hans/', 'the home page is at /zh-hans/', page.url());
    check((await lang()) === 'zh-Hans', 'the home page is <html lang="zh-Hans">', await lang());

    const personsLink = page.locator('nav.site a[href="/zh-hans/persons/"]');
    check((await personsLink.count()) === 1, 'the site navigation links to the persons list');
    await Promise.all([page.waitForURL(`${base}/zh-hans/persons/`), personsLink.click()]);
    check(pathOf(page) === '/zh-hans/persons/', 'clicking it opens /zh-hans/persons/', page.url());
    await page.locator('h1').waitFor();

    // The person may be on a later page of the list: follow the "next page" links to him.
    const personLink = page.locator(`main a[href="/zh-hans/persons/${PERSON.id}"]`);
    for (let i = 0; i < 50 && (await personLink.count()) === 0; i++) {
      const next = page.locator('main nav.pages a[rel="next"]');
      if ((await next.count()) === 0) break;
      const to = new URL(await next.first().getAttribute('href'), page.url()).href;
      await Promise.all([page.waitForURL(to), next.first().click()]);
    }
    const listUrl = new URL(page.url());
    check(
      (await personLink.count()) > 0,
      `the persons list links to ${PERSON.zhHans} (at ${listUrl.pathname}${listUrl.search})`,
      page.url(),
    );
    check((await personLink.first().innerText()).includes(PERSON.zhHans), `the link reads ${PERSON.zhHans}`);
    await Promise.all([page.waitForURL(`${base}/zh-hans/persons/${PERSON.id}`), personLink.first().click()]);
    check(pathOf(page) === `/zh-hans/persons/${PERSON.id}`, 'clicking it opens the profile', page.url());
    check(await page.locator('h1', { hasText: PERSON.zhHans }).isVisible(), `the profile's heading shows ${PERSON.zhHans}`);

    await Promise.all([
      page.waitForURL(`${base}/en/persons/${PERSON.id}`),
      page.locator('nav.langs a', { hasText: 'English' }).click(),
    ]);
    check(pathOf(page) === `/en/persons/${PERSON.id}`, `"English" opens /en/persons/${PERSON.id}`, page.url());
    check((await lang()) === 'en', 'the English profile is <html lang="en">', await lang());
    check(await page.locator('h1', { hasText: PERSON.en }).isVisible(), `the English profile shows "${PERSON.en}"`);

    await Promise.all([
      page.waitForURL(`${base}/zh-hant/persons/${PERSON.id}`),
      page.locator('nav.langs a', { hasText: '繁體中文' }).click(),
    ]);
    check(pathOf(page) === `/zh-hant/persons/${PERSON.id}`, `"繁體中文" opens /zh-hant/persons/${PERSON.id}`, page.url());
    check((await lang()) === 'zh-Hant', 'the Traditional Chinese profile is <html lang="zh-Hant">', await lang());
    check(await page.getByText(PERSON.zhHant).first().isVisible(), `the Traditional Chinese profile shows ${PERSON.zhHant}`);
    await context.close();
  });

  // 1b. The search box in the header of every page, without JavaScript: a reader of
  // Traditional Chinese types the name in Simplified and sees it found and marked.
  await part('search without JavaScript', async () => {
    const context = await newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/zh-hant/persons/`);
    const box = page.locator('header form[role="search"] input[name="q"]');
    check((await box.count()) === 1, 'the header has a search box');
    check((await page.getByLabel('搜尋記錄').count()) >= 1, 'the search box has a label');
    await box.fill(PERSON.zhHans);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/zh-hant/search'),
      page.locator('header form[role="search"] button[type="submit"]').click(),
    ]);
    const url = new URL(page.url());
    check(url.searchParams.get('q') === PERSON.zhHans, `the form sends q=${PERSON.zhHans} to /zh-hant/search`, page.url());
    const hit = page.locator(`main ol.hits a[href="/zh-hant/persons/${PERSON.id}"]`);
    check((await hit.count()) === 1, `the results link to ${PERSON.zhHant}'s profile`);
    check(
      (await page.locator('main ol.hits mark', { hasText: PERSON.zhHant }).count()) > 0,
      `the results mark ${PERSON.zhHant} (Traditional, though the query was Simplified)`,
    );
    await Promise.all([page.waitForURL(`${base}/zh-hant/persons/${PERSON.id}`), hit.click()]);
    check(pathOf(page) === `/zh-hant/persons/${PERSON.id}`, 'the result opens the profile', page.url());
    await context.close();
  });

  // The team logs in without JavaScript: the session cookie (Secure, SameSite=Strict) works
  // on http://127.0.0.1, the workspace names the account, and logging out ends it.
  await part('login and logout without JavaScript', async () => {
    const context = await newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/en/workspace/`);
    check(pathOf(page) === '/en/login', 'the workspace sends a visitor to the login form', page.url());
    await page.getByLabel('Account name').fill('wang.li');
    await page.getByLabel('Password').fill(TEAM_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/en/workspace/`), page.locator('main button[type="submit"]').click()]);
    check(pathOf(page) === '/en/workspace/', 'logging in opens the workspace', page.url());
    check(
      await page.getByText('Logged in as wang.li (Researcher).').isVisible(),
      'the workspace names the account and its role',
    );
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'jz_session');
    check(
      session && session.httpOnly && session.secure && session.sameSite === 'Strict',
      'the session cookie is HttpOnly, Secure and SameSite=Strict',
      JSON.stringify(session),
    );
    await Promise.all([page.waitForURL(`${base}/en/`), page.getByRole('button', { name: 'Log out' }).click()]);
    check(pathOf(page) === '/en/', 'logging out opens the home page', page.url());
    await page.goto(`${base}/en/workspace/`);
    check(pathOf(page) === '/en/login', 'after logout the workspace asks for a login again', page.url());
    await context.close();
  });

  // The review workflow, without JavaScript: a researcher writes a person with a
  // confidential field and submits it; an editor (a second person) publishes it; a reader
  // sees the person and never the field.
  await part('write, review and publish without JavaScript', async () => {
    const CANARY = 'CANARY-BROWSER-HEALTH-8K';
    const viewport = { width: 1280, height: 800 };
    const researcher = await newContext({ javaScriptEnabled: false, viewport });
    const a = await researcher.newPage();
    await logIn(a, 'wang.li');
    await Promise.all([
      a.waitForURL(`${base}/en/workspace/new/person`),
      a.getByRole('link', { name: 'Person', exact: true }).click(),
    ]);
    await a.locator('[name="/body/name/zh"]').fill('浏览器测试');
    await a.locator('[name="/body/name/en"]').fill('Liulanqi Ceshi');
    await a.locator('[name="/body/health/en"]').fill(CANARY);
    await a.locator('input[name="confidential"][value="/body/health"]').check();
    await a.locator('select[name="/body/status"]').selectOption('detained');
    await a.getByLabel('Reason for the change').fill('seen in the browser test');
    await Promise.all([
      a.waitForURL(/\/en\/workspace\/drafts\/\d+$/),
      a.getByRole('button', { name: 'Save and submit for review' }).click(),
    ]);
    const draftUrl = a.url();
    check(await a.getByText('In review').first().isVisible(), 'the draft is in review', draftUrl);
    check(
      (await a.getByRole('button', { name: 'Publish' }).count()) === 0,
      'the author is not offered to publish her own draft',
    );
    await a.screenshot({ path: path.join(ARTIFACTS, 'desktop-draft.png'), fullPage: true });

    const editor = await newContext({ javaScriptEnabled: false, viewport });
    const e = await editor.newPage();
    await logIn(e, 'zhao.editor');
    await e.goto(draftUrl);
    await Promise.all([
      e.waitForURL(/\/en\/workspace\/records\/p[0-9a-z]{10}$/),
      e.getByRole('button', { name: 'Publish' }).click(),
    ]);
    const id = e.url().split('/').pop();
    check(await e.getByText(CANARY).isVisible(), 'the team sees the confidential field', id);

    const reader = await newContext({ javaScriptEnabled: false, viewport });
    const r = await reader.newPage();
    for (const lang of ['en', 'zh-hans', 'zh-hant']) {
      const response = await r.goto(`${base}/${lang}/persons/${id}`);
      check(response?.status() === 200, `the published person is public in /${lang}/`, response?.status());
      const text = await r.locator('main').innerText();
      check(/浏览器测试|瀏覽器測試/.test(text), `/${lang}/ shows the name`, text.slice(0, 200));
      check(!(await r.content()).includes(CANARY), `/${lang}/ does not show the confidential field`);
    }
    await Promise.all([researcher.close(), editor.close(), reader.close()]);
  });

  // 2. Screenshots on desktop and mobile, and the layout fits the mobile screen.
  const shots = [
    ['home', '/zh-hans/'],
    ['list', '/zh-hans/persons/'],
    ['profile', `/zh-hans/persons/${PERSON.id}`],
    ['profile-en', `/en/persons/${PERSON.id}`],
    ['search', `/zh-hans/search?q=${encodeURIComponent(PERSON.zhHans)}`],
  ];
  const devices = [
    ['desktop', { viewport: { width: 1280, height: 800 } }],
    ['mobile', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ];
  for (const [device, options] of devices) {
    await part(`${device} screenshots`, async () => {
      const context = await newContext({ javaScriptEnabled: false, ...options });
      const page = await context.newPage();
      for (const [name, url] of shots) {
        const response = await page.goto(base + url);
        check(response?.status() === 200, `${device}: GET ${url} is 200`, response?.status());
        const file = path.join(ARTIFACTS, `${device}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        check(fs.statSync(file).size > 0, `${device}: screenshot ${path.relative(process.cwd(), file)}`);
        // Nothing wider than the screen (no sideways scrolling).
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        check(scrollWidth <= innerWidth, `${device}: ${url} is no wider than the screen`, `${scrollWidth} > ${innerWidth}`);
      }
      // The Chinese heading is drawn with a CJK font, not as boxes of a fallback font.
      await page.goto(`${base}/zh-hans/persons/${PERSON.id}`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1 span' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const names = fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ');
      check(
        fonts.length > 0 && fonts.every((f) => /CJK/i.test(f.familyName)),
        `${device}: ${PERSON.zhHans} is drawn with a CJK font: ${names}`,
        'install fonts-noto-cjk (scripts/debian-packages.txt lists it)',
      );
      await context.close();
    });
  }

  // 3. axe-core, in a context where JavaScript runs (axe is a script) and the page's CSP lets
  // the injected script in. Fails on serious and critical violations; reports the others.
  await part('accessibility (axe-core)', async () => {
    const context = await newContext({ javaScriptEnabled: true, bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    for (const url of [
      '/zh-hans/',
      '/en/',
      '/en/persons/',
      '/zh-hans/persons/?status=detained',
      `/zh-hans/persons/${PERSON.id}`,
      `/en/persons/${PERSON.id}`,
      '/en/search?q=liu',
      // The legal clock, priorities and a printable prisoner list (demo data).
      '/en/cases/cnvch8d2sae',
      '/zh-hans/violations',
      '/en/priorities',
      '/zh-hans/opportunities/',
      '/en/opportunities/ek453aqr4jn',
      // UN and dialogues: the hub, a treaty (ICCPR), reviews and recommendations (demo data).
      '/en/treaties/',
      '/zh-hans/treaties/y2cnevme4q6',
      '/zh-hans/reviews/',
      '/en/reviews/vsn1arz7tzd',
      '/en/reviews/vsn1arz7tzd/shadow-report',
      '/en/recommendations/?review=vsn1arz7tzd',
      '/zh-hans/recommendations/r8bb34ppc9r',
      // Dialogues, programmes and indicators: scorecards and trend charts (inline SVG).
      '/en/engagements/',
      '/zh-hans/indicators/',
      '/en/engagements/gqtfttcb89c',
      '/en/indicators/n8f2qw6x55m',
      '/zh-hans/login',
      '/zh-hant/search',
      // The team's pages, logged in as a researcher (below).
      'login:wang.li',
      '/en/workspace/',
      '/zh-hans/workspace/new/person',
      '/en/workspace/new/case',
      '/en/workspace/records/',
    ]) {
      if (url.startsWith('login:')) {
        await logIn(page, url.slice(6));
        continue;
      }
      const response = await page.goto(base + url);
      check(response?.status() === 200, `axe: GET ${url} is 200`, response?.status());
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
        }));
      });
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const describe = (list) =>
        list
          .map(
            (v) =>
              `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
              v.nodes.map((n) => `  at ${n.target}\n    ${n.html}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n'),
          )
          .join('\n');
      check(severe.length === 0, `axe: ${url} has no serious or critical violation`, describe(severe));
      const minor = violations.filter((v) => !severe.includes(v));
      if (minor.length) console.log(`# axe: ${url} has minor or moderate issues:\n${describe(minor).replace(/^/gm, '#   ')}`);
    }
    await context.close();
  });

  // 4. Every request of every page went to this server, and got an answer.
  const foreign = requests.filter((r) => {
    try {
      const u = new URL(r.url);
      return u.protocol !== 'http:' || u.hostname !== '127.0.0.1' || u.port !== String(port);
    } catch {
      return true;
    }
  });
  check(requests.length > 0, `${requests.length} requests recorded`);
  check(
    foreign.length === 0,
    'no page requested anything from another host',
    foreign.map((r) => `${r.url} (from ${r.page})`).join('\n'),
  );
  check(badResponses.length === 0, 'every request was answered below 400', badResponses.join('\n'));
} catch (e) {
  notOk(e.message.split('\n')[0], e.stack);
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
}

if (failures()) {
  console.log(`# ${failures()} check(s) FAILED; screenshots in ${ARTIFACTS}`);
  process.exit(1);
}
console.log(`# all checks passed; screenshots in ${ARTIFACTS}`);
