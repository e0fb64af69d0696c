import { entity } from '../support';

/** A glossary of the real corpus's names, built in code so matcher tests do not depend on the parser. */
export const corpusEntities = [
  entity({ id: 'to-lam', kind: 'person', name: 'Tô Lâm', aliases: ['To Lam'], aka: ['Party chief'], titles: ['General Secretary', 'Party General Secretary'] }),
  entity({ id: 'sergey-lavrov', kind: 'person', name: 'Sergey Lavrov', aliases: ['Sergei Lavrov'], titles: ['Foreign Minister', 'Minister of Foreign Affairs'] }),
  entity({ id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', titles: ['President'] }),
  entity({ id: 'bui-thanh-son', kind: 'person', name: 'Bùi Thanh Sơn', aliases: ['Bui Thanh Son'], titles: ['Deputy Prime Minister', 'Minister of Foreign Affairs'] }),
  entity({ id: 'dang-minh-khoi', kind: 'person', name: 'Đặng Minh Khôi', titles: ['Ambassador'] }),
  entity({ id: 'mikhail-mishustin', kind: 'person', name: 'Mikhail Mishustin', aka: ['Mikhail Vladimirovich Mishustin'], titles: ['Prime Minister'] }),
  entity({ id: 'tran-thanh-man', kind: 'person', name: 'Trần Thanh Mẫn', aliases: ['Tran Thanh Man'], titles: ['National Assembly Chairman', 'NA Chairman'] }),
  entity({ id: 'ho-chi-minh', kind: 'person', name: 'Hồ Chí Minh', aliases: ['Ho Chi Minh'], titles: ['President'], short: [] }),
  entity({ id: 'viet-nam', kind: 'place', name: 'Việt Nam', aliases: ['Vietnam', 'Viet Nam'] }),
  entity({ id: 'russia', kind: 'place', name: 'Russia' }),
  entity({ id: 'russian-federation', kind: 'place', name: 'Russian Federation' }),
  entity({ id: 'ho-chi-minh-city', kind: 'place', name: 'Ho Chi Minh City', aliases: ['HCMC'] }),
  entity({ id: 'vna', kind: 'body', name: 'Vietnam News Agency', aka: ['VNA'] }),
  entity({ id: 'soviet-union', kind: 'body', name: 'Soviet Union' }),
];
