/** Contexts the kit's elements share: the data provider and its catalog. */
import { createContext } from '@lit/context';
import type { Catalog } from '../../core/model/types.js';
import type { SegmentProvider } from '../../core/provider/types.js';

export const providerContext = createContext<SegmentProvider | undefined>(Symbol.for('segment-kit/provider'));
export const catalogContext = createContext<Catalog | undefined>(Symbol.for('segment-kit/catalog'));
