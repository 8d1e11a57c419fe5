// What the browser tests share: Debian's Chromium with the flags every test launches it with,
// playwright-core loaded with a message that says how to install it, the demo's person, and
// the checks that print "ok - ..." / "not ok - ..." (failures() counts the second kind).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = process.env.JZ_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A person of the demo data, and how the three languages name him.
export const PERSON = { id: 'p44sj9v9201', zhHans: '刘晓波', zhHant: '劉曉波', en: 'Liu Xiaobo' };

export function fatal(message) {
  console.error(`not ok - ${message}`);
  process.exit(1);
}

let failed = 0;
export const failures = () => failed;
export function ok(what) {
  console.log(`ok - ${what}`);
}
export function notOk(what, details) {
  failed++;
  console.log(`not ok - ${what}`);
  if (details) console.log(String(details).replace(/^/gm, '#   '));
}
export function check(condition, what, details) {
  if (condition) ok(what);
  else notOk(what, details);
  return condition;
}
// Runs one part of a test; an exception fails that part only, and the test goes on.
export async function part(name, body) {
  try {
    await body();
  } catch (e) {
    notOk(`${name}: ${e.message.split('\n')[0]}`, e.stack);
  }
}

// playwright-core's chromium, once Debian's Chromium and the npm packages are there.
export async function loadChromium() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    fatal(`${CHROMIUM} is missing: scripts/install-deps installs Debian's chromium`);
  }
  try {
    return (await import('playwright-core')).chromium;
  } catch (e) {
    fatal(
      `the npm packages of ${here} are not installed (${e.code || e.message}): run scripts/install-deps ` +
        '(make test and make run do), or npm ci --prefix tests/browser',
    );
  }
}

export const launch = (chromium) => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
