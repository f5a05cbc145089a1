/** Freight assumptions for the saving estimate; configurable because they differ by part and carrier. */
export interface LogisticsCosts {
  /** Road freight per tonne and kilometre, CNY. */
  cnyPerTonneKm: number;
  /** Value of a tonne of parts, CNY, to turn an order's value into tonnes. */
  cnyPerTonne: number;
}

/** Road freight about 0.6 CNY per tonne-km; auto parts worth about 25,000 CNY a tonne. */
export const DEFAULT_LOGISTICS: LogisticsCosts = { cnyPerTonneKm: 0.6, cnyPerTonne: 25_000 };
