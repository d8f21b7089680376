/** Moved to src/events/ami-message.ts (shared by the AMI layer and the pure core). */
export * from '../events/ami-message.js';
