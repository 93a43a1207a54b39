import * as v from 'valibot'
import { extractFacts } from './facts/extract'
import { FactsSchema } from './facts/types'
import { generateHeadline } from './summary/headline'
import { extractKeywords, KeywordSchema } from './summary/keywords'
import { DEFAULT_SUMMARY_SENTENCES, summarize, SummarySchema } from './summary/summarize'
import { readDocument } from '../text/document'

/** What `analyzeArticle` derives from a text: the answer of `POST /api/extract`, and what the build stores of every article. */
export const AnalysisSchema = v.object({
  title: v.string(),
  titleGenerated: v.pipe(v.boolean(), v.description('True when no title was given and this one was written from the text.')),
  summary: SummarySchema,
  keywords: v.pipe(v.array(KeywordSchema), v.description('Best first.')),
  facts: FactsSchema,
})

export type Analysis = v.InferOutput<typeof AnalysisSchema>

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
