/**
 * Every word the theme adds to a page, in one table per language. `{0}`/`{1}` mark where the
 * résumé's own text goes, so each language can order the parts its own way.
 */
import type { PublicationStatus, SectionKey } from './types';

export interface Labels {
  sections: Record<SectionKey, string>;
  /** The word after the dash of a period that has not ended. */
  present: string;
  /** Added after an expected end date: "{0} (expected)". */
  expected: string;
  /** "{0} in {1}": degree ({0}) and field of study ({1}). */
  degree: string;
  /** "Advisor: {0}". */
  advisor: string;
  /** "Courses: {0}". */
  courses: string;
  firstAuthor: string;
  /** "scores {0}": the reviewers' scores. */
  scores: string;
  status: Record<PublicationStatus, string>;
  /** The document kind in the page title: "Name — CV". */
  cv: string;
  /** "updated {0}" in the page footer, {0} the month and year of `meta.lastModified`. */
  updated: string;
  /** Between the items of a list (keywords, authors, courses): ", "; "、" in Chinese and Japanese. */
  list: string;
  /** Between the parts of one thing (a place, an award and its awarder): ", "; "，" in Chinese. */
  comma: string;
  /** Around a note after a name, "Rust (expert)": " (" and ")"; "（" and "）" in Chinese and Japanese. */
  open: string;
  close: string;
}

/** The punctuation between items and parts, which follows the page's language. */
export type Separators = Pick<Labels, 'list' | 'comma' | 'open' | 'close'>;

/** Latin script's punctuation, which Cyrillic, Greek and Korean text use too. */
const LATIN: Separators = { list: ', ', comma: ', ', open: ' (', close: ')' };

const en: Labels = {
  sections: {
    education: 'Education',
    publications: 'Publications',
    work: 'Experience',
    projects: 'Projects',
    volunteer: 'Volunteering',
    awards: 'Awards',
    certificates: 'Certificates',
    skills: 'Skills',
    languages: 'Languages',
    interests: 'Interests',
    references: 'References',
  },
  present: 'Present',
  expected: '{0} (expected)',
  degree: '{0} in {1}',
  advisor: 'Advisor: {0}',
  courses: 'Courses: {0}',
  firstAuthor: 'first author',
  scores: 'scores {0}',
  status: {
    published: 'published',
    accepted: 'accepted',
    'under-review': 'under review',
    'in-preparation': 'in preparation',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'updated {0}',
  ...LATIN,
};

const zh: Labels = {
  sections: {
    education: '教育经历',
    publications: '发表论文',
    work: '工作经历',
    projects: '项目经历',
    volunteer: '志愿服务',
    awards: '获奖情况',
    certificates: '证书',
    skills: '技能',
    languages: '语言',
    interests: '兴趣爱好',
    references: '推荐人',
  },
  present: '至今',
  expected: '{0}（预计）',
  degree: '{1}{0}',
  advisor: '导师：{0}',
  courses: '主修课程：{0}',
  firstAuthor: '第一作者',
  scores: '评审分数 {0}',
  status: {
    published: '已发表',
    accepted: '已录用',
    'under-review': '审稿中',
    'in-preparation': '撰写中',
    preprint: '预印本',
  },
  cv: '简历',
  updated: '更新于{0}',
  list: '、',
  comma: '，',
  open: '（',
  close: '）',
};

const ja: Labels = {
  sections: {
    education: '学歴',
    publications: '業績',
    work: '職歴',
    projects: 'プロジェクト',
    volunteer: 'ボランティア活動',
    awards: '受賞歴',
    certificates: '資格',
    skills: 'スキル',
    languages: '語学',
    interests: '趣味・関心',
    references: '推薦者',
  },
  present: '現在',
  expected: '{0}（見込み）',
  degree: '{1} {0}',
  advisor: '指導教員：{0}',
  courses: '履修科目：{0}',
  firstAuthor: '筆頭著者',
  scores: '査読スコア {0}',
  status: {
    published: '出版済み',
    accepted: '採録',
    'under-review': '査読中',
    'in-preparation': '準備中',
    preprint: 'プレプリント',
  },
  cv: '履歴書',
  updated: '{0}更新',
  list: '、',
  comma: '、',
  open: '（',
  close: '）',
};

const ko: Labels = {
  sections: {
    education: '학력',
    publications: '논문',
    work: '경력',
    projects: '프로젝트',
    volunteer: '봉사 활동',
    awards: '수상',
    certificates: '자격증',
    skills: '기술',
    languages: '언어',
    interests: '관심 분야',
    references: '추천인',
  },
  present: '현재',
  expected: '{0} (예정)',
  degree: '{1} {0}',
  advisor: '지도교수: {0}',
  courses: '수강 과목: {0}',
  firstAuthor: '제1저자',
  scores: '심사 점수 {0}',
  status: {
    published: '게재',
    accepted: '게재 승인',
    'under-review': '심사 중',
    'in-preparation': '준비 중',
    preprint: '프리프린트',
  },
  cv: '이력서',
  updated: '{0} 업데이트',
  ...LATIN,
};

const de: Labels = {
  sections: {
    education: 'Ausbildung',
    publications: 'Publikationen',
    work: 'Berufserfahrung',
    projects: 'Projekte',
    volunteer: 'Ehrenamt',
    awards: 'Auszeichnungen',
    certificates: 'Zertifikate',
    skills: 'Kenntnisse',
    languages: 'Sprachen',
    interests: 'Interessen',
    references: 'Referenzen',
  },
  present: 'heute',
  expected: '{0} (voraussichtlich)',
  degree: '{0} in {1}',
  advisor: 'Betreuung: {0}',
  courses: 'Kurse: {0}',
  firstAuthor: 'Erstautor',
  scores: 'Gutachten {0}',
  status: {
    published: 'veröffentlicht',
    accepted: 'angenommen',
    'under-review': 'in Begutachtung',
    'in-preparation': 'in Vorbereitung',
    preprint: 'Preprint',
  },
  cv: 'Lebenslauf',
  updated: 'Stand: {0}',
  ...LATIN,
};

const fr: Labels = {
  sections: {
    education: 'Formation',
    publications: 'Publications',
    work: 'Expérience',
    projects: 'Projets',
    volunteer: 'Bénévolat',
    awards: 'Distinctions',
    certificates: 'Certifications',
    skills: 'Compétences',
    languages: 'Langues',
    interests: 'Centres d’intérêt',
    references: 'Références',
  },
  present: 'aujourd’hui',
  expected: '{0} (prévu)',
  degree: '{0} en {1}',
  advisor: 'Direction : {0}',
  courses: 'Cours : {0}',
  firstAuthor: 'premier auteur',
  scores: 'notes {0}',
  status: {
    published: 'publié',
    accepted: 'accepté',
    'under-review': 'en évaluation',
    'in-preparation': 'en préparation',
    preprint: 'prépublication',
  },
  cv: 'CV',
  updated: 'mis à jour en {0}',
  ...LATIN,
};

const es: Labels = {
  sections: {
    education: 'Formación',
    publications: 'Publicaciones',
    work: 'Experiencia',
    projects: 'Proyectos',
    volunteer: 'Voluntariado',
    awards: 'Premios',
    certificates: 'Certificados',
    skills: 'Habilidades',
    languages: 'Idiomas',
    interests: 'Intereses',
    references: 'Referencias',
  },
  present: 'actualidad',
  expected: '{0} (previsto)',
  degree: '{0} en {1}',
  advisor: 'Director: {0}',
  courses: 'Cursos: {0}',
  firstAuthor: 'primer autor',
  scores: 'puntuaciones {0}',
  status: {
    published: 'publicado',
    accepted: 'aceptado',
    'under-review': 'en revisión',
    'in-preparation': 'en preparación',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'actualizado en {0}',
  ...LATIN,
};

const pt: Labels = {
  sections: {
    education: 'Formação',
    publications: 'Publicações',
    work: 'Experiência',
    projects: 'Projetos',
    volunteer: 'Voluntariado',
    awards: 'Prémios',
    certificates: 'Certificados',
    skills: 'Competências',
    languages: 'Idiomas',
    interests: 'Interesses',
    references: 'Referências',
  },
  present: 'atual',
  expected: '{0} (previsto)',
  degree: '{0} em {1}',
  advisor: 'Orientador: {0}',
  courses: 'Disciplinas: {0}',
  firstAuthor: 'primeiro autor',
  scores: 'notas {0}',
  status: {
    published: 'publicado',
    accepted: 'aceito',
    'under-review': 'em revisão',
    'in-preparation': 'em preparação',
    preprint: 'preprint',
  },
  cv: 'Currículo',
  updated: 'atualizado em {0}',
  ...LATIN,
};

const ru: Labels = {
  sections: {
    education: 'Образование',
    publications: 'Публикации',
    work: 'Опыт работы',
    projects: 'Проекты',
    volunteer: 'Волонтёрство',
    awards: 'Награды',
    certificates: 'Сертификаты',
    skills: 'Навыки',
    languages: 'Языки',
    interests: 'Интересы',
    references: 'Рекомендации',
  },
  present: 'настоящее время',
  expected: '{0} (ожидается)',
  degree: '{0}: {1}',
  advisor: 'Научный руководитель: {0}',
  courses: 'Курсы: {0}',
  firstAuthor: 'первый автор',
  scores: 'оценки {0}',
  status: {
    published: 'опубликовано',
    accepted: 'принято',
    'under-review': 'на рецензии',
    'in-preparation': 'в подготовке',
    preprint: 'препринт',
  },
  cv: 'Резюме',
  updated: 'обновлено: {0}',
  ...LATIN,
};

const ar: Labels = {
  sections: {
    education: 'التعليم',
    publications: 'المنشورات',
    work: 'الخبرة العملية',
    projects: 'المشاريع',
    volunteer: 'العمل التطوعي',
    awards: 'الجوائز',
    certificates: 'الشهادات',
    skills: 'المهارات',
    languages: 'اللغات',
    interests: 'الاهتمامات',
    references: 'المراجع',
  },
  present: 'حتى الآن',
  expected: '{0} (متوقع)',
  degree: '{0} في {1}',
  advisor: 'المشرف: {0}',
  courses: 'المقررات: {0}',
  firstAuthor: 'المؤلف الأول',
  scores: 'درجات التحكيم {0}',
  status: {
    published: 'منشور',
    accepted: 'مقبول',
    'under-review': 'قيد التحكيم',
    'in-preparation': 'قيد الإعداد',
    preprint: 'مسودة أولية',
  },
  cv: 'السيرة الذاتية',
  updated: 'آخر تحديث: {0}',
  list: '، ',
  comma: '، ',
  open: ' (',
  close: ')',
};

const pl: Labels = {
  sections: {
    education: 'Wykształcenie',
    publications: 'Publikacje',
    work: 'Doświadczenie zawodowe',
    projects: 'Projekty',
    volunteer: 'Wolontariat',
    awards: 'Nagrody',
    certificates: 'Certyfikaty',
    skills: 'Umiejętności',
    languages: 'Języki',
    interests: 'Zainteresowania',
    references: 'Referencje',
  },
  present: 'obecnie',
  expected: '{0} (planowo)',
  degree: '{0}, {1}',
  advisor: 'Promotor: {0}',
  courses: 'Kursy: {0}',
  firstAuthor: 'pierwszy autor',
  scores: 'oceny {0}',
  status: {
    published: 'opublikowano',
    accepted: 'przyjęto',
    'under-review': 'w recenzji',
    'in-preparation': 'w przygotowaniu',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'aktualizacja: {0}',
  ...LATIN,
};

const vi: Labels = {
  sections: {
    education: 'Học vấn',
    publications: 'Công bố khoa học',
    work: 'Kinh nghiệm làm việc',
    projects: 'Dự án',
    volunteer: 'Hoạt động tình nguyện',
    awards: 'Giải thưởng',
    certificates: 'Chứng chỉ',
    skills: 'Kỹ năng',
    languages: 'Ngoại ngữ',
    interests: 'Sở thích',
    references: 'Người tham chiếu',
  },
  present: 'nay',
  expected: '{0} (dự kiến)',
  degree: '{0} {1}',
  advisor: 'Người hướng dẫn: {0}',
  courses: 'Môn học: {0}',
  firstAuthor: 'tác giả chính',
  scores: 'điểm phản biện {0}',
  status: {
    published: 'đã xuất bản',
    accepted: 'đã được chấp nhận',
    'under-review': 'đang phản biện',
    'in-preparation': 'đang chuẩn bị',
    preprint: 'bản thảo',
  },
  cv: 'Sơ yếu lý lịch',
  updated: 'cập nhật {0}',
  ...LATIN,
};

const el: Labels = {
  sections: {
    education: 'Εκπαίδευση',
    publications: 'Δημοσιεύσεις',
    work: 'Επαγγελματική εμπειρία',
    projects: 'Έργα',
    volunteer: 'Εθελοντισμός',
    awards: 'Διακρίσεις',
    certificates: 'Πιστοποιήσεις',
    skills: 'Δεξιότητες',
    languages: 'Γλώσσες',
    interests: 'Ενδιαφέροντα',
    references: 'Συστάσεις',
  },
  present: 'σήμερα',
  expected: '{0} (αναμένεται)',
  degree: '{0}: {1}',
  advisor: 'Επιβλέπων: {0}',
  courses: 'Μαθήματα: {0}',
  firstAuthor: 'πρώτος συγγραφέας',
  scores: 'βαθμολογίες {0}',
  status: {
    published: 'δημοσιευμένο',
    accepted: 'εγκεκριμένο',
    'under-review': 'υπό κρίση',
    'in-preparation': 'σε προετοιμασία',
    preprint: 'προδημοσίευση',
  },
  cv: 'Βιογραφικό',
  updated: 'ενημέρωση: {0}',
  ...LATIN,
};

/** The languages the theme speaks, by primary language subtag. */
export const LABELS: Readonly<Record<string, Labels>> = {
  en,
  zh,
  ja,
  ko,
  de,
  fr,
  es,
  pt,
  ru,
  ar,
  pl,
  vi,
  el,
};

/** The table for a BCP 47 locale: its language's, else English. */
export function labelsFor(locale: string): Labels {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return LABELS[language] ?? en;
}

/** Languages written in Arabic script without a table of their own, which use its comma. */
const ARABIC_COMMA = new Set(['fa', 'ur', 'ps', 'ckb', 'sd', 'ug']);

/** The separators of a page in `language`: its table's, Arabic's for Persian and Urdu, else English. */
export function separatorsFor(language: string): Separators {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  const { list, comma, open, close } = ARABIC_COMMA.has(primary) ? ar : labelsFor(primary);
  return { list, comma, open, close };
}

/** Puts the résumé's text into a label: fill('{0} in {1}', 'Ph.D.', 'Physics'). */
export function fill(label: string, ...parts: string[]): string {
  return label.replace(/\{(\d)\}/g, (_, index: string) => parts[Number(index)] ?? '');
}
