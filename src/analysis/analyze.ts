import { extractFacts } from './facts/extract'
import type { Facts } from './facts/types'
import { generateHeadline } from './summary/headline'
import { extractKeywords, type Keyword } from './summary/keywords'
import { DEFAULT_SUMMARY_SENTENCES, summarize, type Summary } from './summary/summarize'
import { readDocument } from '../text/document'

export type Analysis = { title: string; titleGenerated: boolean; summary: Summary; keywords: Keyword[]; facts: Facts }

export type AnalyzeInput = { text: string; title?: string; date?: string; summarySentences?: number }

/**
 * Everything the service derives from an article's text: run once per article at build time, and per request on posted text.
 * The text is read once (sentences, dateline) and that one document goes to every engine.
 */
export function analyzeArticle({ text, title, date, summarySentences = DEFAULT_SUMMARY_SENTENCES }: AnalyzeInput): Analysis {
  const document = readDocument(text)
  const keywords = extractKeywords(document)
  return {
    title: title ?? generateHeadline(document),
    titleGenerated: title === undefined,
    summary: summarize(document, summarySentences, { ...(title === undefined ? {} : { title }), keywords }),
    keywords,
    facts: extractFacts(document, date === undefined ? {} : { date }),
  }
}
