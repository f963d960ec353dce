/**
 * Word lists the generator draws from: metros where interconnection happens (weighted by
 * how much of it they host), name parts, and the enumerations PeeringDB uses.
 */

export interface Metro {
  city: string;
  country: string;
  state: string;
  continent: string;
  lat: number;
  lon: number;
  /** Relative share of facilities and exchanges. */
  weight: number;
  /** Short code used in facility and exchange names. */
  code: string;
}

const m = (city: string, country: string, state: string, continent: string, lat: number, lon: number, weight: number, code: string): Metro => ({
  city, country, state, continent, lat, lon, weight, code,
});

export const METROS: readonly Metro[] = [
  m('Frankfurt', 'DE', 'Hessen', 'Europe', 50.1109, 8.6821, 60, 'FRA'),
  m('Amsterdam', 'NL', 'Noord-Holland', 'Europe', 52.3676, 4.9041, 55, 'AMS'),
  m('London', 'GB', 'England', 'Europe', 51.5074, -0.1278, 60, 'LON'),
  m('Paris', 'FR', 'Île-de-France', 'Europe', 48.8566, 2.3522, 40, 'PAR'),
  m('Ashburn', 'US', 'VA', 'North America', 39.0438, -77.4874, 55, 'IAD'),
  m('New York', 'US', 'NY', 'North America', 40.7128, -74.006, 45, 'NYC'),
  m('Chicago', 'US', 'IL', 'North America', 41.8781, -87.6298, 35, 'CHI'),
  m('Los Angeles', 'US', 'CA', 'North America', 34.0522, -118.2437, 40, 'LAX'),
  m('San Jose', 'US', 'CA', 'North America', 37.3382, -121.8863, 30, 'SJC'),
  m('Dallas', 'US', 'TX', 'North America', 32.7767, -96.797, 30, 'DFW'),
  m('Miami', 'US', 'FL', 'North America', 25.7617, -80.1918, 22, 'MIA'),
  m('Seattle', 'US', 'WA', 'North America', 47.6062, -122.3321, 18, 'SEA'),
  m('Atlanta', 'US', 'GA', 'North America', 33.749, -84.388, 18, 'ATL'),
  m('Denver', 'US', 'CO', 'North America', 39.7392, -104.9903, 12, 'DEN'),
  m('Toronto', 'CA', 'ON', 'North America', 43.6532, -79.3832, 20, 'YYZ'),
  m('Montréal', 'CA', 'QC', 'North America', 45.5019, -73.5674, 12, 'YUL'),
  m('Mexico City', 'MX', 'CDMX', 'North America', 19.4326, -99.1332, 10, 'MEX'),
  m('São Paulo', 'BR', 'SP', 'South America', -23.5505, -46.6333, 45, 'GRU'),
  m('Rio de Janeiro', 'BR', 'RJ', 'South America', -22.9068, -43.1729, 15, 'GIG'),
  m('Fortaleza', 'BR', 'CE', 'South America', -3.7319, -38.5267, 10, 'FOR'),
  m('Porto Alegre', 'BR', 'RS', 'South America', -30.0346, -51.2177, 10, 'POA'),
  m('Buenos Aires', 'AR', '', 'South America', -34.6037, -58.3816, 12, 'EZE'),
  m('Santiago', 'CL', '', 'South America', -33.4489, -70.6693, 10, 'SCL'),
  m('Bogotá', 'CO', '', 'South America', 4.711, -74.0721, 8, 'BOG'),
  m('Lima', 'PE', '', 'South America', -12.0464, -77.0428, 6, 'LIM'),
  m('Stockholm', 'SE', '', 'Europe', 59.3293, 18.0686, 22, 'STO'),
  m('Copenhagen', 'DK', '', 'Europe', 55.6761, 12.5683, 12, 'CPH'),
  m('Oslo', 'NO', '', 'Europe', 59.9139, 10.7522, 10, 'OSL'),
  m('Helsinki', 'FI', '', 'Europe', 60.1699, 24.9384, 10, 'HEL'),
  m('Warsaw', 'PL', '', 'Europe', 52.2297, 21.0122, 18, 'WAW'),
  m('Prague', 'CZ', '', 'Europe', 50.0755, 14.4378, 14, 'PRG'),
  m('Vienna', 'AT', '', 'Europe', 48.2082, 16.3738, 14, 'VIE'),
  m('Zürich', 'CH', 'ZH', 'Europe', 47.3769, 8.5417, 14, 'ZRH'),
  m('Milan', 'IT', 'Lombardia', 'Europe', 45.4642, 9.19, 18, 'MIL'),
  m('Madrid', 'ES', 'Madrid', 'Europe', 40.4168, -3.7038, 16, 'MAD'),
  m('Lisbon', 'PT', '', 'Europe', 38.7223, -9.1393, 8, 'LIS'),
  m('Brussels', 'BE', '', 'Europe', 50.8503, 4.3517, 8, 'BRU'),
  m('Dublin', 'IE', '', 'Europe', 53.3498, -6.2603, 12, 'DUB'),
  m('Marseille', 'FR', "Provence-Alpes-Côte d'Azur", 'Europe', 43.2965, 5.3698, 10, 'MRS'),
  m('Düsseldorf', 'DE', 'Nordrhein-Westfalen', 'Europe', 51.2277, 6.7735, 10, 'DUS'),
  m('Munich', 'DE', 'Bayern', 'Europe', 48.1351, 11.582, 10, 'MUC'),
  m('Hamburg', 'DE', 'Hamburg', 'Europe', 53.5511, 9.9937, 8, 'HAM'),
  m('Berlin', 'DE', 'Berlin', 'Europe', 52.52, 13.405, 10, 'BER'),
  m('Bucharest', 'RO', '', 'Europe', 44.4268, 26.1025, 10, 'OTP'),
  m('Sofia', 'BG', '', 'Europe', 42.6977, 23.3219, 8, 'SOF'),
  m('Kyiv', 'UA', '', 'Europe', 50.4501, 30.5234, 14, 'KBP'),
  m('Moscow', 'RU', '', 'Europe', 55.7558, 37.6173, 20, 'MOW'),
  m('Istanbul', 'TR', '', 'Europe', 41.0082, 28.9784, 10, 'IST'),
  m('Athens', 'GR', '', 'Europe', 37.9838, 23.7275, 6, 'ATH'),
  m('Budapest', 'HU', '', 'Europe', 47.4979, 19.0402, 8, 'BUD'),
  m('Dubai', 'AE', '', 'Middle East', 25.2048, 55.2708, 10, 'DXB'),
  m('Tel Aviv', 'IL', '', 'Middle East', 32.0853, 34.7818, 6, 'TLV'),
  m('Riyadh', 'SA', '', 'Middle East', 24.7136, 46.6753, 5, 'RUH'),
  m('Johannesburg', 'ZA', 'Gauteng', 'Africa', -26.2041, 28.0473, 12, 'JNB'),
  m('Cape Town', 'ZA', 'Western Cape', 'Africa', -33.9249, 18.4241, 8, 'CPT'),
  m('Lagos', 'NG', '', 'Africa', 6.5244, 3.3792, 8, 'LOS'),
  m('Nairobi', 'KE', '', 'Africa', -1.2921, 36.8219, 8, 'NBO'),
  m('Cairo', 'EG', '', 'Africa', 30.0444, 31.2357, 5, 'CAI'),
  m('Singapore', 'SG', '', 'Asia Pacific', 1.3521, 103.8198, 30, 'SIN'),
  m('Hong Kong', 'HK', '', 'Asia Pacific', 22.3193, 114.1694, 28, 'HKG'),
  m('Tokyo', 'JP', 'Tokyo', 'Asia Pacific', 35.6762, 139.6503, 28, 'TYO'),
  m('Osaka', 'JP', 'Osaka', 'Asia Pacific', 34.6937, 135.5023, 10, 'OSA'),
  m('Seoul', 'KR', '', 'Asia Pacific', 37.5665, 126.978, 10, 'SEL'),
  m('Taipei', 'TW', '', 'Asia Pacific', 25.033, 121.5654, 8, 'TPE'),
  m('Mumbai', 'IN', 'Maharashtra', 'Asia Pacific', 19.076, 72.8777, 16, 'BOM'),
  m('Chennai', 'IN', 'Tamil Nadu', 'Asia Pacific', 13.0827, 80.2707, 10, 'MAA'),
  m('New Delhi', 'IN', 'Delhi', 'Asia Pacific', 28.6139, 77.209, 12, 'DEL'),
  m('Jakarta', 'ID', '', 'Asia Pacific', -6.2088, 106.8456, 16, 'CGK'),
  m('Bangkok', 'TH', '', 'Asia Pacific', 13.7563, 100.5018, 8, 'BKK'),
  m('Manila', 'PH', '', 'Asia Pacific', 14.5995, 120.9842, 6, 'MNL'),
  m('Kuala Lumpur', 'MY', '', 'Asia Pacific', 3.139, 101.6869, 8, 'KUL'),
  m('Sydney', 'AU', 'NSW', 'Australia', -33.8688, 151.2093, 18, 'SYD'),
  m('Melbourne', 'AU', 'VIC', 'Australia', -37.8136, 144.9631, 12, 'MEL'),
  m('Auckland', 'NZ', '', 'Australia', -36.8485, 174.7633, 8, 'AKL'),
];

export const NAME_STARTS = [
  'Al', 'Ar', 'Bel', 'Bri', 'Cas', 'Cor', 'Dan', 'Del', 'El', 'Fal', 'Fir', 'Gal', 'Glo', 'Hel', 'Hy', 'In', 'Ion',
  'Kor', 'Lum', 'Lyn', 'Mar', 'Mer', 'Nor', 'Nov', 'Ob', 'Or', 'Pal', 'Pri', 'Quan', 'Ral', 'Sil', 'Sol', 'Tel',
  'Ter', 'Tri', 'Ul', 'Val', 'Ver', 'Vi', 'Wes', 'Xen', 'Zan', 'Zet',
];
export const NAME_MIDDLES = ['a', 'e', 'i', 'o', 'u', 'ar', 'en', 'in', 'on', 'or', 'is', 'ex', 'ion', 'ent', 'ol', 'ur'];
export const NAME_ENDS = [
  'net', 'tel', 'com', 'link', 'wave', 'fiber', 'line', 'path', 'core', 'cast', 'nix', 'host', 'cloud', 'data', 'byte',
  'sys', 'tek', 'ra', 'lo', 'va', 'na', 'ia', 'ix', 'us',
];
export const ORG_SUFFIXES = [
  'Inc.', 'LLC', 'Ltd', 'Limited', 'GmbH', 'B.V.', 'S.A.', 'S.p.A.', 'AB', 'AS', 'Oy', 'SAS', 'Pty Ltd', 'Sp. z o.o.',
  's.r.o.', 'K.K.', 'Ltda', 'Co., Ltd.', '',
];
export const NET_WORDS = ['Networks', 'Telecom', 'Communications', 'Internet', 'Broadband', 'Hosting', 'Cloud', 'Online', 'Datacenter', 'Fibre', 'ISP', 'Connect'];
export const FIRST_NAMES = ['Alex', 'Maria', 'Jan', 'Sofia', 'Li', 'Ahmed', 'Ana', 'Kenji', 'Olga', 'Pierre', 'Priya', 'Tom', 'Eva', 'Lucas', 'Nadia', 'Omar', 'Yuki', 'Chen', 'Fatima', 'Marco'];
export const LAST_NAMES = ['Smith', 'Müller', 'Silva', 'Kowalski', 'Wang', 'Hansen', 'Rossi', 'Tanaka', 'Novak', 'Dubois', 'García', 'Ivanova', 'Khan', 'Jensen', 'Costa', 'Nakamura', 'Horvat', "O'Brien"];
export const STREETS = ['Main St', 'Harbour Rd', 'Industrial Ave', 'Station Rd', 'Data Park', 'Kings Way', 'Ring Rd', 'Tech Blvd', 'Canal St', 'Airport Rd'];

export const NET_INFO_TYPES = [
  ['NSP', 35], ['Content', 22], ['Cable/DSL/ISP', 27], ['Educational/Research', 6], ['Enterprise', 3],
  ['Non-Profit', 3], ['Route Server', 1], ['Network Services', 1], ['Route Collector', 0.5], ['Government', 0.5], ['', 3],
] as const;
export const INFO_TRAFFIC = [
  ['', 27], ['0-20Mbps', 4], ['20-100Mbps', 3], ['100-1000Mbps', 10], ['1-5Gbps', 12], ['5-10Gbps', 6], ['10-20Gbps', 5],
  ['20-50Gbps', 6], ['50-100Gbps', 4], ['100-200Gbps', 4], ['200-300Gbps', 2], ['300-500Gbps', 2], ['500-1000Gbps', 2],
  ['1-5Tbps', 7], ['5-10Tbps', 1], ['10-20Tbps', 1.5], ['20-50Tbps', 1], ['50-100Tbps', 0.5], ['100+Tbps', 1.4],
] as const;
export const INFO_RATIO = [['', 5], ['Not Disclosed', 1], ['Heavy Outbound', 9], ['Mostly Outbound', 18], ['Balanced', 39], ['Mostly Inbound', 26], ['Heavy Inbound', 2]] as const;
export const INFO_SCOPE = [
  ['Global', 23], ['Europe', 29], ['North America', 15], ['Regional', 26], ['Asia Pacific', 4], ['South America', 1],
  ['Africa', 0.5], ['Australia', 0.5], ['Middle East', 0.3], ['Not Disclosed', 0.5], ['', 2.4],
] as const;
export const POLICY_GENERAL = [['Open', 56], ['Selective', 30], ['Restrictive', 9.5], ['No', 3.6], ['', 0.4]] as const;
export const POLICY_LOCATIONS = [['Not Required', 65], ['Preferred', 25], ['Required - International', 5], ['Required - US', 4], ['Required - EU', 0.6], ['', 0.4]] as const;
export const POLICY_CONTRACTS = [['Not Required', 83], ['Required', 8.5], ['Private Only', 6], ['', 2.5]] as const;
export const IX_SERVICE_LEVEL = [['Not Disclosed', 73], ['24/7 Support', 20], ['Normal Business Hours', 3.5], ['Best Effort (no SLA)', 3.5]] as const;
export const IX_TERMS = [['Not Disclosed', 78], ['Recurring Fees', 18], ['No Commercial Terms', 2.6], ['Non-recurring Fees Only', 0.8], ['Bundled With Other Services', 0.6]] as const;
/** Port speeds in Mbit/s, 1G to 400G, as members report them. */
export const PORT_SPEEDS = [
  [1000, 18], [2000, 1.5], [10000, 40], [20000, 6], [30000, 2], [40000, 2], [100000, 24], [200000, 4], [300000, 1], [400000, 2.5],
] as const;
export const POC_ROLES_WEIGHTED = [['NOC', 30], ['Policy', 22], ['Technical', 24], ['Abuse', 10], ['Maintenance', 6], ['Sales', 5], ['Public Relations', 3]] as const;

/**
 * Strings that break naive rendering, CSV export or vCard: markup, spreadsheet formulas,
 * quotes, separators, line breaks and bidirectional text. The generator puts each into a
 * few names and notes so other tests can check they are shown and exported as plain text.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)',
  'Quote "double" and \'single\'',
  'Comma, separated; semi',
  'Line one\nLine two\r\nLine three',
  '\u202Egnp.exe\u202C RTL override',
  'شبكة الإنترنت العربية',
  '<script>alert("x")</script>',
  'Tab\tseparated',
  'BEGIN:VCARD\nFN:Injected\nEND:VCARD',
];

/**
 * Names as PeeringDB users write them beyond plain ASCII: scripts, emoji, accents composed and
 * not, full-width letters, invisible joiners, replacement characters left by an old encoding
 * accident, stray spaces. The generator gives each to a network (the first three to IXPs too).
 */
export const ODD_NAMES: readonly string[] = [
  'Réseau Ünïcødé Ωmega 🚀',
  'ネットワーク株式会社',
  '\uFFFD\uFFFDtel Communications',
  'Zero\u200Bwidth\u200DJoiner Net',
  '  Padded   Name  ',
  'Ｆｕｌｌｗｉｄｔｈ Ｎｅｔ',
  'Cafe\u0301 Combining Networks',
  'שירותי רשת',
  'Emoji 🏳️‍🌈 Family 👨‍👩‍👧 Net',
];

/** Today's traffic levels in the wording PeeringDB offered until 2020, where it differed. */
export const TRAFFIC_BEFORE_2020: Readonly<Record<string, string>> = {
  '0-20Mbps': '0-20 Mbps',
  '20-50Gbps': '20-50 Gbps',
  '50-100Gbps': '50-100 Gbps',
  '100-200Gbps': '100-200 Gbps',
  '200-300Gbps': '200-300 Gbps',
  '300-500Gbps': '300-500 Gbps',
  '500-1000Gbps': '500-1000 Gbps',
  '1-5Tbps': '1 Tbps+',
  '10-20Tbps': '10 Tbps+',
};
