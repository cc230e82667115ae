// In real Chromium: a page served by `planpress serve` reloads itself when a content file is saved,
// with no Content-Security-Policy error. Usage: node live-reload.js URL CONTENT_FILE
// (CI starts the server on a copy of a fixture; playwright-core comes from ../shared/tools).
'use strict';
const fs = require('fs');
const { launch } = require('./chromium');

(async () => {
  const [url, file] = process.argv.slice(2);
  const browser = await launch();
  const page = await browser.newPage();
  const blocked = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
  await page.goto(url);
  await page.waitForTimeout(500);
  const reloaded = page.waitForEvent('load', { timeout: 15000 });
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('vision = "', 'vision = "Live: '));
  await reloaded;
  const shows = (await page.textContent('body')).includes('Live: ');
  await browser.close();
  if (!shows || blocked.length) {
    console.log(`live-reload: FAIL (new text shown: ${shows}; CSP errors: ${JSON.stringify(blocked)})`);
    process.exit(1);
  }
  console.log('live-reload: the page reloaded with the saved change, no CSP error');
})().catch((e) => { console.log(`live-reload: FAIL ${e.message}`); process.exit(1); });
