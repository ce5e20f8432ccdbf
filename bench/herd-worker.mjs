// A worker of the herd benchmark: imports the bundled simulator and runs the scenarios the main
// thread sends, one at a time, posting each result back.
import { parentPort, workerData } from 'node:worker_threads';

const herd = await import(workerData.bundleUrl);

parentPort.on('message', async (key) => {
  const result = await herd.runScenario(key, workerData.clients);
  parentPort.postMessage(result);
});
parentPort.postMessage('ready');
