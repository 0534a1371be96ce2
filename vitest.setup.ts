// Property tests (fast-check) explore new random cases on every developer run;
// in CI they use one fixed seed so a landing never depends on luck. A failure
// prints its seed; FC_SEED=<seed> replays it anywhere.
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
