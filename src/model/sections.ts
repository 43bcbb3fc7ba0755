/** The twelve sections of the annual report (the 2014-scheme template the seed follows), in their fixed order. */
export const SECTION_DEFINITIONS = [
  { key: 'overview', title: '概述' },
  { key: 'organization', title: '政府信息公开的组织领导和制度建设情况' },
  { key: 'interpretationAndResponse', title: '发布解读、回应社会关切以及互动交流情况' },
  { key: 'keyAreas', title: '重点领域政府信息公开工作推进情况' },
  { key: 'proactiveDisclosure', title: '主动公开政府信息以及公开平台建设情况' },
  { key: 'applications', title: '政府信息公开申请的办理情况' },
  { key: 'fees', title: '政府信息公开的收费及减免情况' },
  { key: 'reviewsAndLitigation', title: '因政府信息公开申请提起行政复议、行政诉讼的情况' },
  { key: 'confidentialityReview', title: '政府信息公开保密审查及监督检查情况' },
  { key: 'affiliatedInstitutions', title: '所属事业单位信息公开工作推进措施和落实情况' },
  { key: 'problemsAndImprovements', title: '政府信息公开工作存在的主要问题及改进情况' },
  { key: 'otherMatters', title: '需要说明的事项与附表' },
] as const;

/** Stable English key of a section. */
export type SectionKey = (typeof SECTION_DEFINITIONS)[number]['key'];

/** Section keys in report order. */
export const SECTION_KEYS: readonly SectionKey[] = SECTION_DEFINITIONS.map((s) => s.key);

/** Canonical Chinese title of each section. */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = Object.fromEntries(
  SECTION_DEFINITIONS.map((s) => [s.key, s.title]),
) as Record<SectionKey, string>;
