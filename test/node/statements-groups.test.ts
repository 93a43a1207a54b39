import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../src/analysis/facts/statements'
import { sentencesOf } from './quotes-entities'

// Groups named by a common noun make statements too. Invented sentences.
const statements = (text: string) =>
  extractStatements(text, sentencesOf(text), []).map(({ actor, verb, target }) => ({ actor, verb, ...(target ? { target } : {}) }))

describe('statements by groups without a name', () => {
  it('takes police, officials, protesters and the like as the actor, as written', () => {
    expect(statements('Police announced the arrest on Monday.')).toEqual([{ actor: 'Police', verb: 'announced', target: 'the arrest' }])
    expect(statements('On Tuesday, officials announced a curfew.')).toEqual([{ actor: 'officials', verb: 'announced', target: 'a curfew' }])
    expect(statements('Protesters have claimed the vote was rigged.')).toEqual([{ actor: 'Protesters', verb: 'claimed' }])
  })

  it('takes firms and companies, and members of parties, as the actor, as written', () => {
    expect(statements('Norvian firms announced plans to leave the market.')).toEqual([{ actor: 'Norvian firms', verb: 'announced', target: 'plans' }])
    expect(statements('Members of opposition parties claimed the count was wrong.')).toEqual([{ actor: 'Members of opposition parties', verb: 'claimed' }])
  })

  it('does not take a vague "the government" nor a group inside another phrase', () => {
    expect(statements('The government announced new measures.')).toEqual([])
    expect(statements('A letter to the police denied the story.')).toEqual([])
  })
})
