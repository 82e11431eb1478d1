export * from './account';
export * from './address';
export * from './review';
