// The API package's public surface, for tools and tests that embed market.
export { createApp, type AppOptions } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { startRoles, type Role, type Running } from './server';
