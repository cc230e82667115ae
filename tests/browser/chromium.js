// Headless Chromium for the browser tests, through the playwright-core that
// ../shared/tools/install-tools.sh installs (never a downloaded browser).
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

function playwright() {
  const places = [
    path.join(__dirname, '../../../shared/tools/node_modules/playwright-core'),
    path.join(process.env.SITE_TOOLS_HOME || path.join(os.homedir(), '.cache/site-check-tools'), 'node_modules/playwright-core'),
  ];
  for (const place of places) if (fs.existsSync(place)) return require(place);
  throw new Error('playwright-core is not installed: run ../shared/tools/install-tools.sh');
}

exports.launch = () => playwright().chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
