// The floor for reading a result file: count its lines through the same 64 KiB buffer the reader uses,
// decoding nothing and keeping nothing.
//   node bench/support/line-count.ts FILE
import { closeSync, openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2] ?? '', 'r');
// lineChunkBytes in src/files.ts, written out so this floor loads nothing of chaos-gate.
const buffer = Buffer.allocUnsafe(64 * 1024);
let lines = 0;
for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
  const chunk = buffer.subarray(0, read);
  for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines++;
}
closeSync(fd);
console.log(lines);
