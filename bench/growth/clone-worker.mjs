// Worker-thread entry for the growth generator: registers tsx (workers do not inherit its loader) and
// loads the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./clone-worker.ts');
