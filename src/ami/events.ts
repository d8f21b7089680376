/** Moved to src/events/ami-event.ts (shared by the AMI layer and the pure core). */
export * from '../events/ami-event.js';
