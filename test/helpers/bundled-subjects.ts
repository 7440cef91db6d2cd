// The bundled dataset's programmes and topics, as a reader finds them in data/: stated once for
// the tests that build the bundled data and read its PDFs back.
export const BUNDLED_PROGRAMMES = ['chip-company-drive', 'huoju', 'huzhou', 'kunpeng', 'qiming', 'thousand-talents', 'wenzhou', 'zhuji'];
export const BUNDLED_TOPICS = [
  'chip-talent-shortage',
  'export-controls-and-counterintelligence',
  'money-and-perks',
  'provincial-and-city-schemes',
  'recruiters-and-channels',
  'secrecy-and-low-profile',
  'who-is-targeted',
  'why-experts-hesitate',
];
