import { mergeConfig } from 'vitest/config';
// The shared test defaults live at the workspace root, outside every Nx project.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { sharedTestConfig } from '../../vitest.shared.ts';

export default mergeConfig(sharedTestConfig, {});
