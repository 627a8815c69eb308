// `node --import` this file to have every file the process loads named on stderr, one `loaded <url>`
// line each: how a test sees which parts of the bundle a command pulls in.
import { writeSync } from 'node:fs';
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) writeSync(2, `loaded ${url}\n`);
    return nextLoad(url, context);
  },
});
