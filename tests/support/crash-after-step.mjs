// Preloaded into the app server (`node --import`) by tests/integration/notifications-crash.test.ts:
// kills the process with SIGKILL the moment the step named by GROVER_TEST_CRASH_AFTER_STEP
// ("<function id>:<step id>") has written, before it is recorded, through the channel that
// lib/events/run-in-process.ts publishes on. Plain JavaScript: Node loads it before any bundler.
import { subscribe } from "node:diagnostics_channel";

const target = process.env.GROVER_TEST_CRASH_AFTER_STEP;

if (target) {
  subscribe("grover:events:step-finished", ({ step }) => {
    if (step === target) process.kill(process.pid, "SIGKILL");
  });
}
