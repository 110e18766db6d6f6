// The page on stdin (UTF-8 HTML) as turndown writes it in Markdown, on stdout: turndown
// with its defaults and the GFM plugin (tables, strikethrough), scripts and styles
// removed, as crawlers that hand pages to LLMs configure it. Needs Node and
// `npm install turndown turndown-plugin-gfm` where Node finds them (NODE_PATH).
const TurndownService = require('turndown');
const { gfm } = require('turndown-plugin-gfm');

function converter(withGfm) {
  const service = new TurndownService();
  if (withGfm) service.use(gfm);
  service.remove(['script', 'style']);
  return service;
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const html = Buffer.concat(chunks).toString('utf8');
  let markdown;
  try {
    markdown = converter(true).turndown(html);
  } catch (error) {  // the GFM plugin's table rules throw on some malformed tables
    markdown = converter(false).turndown(html);
  }
  process.stdout.write(markdown);
});
