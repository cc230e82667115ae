// In real Chromium: a missing address deep in the site, as a host serves it (with 404.html), still
// gets the site's stylesheet, a Home link that leads home and a search that finds.
// Usage: node not-found.js BASE_URL LOCAL_ORIGIN WORD EXPECTED
// The browser asks for BASE_URL's addresses (the plan's base_url, say https://example.nhs.uk/plan/)
// and this test answers them from LOCAL_ORIGIN (tests/browser/serve-404.py serving the built site
// under the same path), so the page runs at its own origin, under its own Content-Security-Policy.
'use strict';
const { launch } = require('./chromium');

(async () => {
  const [base, local, word, expected] = process.argv.slice(2);
  const origin = new URL(base).origin;
  const browser = await launch();
  const page = await browser.newPage();
  await page.route(`${origin}/**`, async (route) => {
    const address = route.request().url().replace(origin, local);
    try {
      await route.fulfill({ response: await route.fetch({ url: address }) });
    } catch (e) {
      // A request still in flight when the test closes the page (the favicon, on a busy
      // machine) has nothing left to answer.
      if (!page.isClosed()) throw e;
    }
  });
  const wanted = `${base}actions/nope/deeper.html`;
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && r.url() !== wanted) errors.push(`${r.url()} answered ${r.status()}`); });
  const problems = [];

  const missing = await page.goto(wanted);
  if (missing.status() !== 404) problems.push(`the missing page answered ${missing.status()}`);
  const background = await page.$eval('.site-nav', (nav) => getComputedStyle(nav).backgroundColor);
  if (background === 'rgba(0, 0, 0, 0)') problems.push('no stylesheet: the menu has no background');

  if (await page.$('#search-input')) {
    await page.fill('#search-input', word);
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('#search-results li a', { timeout: 10000 }).catch(() => {});
  }
  const results = await page.$$eval('#search-results li a', (links) => links.map((a) => [a.textContent, a.href]));
  const result = results.find(([title]) => title.includes(expected));
  if (!result) problems.push(`the search for "${word}" did not find ${expected}: ${JSON.stringify(results)}`);

  const home = await page.$eval('main a[href$="index.html"]', (a) => a.href);
  const links = [home, ...(result ? [result[1]] : [])];
  for (const link of links) {
    const answer = await page.goto(link);
    if (answer.status() !== 200) problems.push(`${link} answered ${answer.status()}`);
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await browser.close();
  if (errors.length) problems.push(`errors: ${JSON.stringify(errors)}`);
  console.log(`not found: menu background ${background}; home ${home}; ${results.length} results${problems.length ? ' -- FAIL: ' + problems.join('; ') : ''}`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.log(`not found: FAIL ${e.message}`); process.exit(1); });
