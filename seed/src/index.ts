export * from './types';
export { articleDataset } from './article';
