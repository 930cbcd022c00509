/** The ledger worker: keeps one engine `Ledger` and reads files into it off the page's thread. */
import type { Ledger } from '../../engine/index.js';
import { ledgerOf, readInto, type WorkerReply, type WorkerRequest } from './ledger-store.js';

let ledger: Ledger | null = null;

function reply(message: WorkerReply): void {
  postMessage(message);
}

addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'reset') {
    ledger = ledgerOf(message.catalogue, message.lines);
    return;
  }
  const { id, request } = message;
  try {
    if (!ledger) throw new Error('ledger worker used before reset');
    let last = 0;
    const result = await readInto(ledger, request, (fraction) => {
      // Report in steps of 5 % so a big file does not flood the page with messages.
      if (fraction - last >= 0.05 || fraction === 1) {
        last = fraction;
        reply({ type: 'progress', id, fraction });
      }
    });
    reply({ type: 'done', id, result });
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
