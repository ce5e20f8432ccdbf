// A client process of the real-server herd (bench/real-herd.mjs forks several): imports the
// bundled bench/real-herd/child.ts (the library's real reconnection process around real
// @microsoft/signalr clients) and follows the parent's commands over IPC.
const { runChild } = await import(process.argv[2]);

runChild(
  (report) => process.send?.(report),
  (handler) => process.on('message', handler),
);
// The parent went away (it failed or was stopped): nothing is left to measure.
process.on('disconnect', () => process.exit(0));
