import '../quiet-warnings.ts';
import { runAction } from './main.ts';
import { runPost } from './post.ts';
import { state } from './state.ts';
import { keepYoungGenerationSize } from '../young-generation.ts';

keepYoungGenerationSize();

if (state.isPost()) {
  await runPost();
} else {
  state.markMain();
  await runAction();
}
// Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the step open.
process.exit();
