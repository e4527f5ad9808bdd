#!/usr/bin/env node
// The `trailhound` bin. The CLI is TypeScript that shares lib/ with the app; tsx compiles it on
// load, so there is no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('./cli/main.ts');
