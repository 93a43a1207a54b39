import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Speakers of quotes and actors of statements by class of error read on the blind sets gold-blind5 to gold-blind8
// (issue 17, round 12). The whole extractor runs on invented sentences, so names are found as a reader would find them.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker ?? null])
const statements = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb])

describe('long appositions and opening phrases', () => {
  it('reads an actor past a relative clause of more than a hundred characters', () => {
    const text =
      'Ana Ruiz, who was the regional envoy to the international commission on water rights in the southern provinces until March, also criticized the decision on Monday.'
    expect(statements(text)).toEqual([['Ana Ruiz', 'criticized']])
  })

  it('reads a speaker named after a description of more than eighty characters and a comma', () => {
    const text =
      'The then-director of the harbour trust and chair of the northern coast tourism board of directors, Tomas Berger, said "the town cannot afford to lose its oldest hotel."'
    expect(speakers(text)).toEqual([['the town cannot', 'Tomas Berger']])
  })
})

describe('speakers of relative clauses and asides', () => {
  it('gives a quote to the subject of "which X describes as"', () => {
    const text =
      'The bill would allow people visiting the island to be sent to the mainland and tried under its legal system, which the Daily Courier describes as "marred by forced confessions and arbitrary detentions."'
    expect(speakers(text)).toEqual([['marred by forced', 'Daily Courier']])
  })

  it('leaves a word or two after "what X called" as a label, not speech', () => {
    expect(speakers('The plan was met with what the Daily Courier called "fury" from local tourism chiefs.')).toEqual([])
  })

  it('does not give a quote to the subject of an aside between dashes', () => {
    const text =
      'Ana Ruiz, the speaker of the assembly, commented on the matter — which the Daily Courier noted as an unusual move — "However it is dressed up, the purpose is obvious."'
    expect(speakers(text)).toEqual([['However it is', 'Ana Ruiz']])
  })
})

describe('speakers of a clause before an earlier quote or a colon', () => {
  it('gives a quote after "and said" to the subject of the clause that an earlier quote of the sentence cut off', () => {
    const text = 'The Foreign Ministry gave its "deepest sympathies" and said such cases were given "intense attention at senior levels".'
    expect(speakers(text)).toEqual([['intense attention at', 'Foreign Ministry']])
  })

  it('reads a subject past its acronym in brackets and a comma before its verb', () => {
    const text =
      'One of these groups, the Northern Alliance Forces (NAF), opposed the withdrawal and said it had been given "assurances that no military operation would follow."'
    expect(speakers(text)).toEqual([['assurances that no', 'Northern Alliance Forces']])
  })

  it('gives a quote after a colon to the person a pronoun before it stands for', () => {
    const text =
      'Tomas Berger ordered three days of mourning. In his message, he praised the general: "He was a stellar example of those trained in the old school."'
    expect(speakers(text)).toEqual([['He was a', 'Tomas Berger']])
  })

  it('gives a participle after "and" and an earlier quote to its own subject, not to the subject of the sentence', () => {
    const text =
      'The Republican Caucus attacked the inquiry, with Ana Ruiz calling it "deeply unfair" and Tomas Berger of Ohio calling the process "a blatant attempt to unseat the council."'
    expect(speakers(text)).toEqual([
      ['deeply unfair', 'Ana Ruiz'],
      ['a blatant attempt', 'Tomas Berger'],
    ])
  })
})

describe('actors and targets of statements', () => {
  const withTargets = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb, statement.target ?? null])

  it('takes what is owned as the target of a criticism, not its owner ("the Senate\'s decision")', () => {
    const text = "Maria Okonjo, spokeswoman for the Department of Justice, sharply criticized the Senate's decision on Monday."
    expect(withTargets(text)).toEqual([['Maria Okonjo', 'criticized', 'decision']])
  })

  it('gives a claim by a person "and his supporters" to that person', () => {
    expect(statements('Tomas Berger and his supporters claimed the vote was rigged.')).toEqual([['Tomas Berger', 'claimed']])
  })

  it('names a campaign after the person the text names who leads it, and keeps it for the participle after it', () => {
    const text = 'Ana Ruiz will not debate online. The Ruiz campaign criticized the decision, accusing the organisers of bias.'
    expect(statements(text)).toEqual([
      ['Ruiz campaign', 'criticized'],
      ['Ruiz campaign', 'accusing'],
    ])
  })

  it('names no campaign after a word that is no person of the text', () => {
    expect(statements('The Freedom campaign criticized the decision.')).toEqual([])
  })
})

describe('quoted names of a kind of thing', () => {
  it('takes no quote from words that name the model, plan or principle after them', () => {
    const text = 'Since then, the territory has been governed under the "one country, two systems, one flag" model, meaning its courts stay apart.'
    expect(speakers(text)).toEqual([])
  })

  it('keeps a quote that only holds such a word', () => {
    expect(speakers('Ana Ruiz said "we have a plan and we will follow it" on Monday.')).toEqual([['we have a', 'Ana Ruiz']])
  })
})

describe('titles before a name', () => {
  it('reads a title that holds "to the" and a body before the name ("Ambassador to the United Nations")', () => {
    const text =
      'Former Ambassador to the United Nations Ana Ruiz wrote on Twitter, "We must always have the backs of our allies, if we expect them to have ours."'
    expect(speakers(text)).toEqual([['We must always', 'Ana Ruiz']])
  })

  it('reads describing words before an office, capitalised ones too ("the topmost senior Polish archbishop")', () => {
    const text = 'Speaking about the film, the topmost senior Polish archbishop Tomas Berger said, "I am deeply disturbed by what I saw in the film."'
    expect(speakers(text)).toEqual([['I am deeply', 'Tomas Berger']])
  })

  it("keeps a body inside a title, after an owner's name, out of the subject", () => {
    const text = "Maria Okonjo, spokeswoman for the Freedonia government's Department of Justice, sharply criticized the Senate's decision on Monday."
    expect(statements(text)).toEqual([['Maria Okonjo', 'criticized']])
  })
})

describe('speakers named by thanks, praise and "as X put it"', () => {
  it('gives a quote after "thanked" to the one who thanks', () => {
    const text = 'The mayor of the town, Ana Ruiz, thanked "the police, security and emergency services staff for their swift response".'
    expect(speakers(text)).toEqual([['the police, security', 'Ana Ruiz']])
  })

  it('gives a quote to the body named in an aside "as X put it"', () => {
    expect(speakers('For four days, traffic "ground to a halt" — as the Supreme Court decision put it — at the bridge.')).toEqual([
      ['ground to a', 'Supreme Court'],
    ])
  })
})

describe('statements in the passive', () => {
  const withTargets = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb, statement.target ?? null])

  it('gives a passive verb to each of the agents listed after "by"', () => {
    expect(withTargets('The attack was condemned by the European Union, Canada and Germany on Monday.')).toEqual([
      ['Canada', 'condemned', 'The attack'],
      ['Germany', 'condemned', 'The attack'],
      ['European Union', 'condemned', 'The attack'],
    ])
  })

  it('reads one agent and its apposition as one agent', () => {
    expect(withTargets("The charge was denied by Ana Ruiz, Berger's lawyer.")).toEqual([['Ana Ruiz', 'denied', 'The charge']])
  })

  it('leaves the auxiliaries before "been" out of the target', () => {
    expect(withTargets('The claim has been denied by the Ministry of Defence.')).toEqual([['Ministry of Defence', 'denied', 'The claim']])
  })
})

describe('"said X, the Y of Z" and "said the Y of Z, X"', () => {
  it.each([
    ['"We will rebuild every house," said Ana Ruiz, the mayor of Tolosa.'],
    ['"We will rebuild every house," said the mayor of Tolosa, Ana Ruiz.'],
    ['"We will rebuild every house," said the Minister for Foreign Affairs, Ana Ruiz.'],
    ['"We will rebuild every house," the mayor of Tolosa, Ana Ruiz, said.'],
  ])('gives the quote to the person in %s', (text) => {
    expect(speakers(text)).toEqual([['We will rebuild', 'Ana Ruiz']])
  })
})

describe('pronoun speakers among several people', () => {
  it('resolves "She said" to the one person who acts in the sentence before, not to the agent of its passive verb', () => {
    const text =
      'Tomas Berger flew above the rally. Former adviser Ana Ruiz was on stage while Tomas Berger flew over. This was the first time Ruiz made a public speech since she was pardoned by Berger. She said "That is pretty cool, imagine riding in a helicopter."'
    expect(speakers(text)).toEqual([['That is pretty', 'Ana Ruiz']])
  })
})

describe('speakers by "pointed out" and by their own document', () => {
  it('gives a quote after "pointed out" to the one who points it out', () => {
    const text = 'In support of her candidacy, Ana Ruiz pointed out she had "given up every title and lived as a commoner."'
    expect(speakers(text)).toEqual([['given up every', 'Ana Ruiz']])
  })

  it('gives a quote after "According to its press release, X was" to X', () => {
    const text = 'According to its press release, the National Basketball Association was "suspending game play until further notice."'
    expect(speakers(text)).toEqual([['suspending game play', 'National Basketball Association']])
  })
})

describe('a phrase of speaking between a subject and its verb', () => {
  it('reads a subject past "speaking to …" without commas', () => {
    const text = 'On Tuesday, Greek prime minister Ana Ruiz speaking to the Atlantic Council think tank called the border agreement "null and void".'
    expect(speakers(text)).toEqual([['null and void', 'Ana Ruiz']])
  })
})

describe('participle statements with a subject of their own (the lead convention of round 13)', () => {
  it('gives a claim or a denial after a comma to the subject of its clause', () => {
    expect(statements('Marta Quell testified in her own defence, claiming the ledgers had been forged.')).toEqual([['Marta Quell', 'claiming']])
    expect(statements('The Harbour Authority issued a short notice, denying any leak at the pier.')).toEqual([['Harbour Authority', 'denying']])
  })

  it('gives a participle right after a name and a comma to that name when its clause has no named subject', () => {
    expect(statements('He arranged a meeting between Ivo Brandt, claiming to speak for the ministry, and the mayor.')).toEqual([['Ivo Brandt', 'claiming']])
  })

  it('keeps the clause subject over a name the participle follows', () => {
    expect(statements('Mayor Tomas Berger lashed out at the council on Twitter, accusing it of delays.')).toEqual([['Tomas Berger', 'accusing']])
  })
})

describe('the named members of a group subject', () => {
  it('gives the statement to each body named after "including" or "such as"', () => {
    expect(statements('Several governments, including Norway, the African Union and Chile, have strongly condemned the shelling.')).toEqual([
      ['Norway', 'condemned'],
      ['African Union', 'condemned'],
      ['Chile', 'condemned'],
    ])
    expect(statements('Neighbouring states, such as Peru and Bolivia, denounced the coup.')).toEqual([
      ['Peru', 'denounced'],
      ['Bolivia', 'denounced'],
    ])
  })
})

describe('subjects of joined and relative clauses', () => {
  it('reads the subject of a clause joined by ", and" after a clause of its own', () => {
    expect(statements('The council voted to close the pier on Monday night, and the Harbour Safety Board (HSB) announced the decision.')).toEqual([
      ['Harbour Safety Board', 'announced'],
    ])
  })

  it('reads two subjects after "and both" in a sentence that opens with another clause', () => {
    expect(statements('The Unity Party won most seats in the Senate and both Ana Ruiz and Tomas Berger claimed victory.')).toEqual([
      ['Ana Ruiz', 'claimed'],
      ['Tomas Berger', 'claimed'],
    ])
  })

  it('does not take the last name of a list before ", and" for a clause subject', () => {
    expect(statements('Several banks, among them Norbank, Credit Lyra, and Westfold, have announced new fees.')).toEqual([])
  })

  it('gives a verb after ", who" to the name before it', () => {
    expect(statements('Some of his allies broke with him, such as former mayor Ivo Brandt, who denounced the plan as a scandal.')).toEqual([
      ['Ivo Brandt', 'denounced'],
    ])
    // The "who" after a niece of someone is the niece.
    expect(statements('A new claim came from a woman, a niece of the 2010 rival Marta Quell, who claimed the mayor lied.')).toEqual([])
  })

  it('gives a verb right after "but" to the subject of the clause before it', () => {
    expect(statements('Marta Quell said that the ledgers were late but denied that any money was missing.')).toEqual([['Marta Quell', 'denied']])
  })
})

// Round 15 (issue 17), by class of error read on gold-blind5 to gold-blind10; invented sentences.
describe('subjects of relative clauses, lists after "which include", adjectives before a title, bare "blame"', () => {
  it('gives a verb after ", which" to the organisation or country before it', () => {
    expect(statements('Voters gathered outside the Veltran Supreme Court, which rejected the appeal last week.')).toEqual([
      ['Veltran Supreme Court', 'rejected'],
    ])
    expect(statements('In mainland Portugal, which claims the islands, the law is strict.')).toEqual([['Portugal', 'claims']])
    // "which" after a person is no relative of that person.
    expect(statements('Residents praised Marta Quell, which announced nothing.')).toEqual([])
  })

  it('gives a verb to the name right after "what", "which" or "that" opening a clause inside the sentence', () => {
    expect(statements('The region reported cases of what the World Health Organization declared a pandemic.')).toEqual([
      ['World Health Organization', 'declared'],
    ])
    expect(statements('Reporters read the claims that Russia denied on Tuesday.')).toEqual([['Russia', 'denied']])
  })

  it('takes the named members of a group after "which include" or "who include"', () => {
    expect(statements('His critics, which include the rights group Amnesty International, blame him for the fires.')).toEqual([
      ['Amnesty International', 'blame'],
    ])
    expect(statements('Her opponents, who include senator Ivo Brandt, accused her of lying.')).toEqual([['Ivo Brandt', 'accused']])
  })

  it('reads "current", "incumbent" and "outgoing" before a title as part of the title', () => {
    expect(statements("Norvia's current President Ivo Brandt announced a week of mourning.")).toEqual([['Ivo Brandt', 'announced']])
    expect(statements('The outgoing Prime Minister Marta Quell denied the report.')).toEqual([['Marta Quell', 'denied']])
  })

  it('reads "blame" as a verb only before its object', () => {
    expect(statements('Amnesty International blame the army for the deaths.')).toEqual([['Amnesty International', 'blame']])
    expect(statements('Amnesty International took the blame for the delay.')).toEqual([])
  })

  it('takes senators, lawmakers and critics counted by "a number of", "several" or "many" as the actor', () => {
    expect(statements('A number of Senators condemned the closure of the station.')).toEqual([['Senators', 'condemned']])
    expect(statements('Several lawmakers denounced the deal.')).toEqual([['lawmakers', 'denounced']])
    expect(statements('Critics accused the minister of a cover-up.')).toEqual([['Critics', 'accused']])
  })

  it('takes what a team or office owns as the target, not the name describing the owner', () => {
    const found = extractFacts(
      "Marta Quell lost the count. Former governor Ivo Brandt, who denounced the Quell legal team's claims as a farce, spoke on Monday.",
    ).statements
    expect(found.map(({ actor, verb, target }) => [actor, verb, target])).toEqual([['Ivo Brandt', 'denounced', 'claims']])
  })

  it('reads the agent of a passive past "to be …" and an adverb ("was previously declared to be … by")', () => {
    expect(statements('The outbreak was previously declared to be an emergency by the World Health Organization.')).toEqual([
      ['World Health Organization', 'declared'],
    ])
  })

  it('reads past a day between the verb and its object ("declared tomorrow a day of mourning")', () => {
    const found = extractFacts('Mayor of Tolosa Ana Ruiz has declared tomorrow a day of mourning.').statements
    expect(found.map(({ actor, verb, target }) => [actor, verb, target])).toEqual([['Ana Ruiz', 'declared', 'a day of mourning']])
  })
})
