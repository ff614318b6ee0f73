// The contract between worker, widget and console: realtime frames and REST bodies.
// The widget imports types only (`import type`), so zod stays out of its bundle.
export * from './errors';
export * from './limits';
export * from './models';
export * from './frames';
export * from './rest';
export * from './settings';
export * from './tools';
export * from './kb';
export * from './visitor';
export * from './visitor-kb';
export * from './audit';
export * from './blocks';
export * from './tokens';
export * from './webhooks';
export * from './privacy';
