// Ports and adapters for outside systems. Each port has a real adapter (tests run it against a real server)
// and an embedded one for `npm start`.
export * from './storage';
export * from './search';
export * from './payments';
export * from './mail';
