// The help center's strings, shipped with its chunk (the core's language files carry only the search box's label).
import type { Lang } from '../locale';

const KEYS = ['back', 'chat', 'none', 'popular', 'results', 'suggested', 'failed'] as const;

// In KEYS order, per language.
const TABLE: Record<Lang, string[]> = {
  en: [
    'Back',
    'Still need help? Chat with us',
    'No articles match your search.',
    'Popular articles',
    'Articles',
    'These articles may help',
    'The articles could not be loaded.',
  ],
  es: [
    'Volver',
    '¿Aún necesitas ayuda? Chatea con nosotros',
    'Ningún artículo coincide con tu búsqueda.',
    'Artículos populares',
    'Artículos',
    'Estos artículos pueden ayudarte',
    'No se pudieron cargar los artículos.',
  ],
  fr: [
    'Retour',
    "Besoin d'aide ? Discutez avec nous",
    'Aucun article ne correspond à votre recherche.',
    'Articles populaires',
    'Articles',
    'Ces articles peuvent vous aider',
    'Impossible de charger les articles.',
  ],
  de: [
    'Zurück',
    'Noch Fragen? Chatten Sie mit uns',
    'Keine Artikel passen zu Ihrer Suche.',
    'Beliebte Artikel',
    'Artikel',
    'Diese Artikel könnten helfen',
    'Die Artikel konnten nicht geladen werden.',
  ],
  pt: [
    'Voltar',
    'Ainda precisa de ajuda? Fale conosco',
    'Nenhum artigo corresponde à sua pesquisa.',
    'Artigos populares',
    'Artigos',
    'Estes artigos podem ajudar',
    'Não foi possível carregar os artigos.',
  ],
  zh: [
    '返回',
    '仍需要帮助？与我们聊天',
    '没有符合搜索的文章。',
    '热门文章',
    '文章',
    '这些文章可能有帮助',
    '无法加载文章。',
  ],
};

/** The help center's strings in `lang`. */
export const helpStrings = (lang: Lang): Record<(typeof KEYS)[number], string> =>
  Object.fromEntries(KEYS.map((k, i) => [k, TABLE[lang][i]!])) as never;
