// The action's post step (action.yml `runs.post`): stops what a killed main step left running.
import '../quiet-warnings.ts';
import { runPost } from './post.ts';
import { runStep } from './step.ts';

await runStep(runPost);
