/** PeeringDB's traffic levels (net.info_traffic), smallest first, so "at least" can compare. */
export const TRAFFIC_LEVELS = [
  '0-20Mbps',
  '20-100Mbps',
  '100-1000Mbps',
  '1-5Gbps',
  '5-10Gbps',
  '10-20Gbps',
  '20-50Gbps',
  '50-100Gbps',
  '100-200Gbps',
  '200-300Gbps',
  '300-500Gbps',
  '500-1000Gbps',
  '1-5Tbps',
  '5-10Tbps',
  '10-20Tbps',
  '20-50Tbps',
  '50-100Tbps',
  '100+Tbps',
] as const;

/** Position in TRAFFIC_LEVELS, or -1 when unknown or not disclosed. */
export function trafficRank(level: string): number {
  return (TRAFFIC_LEVELS as readonly string[]).indexOf(level);
}
