/** Text anyone can put in PeeringDB, which exports must carry as inert text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  'She said "hi", then left',
  'comma, semicolon; backslash \\ done',
  'line one\nline two\r\nline three',
  'Café 🚀 network 👩‍💻',
  'שלום עולם مرحبا',
  '\u202Eevil\u202C',
  '{{peer_name}}',
] as const;
