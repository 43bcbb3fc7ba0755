/** The twelve sections of the 2014-scheme report (Shandong's 2016–2017 scheme, the seed's), in their fixed order. */
export const SECTION_DEFINITIONS = [
  { key: 'overview', title: '概述', required: true },
  { key: 'organization', title: '政府信息公开的组织领导和制度建设情况', required: false },
  { key: 'interpretationAndResponse', title: '发布解读、回应社会关切以及互动交流情况', required: false },
  { key: 'keyAreas', title: '重点领域政府信息公开工作推进情况', required: false },
  { key: 'proactiveDisclosure', title: '主动公开政府信息以及公开平台建设情况', required: true },
  { key: 'applications', title: '政府信息公开申请的办理情况', required: true },
  { key: 'fees', title: '政府信息公开的收费及减免情况', required: false },
  { key: 'reviewsAndLitigation', title: '因政府信息公开申请提起行政复议、行政诉讼的情况', required: false },
  { key: 'confidentialityReview', title: '政府信息公开保密审查及监督检查情况', required: false },
  { key: 'affiliatedInstitutions', title: '所属事业单位信息公开工作推进措施和落实情况', required: false },
  { key: 'problemsAndImprovements', title: '政府信息公开工作存在的主要问题及改进情况', required: true },
  { key: 'otherMatters', title: '需要说明的事项与附表', required: false },
] as const;

/** Stable English key of a section of the 2014 template. */
export type SectionKey = (typeof SECTION_DEFINITIONS)[number]['key'];

/** Section keys of the 2014 template in report order. */
export const SECTION_KEYS: readonly SectionKey[] = SECTION_DEFINITIONS.map((s) => s.key);

/** Canonical Chinese title of each section of the 2014 template. */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = Object.fromEntries(
  SECTION_DEFINITIONS.map((s) => [s.key, s.title]),
) as Record<SectionKey, string>;
