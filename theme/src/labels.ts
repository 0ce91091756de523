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
  /** After a shortened author list, with the space before it when the language puts one: " et al.". */
  etAl: string;
  /** "scores {0}": the reviewers' scores. */
  scores: string;
  status: Record<PublicationStatus, string>;
  /** The document kind in the page title: "Name — CV". */
  cv: string;
  /** "updated {0}" in the page footer, {0} the month and year of `meta.lastModified`. */
  updated: string;
  /** Between the parts of one thing (a place, an award and its awarder): ", "; "，" in Chinese. */
  comma: string;
  /** Around a note after a name, "Rust (expert)": " (" and ")"; "（" and "）" in Chinese and Japanese. */
  open: string;
  close: string;
}

/** The punctuation between items and parts, which follows the page's language. */
export type Separators = Pick<Labels, 'comma' | 'open' | 'close'> & {
  /** Between the items of a list (keywords, authors, courses): ", "; "、" in Chinese and Japanese. */
  list: string;
};

/** Latin script's punctuation, which most scripts use too. */
const LATIN: Pick<Labels, 'comma' | 'open' | 'close'> = { comma: ', ', open: ' (', close: ')' };

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
  etAl: ' et al.',
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
  etAl: '等',
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
  etAl: ' 他',
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
  etAl: ' 외',
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
  etAl: ' u. a.',
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
  etAl: ' et al.',
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
  etAl: ' et al.',
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
  etAl: ' et al.',
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
  etAl: ' и др.',
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
  etAl: ' وآخرون',
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
  etAl: ' i in.',
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
  etAl: ' và cộng sự',
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
  etAl: ' κ.ά.',
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

const it: Labels = {
  sections: {
    education: 'Istruzione',
    publications: 'Pubblicazioni',
    work: 'Esperienza professionale',
    projects: 'Progetti',
    volunteer: 'Volontariato',
    awards: 'Riconoscimenti',
    certificates: 'Certificazioni',
    skills: 'Competenze',
    languages: 'Lingue',
    interests: 'Interessi',
    references: 'Referenze',
  },
  present: 'oggi',
  expected: '{0} (previsto)',
  degree: '{0} in {1}',
  advisor: 'Relatore: {0}',
  courses: 'Corsi: {0}',
  firstAuthor: 'primo autore',
  etAl: ' et al.',
  scores: 'valutazioni {0}',
  status: {
    published: 'pubblicato',
    accepted: 'accettato',
    'under-review': 'in revisione',
    'in-preparation': 'in preparazione',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'aggiornato a {0}',
  ...LATIN,
};

const nl: Labels = {
  sections: {
    education: 'Opleiding',
    publications: 'Publicaties',
    work: 'Werkervaring',
    projects: 'Projecten',
    volunteer: 'Vrijwilligerswerk',
    awards: 'Prijzen',
    certificates: 'Certificaten',
    skills: 'Vaardigheden',
    languages: 'Talen',
    interests: 'Interesses',
    references: 'Referenties',
  },
  present: 'heden',
  expected: '{0} (verwacht)',
  degree: '{0} in {1}',
  advisor: 'Promotor: {0}',
  courses: 'Vakken: {0}',
  firstAuthor: 'eerste auteur',
  etAl: ' e.a.',
  scores: 'beoordelingen {0}',
  status: {
    published: 'gepubliceerd',
    accepted: 'geaccepteerd',
    'under-review': 'in review',
    'in-preparation': 'in voorbereiding',
    preprint: 'preprint',
  },
  cv: 'cv',
  updated: 'bijgewerkt {0}',
  ...LATIN,
};

const cs: Labels = {
  sections: {
    education: 'Vzdělání',
    publications: 'Publikace',
    work: 'Pracovní zkušenosti',
    projects: 'Projekty',
    volunteer: 'Dobrovolnictví',
    awards: 'Ocenění',
    certificates: 'Certifikáty',
    skills: 'Dovednosti',
    languages: 'Jazyky',
    interests: 'Zájmy',
    references: 'Reference',
  },
  present: 'dosud',
  expected: '{0} (předpoklad)',
  degree: '{0}, {1}',
  advisor: 'Školitel: {0}',
  courses: 'Předměty: {0}',
  firstAuthor: 'první autor',
  etAl: ' a kol.',
  scores: 'hodnocení {0}',
  status: {
    published: 'publikováno',
    accepted: 'přijato',
    'under-review': 'v recenzním řízení',
    'in-preparation': 'v přípravě',
    preprint: 'preprint',
  },
  cv: 'Životopis',
  updated: 'aktualizováno: {0}',
  ...LATIN,
};

const sv: Labels = {
  sections: {
    education: 'Utbildning',
    publications: 'Publikationer',
    work: 'Arbetslivserfarenhet',
    projects: 'Projekt',
    volunteer: 'Ideellt arbete',
    awards: 'Utmärkelser',
    certificates: 'Certifikat',
    skills: 'Kompetenser',
    languages: 'Språk',
    interests: 'Intressen',
    references: 'Referenser',
  },
  present: 'nu',
  expected: '{0} (beräknad)',
  degree: '{0} i {1}',
  advisor: 'Handledare: {0}',
  courses: 'Kurser: {0}',
  firstAuthor: 'förstaförfattare',
  etAl: ' m.fl.',
  scores: 'bedömningar {0}',
  status: {
    published: 'publicerad',
    accepted: 'accepterad',
    'under-review': 'under granskning',
    'in-preparation': 'under arbete',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'uppdaterad {0}',
  ...LATIN,
};

const tr: Labels = {
  sections: {
    education: 'Eğitim',
    publications: 'Yayınlar',
    work: 'İş Deneyimi',
    projects: 'Projeler',
    volunteer: 'Gönüllü Çalışmalar',
    awards: 'Ödüller',
    certificates: 'Sertifikalar',
    skills: 'Yetenekler',
    languages: 'Diller',
    interests: 'İlgi Alanları',
    references: 'Referanslar',
  },
  present: 'halen',
  expected: '{0} (beklenen)',
  degree: '{1}, {0}',
  advisor: 'Danışman: {0}',
  courses: 'Dersler: {0}',
  firstAuthor: 'birinci yazar',
  etAl: ' vd.',
  scores: 'hakem puanları {0}',
  status: {
    published: 'yayımlandı',
    accepted: 'kabul edildi',
    'under-review': 'değerlendirmede',
    'in-preparation': 'hazırlanıyor',
    preprint: 'ön baskı',
  },
  cv: 'Özgeçmiş',
  updated: 'güncelleme: {0}',
  ...LATIN,
};

const uk: Labels = {
  sections: {
    education: 'Освіта',
    publications: 'Публікації',
    work: 'Досвід роботи',
    projects: 'Проєкти',
    volunteer: 'Волонтерство',
    awards: 'Нагороди',
    certificates: 'Сертифікати',
    skills: 'Навички',
    languages: 'Мови',
    interests: 'Інтереси',
    references: 'Рекомендації',
  },
  present: 'дотепер',
  expected: '{0} (очікується)',
  degree: '{0}: {1}',
  advisor: 'Науковий керівник: {0}',
  courses: 'Курси: {0}',
  firstAuthor: 'перший автор',
  etAl: ' та ін.',
  scores: 'оцінки {0}',
  status: {
    published: 'опубліковано',
    accepted: 'прийнято',
    'under-review': 'на рецензуванні',
    'in-preparation': 'у підготовці',
    preprint: 'препринт',
  },
  cv: 'Резюме',
  updated: 'оновлено: {0}',
  ...LATIN,
};

const fa: Labels = {
  sections: {
    education: 'تحصیلات',
    publications: 'انتشارات',
    work: 'سوابق کاری',
    projects: 'پروژه‌ها',
    volunteer: 'فعالیت‌های داوطلبانه',
    awards: 'جوایز',
    certificates: 'گواهینامه‌ها',
    skills: 'مهارت‌ها',
    languages: 'زبان‌ها',
    interests: 'علایق',
    references: 'معرف‌ها',
  },
  present: 'تاکنون',
  expected: '{0} (پیش‌بینی‌شده)',
  degree: '{0} {1}',
  advisor: 'استاد راهنما: {0}',
  courses: 'دروس: {0}',
  firstAuthor: 'نویسندهٔ اول',
  etAl: ' و همکاران',
  scores: 'امتیاز داوران {0}',
  status: {
    published: 'منتشرشده',
    accepted: 'پذیرفته‌شده',
    'under-review': 'در حال داوری',
    'in-preparation': 'در دست تهیه',
    preprint: 'پیش‌انتشار',
  },
  cv: 'رزومه',
  updated: 'به‌روزرسانی: {0}',
  comma: '، ',
  open: ' (',
  close: ')',
};

const he: Labels = {
  sections: {
    education: 'השכלה',
    publications: 'פרסומים',
    work: 'ניסיון תעסוקתי',
    projects: 'פרויקטים',
    volunteer: 'התנדבות',
    awards: 'פרסים',
    certificates: 'תעודות',
    skills: 'כישורים',
    languages: 'שפות',
    interests: 'תחומי עניין',
    references: 'ממליצים',
  },
  present: 'היום',
  expected: '{0} (צפוי)',
  degree: '{0} ב{1}',
  advisor: 'מנחה: {0}',
  courses: 'קורסים: {0}',
  firstAuthor: 'מחבר ראשון',
  etAl: ' ואחרים',
  scores: 'ציוני שיפוט {0}',
  status: {
    published: 'פורסם',
    accepted: 'התקבל',
    'under-review': 'בשיפוט',
    'in-preparation': 'בהכנה',
    preprint: 'טיוטה מוקדמת',
  },
  cv: 'קורות חיים',
  updated: 'עודכן: {0}',
  ...LATIN,
};

const hi: Labels = {
  sections: {
    education: 'शिक्षा',
    publications: 'प्रकाशन',
    work: 'कार्य अनुभव',
    projects: 'परियोजनाएँ',
    volunteer: 'स्वयंसेवा',
    awards: 'पुरस्कार',
    certificates: 'प्रमाणपत्र',
    skills: 'कौशल',
    languages: 'भाषाएँ',
    interests: 'रुचियाँ',
    references: 'संदर्भ',
  },
  present: 'वर्तमान',
  expected: '{0} (अपेक्षित)',
  degree: '{0}, {1}',
  advisor: 'मार्गदर्शक: {0}',
  courses: 'पाठ्यक्रम: {0}',
  firstAuthor: 'प्रथम लेखक',
  etAl: ' एवं अन्य',
  scores: 'समीक्षा अंक {0}',
  status: {
    published: 'प्रकाशित',
    accepted: 'स्वीकृत',
    'under-review': 'समीक्षाधीन',
    'in-preparation': 'तैयारी में',
    preprint: 'प्रीप्रिंट',
  },
  cv: 'बायोडाटा',
  updated: 'अद्यतन: {0}',
  ...LATIN,
};

const bn: Labels = {
  sections: {
    education: 'শিক্ষা',
    publications: 'প্রকাশনা',
    work: 'কর্ম অভিজ্ঞতা',
    projects: 'প্রকল্প',
    volunteer: 'স্বেচ্ছাসেবা',
    awards: 'পুরস্কার',
    certificates: 'সনদপত্র',
    skills: 'দক্ষতা',
    languages: 'ভাষা',
    interests: 'আগ্রহ',
    references: 'রেফারেন্স',
  },
  present: 'বর্তমান',
  expected: '{0} (প্রত্যাশিত)',
  degree: '{0}, {1}',
  advisor: 'তত্ত্বাবধায়ক: {0}',
  courses: 'কোর্স: {0}',
  firstAuthor: 'প্রথম লেখক',
  etAl: ' ও অন্যান্য',
  scores: 'পর্যালোচনা নম্বর {0}',
  status: {
    published: 'প্রকাশিত',
    accepted: 'গৃহীত',
    'under-review': 'পর্যালোচনাধীন',
    'in-preparation': 'প্রস্তুতিতে',
    preprint: 'প্রিপ্রিন্ট',
  },
  cv: 'জীবনবৃত্তান্ত',
  updated: 'হালনাগাদ: {0}',
  ...LATIN,
};

const ta: Labels = {
  sections: {
    education: 'கல்வி',
    publications: 'வெளியீடுகள்',
    work: 'பணி அனுபவம்',
    projects: 'திட்டங்கள்',
    volunteer: 'தன்னார்வப் பணி',
    awards: 'விருதுகள்',
    certificates: 'சான்றிதழ்கள்',
    skills: 'திறன்கள்',
    languages: 'மொழிகள்',
    interests: 'ஆர்வங்கள்',
    references: 'பரிந்துரையாளர்கள்',
  },
  present: 'தற்போது',
  expected: '{0} (எதிர்பார்க்கப்படுகிறது)',
  degree: '{0}, {1}',
  advisor: 'வழிகாட்டி: {0}',
  courses: 'பாடங்கள்: {0}',
  firstAuthor: 'முதல் ஆசிரியர்',
  etAl: ' மற்றும் பலர்',
  scores: 'மதிப்பீட்டு மதிப்பெண்கள் {0}',
  status: {
    published: 'வெளியிடப்பட்டது',
    accepted: 'ஏற்கப்பட்டது',
    'under-review': 'மதிப்பாய்வில்',
    'in-preparation': 'தயாரிப்பில்',
    preprint: 'முன்பதிப்பு',
  },
  cv: 'சுயவிவரம்',
  updated: 'புதுப்பிக்கப்பட்டது: {0}',
  ...LATIN,
};

const th: Labels = {
  sections: {
    education: 'การศึกษา',
    publications: 'ผลงานตีพิมพ์',
    work: 'ประสบการณ์ทำงาน',
    projects: 'โครงการ',
    volunteer: 'งานอาสาสมัคร',
    awards: 'รางวัล',
    certificates: 'ใบรับรอง',
    skills: 'ทักษะ',
    languages: 'ภาษา',
    interests: 'ความสนใจ',
    references: 'บุคคลอ้างอิง',
  },
  present: 'ปัจจุบัน',
  expected: '{0} (คาดว่า)',
  degree: '{0} {1}',
  advisor: 'อาจารย์ที่ปรึกษา: {0}',
  courses: 'รายวิชา: {0}',
  firstAuthor: 'ผู้เขียนหลัก',
  etAl: ' และคณะ',
  scores: 'คะแนนผู้ประเมิน {0}',
  status: {
    published: 'ตีพิมพ์แล้ว',
    accepted: 'ได้รับการตอบรับ',
    'under-review': 'อยู่ระหว่างพิจารณา',
    'in-preparation': 'อยู่ระหว่างเตรียม',
    preprint: 'ฉบับร่าง',
  },
  cv: 'ประวัติย่อ',
  updated: 'ปรับปรุง {0}',
  ...LATIN,
};

const ka: Labels = {
  sections: {
    education: 'განათლება',
    publications: 'პუბლიკაციები',
    work: 'სამუშაო გამოცდილება',
    projects: 'პროექტები',
    volunteer: 'მოხალისეობა',
    awards: 'ჯილდოები',
    certificates: 'სერტიფიკატები',
    skills: 'უნარები',
    languages: 'ენები',
    interests: 'ინტერესები',
    references: 'რეკომენდატორები',
  },
  present: 'დღემდე',
  expected: '{0} (მოსალოდნელი)',
  degree: '{0}, {1}',
  advisor: 'ხელმძღვანელი: {0}',
  courses: 'კურსები: {0}',
  firstAuthor: 'პირველი ავტორი',
  etAl: ' და სხვ.',
  scores: 'შეფასებები {0}',
  status: {
    published: 'გამოქვეყნებული',
    accepted: 'მიღებული',
    'under-review': 'რეცენზირებაზე',
    'in-preparation': 'მზადდება',
    preprint: 'პრეპრინტი',
  },
  cv: 'რეზიუმე',
  updated: 'განახლდა: {0}',
  ...LATIN,
};

const hy: Labels = {
  sections: {
    education: 'Կրթություն',
    publications: 'Հրապարակումներ',
    work: 'Աշխատանքային փորձ',
    projects: 'Նախագծեր',
    volunteer: 'Կամավորություն',
    awards: 'Մրցանակներ',
    certificates: 'Վկայականներ',
    skills: 'Հմտություններ',
    languages: 'Լեզուներ',
    interests: 'Հետաքրքրություններ',
    references: 'Երաշխավորներ',
  },
  present: 'մինչ օրս',
  expected: '{0} (սպասվող)',
  degree: '{0}, {1}',
  advisor: 'Ղեկավար՝ {0}',
  courses: 'Դասընթացներ՝ {0}',
  firstAuthor: 'առաջին հեղինակ',
  etAl: ' և ուրիշներ',
  scores: 'գնահատականներ {0}',
  status: {
    published: 'հրապարակված',
    accepted: 'ընդունված',
    'under-review': 'գրախոսման փուլում',
    'in-preparation': 'պատրաստման փուլում',
    preprint: 'նախատպություն',
  },
  cv: 'Ինքնակենսագրություն',
  updated: 'թարմացվել է՝ {0}',
  ...LATIN,
};

const id: Labels = {
  sections: {
    education: 'Pendidikan',
    publications: 'Publikasi',
    work: 'Pengalaman Kerja',
    projects: 'Proyek',
    volunteer: 'Kegiatan Sukarela',
    awards: 'Penghargaan',
    certificates: 'Sertifikat',
    skills: 'Keahlian',
    languages: 'Bahasa',
    interests: 'Minat',
    references: 'Referensi',
  },
  present: 'sekarang',
  expected: '{0} (perkiraan)',
  degree: '{0} {1}',
  advisor: 'Pembimbing: {0}',
  courses: 'Mata kuliah: {0}',
  firstAuthor: 'penulis pertama',
  etAl: ' dkk.',
  scores: 'nilai penelaah {0}',
  status: {
    published: 'terbit',
    accepted: 'diterima',
    'under-review': 'sedang ditelaah',
    'in-preparation': 'dalam persiapan',
    preprint: 'pracetak',
  },
  cv: 'CV',
  updated: 'diperbarui {0}',
  ...LATIN,
};

const ro: Labels = {
  sections: {
    education: 'Educație',
    publications: 'Publicații',
    work: 'Experiență profesională',
    projects: 'Proiecte',
    volunteer: 'Voluntariat',
    awards: 'Premii',
    certificates: 'Certificări',
    skills: 'Competențe',
    languages: 'Limbi străine',
    interests: 'Interese',
    references: 'Referințe',
  },
  present: 'prezent',
  expected: '{0} (estimat)',
  degree: '{0} în {1}',
  advisor: 'Coordonator: {0}',
  courses: 'Cursuri: {0}',
  firstAuthor: 'prim autor',
  etAl: ' et al.',
  scores: 'evaluări {0}',
  status: {
    published: 'publicat',
    accepted: 'acceptat',
    'under-review': 'în evaluare',
    'in-preparation': 'în pregătire',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'actualizat {0}',
  ...LATIN,
};

const hu: Labels = {
  sections: {
    education: 'Tanulmányok',
    publications: 'Publikációk',
    work: 'Szakmai tapasztalat',
    projects: 'Projektek',
    volunteer: 'Önkéntes munka',
    awards: 'Díjak',
    certificates: 'Tanúsítványok',
    skills: 'Készségek',
    languages: 'Nyelvtudás',
    interests: 'Érdeklődés',
    references: 'Referenciák',
  },
  present: 'jelenleg',
  expected: '{0} (várható)',
  degree: '{0}, {1}',
  advisor: 'Témavezető: {0}',
  courses: 'Kurzusok: {0}',
  firstAuthor: 'első szerző',
  etAl: ' és mtsai.',
  scores: 'bírálati pontszámok {0}',
  status: {
    published: 'megjelent',
    accepted: 'elfogadva',
    'under-review': 'bírálat alatt',
    'in-preparation': 'előkészületben',
    preprint: 'preprint',
  },
  cv: 'Önéletrajz',
  updated: 'frissítve: {0}',
  ...LATIN,
};

const fi: Labels = {
  sections: {
    education: 'Koulutus',
    publications: 'Julkaisut',
    work: 'Työkokemus',
    projects: 'Projektit',
    volunteer: 'Vapaaehtoistyö',
    awards: 'Palkinnot',
    certificates: 'Sertifikaatit',
    skills: 'Osaaminen',
    languages: 'Kielitaito',
    interests: 'Kiinnostuksen kohteet',
    references: 'Suosittelijat',
  },
  present: 'nykyään',
  expected: '{0} (arvioitu)',
  degree: '{0}, {1}',
  advisor: 'Ohjaaja: {0}',
  courses: 'Kurssit: {0}',
  firstAuthor: 'ensimmäinen kirjoittaja',
  etAl: ' ym.',
  scores: 'arviot {0}',
  status: {
    published: 'julkaistu',
    accepted: 'hyväksytty',
    'under-review': 'arvioitavana',
    'in-preparation': 'valmisteilla',
    preprint: 'preprint',
  },
  cv: 'CV',
  updated: 'päivitetty {0}',
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
  it,
  nl,
  cs,
  sv,
  tr,
  uk,
  fa,
  he,
  hi,
  bn,
  ta,
  th,
  ka,
  hy,
  id,
  ro,
  hu,
  fi,
};

/** The table for a BCP 47 locale: its language's, else English. */
export function labelsFor(locale: string): Labels {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return LABELS[language] ?? en;
}

/** Languages written in Arabic script without a table of their own, which use its comma. */
const ARABIC_COMMA = new Set(['ur', 'ps', 'ckb', 'sd', 'ug']);

/**
 * What stands between the middle items of a list in `locale`, as `Intl` writes a list; the
 * table's comma where that is a word ("و", "and" in Arabic) rather than punctuation.
 */
function listSeparator(locale: string, comma: string): string {
  try {
    const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts([
      'a',
      'b',
      'c',
      'd',
    ]);
    // Without the direction marks CLDR adds after the Persian comma: the page sets direction.
    const middle = (parts.filter((part) => part.type === 'literal')[1]?.value ?? '').replace(
      /\p{Cf}/gu,
      '',
    );
    return middle !== '' && !/\p{L}/u.test(middle) ? middle : comma;
  } catch {
    return comma;
  }
}

/** The separators of a page in `language`: its table's, Arabic's for Urdu and Pashto, else English. */
export function separatorsFor(language: string): Separators {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  const { comma, open, close } = ARABIC_COMMA.has(primary) ? ar : labelsFor(primary);
  return { list: listSeparator(language, comma), comma, open, close };
}

/** Puts the résumé's text into a label: fill('{0} in {1}', 'Ph.D.', 'Physics'). */
export function fill(label: string, ...parts: string[]): string {
  return label.replace(/\{(\d)\}/g, (_, index: string) => parts[Number(index)] ?? '');
}
