export * from './src/pure';
