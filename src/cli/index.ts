import '../quiet-warnings.ts';
import { main } from './main.ts';

// Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the process open.
process.exit(await main(process.argv.slice(2)));
