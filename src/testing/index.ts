/**
 * `segment-kit/testing`: the provider contract (SPEC section 6) as a suite to run against
 * your own `SegmentProvider`, and the small fixed dataset it runs on. No DOM, no Node APIs.
 */
export { runProviderContract, ContractFailure } from './contract.js';
export type { MakeProvider, ProviderContractOptions, ProviderContractReport } from './contract.js';
export { providerContractFixture } from './fixture.js';
export type { ContractFixture } from './fixture.js';
