// What both entries of the action (main and post) do around their step.
import { keepYoungGenerationSize } from '../young-generation.ts';

export async function runStep(step: () => Promise<void>): Promise<never> {
  keepYoungGenerationSize();
  await step();
  // Exit explicitly: keep-alive sockets of the Kubernetes client must not hold the step open.
  process.exit();
}
