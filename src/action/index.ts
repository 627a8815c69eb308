// The action's main step (action.yml `runs.main`). The post step has an entry of its own, post-entry.ts:
// a post step that had to tell itself apart by the main step's state would run the gate again
// whenever the main step was killed before saving any.
import '../quiet-warnings.ts';
import { runAction } from './main.ts';
import { runStep } from './step.ts';

await runStep(runAction);
