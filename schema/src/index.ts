export * from './model';
export * from './ddl';
export * from './enums';
export * from './validators';
export * from './geo';
export * from './target-validators';
export * from './text';
export * from './spreadsheet-cell';
