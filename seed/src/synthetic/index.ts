export { generateDataset, type SyntheticOptions } from './generate';
export { SYNTHETIC_DISTRICTS, SYNTHETIC_DISTRICT_CODES } from './places';
export { firmId as syntheticFirmId } from './firms';
export { orderId as syntheticOrderId } from './trade';
