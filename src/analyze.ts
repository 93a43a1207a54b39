import { extractFacts } from './facts/extract'
import type { Facts } from './facts/types'
import { generateHeadline } from './summary/headline'
import { extractKeywords, type Keyword } from './summary/keywords'
import { DEFAULT_SUMMARY_SENTENCES, summarize, type Summary } from './summary/summarize'

export type Analysis = { title: string; titleGenerated: boolean; summary: Summary; keywords: Keyword[]; facts: Facts }

export type AnalyzeInput = { text: string; title?: string; date?: string; summarySentences?: number }

/** Everything the service derives from an article's text: run once per article at build time, and per request on posted text. */
export function analyzeArticle({ text, title, date, summarySentences = DEFAULT_SUMMARY_SENTENCES }: AnalyzeInput): Analysis {
  const keywords = extractKeywords(text)
  return {
    title: title ?? generateHeadline(text),
    titleGenerated: title === undefined,
    summary: summarize(text, summarySentences, { ...(title === undefined ? {} : { title }), keywords }),
    keywords,
    facts: extractFacts(text, date === undefined ? {} : { date }),
  }
}

