// Request `concordance/articles`: the list of the Convention's articles, for pickers.
//
//   params: {} (none)
//   result: [{ article: number, title: string, chapter: string, chapterTitle: string, obligation: string, budapest: string[] }]
import type { Analyzer } from '../analysis/analyze';

export interface ArticleListEntry {
  article: number;
  title: string;
  chapter: string;
  chapterTitle: string;
  obligation: string;
  budapest: string[];
}

export function articlesRequest(analyzer: Analyzer): ArticleListEntry[] {
  const data = analyzer.data;
  return [...data.articles]
    .sort((a, b) => a.article - b.article)
    .map((a) => ({
      article: a.article,
      title: a.title,
      chapter: a.chapter,
      chapterTitle: data.chapters.find((c) => c.chapter === a.chapter)?.title ?? '',
      obligation: a.obligation,
      budapest: a.budapest,
    }));
}
