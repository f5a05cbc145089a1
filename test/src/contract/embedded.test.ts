import { openTempStore } from '../harness';
import { describeStoreContract } from './store-contract';

describeStoreContract('embedded', () => openTempStore({ seed: false }));
