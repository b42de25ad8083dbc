import { ConfigError } from '../../errors/config-error.js';
import { LIMIT_NAMES, type LimitName, type SimulatorLimits } from '../simulator-options.js';

/**
 * Reads `NAME=N` settings of the simulator's limits (`serve --limit maxProcesses=50000`).
 * A name must be one of the limits and a value a positive whole number; a name given twice
 * keeps its last value.
 */
export function parseLimits(settings: readonly string[]): Partial<SimulatorLimits> {
  const limits: Partial<Record<LimitName, number>> = {};
  for (const setting of settings) {
    const [name = '', value = ''] = setting.split(/=(.*)/s);
    if (!isLimitName(name)) {
      throw new ConfigError(
        `--limit must be NAME=N with NAME one of ${LIMIT_NAMES.join(', ')}; ` +
          `got ${JSON.stringify(setting)}.`,
      );
    }
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new ConfigError(
        `--limit ${name} must be a positive whole number; got ${JSON.stringify(setting)}.`,
      );
    }
    limits[name] = number;
  }
  return limits;
}

function isLimitName(name: string): name is LimitName {
  return (LIMIT_NAMES as readonly string[]).includes(name);
}
