// In real Chromium: type a word into the search box of a built site and read the results.
// Usage: node search.js URL_OF_HOME_PAGE WORDS EXPECTED
// Passes when a result's title, or else the line above the results, contains EXPECTED.
'use strict';
const { launch } = require('./chromium');

(async () => {
  const [url, word, expected] = process.argv.slice(2);
  const browser = await launch();
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/search/')) fetched.push(r.url().split('/search/')[1]); });
  await page.goto(url);
  await page.fill('#search-input', word);
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('#search-results p', { timeout: 10000 });
  const heading = await page.$eval('#search-results p', (p) => p.textContent);
  const titles = await page.$$eval('#search-results li a', (links) => links.map((a) => a.textContent));
  await browser.close();
  const found = titles.length ? titles.some((t) => t.includes(expected)) : heading.includes(expected);
  const ok = found && !errors.some((e) => /Content Security Policy/i.test(e));
  console.log(`search: "${word}": ${heading} (${titles.length} listed), fetching ${fetched.join(', ')}${ok ? '' : ' -- FAIL: ' + JSON.stringify({ titles, errors })}`);
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.log(`search: FAIL ${e.message}`); process.exit(1); });
