/**
 * Integration global setup: points testcontainers at the local Docker engine and builds (or finds)
 * the Asterisk image once; tests read its tag with `inject('asteriskImage')`.
 */
import type { TestProject } from 'vitest/node';
import { ensureAsteriskImage } from '../../../scripts/build-asterisk-image.js';
import { useLocalDockerEnvironment } from './docker-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    asteriskImage: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  useLocalDockerEnvironment();
  const image = await ensureAsteriskImage();
  process.env.ASTERISK_TEST_IMAGE = image;
  project.provide('asteriskImage', image);
}
