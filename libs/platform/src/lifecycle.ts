// Graceful shutdown as Coolify/Traefik need it: on SIGTERM readiness turns 503
// at once, the process keeps serving for the drain delay (so the proxy sees
// the failing health check and stops routing here), then stops accepting,
// finishes in-flight requests, closes pools and exits 0. A second signal, or
// the hard timeout, exits 1.
export interface LifecycleLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

export interface Lifecycle {
  readonly shuttingDown: boolean;
  /** Starts the shutdown sequence (idempotent); resolves with the exit code. */
  shutdown(reason: string): Promise<number>;
  /** Installs SIGTERM/SIGINT handlers that call shutdown and exit. */
  handleSignals(exit?: (code: number) => void): void;
}

export interface LifecycleSettings {
  drainDelayMs: number;
  timeoutMs: number;
  logger: LifecycleLogger;
  /** Ordered: stop accepting and drain HTTP first, then queues, then pools. */
  steps: ShutdownStep[];
}

export function createLifecycle(settings: LifecycleSettings): Lifecycle {
  let shuttingDown = false;
  let result: Promise<number> | undefined;

  const run = async (reason: string): Promise<number> => {
    shuttingDown = true;
    settings.logger.info(
      { reason, drainDelayMs: settings.drainDelayMs },
      'shutdown: readiness now failing, draining',
    );
    await new Promise((resolve) => setTimeout(resolve, settings.drainDelayMs));
    let code = 0;
    for (const step of settings.steps) {
      try {
        await step.run();
        settings.logger.info({ step: step.name }, 'shutdown: step done');
      } catch (error) {
        code = 1;
        settings.logger.error({ step: step.name, err: error }, 'shutdown: step failed');
      }
    }
    return code;
  };

  const lifecycle: Lifecycle = {
    get shuttingDown() {
      return shuttingDown;
    },
    shutdown(reason) {
      result ??= run(reason);
      return result;
    },
    handleSignals(exit = (code) => process.exit(code)) {
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        signals += 1;
        if (signals > 1) {
          settings.logger.error({ signal }, 'shutdown: second signal, exiting now');
          exit(1);
          return;
        }
        const hardStop = setTimeout(() => {
          settings.logger.error({ timeoutMs: settings.timeoutMs }, 'shutdown: timed out, exiting');
          exit(1);
        }, settings.timeoutMs);
        hardStop.unref();
        void lifecycle.shutdown(signal).then((code) => {
          clearTimeout(hardStop);
          exit(code);
        });
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    },
  };
  return lifecycle;
}
