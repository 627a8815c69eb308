// The floor for reading a result file: count its lines through the same 1 MiB buffer the reader uses,
// decoding nothing and keeping nothing.
//   node bench/support/line-count.ts FILE
import { closeSync, openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2] ?? '', 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
let lines = 0;
for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
  const chunk = buffer.subarray(0, read);
  for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines++;
}
closeSync(fd);
console.log(lines);
