export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './free-port';
