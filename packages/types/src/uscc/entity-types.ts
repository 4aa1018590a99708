/**
 * Valid pairs of registration-authority code (position 1) and entity-type code (position 2), from GB 32100-2015
 * "法人和其他组织统一社会信用代码编码规则" Table 1 (登记管理部门代码和机构类别代码), including the codes
 * added after publication for the Central Military Commission's establishment office (A) and agriculture (N).
 */
export const ENTITY_TYPES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制 establishment: 机关 organs, 事业单位 public institutions, 群众团体 mass organisations, other
  '2': '19', // 外交 foreign affairs: resident foreign news agencies, other
  '3': '123459', // 司法行政 justice: law firms, notaries, legal services, forensic institutes, arbitration, other
  '4': '19', // 文化 culture: foreign cultural centres, other
  '5': '1239', // 民政 civil affairs: social organisations, private non-enterprise units, foundations, other
  '6': '129', // 旅游 tourism: foreign tourism offices, Hong Kong/Macao/Taiwan tourism offices, other
  '7': '129', // 宗教 religion: places of worship, religious colleges, other
  '8': '19', // 工会 trade unions: grassroots unions, other
  '9': '123', // 工商 industry & commerce: enterprises, individual businesses, farmers' co-operatives
  A: '19', // 中央军委改革和编制办公室: military public institutions, other
  N: '1239', // 农业 agriculture: group-, village- and township-level collective economic organisations, other
  Y: '1', // 其他 other authorities
};
