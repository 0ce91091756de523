export * from './dist/data.cjs';
