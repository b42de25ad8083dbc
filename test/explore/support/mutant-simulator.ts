/**
 * A deliberately broken simulator for proving that explore finds defects: its
 * discard-rejected-entities discards the valid entities too. It is the real simulator with
 * one method of its engine wrapped — model/ and simulator/ are untouched.
 */
import type { SimulatorEngine } from '../../../simulator/engine/simulator-engine.js';
import { startSimulator, type RunningSimulator } from '../../../simulator/start-simulator.js';

export async function startMutantSimulator(): Promise<RunningSimulator> {
  const simulator = await startSimulator({ pace: 'instant' });
  const engine: SimulatorEngine = simulator.engine;
  const act = engine.act.bind(engine);
  engine.act = (id, action, tenant) => {
    const process = engine.inspect(id);
    if (action !== 'discard-rejected-entities' || process?.status !== 'REJECTED') {
      return act(id, action, tenant);
    }
    // The mutant: a full discard (T-12) dressed up as T-13's answer.
    const anyValid = process.entities.some((entity) => entity.status === 'VALID');
    const outcome = act(id, 'discard', tenant);
    if (outcome.kind !== 'done' || !anyValid) return outcome;
    return { ...outcome, status: { ...outcome.status, statusCode: 'PARTIALLY_APPROVED' } };
  };
  return simulator;
}
