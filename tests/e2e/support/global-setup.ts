import { E2E_ADMIN_PASSWORD } from './env';

export default function globalSetup(): void {
  // Specs read the admin password from the environment, as a person would from the console.
  process.env.TRAILHOUND_ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;
}
