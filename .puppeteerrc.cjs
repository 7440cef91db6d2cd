// Puppeteer's postinstall cannot download a browser on machines that reach only the package
// registries; the tool finds a system browser instead (src/pdf/find-browser.ts).
// Set PUPPETEER_SKIP_DOWNLOAD=false to let Puppeteer fetch its own chrome-headless-shell.
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD !== 'false',
};
