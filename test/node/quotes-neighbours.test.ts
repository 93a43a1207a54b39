import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Speakers named in the sentence before or after a quote, titles that run before a name, and honours after it.
// The whole extractor runs, so the names are found as a reader of the text would find them. Invented sentences.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker ?? null])

describe('speakers in a neighbouring sentence', () => {
  it('takes the speaker from a short sentence of attribution after a quote that ends its own sentence', () => {
    expect(speakers('The storm hit on Monday.\n\n"We will rebuild every house in this town." Mayor Ana Pirelli said on Tuesday.')).toEqual([
      ['We will rebuild', 'Ana Pirelli'],
    ])
  })

  it('takes the speaker from the sentence before, in the same paragraph, where someone describes or says something', () => {
    expect(speakers('Tomas Berger, of the regional council, described the scene. "The explosion was very powerful and shook the whole valley."')).toEqual([
      ['The explosion was', 'Tomas Berger'],
    ])
  })

  it('does not take a speaker from a sentence before that quotes someone else, nor across a paragraph break', () => {
    expect(speakers('Tomas Berger described the scene.\n\n"The explosion was very powerful and shook the whole valley."')).toEqual([
      ['The explosion was', null],
    ])
  })

  it('leaves a pronoun for someone unnamed in its paragraph unresolved rather than reaching back to an earlier paragraph', () => {
    const text =
      'Judge Carla Wendt said the men "showed no respect for anyone at all".\n\nOne of the victims spoke to the court. She said she wanted to show others "there is nothing to be ashamed of".'
    expect(speakers(text)).toEqual([
      ['showed no respect', 'Carla Wendt'],
      ['there is nothing', null],
    ])
  })
})

describe('verbs of speaking that are not "said"', () => {
  it('takes the speaker who spoke on a programme, defended, criticised or informed someone before the quote', () => {
    expect(speakers('Senator Maria Lindqvist spoke on Radio Nord, "This plan will close every clinic in the valley."')).toEqual([
      ['This plan will', 'Maria Lindqvist'],
    ])
    expect(speakers('Governor Paul Okafor defended the budget, "Every school will still get its full grant this year."')).toEqual([
      ['Every school will', 'Paul Okafor'],
    ])
    expect(speakers('Elena Castell criticised the ruling. "The judges have ignored the evidence we gave them."')).toEqual([
      ['The judges have', 'Elena Castell'],
    ])
    expect(speakers('Officers spoke with Dana Whitfield at her home. She informed them "that she had never owned a car".')).toEqual([
      ['that she had', 'Dana Whitfield'],
    ])
  })

  it('takes the one who denounced, vowed or cited the words, even a short quote', () => {
    expect(speakers('In the letter, Minister Tomas Varga cited the council\'s "repeated failure to pay its staff" as his reason.')).toEqual([
      ['repeated failure to', 'Tomas Varga'],
    ])
    expect(speakers('Mayor Ana Ruiz denounced the plan as "a plain land grab".')).toEqual([['a plain land', 'Ana Ruiz']])
    expect(speakers('Coach Lena Brandt vowed "to win the cup next year" after the defeat.')).toEqual([['to win the', 'Lena Brandt']])
  })
})

describe('speakers behind descriptions of their field and affiliation', () => {
  it('reads lower-case words of a field before an office word, and an aside after an affiliation', () => {
    expect(speakers('Another author, marine and coastal ecology professor Ines Larsen, said, "The reef recovered faster than we expected."')).toEqual([
      ['The reef recovered', 'Ines Larsen'],
    ])
    expect(speakers('Tomas Berger of the University of Tarrow, speaking to Radio Nord, said, "The court has gone further than ever before."')).toEqual([
      ['The court has', 'Tomas Berger'],
    ])
  })
})

describe('a pronoun after an opening phrase', () => {
  it('resolves "Speaking to …, she said" to the one person in the paragraph who is not only an owner or spoken to', () => {
    const text =
      'Ana Ruiz called Tomas Berger\'s offer "an insult to every worker". She thanked the union for its support. Speaking to Radio Nord, she said, "We will not sign anything this week."'
    expect(speakers(text)).toEqual([
      ['an insult to', 'Ana Ruiz'],
      ['We will not', 'Ana Ruiz'],
    ])
  })

  it('resolves "he said" after a time or place phrase with no comma, past an aside between dashes', () => {
    const text =
      'Tomas Varga has said the port must reopen by May. On March 3 — two days after the council vote — he said he remained "cautiously optimistic" about a deal. On the radio he said, "The ships will sail again."'
    expect(speakers(text)).toEqual([
      ['cautiously optimistic', 'Tomas Varga'],
      ['The ships will', 'Tomas Varga'],
    ])
  })
})

describe('speakers behind titles and honours', () => {
  it('reads lower-case title words before a name and an aside before the verb', () => {
    expect(speakers('Senior vice president Marco Lenzi added, "The safety of our customers comes first."')).toEqual([['The safety of', 'Marco Lenzi']])
    expect(speakers('Red Cross chair Paolo Ricci, in remarks to the BBC, said "A lot of people have lost their homes".')).toEqual([['A lot of', 'Paolo Ricci']])
  })

  it('reads honours after a name as no part of it and no organisation', () => {
    const facts = extractFacts('Judge Carla Wendt QC said they "appear not to have shown any respect for the rules."')
    expect(facts.entities.map((entity) => [entity.name, entity.type])).toEqual([['Carla Wendt', 'person']])
    expect(facts.quotes[0]?.speaker).toBe('Carla Wendt')
  })

  it('reads "characterized … as" as attribution', () => {
    expect(speakers('The Foreign Ministry of Freedonia characterized the attack as "a serious violation of our sovereignty".')).toEqual([
      ['a serious violation', 'Foreign Ministry of Freedonia'],
    ])
  })
})

describe('a speaker told by relation before the name', () => {
  it('takes the person named in commas after "said his brother", "said the family lawyer"', () => {
    expect(speakers('"The day was very hard for all of us," said his brother, Tomas Berger, after the service. "It was hard for the whole family."')).toEqual([
      ['The day was', 'Tomas Berger'],
      ['It was hard', 'Tomas Berger'],
    ])
    expect(speakers('"We expected a better result from the jury," said the family lawyer, Ana Ruiz.')).toEqual([['We expected a', 'Ana Ruiz']])
  })

  it('takes no name that does not follow the comma at once', () => {
    expect(speakers('"We will appeal the ruling in this case," said her lawyer, who later met Ana Ruiz.')).toEqual([['We will appeal', null]])
  })
})

describe('descriptions before a speaker', () => {
  it('reads an office of a body named in lower case before the name ("speaker of the parliament X")', () => {
    expect(
      speakers('Offering his condolences, speaker of the parliament Tomas Berger wrote on Instagram: "The years of his life were given to the town."'),
    ).toEqual([['The years of', 'Tomas Berger']])
  })

  it('reads a description before "named" ("a university student named X said")', () => {
    expect(speakers('A university student named Okafor said, "Even in the rain, the people of this city never back down."')).toEqual([
      ['Even in the', 'Okafor'],
    ])
  })
})

describe('an affiliation is not the speaker', () => {
  it('gives the quote to the person, not to the party after "of the opposition"', () => {
    expect(speakers('Tomas Berger of the opposition Green Party said, "We will not vote for this budget at all."')).toEqual([['We will not', 'Tomas Berger']])
  })
})

describe('a quote after a colon with no verb of speaking', () => {
  it('gives the words after the colon to the subject of the clause before it', () => {
    const text =
      'In a statement, the Freedonian Ministry of Defence justified the strike as "defensive" in nature: "The army has taken decisive action to protect our people."'
    expect(speakers(text)).toEqual([['The army has', 'Freedonian Ministry of Defence']])
    expect(speakers('Former deputy director Tomas Berger praised Ruiz on Twitter: "She was one of the best officers we ever had."')).toEqual([
      ['She was one', 'Tomas Berger'],
    ])
  })

  it('gives none when the clause before the colon has no named subject', () => {
    expect(speakers('The crowd grew quiet as the letter was read: "We will never forget the people we lost."')).toEqual([['We will never', null]])
  })
})
