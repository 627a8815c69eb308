import '../quiet-warnings.ts';
import '../young-generation.ts';
import { runAction } from './main.ts';
import { runPost } from './post.ts';
import { state } from './state.ts';

if (state.isPost()) {
  await runPost();
} else {
  state.markMain();
  await runAction();
}
// Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the step open.
process.exit();
