// In real Chromium: type words into the search box of a built site and read the results.
// Usage: node search.js URL_OF_HOME_PAGE WORDS EXPECTED [WORDS EXPECTED ...] [--status]
// Each search passes when a result's title, or else the line above the results, contains
// EXPECTED. With --status, that result must also show its status in words (the form's
// data-status word, "Status:", and what follows it).
'use strict';
const { launch } = require('./chromium');

async function search(page, word, expected, status) {
  const fetched = [];
  const note = (r) => { if (r.url().includes('/search/')) fetched.push(r.url().split('/search/')[1]); };
  page.on('request', note);
  await page.fill('#search-input', word);
  await page.press('#search-input', 'Enter');
  await page.waitForFunction((w) => {
    const p = document.querySelector('#search-results p');
    return p && p.textContent.includes(w);
  }, word, { timeout: 10000 });
  page.off('request', note);
  const heading = await page.$eval('#search-results p', (p) => p.textContent);
  const results = await page.$$eval('#search-results li', (items) => items.map((li) => ({
    title: li.querySelector('a').textContent,
    about: (li.querySelector('p') || { textContent: '' }).textContent,
  })));
  const statusWord = await page.$eval('#search', (f) => f.getAttribute('data-status'));
  const hit = results.find((r) => r.title.includes(expected));
  const found = results.length ? Boolean(hit) : heading.includes(expected);
  const shown = !status || Boolean(hit && new RegExp(`^${statusWord} \\S`).test(hit.about));
  const ok = found && shown;
  const about = hit ? ` "${hit.title}: ${hit.about}"` : '';
  console.log(`search: "${word}": ${heading} (${results.length} listed)${about}, fetching ${fetched.join(', ')}${ok ? '' : ' -- FAIL: ' + JSON.stringify(results.slice(0, 5))}`);
  return ok;
}

(async () => {
  const args = process.argv.slice(2);
  const status = args.includes('--status');
  const [url, ...pairs] = args.filter((a) => a !== '--status');
  const browser = await launch();
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  let ok = true;
  for (let i = 0; i + 1 < pairs.length; i += 2) ok = (await search(page, pairs[i], pairs[i + 1], status)) && ok;
  await browser.close();
  const blocked = errors.filter((e) => /Content Security Policy/i.test(e));
  if (blocked.length) console.log(`search: FAIL ${JSON.stringify(blocked)}`);
  process.exit(ok && !blocked.length ? 0 : 1);
})().catch((e) => { console.log(`search: FAIL ${e.message}`); process.exit(1); });
