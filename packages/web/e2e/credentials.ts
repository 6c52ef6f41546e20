// Invented credentials for the throw-away server that the browser tests start (see playwright.config.ts).
export const ADMIN_EMAIL = 'admin@example.org';
export const ADMIN_PASSWORD = 'e2e-Admin-password-long-enough-2026';
// 64 hex characters; only ever used for the temporary test data directory.
export const TEST_SECRET_KEY = '5f0c6a3e9d2b47c18e7a4f6b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
