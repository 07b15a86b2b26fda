import type { RunningWebhook } from './start-webhook';

/** Resolves once the webhook has drained and stopped after the first SIGTERM or SIGINT. */
export function stopOnSignals(webhook: RunningWebhook, signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSignal = () => {
      for (const signal of signals) process.off(signal, onSignal);
      webhook.stop().then(resolve, reject);
    };
    for (const signal of signals) process.on(signal, onSignal);
  });
}
