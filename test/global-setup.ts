// Runs once before any test file: unpacks the npm-shipped Chromium (when Debian's is absent) so parallel
// browser test files never race to unpack it into the same temporary path.
import { chromiumExecutable } from './helpers/chromium.js';

export default async function setup(): Promise<void> {
  await chromiumExecutable();
}
